"""Translators' quality checks: each check on crafted messages, and `l10n check` on crafted PO files."""

import pytest

from l10n_article.translate.catalog.pofile import read_catalog, write_catalog
from l10n_article.translate.quality.checks import Message, run_checks
from l10n_article.translate.quality.glossary import Term

TOKAYEV = Term({"fr": "Kassym-Jomart Tokaïev", "en": "Kassym-Jomart Tokayev", "ru": "Касым-Жомарт Токаев",
                "kk": "Қасым-Жомарт Тоқаев"})
SAMARKAND = Term({"fr": "Samarcande", "en": "Samarkand", "ru": "Самарканд", "kk": "Самарқанд"})
GLOSSARY = (TOKAYEV, SAMARKAND)

# (check, source, translation, language): each check must fire on the first and stay silent on the second.
CASES = [
    ("numbers", "estimé à 12 milliards d’euros.", "estimated at €12 million.", "en"),
    ("numbers", "estimé à 12 milliards d’euros.", "estimated at €12 billion.", "en"),
    ("numbers", "estimé à 12 milliards d’euros.", "оцениваемый в 21 млрд евро.", "ru"),
    ("numbers", "estimé à 12 milliards d’euros.", "оцениваемый в 12 млрд евро.", "ru"),
    ("numbers", "Le 4 avril 2025, le sommet.", "On 4 May 2025, the summit.", "en"),
    ("numbers", "Le 4 avril 2025, le sommet.", "On April 4, 2025, the summit.", "en"),
    ("numbers", "Le 4 avril 2025, le sommet.", "4 мая 2025 года саммит.", "ru"),
    ("numbers", "Le 4 avril 2025, le sommet.", "4 апреля 2025 года саммит.", "ru"),
    ("numbers", "Le 4 avril 2025, le sommet.", "2025 жылғы 4 мамырда саммит.", "kk"),
    ("numbers", "Le 4 avril 2025, le sommet.", "2025 жылғы 4 сәуірде саммит.", "kk"),
    ("numbers", "ses 46 milliards d’échanges en 2024.", "its trade in 2023.", "en"),
    ("numbers", "ses 46 milliards d’échanges en 2024.", "its €46 billion in trade in 2024.", "en"),
    ("glossary", "Kassym-Jomart Tokaïev à Samarcande", "Kassym-Jomart Tokaev in Samarkand", "en"),
    ("glossary", "Kassym-Jomart Tokaïev à Samarcande", "Kassym-Jomart Tokayev in Samarkand", "en"),
    ("glossary", "Kassym-Jomart Tokaïev à Samarcande", "Касым-Жомарт Токаев в Самарской области", "ru"),
    ("glossary", "Kassym-Jomart Tokaïev à Samarcande", "Касым-Жомарта Токаева в Самарканде", "ru"),
    ("glossary", "Kassym-Jomart Tokaïev à Samarcande", "Касым-Жомарт Токаев Самарқандта", "kk"),
    ("glossary", "Kassym-Jomart Tokaïev à Samarcande", "Қасым-Жомарт Тоқаевтың Самарқандтағы", "kk"),
    ("quotes", "constitue « la pierre angulaire »", "is \"the cornerstone\"", "en"),
    ("quotes", "constitue « la pierre angulaire »", "is “the cornerstone”", "en"),
    ("quotes", "constitue « la pierre angulaire »", "is « the cornerstone »", "en"),
    ("quotes", "constitue « la pierre angulaire »", "является “краеугольным камнем”", "ru"),
    ("quotes", "constitue « la pierre angulaire »", "является «краеугольным камнем»", "ru"),
    ("quotes", "à quoi bon ? Rien.", "what good is it ? Nothing.", "en"),
    ("quotes", "à quoi bon ? Rien.", "what good is it? Nothing.", "en"),
    ("whitespace", "Le sommet.", " The summit.", "en"),
    ("whitespace", "Le sommet.", "The  summit.", "en"),
    ("whitespace", "Le sommet.", "The summit.", "en"),
    ("punctuation", "Il a affirmé.", "It asserted", "en"),
    ("punctuation", "Mais à quoi bon ?", "But what good is it.", "en"),
    ("punctuation", "Mais à quoi bon ?", "But what good is it?", "en"),
    ("identical", "Le sommet de Samarcande", "Le sommet de Samarcande", "en"),
    ("identical", "Newsletter", "Newsletter", "en"),
    ("identical", "António Costa", "António Costa", "en"),
    ("markup", "avec *emphase* et [lien](https://x.org)", "with emphasis and [link](https://x.org)", "en"),
    ("markup", "avec `code` et **gras**", "with code and **bold**", "en"),
    ("markup", "avec *emphase* et [lien](https://x.org)", "with *emphasis* and [link](https://x.org)", "en"),
    ("length", "Une stratégie assumée de leadership régional", "A strategy", "en"),
    ("length", "Une stratégie assumée de leadership régional", "An openly embraced strategy of regional leadership", "en"),
    ("script", "Le Kazakhstan et la technologie.", "Казахстан и tech.", "ru"),
    ("script", "La plateforme C5+UE.", "Платформа C5+ЕС.", "ru"),
    ("script", "Le Kazakhstan entend bien faire valoir ses avantages comparatifs.",
     "Казахстан твёрдо намерен использовать свои сравнительные преимущества.", "kk"),
    ("script", "Le Kazakhstan entend bien faire valoir ses avantages comparatifs.",
     "Қазақстан салыстырмалы артықшылықтарын толық пайдалануға ниетті.", "kk"),
]
FIRES = {0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 21, 23, 25, 26, 28, 29, 31, 32, 34, 35, 37, 39, 41}


@pytest.mark.parametrize("number", range(len(CASES)))
def test_each_check_fires_on_the_bad_translation_only(number):
    check, source, translation, language = CASES[number]
    found = [f for f in run_checks(Message(source, translation, language, "fr", GLOSSARY)) if f.check == check]
    assert bool(found) == (number in FIRES), (check, translation, found)


def test_a_flag_silences_one_check_on_one_entry():
    message = Message("Newsletter", "Newsletter", "en", "fr")
    assert [f.check for f in run_checks(message)] == ["identical"]
    assert run_checks(message, ["l10n-ignore-identical"]) == []


def test_check_command_reports_path_line_language_and_check(project, l10n):
    l10n(project, "update")
    path = project / "locales" / "en" / "LC_MESSAGES" / "kazakhstan-ue.po"
    catalog = read_catalog(path, "en")
    catalog[0].msgstr = "Between minerals and geopolitics, Kazakhstan charts its course with the EU"
    catalog[4].msgstr = "Kazakhstan’s participation was not symbolic, said Tokayev: \"the cornerstone\"."
    catalog[4].flags = ["fuzzy"]
    catalog[5].msgstr = "Estimated at €21 billion."
    catalog[5].flags = ["l10n-ignore-numbers"]
    write_catalog(catalog, path)
    (project / "locales" / "glossary.csv").write_text(
        "fr,en,ru,kk\nKassym-Jomart Tokaïev,Kassym-Jomart Tokayev,Касым-Жомарт Токаев,Қасым-Жомарт Тоқаев\n",
        encoding="utf-8")
    status, out, _ = l10n(project, "check", "--lang", "en")
    lines = out.splitlines()
    line = read_catalog(path, "en")[4].linenum
    assert f"{path}:{line}: en: glossary: 'Kassym-Jomart Tokaïev' should be translated as " \
           f"'Kassym-Jomart Tokayev' (glossary) (draft)" in lines
    assert f'{path}:{line}: en: quotes: straight quotation marks (") instead of typographic ones (draft)' in lines
    assert not any(": numbers:" in line for line in lines)  # silenced by its flag
    assert lines[-1].startswith("3 translations checked: ")
    assert status == 1


TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en">
<text><body>
<termEntry id="t1">
<descrip type="definition">President of Kazakhstan</descrip>
<langSet xml:lang="fr"><tig><term>Kassym-Jomart Tokaïev</term></tig></langSet>
<langSet xml:lang="en"><tig><term>Kassym-Jomart Tokayev</term></tig></langSet>
<langSet xml:lang="ru"><tig><term>Касым-Жомарт Токаев</term></tig></langSet>
</termEntry>
</body></text>
</martif>
"""


def test_a_tbx_term_base_works_as_the_csv_one(project, l10n):
    l10n(project, "update")
    path = project / "locales" / "ru" / "LC_MESSAGES" / "kazakhstan-ue.po"
    catalog = read_catalog(path, "ru")
    catalog[1].msgstr = "Президент Токаев на саммите ЕС — Центральная Азия"
    write_catalog(catalog, path)
    (project / "locales" / "glossary.tbx").write_text(TBX, encoding="utf-8")
    status, out, _ = l10n(project, "check", "--lang", "ru")
    assert status == 1
    assert "ru: glossary: 'Kassym-Jomart Tokaïev' should be translated as 'Касым-Жомарт Токаев' (glossary)" in out
