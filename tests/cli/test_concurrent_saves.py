"""A translator saving again and again while the toolkit rewrites the same catalog loses nothing.

The translator is a real second process that saves the way PO editors do: load the file, change
one entry's msgstr to a unique marker, write a temporary file in the same folder, ``os.replace``
it over the catalog. It checks, at every load and at the end, that the last marker it saved for
each entry is still there: a tool write may add to the file, never take a save back.
"""

import json
import subprocess
import sys
import time

import pytest

import l10n_article.translate.mt.drafts
from support import REPO, gettext_tool
from support.argos_builder import build_package
from l10n_article.translate.catalog.pofile import read_catalog, save_catalog
from l10n_article.translate.mt.drafts import MACHINE_COMMENT
from l10n_article.translate.mt.memory import Memory

EDITOR = r"""
import json, os, random, sys, tempfile, time, polib

path, stop, msgids = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
last, lost, rounds = {}, set(), 0

def check(catalog):
    for msgid, marker in last.items():
        entry = catalog.find(msgid)
        if entry is None or entry.msgstr != marker:
            lost.add((msgid, marker))

while not os.path.exists(stop) or rounds < len(msgids):
    catalog = polib.pofile(path, wrapwidth=79)
    check(catalog)
    msgid = msgids[rounds % len(msgids)]
    marker = f"saved by the translator, round {rounds}"
    catalog.find(msgid).msgstr = marker
    fd, temporary = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".editor-", suffix=".po")
    os.close(fd)
    catalog.save(temporary)
    os.replace(temporary, path)
    last[msgid] = marker
    rounds += 1
    if rounds == 1:
        open(stop + ".ready", "w").close()
    time.sleep(random.uniform(0.005, 0.03))  # a translator at a thousand times human speed
check(polib.pofile(path, wrapwidth=79))
print(json.dumps({"rounds": rounds, "lost": sorted(lost)}))
"""

ARTICLE = "---\nslug: news\n---\n\n# The summit\n\n{}\n"
PARAGRAPHS = [f"Paragraph {n} of the dispatch, with a few words about the summit in Samarkand." for n in range(8)]
ROUNDS = 15  # tool runs per test: each one races the translator's saves


class Translator:
    """The second process, saving ``msgids`` of ``path`` in turn until told to stop."""

    def __init__(self, path, msgids, folder):
        self.stop = folder / "stop"
        self.process = subprocess.Popen([sys.executable, "-c", EDITOR, str(path), str(self.stop), json.dumps(msgids)],
                                        stdout=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 30
        while not (folder / "stop.ready").exists():
            assert self.process.poll() is None and time.monotonic() < deadline, "the translator did not start"
            time.sleep(0.01)

    def finish(self) -> dict:
        self.stop.touch()
        out, _ = self.process.communicate(timeout=60)
        assert self.process.returncode == 0
        return json.loads(out)


def _article(project, variant):
    paragraphs = PARAGRAPHS + [f"A closing paragraph that the author keeps rewriting, version {variant}."]
    for old in (project / "source").glob("*.md"):
        old.unlink()
    (project / "source" / "news.md").write_text(ARTICLE.format("\n\n".join(paragraphs)), encoding="utf-8")


def test_update_never_reverts_a_save_made_while_it_runs(project, l10n, tmp_path):
    _article(project, 0)
    assert l10n(project, "update")[0] == 0
    po = project / "locales" / "en" / "LC_MESSAGES" / "news.po"
    translator = Translator(po, PARAGRAPHS, tmp_path)
    for variant in range(1, ROUNDS + 1):
        _article(project, variant)  # a changed source: every run really rewrites the catalog
        status, _, err = l10n(project, "update")
        assert status == 0, err
    report = translator.finish()
    assert report["rounds"] >= len(PARAGRAPHS)
    assert report["lost"] == []
    assert not list(po.parent.glob(".*.tmp"))
    assert gettext_tool("msgfmt", "--check", "-o", "/dev/null", str(po)).returncode == 0


@pytest.fixture
def fr_en(tmp_path_factory, monkeypatch, project, l10n):
    """A fr→en package installed into a private package folder."""
    texts = [line for line in (REPO / "source" / "kazakhstan-ue.md").read_text(encoding="utf-8").split("\n")]
    package = build_package(tmp_path_factory.mktemp("argosmodels"), "fr", "en", texts)
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path_factory.mktemp("argos-packages")))
    status, _, err = l10n(project, "models", "install", str(package))
    assert status == 0, err


def _forget_drafts(project, po):
    """Empty every machine draft still as the machine wrote it (through the same safe write), so that
    the next run drafts again; a draft the translator has since saved over is theirs, and stays."""
    memory = Memory.in_folder(project / "locales", "fr")

    def clear(catalog):
        for entry in catalog:
            machine = memory.draft("en", entry.msgid)
            if entry.tcomment.startswith(MACHINE_COMMENT) and machine is not None and entry.msgstr == machine[1]:
                entry.msgstr, entry.tcomment = "", ""
                entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
        return catalog
    save_catalog(po, "en", clear)
    (project / "locales" / "memory.sqlite").unlink(missing_ok=True)  # a run that found nothing to draft wrote none


def test_draft_flushes_never_revert_a_save_made_while_they_run(project, l10n, fr_en, tmp_path, monkeypatch):
    monkeypatch.setattr(l10n_article.translate.mt.drafts, "BATCH_SENTENCES", 2)  # a flush every two sentences
    assert l10n(project, "update")[0] == 0
    po = project / "locales" / "en" / "LC_MESSAGES" / "kazakhstan-ue.po"
    msgids = [entry.msgid for entry in read_catalog(po, "en")][1::2]  # every other entry is the translator's
    translator = Translator(po, msgids, tmp_path)
    for _ in range(3):
        status, _, err = l10n(project, "translate", "--lang", "en")
        assert status == 0, err
        _forget_drafts(project, po)
    report = translator.finish()
    assert report["rounds"] >= len(msgids)
    assert report["lost"] == []
    assert not list(po.parent.glob(".*.tmp"))
