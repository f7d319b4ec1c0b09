"""Sign-off in the catalogs: `l10n approve` and `l10n note`, kept by every gettext tool, void when a text changes."""

import re
from datetime import date

import pytest

from support import CAPTION, TITLE, gettext_tool, snapshot, translate_entries
from l10n_article.render.cli import workspace
from l10n_article.translate.catalog import signoff
from l10n_article.translate.catalog.pofile import read_catalog, write_catalog
from l10n_article.translate.catalog.progress import State, entry_state, publishable
from l10n_article.translate.errors import L10nError
from l10n_article.translate.catalog.review import Conflict, Place, approve, correct

INVEST = "Premier producteur régional de matières premières critiques"
APPROVAL = re.compile(r"^# approved: Anna Petrova (\d{4}-\d{2}-\d{2}) ([0-9a-f]{12})$", re.M)


def _po(project, language="ru"):
    return project / "locales" / language / "LC_MESSAGES" / "kazakhstan-ue.po"


@pytest.fixture
def reviewed(project, l10n):
    """Russian with a reviewed title, a reviewed paragraph with a check error, a draft caption."""
    l10n(project, "update")
    invest = next(e.msgid for e in read_catalog(_po(project), "ru") if e.msgid.startswith(INVEST))
    translate_entries(project, "ru", {TITLE: "Между рудами и геополитикой", CAPTION: "Токаев на саммите",
                                      invest: "Казахстан приветствовал план."}, fuzzy={CAPTION}, )
    return project


def test_approve_one_segment_writes_a_translator_comment(reviewed, l10n):
    status, out, err = l10n(reviewed, "approve", "--lang", "ru", "--segment", "1", "--by", "Anna  Petrova")
    assert (status, err) == (0, "") and "approved kazakhstan-ue #1" in out
    text = _po(reviewed).read_text(encoding="utf-8")
    found = APPROVAL.search(text)
    assert found and found.group(1) == date.today().isoformat()
    entry = read_catalog(_po(reviewed), "ru").find(TITLE)
    assert found.group(2) == signoff.fingerprint(entry) and entry_state(entry) == State.APPROVED
    assert gettext_tool("msgfmt", "--check", "-o", "/dev/null", str(_po(reviewed))).returncode == 0
    rows = {(r["language"], r["domain"]): r for r in __import__("json").loads(l10n(reviewed, "status", "--json")[1])}
    assert (rows[("ru", "kazakhstan-ue")]["approved"], rows[("ru", "kazakhstan-ue")]["reviewed"]) == (1, 2)


def test_a_draft_cannot_be_approved_and_nothing_is_written(reviewed, l10n):
    before = snapshot(reviewed)
    status, out, err = l10n(reviewed, "approve", "--lang", "ru", "--segment", "2", "--by", "Anna")
    line = read_catalog(_po(reviewed), "ru").find(CAPTION).linenum
    assert status == 2 and err == (f"{_po(reviewed)}:{line}: kazakhstan-ue #2: not reviewed (draft): only a "
                                   "reviewed translation can be approved\n")
    assert snapshot(reviewed) == before
    for args in (["--segment", "99"], ["--all-reviewed", "--segment", "1"], []):
        status, _, err = l10n(reviewed, "approve", "--lang", "ru", "--by", "Anna", *args)
        assert status == 2 and err.count("\n") == 1, args
    assert snapshot(reviewed) == before


def test_approve_all_reviewed_leaves_drafts_and_check_errors(reviewed, l10n):
    status, out, _ = l10n(reviewed, "approve", "--lang", "ru", "--all-reviewed", "--by", "Anna Petrova")
    assert status == 0
    assert "approved kazakhstan-ue #1" in out and "approved kazakhstan-ue #6" not in out
    assert "left kazakhstan-ue #6: has check errors" in out and "left kazakhstan-ue #2: not reviewed (draft)" in out
    assert len(APPROVAL.findall(_po(reviewed).read_text(encoding="utf-8"))) == 1


def test_an_approval_is_void_once_the_translation_or_the_source_changes(reviewed, l10n):
    l10n(reviewed, "approve", "--lang", "ru", "--segment", "1", "--by", "Anna Petrova")
    catalog = read_catalog(_po(reviewed), "ru")
    entry = catalog.find(TITLE)
    assert publishable(entry, "approved") and publishable(entry, "reviewed")
    entry.msgstr = "Между рудами и геополитикой: путь Казахстана"
    assert entry_state(entry) == State.REVIEWED and not publishable(entry, "approved") and publishable(entry)
    write_catalog(catalog, _po(reviewed))
    status, out, _ = l10n(reviewed, "compare", "--lang", "ru")
    assert "approval by Anna Petrova on" in out and "void: the text changed since" in out
    l10n(reviewed, "approve", "--lang", "ru", "--segment", "1", "--by", "Anna Petrova")
    assert len(APPROVAL.findall(_po(reviewed).read_text(encoding="utf-8"))) == 1  # replaced, not added
    article = reviewed / "source" / "kazakhstan-ue.md"
    article.write_text(article.read_text(encoding="utf-8").replace("trace sa voie", "fait son chemin"),
                       encoding="utf-8")
    l10n(reviewed, "update")
    moved = next(e for e in read_catalog(_po(reviewed), "ru") if e.msgid.startswith("Entre minerais"))
    assert signoff.approval(moved) is not None and entry_state(moved) == State.OUTDATED
    assert not publishable(moved, "approved") and not publishable(moved, "reviewed")


def test_notes_are_added_and_resolved(reviewed, l10n):
    assert l10n(reviewed, "note", "--lang", "ru", "--article", "kazakhstan-ue", "--segment", "2", "--by", "Anna",
                "Токаев: check the\nglossary")[0] == 0
    l10n(reviewed, "note", "--lang", "ru", "--segment", "2", "--by", "Boris", "second")
    text = _po(reviewed).read_text(encoding="utf-8")
    assert f"# note: Anna {date.today().isoformat()}: Токаев: check the glossary\n" in text
    notes = signoff.notes(read_catalog(_po(reviewed), "ru").find(CAPTION))
    assert [(n.name, n.text) for n in notes] == [("Anna", "Токаев: check the glossary"), ("Boris", "second")]
    assert l10n(reviewed, "note", "--lang", "ru", "--segment", "2", "--resolve", "second")[0] == 0
    assert [n.name for n in signoff.notes(read_catalog(_po(reviewed), "ru").find(CAPTION))] == ["Anna"]
    l10n(reviewed, "note", "--lang", "ru", "--segment", "2", "--resolve")
    assert "# note:" not in _po(reviewed).read_text(encoding="utf-8")
    status, _, err = l10n(reviewed, "note", "--lang", "ru", "--segment", "2", "--resolve")
    assert status == 2 and "no such note" in err


def test_approvals_and_notes_survive_msgcat_and_msgmerge_byte_for_byte(reviewed, l10n):
    l10n(reviewed, "approve", "--lang", "ru", "--segment", "1", "--by", "Anna Petrova")
    l10n(reviewed, "note", "--lang", "ru", "--segment", "2", "--by", "Boris", "«Токаев», as in the glossary")
    po = _po(reviewed)
    original = po.read_bytes()
    assert b"# approved: Anna Petrova" in original and b"# note: Boris" in original
    catted = gettext_tool("msgcat", str(po), "-o", "-")
    assert catted.returncode == 0 and catted.stdout.encode("utf-8") == original
    merged = gettext_tool("msgmerge", "--quiet", "--previous", "-o", "-", str(po),
                          str(reviewed / "locales" / "kazakhstan-ue.pot"))
    assert merged.returncode == 0 and merged.stdout.encode("utf-8") == original


def test_an_approval_made_while_a_translator_saves_keeps_the_translators_work(reviewed):
    """The catalog is re-read just before it is replaced: a save that lands meanwhile is merged."""
    ws = workspace(reviewed)
    ws.catalog("ru", "kazakhstan-ue")  # the command has read the file...
    translate_entries(reviewed, "ru", {CAPTION: "Касым-Жомарт Токаев на саммите"})  # ...then Poedit saves
    approve(ws, Place("ru", "kazakhstan-ue", 1), "Anna")
    catalog = read_catalog(_po(reviewed), "ru")
    assert catalog.find(CAPTION).msgstr == "Касым-Жомарт Токаев на саммите"
    assert entry_state(catalog.find(TITLE)) == State.APPROVED


def test_an_unknown_requirement_is_refused():
    with pytest.raises(Exception, match="unknown requirement 'published'"):
        publishable(None, "published")


def test_a_build_that_requires_approval_publishes_only_approved_translations(project, l10n):
    l10n(project, "update")
    translate_entries(project, "en", {TITLE: "Between minerals and geopolitics", CAPTION: "Tokayev at the summit"})
    assert l10n(project, "approve", "--lang", "en", "--segment", "1", "--by", "Anna")[0] == 0
    assert l10n(project, "build", "--require", "approved")[0] == 0
    page = (project / "build" / "en" / "kazakhstan-ue.html").read_text(encoding="utf-8")
    assert "Between minerals and geopolitics" in page and "Tokayev at the summit" not in page
    settings = project / "pyproject.toml"
    settings.write_text(settings.read_text(encoding="utf-8") + 'require = "approved"\n', encoding="utf-8")
    assert l10n(project, "build")[0] == 0
    assert "Tokayev at the summit" not in (project / "build" / "en" / "kazakhstan-ue.html").read_text(encoding="utf-8")
    assert l10n(project, "build", "--require", "reviewed")[0] == 0
    assert "Tokayev at the summit" in (project / "build" / "en" / "kazakhstan-ue.html").read_text(encoding="utf-8")
    settings.write_text(settings.read_text(encoding="utf-8").replace('"approved"', '"signed"'), encoding="utf-8")
    status, _, err = l10n(project, "build")
    assert status == 2 and err == f"{settings}: [tool.l10n] require must be one of reviewed, approved (not 'signed')\n"


def _seen(project, msgid, language="ru"):
    """The fingerprint of the entry as an editor's page shows it now."""
    return signoff.fingerprint(read_catalog(_po(project, language), language).find(msgid))


def test_a_correction_of_a_reviewed_translation_stays_reviewed_keeps_comments_and_voids_the_approval(reviewed, l10n):
    catalog = read_catalog(_po(reviewed), "ru")
    catalog.find(TITLE).tcomment = "Kazakhstan as the subject, as in the lead"
    write_catalog(catalog, _po(reviewed))
    l10n(reviewed, "approve", "--lang", "ru", "--segment", "1", "--by", "Anna Petrova")
    l10n(reviewed, "note", "--lang", "ru", "--segment", "1", "--by", "Boris", "shorter?")
    outcome = correct(workspace(reviewed), Place("ru", "kazakhstan-ue", 1), "Между рудами и геополитикой: путь",
                      _seen(reviewed, TITLE))
    assert outcome.changed == ["kazakhstan-ue #1"] and outcome.written == [_po(reviewed)]
    entry = read_catalog(_po(reviewed), "ru").find(TITLE)
    assert entry.msgstr == "Между рудами и геополитикой: путь" and entry_state(entry) == State.REVIEWED
    assert entry.tcomment.startswith("Kazakhstan as the subject, as in the lead\n")
    assert signoff.approval(entry) is not None and not signoff.approved(entry)
    assert [n.text for n in signoff.notes(entry)] == ["shorter?"]
    original = _po(reviewed).read_bytes()
    assert gettext_tool("msgcat", str(_po(reviewed)), "-o", "-").stdout.encode("utf-8") == original
    assert gettext_tool("msgfmt", "--check", "-o", "/dev/null", str(_po(reviewed))).returncode == 0


def test_a_correction_of_a_draft_or_an_outdated_translation_is_reviewed_as_in_poedit(reviewed, l10n):
    correct(workspace(reviewed), Place("ru", "kazakhstan-ue", 2), "Касым-Жомарт Токаев на саммите",
            _seen(reviewed, CAPTION))
    entry = read_catalog(_po(reviewed), "ru").find(CAPTION)
    assert (entry.msgstr, entry_state(entry), entry.flags) == ("Касым-Жомарт Токаев на саммите", State.REVIEWED, [])
    article = reviewed / "source" / "kazakhstan-ue.md"
    article.write_text(article.read_text(encoding="utf-8").replace("trace sa voie", "fait son chemin"),
                       encoding="utf-8")
    l10n(reviewed, "update")
    moved = next(e for e in read_catalog(_po(reviewed), "ru") if e.msgid.startswith("Entre minerais"))
    assert entry_state(moved) == State.OUTDATED
    before = _po(reviewed).read_bytes()
    correct(workspace(reviewed), Place("ru", "kazakhstan-ue", 1), moved.msgstr, signoff.fingerprint(moved))
    assert _po(reviewed).read_bytes() == before  # the same text is no correction: still outdated
    correct(workspace(reviewed), Place("ru", "kazakhstan-ue", 1), "Между рудами и геополитикой: свой путь",
            signoff.fingerprint(moved))
    moved = read_catalog(_po(reviewed), "ru").find(moved.msgid)
    assert entry_state(moved) == State.REVIEWED and moved.previous_msgid is None
    assert gettext_tool("msgfmt", "--check", "-o", "/dev/null", str(_po(reviewed))).returncode == 0


def test_a_correction_is_not_applied_over_a_text_the_translator_saved_meanwhile(reviewed):
    seen = _seen(reviewed, TITLE)
    ws = workspace(reviewed)
    ws.catalog("ru", "kazakhstan-ue")  # the page was made from this...
    translate_entries(reviewed, "ru", {TITLE: "Между минералами и геополитикой"})  # ...then Poedit saves
    before = _po(reviewed).read_bytes()
    with pytest.raises(Conflict) as raised:
        correct(ws, Place("ru", "kazakhstan-ue", 1), "Между рудами и геополитикой: путь", seen)
    conflict = raised.value
    assert (conflict.theirs, conflict.yours) == ("Между минералами и геополитикой", "Между рудами и геополитикой: путь")
    assert conflict.seen == _seen(reviewed, TITLE) and conflict.path == _po(reviewed)
    assert conflict.line == read_catalog(_po(reviewed), "ru").find(TITLE).linenum
    assert _po(reviewed).read_bytes() == before
    correct(ws, Place("ru", "kazakhstan-ue", 1), "Между рудами и геополитикой: путь", conflict.seen)
    assert read_catalog(_po(reviewed), "ru").find(TITLE).msgstr == "Между рудами и геополитикой: путь"


def test_a_correction_made_while_a_translator_saves_another_entry_keeps_both(reviewed):
    seen = _seen(reviewed, TITLE)
    ws = workspace(reviewed)
    ws.catalog("ru", "kazakhstan-ue")
    translate_entries(reviewed, "ru", {CAPTION: "Касым-Жомарт Токаев на саммите"})
    correct(ws, Place("ru", "kazakhstan-ue", 1), "Между рудами и геополитикой: путь", seen)
    catalog = read_catalog(_po(reviewed), "ru")
    assert catalog.find(CAPTION).msgstr == "Касым-Жомарт Токаев на саммите"
    assert catalog.find(TITLE).msgstr == "Между рудами и геополитикой: путь"


@pytest.mark.parametrize("text", ["", "  \n "])
def test_an_empty_correction_is_refused_and_nothing_is_written(reviewed, text):
    before = snapshot(reviewed)
    with pytest.raises(L10nError, match="the correction is empty"):
        correct(workspace(reviewed), Place("ru", "kazakhstan-ue", 1), text, _seen(reviewed, TITLE))
    assert snapshot(reviewed) == before
