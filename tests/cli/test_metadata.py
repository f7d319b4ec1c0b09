"""Article metadata from the front matter: a translatable summary, dates localized by Babel, author
and section, a machine-assistance line and the translator's credit."""

import datetime as dt
import re
import shutil

import pytest
from babel.dates import format_date

from l10n_article.render.cli import workspace
from l10n_article.translate.catalog.pofile import read_catalog, write_catalog
from support import REPO, TITLE, snapshot, translate_entries

SUMMARY = "Au sommet de Samarcande, le Kazakhstan s’affirme face à l’UE."
FRONT = """slug: kazakhstan-ue
lang: fr
date: 2025-04-04
updated: 2025-04-07
author: Aïgerim Nurlanovna
section: International
summary: >
  Au sommet de Samarcande,
  le Kazakhstan s’affirme face à l’UE.
"""


def with_front_matter(project, front=FRONT):
    article = project / "source" / "kazakhstan-ue.md"
    article.write_text(article.read_text(encoding="utf-8").replace("slug: kazakhstan-ue\nlang: fr\n", front),
                       encoding="utf-8")


@pytest.fixture
def described(project):
    shutil.copytree(REPO / "locales", project / "locales")
    shutil.rmtree(project / "locales" / "published")
    with_front_matter(project)
    return project


def page(project, language):
    return (project / "build" / language / "kazakhstan-ue.html").read_text(encoding="utf-8")


def test_the_summary_is_a_catalog_entry_of_kind_summary(described, l10n):
    assert l10n(described, "update")[0] == 0
    template = read_catalog(described / "locales" / "kazakhstan-ue.pot")
    entry = template.find(SUMMARY)
    assert entry is not None and entry.comment == "summary"
    assert entry.occurrences == [("source/kazakhstan-ue.md", "8")]
    translate_entries(described, "en", {SUMMARY: "At the Samarkand summit, *Kazakhstan* stands up to the EU."})
    assert l10n(described, "build")[0] == 0
    assert '<p class="summary">At the Samarkand summit, <em>Kazakhstan</em> stands up to the EU.</p>' in page(
        described, "en")
    summary = re.search(r'<p class="summary">(.*?)</p>', page(described, "ru")).group(1)
    assert 'class="l10n-fallback" lang="fr"' in summary and SUMMARY in summary  # not translated yet: marked
    assert page(described, "en").index("</h1>") < page(described, "en").index('class="summary"')


@pytest.mark.parametrize("language", ["fr", "en", "ru", "kk"])
def test_dates_are_localized_by_babel_in_each_language(described, l10n, language):
    assert l10n(described, "build")[0] == 0
    text = page(described, language)
    for day in (dt.date(2025, 4, 4), dt.date(2025, 4, 7)):
        assert f'<time datetime="{day.isoformat()}">{format_date(day, "long", locale=language)}</time>' in text
    byline = {"fr": "Par", "en": "By", "ru": "Автор:", "kk": "Авторы:"}[language]  # the project's ui catalogs
    assert f'<span class="author">{byline} Aïgerim Nurlanovna</span>' in text
    assert '<span class="section">International</span>' in text


def test_a_machine_assisted_translation_says_so_and_credits_its_translator(described, l10n):
    ws = workspace(described)
    ws.memory.put_draft("argos translate-fr_en 1.9", "en", TITLE, "Between ores and geopolitics")
    ws.memory.save()
    path = described / "locales" / "en" / "LC_MESSAGES" / "kazakhstan-ue.po"
    catalog = read_catalog(path, "en")
    catalog.metadata["Last-Translator"] = "Jane Doe <jane@example.org>"
    write_catalog(catalog, path)
    assert l10n(described, "build")[0] == 0
    english = page(described, "en")
    assert "made with the help of machine translation" in english
    assert '<p class="credits">Translated by Jane Doe.</p>' in english and "jane@example.org" not in english
    for language in ("fr", "ru", "kk"):  # no machine draft; the catalogs name nobody
        assert "machine translation" not in page(described, language)
        assert "Translated by" not in page(described, language)


def test_an_untranslated_draft_is_no_machine_assistance(described, l10n):
    ws = workspace(described)
    ws.memory.put_draft("argos translate-fr_en 1.9", "en", SUMMARY, "At the summit")
    ws.memory.save()
    assert l10n(described, "build")[0] == 0
    assert "machine translation" not in page(described, "en")


@pytest.mark.parametrize("front, line, message", [
    ("slug: kazakhstan-ue\nlang: fr\ndate: le 4 avril\n", 4, "front matter date: 'le 4 avril' is not a date"),
    ("slug: kazakhstan-ue\nlang: fr\nauthor: [a, b]\n", 4, "front matter author"),
    ("slug: kazakhstan-ue\nlang: fr\ndate: 2025-04-07\nupdated: 2025-04-04\n", 5, "is before the date"),
])
def test_wrong_metadata_is_one_line_at_its_key(project, l10n, front, line, message):
    with_front_matter(project, front)
    before = snapshot(project)
    status, _, err = l10n(project, "build")
    assert status == 2 and err.count("\n") == 1 and message in err
    assert err.startswith(f"{project / 'source' / 'kazakhstan-ue.md'}:{line}: ")
    assert snapshot(project) == before
