"""`l10n status`: segments and words per language, reviewed, drafts and untranslated."""

import json

from support import CAPTION, TITLE, translate_entries


def test_status_counts_reviewed_drafts_and_untranslated(project, l10n):
    l10n(project, "update")
    translate_entries(project, "en", {TITLE: "Between minerals and geopolitics", CAPTION: "Tokayev at the summit"},
                      fuzzy={CAPTION})
    status, out, _ = l10n(project, "status", "--json", "--lang", "en,ru")
    assert status == 0
    rows = {(row["language"], row["domain"]): row for row in json.loads(out)}
    en = rows[("en", "kazakhstan-ue")]
    assert (en["segments"], en["reviewed"], en["drafts"], en["untranslated"]) == (19, 1, 1, 17)
    assert en["reviewed_words"] == len(TITLE.split()) and en["draft_words"] == len(CAPTION.split())
    assert en["words"] == 604 and en["percent_reviewed"] == 5.3
    assert rows[("ru", "kazakhstan-ue")]["reviewed"] == 0
    assert {language for language, _ in rows} == {"en", "ru"}


def test_status_table_for_people(project, l10n):
    l10n(project, "update")
    status, out, _ = l10n(project, "status")
    lines = out.splitlines()
    assert lines[0].split() == ["language", "catalog", "segments", "words", "reviewed", "drafts", "outdated",
                                "untranslated", "reviewed", "%"]
    assert lines[1].split() == ["en", "kazakhstan-ue", "19", "604", "0", "0", "0", "19", "0.0"]
    assert len(lines) == 1 + 3 * 2
