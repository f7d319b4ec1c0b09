"""Kazakh drafts that start from the reviewed Russian (a pivot a human has checked), with real
copy-circuit packages: a ru→kk model copies the Russian it is given."""

import polib

from support import CAPTION, REPO, TITLE, translate_entries
from l10n_article.translate.catalog.pofile import read_catalog, write_catalog

RUSSIAN = {e.msgid: e.msgstr for e in polib.pofile(str(REPO / "locales/ru/LC_MESSAGES/kazakhstan-ue.po"))}


def catalog(project, language):
    return read_catalog(project / "locales" / language / "LC_MESSAGES" / "kazakhstan-ue.po", language)


def review_russian(project, l10n, msgids):
    l10n(project, "update")
    translate_entries(project, "ru", {msgid: RUSSIAN[msgid] for msgid in msgids})


def test_kazakh_starts_from_the_reviewed_russian_and_the_dry_run_says_why(project, install, l10n):
    install("ru_kk")
    review_russian(project, l10n, [TITLE, CAPTION])
    status, out, _ = l10n(project, "translate", "--dry-run", "--lang", "kk")
    assert status == 1
    assert out.splitlines() == [
        "kk: from reviewed ru: ru → kk (translate-ru_kk 1.0), their ru translation is reviewed: 2 segments to translate",
        "kk: missing: no route fr→kk: install a package for fr→kk or en→kk (l10n models install FILE): 17 segments"]
    status, out, _ = l10n(project, "translate", "--lang", "kk")
    assert status == 1  # partial: 17 segments have no route
    entries = catalog(project, "kk")
    assert entries.find(TITLE).msgstr == RUSSIAN[TITLE]  # the copy model reproduces the reviewed Russian
    assert entries.find(TITLE).tcomment.startswith("machine draft: argos translate-ru_kk 1.0 from reviewed ru, confidence ")
    assert "fuzzy" in entries.find(TITLE).flags
    assert sum(bool(e.msgstr) for e in entries) == 2


def test_segments_without_a_reviewed_russian_take_the_route_from_french(project, install, l10n):
    install("fr_kk", "ru_kk")
    review_russian(project, l10n, [TITLE])
    status, out, _ = l10n(project, "translate", "--dry-run", "--lang", "kk")
    assert (status, out.splitlines()) == (0, [
        "kk: from reviewed ru: ru → kk (translate-ru_kk 1.0), their ru translation is reviewed: 1 segments to translate",
        "kk: direct: fr → kk (translate-fr_kk 1.9), their ru translation is not reviewed: 18 segments to translate"])
    assert l10n(project, "translate", "--lang", "kk")[0] == 0
    entries = catalog(project, "kk")
    assert entries.find(TITLE).msgstr == RUSSIAN[TITLE]
    assert entries.find(CAPTION).msgstr == CAPTION
    assert entries.find(CAPTION).tcomment.startswith("machine draft: argos translate-fr_kk 1.9, confidence ")


def test_untouched_drafts_are_redone_when_the_russian_is_reviewed_or_re_reviewed(project, install, l10n):
    install("fr_kk", "ru_kk")
    review_russian(project, l10n, [TITLE])
    l10n(project, "translate", "--lang", "kk")
    path = project / "locales" / "kk" / "LC_MESSAGES" / "kazakhstan-ue.po"
    edited = next(e.msgid for e in catalog(project, "kk") if e.msgid not in (TITLE, CAPTION))
    kk = read_catalog(path, "kk")
    kk.find(edited).msgstr = "Аудармашының нұсқасы"  # a translator's edit of a draft from French
    write_catalog(kk, path)
    translate_entries(project, "ru", {TITLE: "Между рудами и геополитикой", CAPTION: RUSSIAN[CAPTION],
                                      edited: RUSSIAN[edited]})
    status, out, _ = l10n(project, "translate", "--lang", "kk")
    assert "kk: from reviewed ru: ru → kk (translate-ru_kk 1.0): 2 drafts" in out
    entries = catalog(project, "kk")
    assert entries.find(TITLE).msgstr == "Между рудами и геополитикой"  # re-reviewed Russian: redrafted
    assert entries.find(CAPTION).msgstr.split() == RUSSIAN[CAPTION].split()  # reviewed since: from Russian now
    # (the tokenizer's normalisation turns the no-break space before the dash into a space)
    assert "from reviewed ru" in entries.find(CAPTION).tcomment
    assert entries.find(edited).msgstr == "Аудармашының нұсқасы"  # a translator's text is never replaced
    assert l10n(project, "translate", "--lang", "kk")[1].count(": 0 drafts") == 2  # nothing left to redo
