"""An article edited after publication: the last reviewed translation stays on the pages after a
cosmetic edit, a material edit follows the project's policy, and the record survives the catalog."""

import re
import shutil
import xml.etree.ElementTree as ET

import pytest

from l10n_article.translate.catalog.pofile import read_catalog, write_catalog
from support import REPO, TITLE, snapshot, translate_entries

LANGUAGES = ("en", "ru", "kk")
AMOUNT = "estimé à 12 milliards d’euros"
PARAGRAPH_START = "Premier producteur régional de matières premières critiques"
SUPERSEDED = {"en": re.compile(r"€12\s+billion"), "ru": re.compile(r"12\s+млрд"), "kk": re.compile(r"12\s+млрд")}
UPDATING = re.compile(r'<span class="l10n-updating">.*?</span> (.*?)</span>', re.S)


@pytest.fixture
def published(project, l10n):
    """The project's article with its reviewed catalogs, built once (so published)."""
    shutil.copytree(REPO / "locales", project / "locales")
    shutil.rmtree(project / "locales" / "published", ignore_errors=True)
    assert l10n(project, "build", "--min-reviewed", "100")[0] == 0
    for language in LANGUAGES:
        entry = entry_of(project, language, PARAGRAPH_START)
        assert "fuzzy" not in entry.flags and SUPERSEDED[language].search(entry.msgstr)
        KEPT[language] = entry.msgstr[:40]
    return project


KEPT: dict[str, str] = {}  # the start of each language's reviewed translation of the paragraph


def page(project, language):
    return (project / "build" / language / "kazakhstan-ue.html").read_text(encoding="utf-8")


def edit(project, old, new):
    article = project / "source" / "kazakhstan-ue.md"
    text = article.read_text(encoding="utf-8")
    assert old in text
    article.write_text(text.replace(old, new), encoding="utf-8")


def entry_of(project, language, start):
    catalog = read_catalog(project / "locales" / language / "LC_MESSAGES" / "kazakhstan-ue.po", language)
    return next(e for e in catalog if e.msgid.startswith(start) and not e.obsolete)


def set_policy(project, policy):
    config = project / "pyproject.toml"
    config.write_text(config.read_text(encoding="utf-8") + f'on-material-change = "{policy}"\n', encoding="utf-8")


def test_a_cosmetic_edit_keeps_the_reviewed_translation_on_every_page(published, l10n):
    edit(published, "Le sommet a ainsi vu", "Le sommet a donc vu")
    status, out, _ = l10n(published, "build", "--min-reviewed", "100")
    assert status == 0 and "skipped" not in out
    for language in LANGUAGES:
        entry = entry_of(published, language, PARAGRAPH_START)
        assert "fuzzy" in entry.flags and "a ainsi vu" in entry.previous_msgid  # the catalog says outdated
        text = page(published, language)
        assert KEPT[language] in text and SUPERSEDED[language].search(text)
        assert "l10n-fallback" not in text and "Not yet translated" not in text and "l10n-updating" not in text


def test_the_published_translation_survives_a_translator_reworking_the_entry(published, l10n):
    edit(published, "Le sommet a ainsi vu", "Le sommet a donc vu")
    l10n(published, "update")
    entry = entry_of(published, "en", PARAGRAPH_START)
    translate_entries(published, "en", {entry.msgid: "Half a new transl"}, fuzzy={entry.msgid})
    l10n(published, "build")
    assert "Half a new transl" not in page(published, "en") and KEPT["en"] in page(published, "en")
    review(published, "en", entry.msgid, "The reviewed new translation.")
    assert l10n(published, "build")[0] == 0
    assert "The reviewed new translation." in page(published, "en") and KEPT["en"] not in page(published, "en")
    units = ET.parse(published / "locales" / "published" / "kazakhstan-ue.tmx").getroot().iter("tu")
    pairs = {tuple(seg.text for seg in unit.iter("seg")) for unit in units}
    assert (entry.msgid, "The reviewed new translation.") in pairs
    assert any(source.startswith(PARAGRAPH_START) and "a ainsi vu" in source for source, _ in pairs)


def test_two_edits_in_a_row_still_find_the_last_reviewed_translation(published, l10n):
    edit(published, "Le sommet a ainsi vu", "Le sommet a donc vu")
    assert l10n(published, "build")[0] == 0
    edit(published, "un vaste plan", "un ambitieux plan")
    assert l10n(published, "build")[0] == 0
    for language in LANGUAGES:
        assert KEPT[language] in page(published, language) and "l10n-fallback" not in page(published, language)


def review(project, language, msgid, msgstr):
    """A translator's review: the translation, no longer fuzzy, without the previous source."""
    path = project / "locales" / language / "LC_MESSAGES" / "kazakhstan-ue.po"
    catalog = read_catalog(path, language)
    entry = catalog.find(msgid)
    entry.msgstr, entry.previous_msgid = msgstr, None
    entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
    write_catalog(catalog, path)


def superseded_as_current(text, language):
    """Whether the page shows the old amount outside a passage marked as being updated."""
    return SUPERSEDED[language].search(UPDATING.sub("", text)) is not None


def test_a_material_edit_is_noted_as_being_updated_by_default(published, l10n):
    edit(published, AMOUNT, "estimé à 14 milliards d’euros")
    assert l10n(published, "build")[0] == 0
    for language in LANGUAGES:
        text = page(published, language)
        assert SUPERSEDED[language].search(text) and not superseded_as_current(text, language)
        assert text.count("l10n-updating") == 1 and "l10n-fallback" not in text
    assert "This passage is being updated after a correction to the original." in page(published, "en")


def test_withhold_leaves_the_materially_changed_passage_out(published, l10n):
    set_policy(published, "withhold")
    edit(published, AMOUNT, "estimé à 14 milliards d’euros")
    assert l10n(published, "build")[0] == 0
    for language in LANGUAGES:
        text = page(published, language)
        assert not SUPERSEDED[language].search(text) and KEPT[language] not in text
        assert "l10n-fallback" not in text and "<p></p>" not in text
    assert "Kassym-Jomart Tokayev" in page(published, "en")  # the rest of the article is there


def test_source_falls_back_to_the_corrected_original(published, l10n):
    set_policy(published, "source")
    edit(published, AMOUNT, "estimé à 14 milliards d’euros")
    assert l10n(published, "build")[0] == 0
    for language in LANGUAGES:
        text = page(published, language)
        assert not SUPERSEDED[language].search(text) and "14 milliards" in text
        assert text.count('class="l10n-fallback" lang="fr"') == 1


def test_an_unknown_policy_is_one_line(project, l10n):
    set_policy(project, "hide")
    before = snapshot(project)
    status, _, err = l10n(project, "build")
    assert status == 2 and err.count("\n") == 1 and "on-material-change must be one of" in err
    assert snapshot(project) == before


def test_a_drafts_preview_has_its_own_folder_and_publishes_nothing(published, l10n):
    before = snapshot(published / "build")
    record = (published / "locales" / "published" / "kazakhstan-ue.tmx").read_bytes()
    translate_entries(published, "en", {TITLE: "A draft title"}, fuzzy={TITLE})
    status, out, _ = l10n(published, "build", "--drafts")
    assert status == 0 and "recorded" not in out
    assert "A draft title" in (published / "build-drafts" / "en" / "kazakhstan-ue.html").read_text(encoding="utf-8")
    assert snapshot(published / "build") == before
    assert (published / "locales" / "published" / "kazakhstan-ue.tmx").read_bytes() == record
    assert l10n(published, "build", "--drafts", "--out", str(published / "preview"))[0] == 0
    assert (published / "preview" / "en" / "index.html").exists()


def test_a_second_build_of_the_same_site_leaves_the_record_unchanged(published, l10n):
    record = (published / "locales" / "published" / "kazakhstan-ue.tmx").read_bytes()
    status, out, _ = l10n(published, "build")
    assert status == 0 and "recorded" not in out
    assert (published / "locales" / "published" / "kazakhstan-ue.tmx").read_bytes() == record


def test_status_and_comparison_can_ask_how_each_outdated_source_changed(published, l10n):
    from l10n_article.render.cli import workspace
    from l10n_article.translate.catalog.records import source_changes
    edit(published, "Le sommet a ainsi vu", "Le sommet a donc vu")
    assert l10n(published, "build")[0] == 0
    edit(published, AMOUNT, "estimé à 14 milliards d’euros")
    edit(published, "Cette rencontre de haut niveau", "Cette rencontre à haut niveau")
    assert l10n(published, "update")[0] == 0
    changes = source_changes(workspace(published), "ru", "kazakhstan-ue")
    assert sorted(change.kind for change in changes.values()) == ["cosmetic", "material"]
    material = next(change for msgid, change in changes.items() if msgid.startswith(PARAGRAPH_START))
    assert material.removed_words == ("ainsi", "12") and material.added_words == ("donc", "14")  # since the review
    assert [fact.value for fact in material.added_facts] == ["14 billion euros"]


def test_the_shared_record_of_an_older_project_is_split_by_article(published, l10n):
    from l10n_article.translate.catalog.published import PublishedMemory, now
    records = published / "locales" / "published"
    own = (records / "kazakhstan-ue.tmx").read_text(encoding="utf-8")
    older = PublishedMemory(records / "kazakhstan-ue.tmx", "fr")
    older.publish("en", "Une phrase d’un article supprimé.", "A sentence of a deleted article.", now())
    older.path = published / "locales" / "published.tmx"  # one file for every article, as projects kept it
    older.save()
    shutil.rmtree(records)
    site = snapshot(published / "build")
    assert l10n(published, "build", "--drafts")[0] == 0  # reads the shared file, splits nothing
    assert "up to date" in l10n(published, "build", "--drafts")[1] and not records.exists()
    status, out, _ = l10n(published, "build")
    assert status == 0 and f"split {published / 'locales' / 'published.tmx'} into 2 records" in out
    assert not (published / "locales" / "published.tmx").exists()
    assert sorted(path.name for path in records.iterdir()) == ["_unassigned.tmx", "kazakhstan-ue.tmx"]
    assert (records / "kazakhstan-ue.tmx").read_text(encoding="utf-8") == own
    assert "A sentence of a deleted article." in (records / "_unassigned.tmx").read_text(encoding="utf-8")
    assert snapshot(published / "build") == site
    again = PublishedMemory(published / "locales" / "published.tmx", "fr")  # a colleague's, from before the split
    again.publish("en", entry_of(published, "en", PARAGRAPH_START).msgid, "A colleague's translation.", now())
    again.save()
    assert "split" in l10n(published, "build")[1] and not again.path.exists()
    kept = (records / "kazakhstan-ue.tmx").read_text(encoding="utf-8")
    assert "A colleague's translation." in kept and all(line in kept for line in own.splitlines()[3:-2])
