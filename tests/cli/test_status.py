"""`l10n status`: segments and words per language and state, and the translations with check errors."""

import json
import shutil

from support import REPO, CAPTION, TITLE, translate_entries
from l10n_article.render.cli import workspace
from l10n_article.translate.catalog.pofile import read_catalog, write_catalog

INVEST = "Premier producteur régional de matières premières critiques"


def _rows(l10n, project, *args):
    status, out, _ = l10n(project, "status", "--json", *args)
    assert status == 0
    return {(row["language"], row["domain"]): row for row in json.loads(out)}


def test_status_counts_reviewed_drafts_and_untranslated(project, l10n):
    l10n(project, "update")
    translate_entries(project, "en", {TITLE: "Between minerals and geopolitics", CAPTION: "Tokayev at the summit"},
                      fuzzy={CAPTION})
    rows = _rows(l10n, project, "--lang", "en,ru")
    en = rows[("en", "kazakhstan-ue")]
    assert (en["segments"], en["reviewed"], en["edited_drafts"], en["machine_drafts"], en["untranslated"]) == \
        (19, 1, 1, 0, 17)
    assert en["reviewed_words"] == len(TITLE.split()) and en["edited_draft_words"] == len(CAPTION.split())
    assert en["words"] == 604 and en["percent_reviewed"] == 5.3
    assert rows[("ru", "kazakhstan-ue")]["reviewed"] == 0
    assert {language for language, _ in rows} == {"en", "ru"}


def test_machine_drafts_edited_drafts_and_outdated_are_counted_apart(project, l10n):
    """A draft is the machine's while its text is the memory's, whatever its comments say."""
    l10n(project, "update")
    memory = workspace(project).memory
    memory.put_draft("argos translate-fr_en 1.9", "en", TITLE, "Between ores and geopolitics")
    memory.put_draft("argos translate-fr_en 1.9", "en", CAPTION, "Tokayev at summit")
    memory.save()
    translate_entries(project, "en", {TITLE: "Between ores and geopolitics", CAPTION: "Tokayev at the summit"},
                      fuzzy={TITLE, CAPTION})
    en = _rows(l10n, project, "--lang", "en")[("en", "kazakhstan-ue")]
    assert (en["machine_drafts"], en["edited_drafts"], en["outdated"], en["reviewed"]) == (1, 1, 0, 0)
    path = project / "locales" / "en" / "LC_MESSAGES" / "kazakhstan-ue.po"
    catalog = read_catalog(path, "en")
    catalog.find(TITLE).msgstr, catalog.find(TITLE).flags = "Between minerals and geopolitics", []
    write_catalog(catalog, path)
    article = project / "source" / "kazakhstan-ue.md"
    article.write_text(article.read_text(encoding="utf-8").replace("trace sa voie", "fait son chemin"),
                       encoding="utf-8")
    l10n(project, "update")
    en = _rows(l10n, project, "--lang", "en")[("en", "kazakhstan-ue")]
    assert (en["machine_drafts"], en["edited_drafts"], en["outdated"], en["reviewed"]) == (0, 1, 1, 0)


def test_reviewed_translations_with_check_errors_are_counted(project, l10n):
    l10n(project, "update")
    catalog = workspace(project).catalog("en", "kazakhstan-ue")
    invest = next(e.msgid for e in catalog if e.msgid.startswith(INVEST))
    translate_entries(project, "en", {invest: "As the leading producer, Kazakhstan welcomed a plan."})
    en = _rows(l10n, project, "--lang", "en")[("en", "kazakhstan-ue")]
    assert (en["reviewed"], en["check_errors"]) == (1, 1)


def test_status_table_for_people(project, l10n):
    l10n(project, "update")
    status, out, _ = l10n(project, "status")
    lines = out.splitlines()
    assert lines[0].split() == ["language", "catalog", "segments", "words", "reviewed", "approved", "edited-drafts",
                                "machine-drafts", "outdated", "material", "untranslated", "check-errors", "reviewed",
                                "%"]
    assert lines[1].split() == ["en", "kazakhstan-ue", "19", "604", "0", "0", "0", "0", "0", "0", "19", "0", "0.0"]
    assert len(lines) == 1 + 3 * 2


def test_status_tells_material_source_changes_from_cosmetic_ones(project, l10n):
    """An outdated entry whose source changed a fact (here an amount) is counted as material; a
    spelling fix is not."""
    shutil.copytree(REPO / "locales", project / "locales", dirs_exist_ok=True)
    article = project / "source" / "kazakhstan-ue.md"
    text = article.read_text(encoding="utf-8")
    assert "12 milliards" in text and "géopolitique" in text
    article.write_text(text.replace("12 milliards", "14 milliards"), encoding="utf-8")
    l10n(project, "update")
    rows = {(row["language"], row["domain"]): row for row in json.loads(l10n(project, "status", "--json")[1])}
    assert (rows[("en", "kazakhstan-ue")]["outdated"], rows[("en", "kazakhstan-ue")]["outdated_material"]) == (1, 1)
    article.write_text(text.replace("12 milliards", "14 milliards").replace("géopolitique", "géo-politique"),
                       encoding="utf-8")  # and a spelling change in the title
    l10n(project, "update")
    rows = {(row["language"], row["domain"]): row for row in json.loads(l10n(project, "status", "--json")[1])}
    assert (rows[("ru", "kazakhstan-ue")]["outdated"], rows[("ru", "kazakhstan-ue")]["outdated_material"]) == (2, 1)
