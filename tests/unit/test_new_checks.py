"""The checks a reviser's eye catches, on crafted messages: each fires on the bad translation and
stays silent on the good one; the typography fixes are safe and idempotent."""

import pytest

from l10n_article.translate.quality.checks import CHECKS, Message, run_checks
from l10n_article.translate.quality.consistency import Translated, check_consistency
from l10n_article.translate.quality.glossary import Term
from l10n_article.translate.quality.spelling import dictionary
from l10n_article.translate.quality.typography import fix_typography

COSTA = Term({"fr": "António Costa", "en": "António Costa", "ru": "Антониу Кошта", "kk": "Антониу Кошта"})
SUMMIT = "Le sommet s’est tenu à Samarcande. Il a duré deux jours."
LINK = "Voir [le communiqué](https://x.org/fr/communique)."


def case(name, check, source, translation, language, **fields):
    return pytest.param(check, Message(source, translation, language, "fr", (COSTA,), **fields), id=name)


FIRES = [
    case("doubled-words-en", "doubled-words", "Le sommet.", "The the summit.", "en"),
    case("doubled-words-ru", "doubled-words", "Le sommet.", "Саммит саммит прошёл.", "ru"),
    case("sentences-dropped", "sentences", SUMMIT, "The summit was held in Samarkand.", "en"),
    case("brackets-unclosed", "brackets", "Les pays (cinq).", "The countries (five.", "en"),
    case("brackets-guillemet-unclosed", "brackets", "« la pierre angulaire »", "«краеугольный камень", "ru"),
    case("links-target-changed", "links", LINK, "See [the statement](https://x.org/en/statement).", "en"),
    case("links-target-dropped", "links", LINK, "See the statement.", "en"),
    case("mixed-scripts-latin-a-in-russian", "mixed-scripts", "Le Kazakhstan.", "Кaзахстан.", "ru"),
    case("mixed-scripts-cyrillic-o-in-english", "mixed-scripts", "Le Kazakhstan.", "Kazakhstаn.", "en"),
    case("script-cyrillic-in-english", "script", "Le Kazakhstan.", "Kazakhstan (Казахстан).", "en"),
    case("invisible-zero-width-space", "invisible", "Le sommet.", "The sum\u200bmit.", "en"),
    case("invisible-soft-hyphen", "invisible", "Le sommet.", "Сам\u00adмит.", "ru"),
    case("invisible-control", "invisible", "Le sommet.", "The summit\u0007.", "en"),
    case("typography-french-colon", "typography", "Summit: now", "Sommet : maintenant", "fr"),
    case("typography-french-guillemets", "typography", "the “summit”", "le « sommet »", "fr"),
    case("typography-russian-billions", "typography", "12 milliards", "12 млрд евро", "ru"),
    case("typography-kazakh-dash", "typography", "A — B", "Қазақстан — ел", "kk"),
    case("typography-ellipsis", "typography", "Et puis…", "And then...", "en"),
    case("max-length-flag", "max-length", "Un titre", "A title far too long for its place", "en", max_length=10),
    case("quotes-german-inner-outside", "quotes", "« le sommet »", "‚der Gipfel‘", "de"),
]

SILENT = [
    case("doubled-words-ok", "doubled-words", "Le sommet.", "The summit, the talks.", "en"),
    case("doubled-words-in-source-ok", "doubled-words", "Nous nous sommes vus.", "Nous nous sommes vus.", "fr"),
    case("sentences-ok", "sentences", SUMMIT, "The summit was held in Samarkand. It lasted two days.", "en"),
    case("sentences-split-ok", "sentences", "Le sommet a duré deux jours.", "It met. It lasted two days.", "en"),
    case("brackets-ok", "brackets", "Les pays (cinq).", "The countries (five).", "en"),
    case("brackets-link-ok", "brackets", LINK, "See [the statement](https://x.org/fr/communique).", "en"),
    case("brackets-as-source-ok", "brackets", "Soit a) un, b) deux.", "Either a) one, b) two.", "en"),
    case("links-ok", "links", LINK, "See [the statement](https://x.org/fr/communique).", "en"),
    case("mixed-scripts-ok", "mixed-scripts", "La plateforme C5+UE.", "Платформа C5+ЕС.", "ru"),
    case("script-name-of-source-ok", "script", "Le Kazakhstan et la Russie.", "Kazakhstan and Russia.", "en"),
    case("invisible-ok", "invisible", "Le sommet.", "The summit.", "en"),
    case("invisible-as-source-ok", "invisible", "Le som\u00admet.", "The sum\u00admit.", "en"),
    case("typography-french-ok", "typography", "Summit: now", "Sommet\u00a0: maintenant", "fr"),
    case("typography-russian-ok", "typography", "12 milliards", "12\u00a0млрд евро", "ru"),
    case("typography-english-ok", "typography", "Et puis…", "And then…", "en"),
    case("typography-code-span-untouched-ok", "typography", "Tapez `a  b...`", "Type `a  b...`", "en"),
    case("max-length-ok", "max-length", "Un titre", "A title", "en", max_length=10),
    case("max-length-none-ok", "max-length", "Un titre", "A title far too long for its place", "en"),
    case("quotes-german-ok", "quotes", "« le sommet »", "„der Gipfel“", "de"),
]


@pytest.mark.parametrize("check, message", FIRES)
def test_the_new_check_fires_on_a_bad_translation(check, message):
    assert [f for f in run_checks(message) if f.check == check]


@pytest.mark.parametrize("check, message", SILENT)
def test_the_new_check_stays_silent_on_a_good_translation(check, message):
    assert [f for f in run_checks(message) if f.check == check] == []


@pytest.mark.parametrize("text, language, fixed", [
    ("Mais à quoi bon ? Rien : « oui »...", "fr", "Mais à quoi bon\u202f? Rien\u00a0: «\u00a0oui\u00a0»…"),
    ("Это 12 млрд евро — много.", "ru", "Это 12\u00a0млрд евро\u00a0— много."),
    ('He said "yes"  and *left*...', "en", "He said “yes” and *left*…"),
    ('Er sagte "ja".', "de", "Er sagte „ja“."),
    ('[a "b"](https://x.org/?a "t") `a  "b"...`', "en", '[a “b”](https://x.org/?a "t") `a  "b"...`'),
    ('One "unpaired quote.', "en", 'One "unpaired quote.'),
], ids=["french", "russian", "english", "german", "markup-untouched", "odd-quotes-left"])
def test_typography_fixes_are_safe_and_idempotent(text, language, fixed):
    assert fix_typography(text, language) == fixed
    assert fix_typography(fixed, language) == fixed


def _translated(line, msgid, msgstr, domain="a", suppressed=frozenset()):
    return Translated(f"{domain}.po", line, "en", domain, msgid, msgstr, False, frozenset(suppressed))


def test_the_same_source_translated_differently_in_two_articles_is_a_warning():
    entries = [_translated(3, "Le sommet de Samarcande", "The Samarkand summit"),
               _translated(5, "Le sommet de Samarcande", "The summit in Samarkand", "b"),
               _translated(7, "Le sommet d’Astana", "The Astana summit", "b")]
    [found] = check_consistency(entries)
    assert (found.entry.line, found.check.name, found.check.severity) == (5, "consistency", "warning")
    assert "a.po:3" in found.message and "The Samarkand summit" in found.message
    assert check_consistency([entries[0], _translated(5, entries[1].msgid, entries[1].msgstr, "b",
                                                      {"consistency"})]) == []


def test_two_sources_given_the_same_translation_are_found():
    entries = [_translated(3, "Le sommet de Samarcande", "The Samarkand summit opened"),
               _translated(5, "Le sommet d’Astana", "The Samarkand summit opened", "b")]
    assert [(f.entry.line, f.check.name) for f in check_consistency(entries)] == [(5, "same-translation")]


@pytest.mark.skipif(dictionary("en") is None, reason="apt-get install hunspell-en-us libenchant-2-2; pip install pyenchant")
def test_spelling_questions_typos_and_spares_names_terms_and_project_words():
    def spelling(translation, words=frozenset()):
        message = Message("António Costa et Tokaïev", translation, "en", "fr", (COSTA,), words=words)
        return [f.message for f in run_checks(message) if f.check == "spelling"]
    assert spelling("António Costa met Tokayev in Samarkand.") == []
    assert spelling("António Costa met the presidnet.") == ["not in the English dictionary: presidnet"]
    assert spelling("A geo-economic shift.") == ["not in the English dictionary: geo-economic"]
    assert spelling("A geo-economic shift.", frozenset({"geo-economic"})) == []
    assert spelling("A high-level meeting.") == []


@pytest.mark.skipif(dictionary("kk") is None, reason="apt-get install hunspell-kk libenchant-2-2; pip install pyenchant")
def test_kazakh_spelling_is_advice_because_its_dictionary_is_weak():
    message = Message("Le sommet.", "Саммиттің қорытындысы жарияланбаған.", "kk", "fr")
    assert {f.severity for f in run_checks(message) if f.check == "spelling"} <= {"advisory"}
    assert CHECKS["spelling"].severity_in("kk") == "advisory" and CHECKS["spelling"].severity_in("en") == "warning"
