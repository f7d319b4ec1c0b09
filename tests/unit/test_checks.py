"""Translators' quality checks on crafted messages: each case is named after what it shows, and a
check must fire on every bad translation below and stay silent on every good one."""

import inspect

import polib
import pytest

from l10n_article.translate.quality.checks import CHECKS, Message, run_checks
from l10n_article.translate.quality.findings import Languages, messages
from l10n_article.translate.quality.glossary import Term
from l10n_article.translate.quality.placeholders import single_number_forms
from l10n_article.translate.quality.suppressions import suppressed_checks

TOKAYEV = Term({"fr": "Kassym-Jomart Tokaïev", "en": "Kassym-Jomart Tokayev", "ru": "Касым-Жомарт Токаев",
                "kk": "Қасым-Жомарт Тоқаев"})
SAMARKAND = Term({"fr": "Samarcande", "en": "Samarkand", "ru": "Самарканд", "kk": "Самарқанд"})
GLOSSARY = (TOKAYEV, SAMARKAND)
BILLIONS = "estimé à 12 milliards d’euros."
APRIL = "Le 4 avril 2025, le sommet."
TRADE = "ses 46 milliards d’échanges en 2024."
NAMES = "Kassym-Jomart Tokaïev à Samarcande"
CORNERSTONE = "constitue « la pierre angulaire »"
WHAT_GOOD = "Mais à quoi bon ?"
MARKUP = "avec *emphase* et [lien](https://x.org)"
STRATEGY = "Une stratégie assumée de leadership régional"
ADVANTAGES = "Le Kazakhstan entend bien faire valoir ses avantages comparatifs."
LANGUAGE = "Shown in the original language (%(language)s)."
PASSAGES = ("%(num)d of %(total)d passage is reviewed.", "%(num)d of %(total)d passages are reviewed.")
PYTHON_FORMAT = frozenset({"python-format"})


def case(name, check, source, translation, language, **fields):
    return pytest.param(check, Message(source, translation, language, "fr", GLOSSARY, **fields), id=name)


FIRES = [
    case("numbers-scale-word-en", "numbers", BILLIONS, "estimated at €12 million.", "en"),
    case("numbers-amount-ru", "numbers", BILLIONS, "оцениваемый в 21 млрд евро.", "ru"),
    case("numbers-date-month-en", "numbers", APRIL, "On 4 May 2025, the summit.", "en"),
    case("numbers-date-month-ru", "numbers", APRIL, "4 мая 2025 года саммит.", "ru"),
    case("numbers-date-month-kk", "numbers", APRIL, "2025 жылғы 4 мамырда саммит.", "kk"),
    case("numbers-lost-en", "numbers", TRADE, "its trade in 2023.", "en"),
    case("numbers-impossible-date", "numbers", "Le 31 février 2025, le sommet.", "On February 31, 2025.", "en"),
    case("glossary-misspelt-name-en", "glossary", NAMES, "Kassym-Jomart Tokaev in Samarkand", "en"),
    case("glossary-wrong-place-ru", "glossary", NAMES, "Касым-Жомарт Токаев в Самарской области", "ru"),
    case("glossary-russian-form-in-kk", "glossary", NAMES, "Касым-Жомарт Токаев Самарқандта", "kk"),
    case("quotes-straight-en", "quotes", CORNERSTONE, "is \"the cornerstone\"", "en"),
    case("quotes-guillemets-in-en", "quotes", CORNERSTONE, "is « the cornerstone »", "en"),
    case("quotes-english-in-ru", "quotes", CORNERSTONE, "является “краеугольным камнем”", "ru"),
    case("quotes-french-spacing-en", "quotes", "à quoi bon ? Rien.", "what good is it ? Nothing.", "en"),
    case("whitespace-leading", "whitespace", "Le sommet.", " The summit.", "en"),
    case("typography-doubled-space", "typography", "Le sommet.", "The  summit.", "en"),
    case("punctuation-full-stop-lost", "punctuation", "Il a affirmé.", "It asserted", "en"),
    case("punctuation-question-mark-lost", "punctuation", WHAT_GOOD, "But what good is it.", "en"),
    case("identical-sentence", "identical", "Le sommet de Samarcande", "Le sommet de Samarcande", "en"),
    case("identical-word", "identical", "Newsletter", "Newsletter", "en"),
    case("markup-emphasis-lost", "markup", MARKUP, "with emphasis and [link](https://x.org)", "en"),
    case("markup-code-lost", "markup", "avec `code` et **gras**", "with code and **bold**", "en"),
    case("length-too-short", "length", STRATEGY, "A strategy", "en"),
    case("script-latin-in-ru", "script", "Le Kazakhstan et la technologie.", "Казахстан и tech.", "ru"),
    case("script-russian-left-in-kk", "script", ADVANTAGES,
         "Казахстан твёрдо намерен использовать свои сравнительные преимущества.", "kk"),
    case("python-format-wrong-name", "python-format", LANGUAGE, "Shown in the original (%(lang)s).", "en",
         flags=PYTHON_FORMAT),
    case("python-format-wrong-type", "python-format", LANGUAGE, "Shown in the original (%(language)d).", "en",
         flags=PYTHON_FORMAT),
    case("python-format-stray-percent", "python-format", LANGUAGE, "100 % shown in %(language)s.", "en",
         flags=PYTHON_FORMAT),
    case("python-format-stray-percent-at-end", "python-format", LANGUAGE, "%(language)s at 100%", "en",
         flags=PYTHON_FORMAT),
    case("python-format-placeholder-missing", "python-format", LANGUAGE, "Shown in the original.", "en",
         flags=PYTHON_FORMAT),
    case("python-format-plural-form-missing-one", "python-format", PASSAGES[1], "%(num)d из пассажей.", "ru",
         flags=PYTHON_FORMAT),
]

SILENT = [
    case("numbers-scale-word-en-ok", "numbers", BILLIONS, "estimated at €12 billion.", "en"),
    case("numbers-amount-ru-ok", "numbers", BILLIONS, "оцениваемый в 12 млрд евро.", "ru"),
    case("numbers-date-en-ok", "numbers", APRIL, "On April 4, 2025, the summit.", "en"),
    case("numbers-date-ru-ok", "numbers", APRIL, "4 апреля 2025 года саммит.", "ru"),
    case("numbers-date-kk-ok", "numbers", APRIL, "2025 жылғы 4 сәуірде саммит.", "kk"),
    case("numbers-lost-en-ok", "numbers", TRADE, "its €46 billion in trade in 2024.", "en"),
    case("glossary-name-en-ok", "glossary", NAMES, "Kassym-Jomart Tokayev in Samarkand", "en"),
    case("glossary-declined-ru-ok", "glossary", NAMES, "Касым-Жомарта Токаева в Самарканде", "ru"),
    case("glossary-declined-kk-ok", "glossary", NAMES, "Қасым-Жомарт Тоқаевтың Самарқандтағы", "kk"),
    case("quotes-english-ok", "quotes", CORNERSTONE, "is “the cornerstone”", "en"),
    case("quotes-guillemets-ru-ok", "quotes", CORNERSTONE, "является «краеугольным камнем»", "ru"),
    case("quotes-english-spacing-ok", "quotes", "à quoi bon ? Rien.", "what good is it? Nothing.", "en"),
    case("whitespace-ok", "whitespace", "Le sommet.", "The summit.", "en"),
    case("punctuation-question-mark-ok", "punctuation", WHAT_GOOD, "But what good is it?", "en"),
    case("identical-names-only-ok", "identical", "António Costa", "António Costa", "en"),
    case("markup-kept-ok", "markup", MARKUP, "with *emphasis* and [link](https://x.org)", "en"),
    case("length-ok", "length", STRATEGY, "An openly embraced strategy of regional leadership", "en"),
    case("script-name-of-source-ok", "script", "La plateforme C5+UE.", "Платформа C5+ЕС.", "ru"),
    case("script-kazakh-ok", "script", ADVANTAGES, "Қазақстан салыстырмалы артықшылықтарын толық пайдалануға ниетті.",
         "kk"),
    case("python-format-ok", "python-format", LANGUAGE, "Affiché dans la langue d’origine (%(language)s).", "en",
         flags=PYTHON_FORMAT),
    case("python-format-percent-sign-ok", "python-format", LANGUAGE, "100 %% shown in %(language)s.", "en",
         flags=PYTHON_FORMAT),
    case("python-format-not-flagged-ok", "python-format", "50 % des voix", "50 % of the votes", "en"),
    case("python-format-one-spelt-out-ok", "python-format", PASSAGES[0], "One of %(total)d passages is reviewed.",
         "en", flags=PYTHON_FORMAT, every_placeholder=False),
]


@pytest.mark.parametrize("check, message", FIRES)
def test_the_check_fires_on_a_bad_translation(check, message):
    assert [f for f in run_checks(message) if f.check == check]


@pytest.mark.parametrize("check, message", SILENT)
def test_the_check_stays_silent_on_a_good_translation(check, message):
    assert [f for f in run_checks(message) if f.check == check] == []


def test_an_impossible_date_of_the_source_is_named():
    message = Message("Le 31 février 2025, le sommet.", "On February 31, 2025.", "en", "fr")
    assert [f.message for f in run_checks(message) if f.check == "numbers"] == [
        "the source's date '31 février 2025' does not exist: ask the author which day is meant"]


def test_the_python_format_finding_names_the_placeholder():
    message = Message(LANGUAGE, "Shown in the original (%(lang)s).", "en", "fr", flags=PYTHON_FORMAT)
    [finding] = [f for f in run_checks(message) if f.check == "python-format"]
    assert finding.severity == "error" and "'lang'" in finding.message and "%(language)s" in finding.message


def test_each_plural_form_is_checked_against_the_source_form_it_translates():
    entry = polib.POEntry(msgid="One passage of %(total)d.", msgid_plural="%(num)d passages of %(total)d.",
                          msgstr_plural={0: "%(num)d фрагмент", 1: "%(num)d фрагмента", 2: "%(num)d фрагментов"},
                          flags=["python-format"])
    found = messages(entry, Languages("en", "ru", ()), frozenset({0}))
    assert [(m.source, m.translation, m.every_placeholder) for m in found] == [
        ("One passage of %(total)d.", "%(num)d фрагмент", False),
        ("%(num)d passages of %(total)d.", "%(num)d фрагмента", True),
        ("%(num)d passages of %(total)d.", "%(num)d фрагментов", True)]
    assert all(m.flags == {"python-format"} and m.language == "ru" for m in found)


@pytest.mark.parametrize("plural_forms, single", [
    ("nplurals=2; plural=(n != 1);", {0}),
    ("nplurals=2; plural=(n > 1);", {0}),
    ("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
     set()),
    ("nplurals=1; plural=0;", set()),
    ("nplurals=2; plural=n +;", set()),
], ids=["english", "french", "russian", "no-plural", "unreadable"])
def test_forms_serving_one_number_may_drop_its_placeholder(plural_forms, single):
    assert single_number_forms(plural_forms) == single


def test_a_suppression_silences_the_checks_it_names_on_one_message():
    message = Message("Newsletter", "Newsletter", "en", "fr")
    assert [f.check for f in run_checks(message)] == ["identical"]
    assert [f.check for f in run_checks(message, {"length", "numbers"})] == ["identical"]
    assert run_checks(message, {"identical"}) == []


@pytest.mark.parametrize("comment, flags, suppressed", [
    ("l10n: ignore identical", [], {"identical"}),
    ("l10n: ignore identical, length", [], {"identical", "length"}),
    ("checked with the desk\nl10n:ignore   numbers ,quotes", ["fuzzy"], {"numbers", "quotes"}),
    ("", ["l10n-ignore-identical", "no-wrap"], {"identical"}),
    ("l10n: ignore length", ["l10n-ignore-numbers"], {"length", "numbers"}),
    ("we ignore identical names here", [], set()),
], ids=["comment", "comment-several", "comment-among-others", "old-flag", "comment-and-old-flag", "prose"])
def test_suppressions_are_read_from_translator_comments_and_old_flags(comment, flags, suppressed):
    entry = polib.POEntry(msgid="Newsletter", msgstr="Newsletter", tcomment=comment, flags=flags)
    assert suppressed_checks(entry) == suppressed


@pytest.mark.parametrize("name", list(CHECKS))
def test_each_check_says_what_it_finds(name):
    """The docstrings are the catalogue translators read: a sentence or more, not a stub."""
    doc = inspect.getdoc(CHECKS[name].function) or ""
    assert len(doc.split()) >= 8 and doc.endswith("."), doc
