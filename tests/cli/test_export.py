"""``l10n export --format md``: the published translation as Markdown, read back by the project's
own segmenter to the same segments."""

import shutil

import pytest

from l10n_article.translate.catalog.pofile import read_catalog, write_catalog
from l10n_article.translate.source.article import parse_article
from support import DATA, REPO


@pytest.fixture
def translated(project):
    shutil.copytree(REPO / "locales", project / "locales", dirs_exist_ok=True)
    return project


def _translations(project, language, domain="kazakhstan-ue"):
    catalog = read_catalog(project / "locales" / language / "LC_MESSAGES" / f"{domain}.po", language)
    return {entry.msgid: entry.msgstr for entry in catalog if not entry.obsolete}


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_the_export_reads_back_to_the_translated_segments(translated, l10n, language):
    status, out, _ = l10n(translated, "export", "--format", "md", "--lang", language)
    path = translated / "build-md" / language / "kazakhstan-ue.md"
    assert status == 0 and f"wrote {path}" in out
    source = parse_article(translated / "source" / "kazakhstan-ue.md", "fr")
    exported = parse_article(path, language)
    assert exported.slug == source.slug
    translations = _translations(translated, language)
    assert [(s.kind, s.text) for s in exported.segments] == [(s.kind, translations[s.text]) for s in source.segments]
    assert l10n(translated, "export", "--lang", language)[1] == f"{language}: up to date (1 files)\n"


def test_lists_quotes_containers_and_markup_keep_their_structure(project, l10n):
    shutil.copy(DATA / "lists.md", project / "source" / "lists.md")
    l10n(project, "update")
    path = project / "locales" / "en" / "LC_MESSAGES" / "lists.po"
    catalog = read_catalog(path, "en")
    for entry in catalog:
        entry.msgstr = entry.msgid.replace("second", "SECOND").replace("item", "ITEM")
    write_catalog(catalog, path)
    assert l10n(project, "export", "--lang", "en")[0] == 0
    source = parse_article(project / "source" / "lists.md", "fr")
    exported = parse_article(project / "build-md" / "en" / "lists.md", "en")
    expected = [(s.kind, s.text.replace("second", "SECOND").replace("item", "ITEM")) for s in source.segments]
    assert [(s.kind, s.text) for s in exported.segments] == expected


def test_the_source_language_export_is_the_article(project, l10n):
    assert l10n(project, "export", "--lang", "fr")[0] == 0
    exported = (project / "build-md" / "fr" / "kazakhstan-ue.md").read_text(encoding="utf-8").split("\n---\n", 1)[1]
    assert exported == (project / "source" / "kazakhstan-ue.md").read_text(encoding="utf-8").split("\n---\n", 1)[1]


@pytest.mark.parametrize("policy", ["note", "withhold"])
def test_a_material_correction_is_never_exported_as_current(translated, l10n, policy):
    assert l10n(translated, "build")[0] == 0  # the published record: the reviewed translations
    settings = translated / "pyproject.toml"
    settings.write_text(settings.read_text(encoding="utf-8") + f'on-material-change = "{policy}"\n', encoding="utf-8")
    article = translated / "source" / "kazakhstan-ue.md"
    article.write_text(article.read_text(encoding="utf-8").replace("12 milliards", "14 milliards"), encoding="utf-8")
    assert l10n(translated, "export", "--lang", "en")[0] == 0
    text = (translated / "build-md" / "en" / "kazakhstan-ue.md").read_text(encoding="utf-8")
    if policy == "note":
        assert "€12 billion" in text and "*This passage is being updated after a correction to the original.*" in text
    else:
        assert "€12 billion" not in text and "€14 billion" not in text
    segments = parse_article(translated / "build-md" / "en" / "kazakhstan-ue.md", "en").segments
    assert len(segments) == (18 if policy == "withhold" else 19)


def test_an_unknown_language_is_one_line(project, l10n):
    assert l10n(project, "export", "--lang", "de")[:2] == (2, "")
