"""A run that finds nothing changed does nothing: no article is parsed, no catalog is read, merged
or re-formatted."""

import shutil

import pytest

import l10n_article.translate.catalog.pofile as pofile
from l10n_article.translate.catalog.pofile import read_catalog
from support import DATA, TITLE, snapshot, translate_entries


@pytest.fixture
def parses(monkeypatch):
    """The catalogs parsed during a command, by path."""
    seen: list[str] = []
    real = pofile.parse_catalog

    def counting(text, path, language=None):
        seen.append(str(path))
        return real(text, path, language)
    monkeypatch.setattr(pofile, "parse_catalog", counting)
    return seen


def test_nothing_changed_reads_no_catalog(project, l10n, parses, parsed):
    l10n(project, "update")
    parses.clear(), parsed.clear()
    before = snapshot(project / "locales")
    status, out, _ = l10n(project, "update")
    assert status == 0 and out.startswith("up to date")
    assert parses == [] and parsed == [] and snapshot(project / "locales") == before


def test_an_edited_article_updates_only_its_catalogs(project, l10n, parses, parsed):
    (project / "source" / "second.md").write_text("---\nslug: second\n---\n\n# Second\n\nOne line.\n",
                                                   encoding="utf-8")
    l10n(project, "update")
    parses.clear(), parsed.clear()
    article = project / "source" / "second.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nAnother line.\n", encoding="utf-8")
    status, out, _ = l10n(project, "update")
    written = sorted(line.removeprefix("wrote ").removeprefix(str(project) + "/") for line in out.splitlines())
    assert written == ["locales/en/LC_MESSAGES/second.po", "locales/kk/LC_MESSAGES/second.po",
                       "locales/ru/LC_MESSAGES/second.po", "locales/second.pot"]
    assert all("second.po" in path for path in parses) and parsed == ["second.md"]


def test_a_translators_save_is_read_and_merged_again(project, l10n):
    l10n(project, "update")
    path = project / "locales" / "en" / "LC_MESSAGES" / "kazakhstan-ue.po"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('msgid ""\nmsgstr ""\n"Project', 'msgid ""\nmsgstr ""\n\n"Project', 1)
                    .replace("\n\n\n", "\n\n"), encoding="utf-8")  # an editor's own layout of the file
    translate_entries(project, "en", {"Newsletter": "Newsletter"})
    path.write_text(path.read_text(encoding="utf-8").replace('msgid "Newsletter"', 'msgid ""\n"Newsletter"'),
                    encoding="utf-8")  # the same text, split as another editor writes it
    assert l10n(project, "update")[0] == 0
    assert read_catalog(path, "en").find("Newsletter").msgstr == "Newsletter"
    assert 'msgid "Newsletter"' in path.read_text(encoding="utf-8")  # written again as GNU gettext writes it


@pytest.mark.parametrize("damage", ["", "{not json", '{"files": [1, 2]}'])
def test_a_missing_or_damaged_record_means_computing_everything_again(project, l10n, parses, damage):
    l10n(project, "update")
    before = snapshot(project / "locales")
    state = project / ".l10n" / "state.json"
    state.write_text(damage, encoding="utf-8")
    parses.clear()
    assert l10n(project, "update")[0] == 0
    assert len({path for path in parses if path.endswith(".po")}) == 7
    assert snapshot(project / "locales") == before


@pytest.mark.parametrize("damage", [None, "{not json", '{"key": "other", "entries": []}'])
def test_the_interface_strings_come_from_the_cache_as_extraction_finds_them(tmp_path, damage):
    from l10n_article.render.ui import ui_entries
    cache = tmp_path / "cache" / "ui-strings.json"
    fields = [(e.msgid, e.msgid_plural, e.msgctxt, e.occurrences, e.comment, e.flags) for e in ui_entries()]
    assert len(fields) > 20
    ui_entries(cache)
    if damage is not None:
        cache.write_text(damage, encoding="utf-8")
    assert [(e.msgid, e.msgid_plural, e.msgctxt, e.occurrences, e.comment, e.flags) for e in ui_entries(cache)] == fields


def test_status_reads_each_published_record_once_however_many_catalogs(project, l10n, monkeypatch):
    import l10n_article.translate.catalog.published as published
    shutil.copy(DATA / "lists.md", project / "source" / "lists.md")
    assert l10n(project, "update")[0] == 0
    translate_entries(project, "en", {TITLE: "Between minerals and geopolitics"})
    assert l10n(project, "build")[0] == 0  # writes locales/published/<slug>.tmx
    loads: list[str] = []
    real = published.PublishedMemory._parse

    def counting(record, data):
        loads.append(record.path.name)
        return real(record, data)
    monkeypatch.setattr(published.PublishedMemory, "_parse", counting)
    assert l10n(project, "status")[0] == 0
    assert loads == ["kazakhstan-ue.tmx"]  # lists.md has no reviewed translation, so no record
