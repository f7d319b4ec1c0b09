"""Machine-draft runs over many articles: batches across articles, a crash that loses at most the
batch in flight, and a re-run with nothing to translate that loads no machine-translation library."""

import os
import subprocess
import sys

import pytest

import l10n_article.translate.mt.argos
import l10n_article.translate.mt.drafts
from support import gettext_tool
from l10n_article.render.cli import workspace
from l10n_article.translate.catalog.pofile import read_catalog
from l10n_article.translate.mt.drafts import translate_drafts
from l10n_article.translate.mt.memory import Memory

HEAVY = ("torch", "stanza", "argostranslate", "ctranslate2")

CLI = """
import sys
from l10n_article.render.cli import main
status = main(sys.argv[1:])
print("imported:", ",".join(sorted({name.split(".")[0] for name in sys.modules} & set(%r))))
sys.exit(status)
""" % (HEAVY,)

CRASHING = """
import os, sys
import l10n_article.translate.mt.argos as argos
import l10n_article.translate.mt.drafts as drafts
from l10n_article.render.cli import main
drafts.BATCH_SENTENCES = 8
real, done = argos.Engine.translate, []

def crash_at_third_batch(engine, batch):
    done.append(batch)
    if len(done) == 3:
        os._exit(9)  # as a kill would: no exception handler, no cleanup
    return real(engine, batch)
argos.Engine.translate = crash_at_third_batch
sys.exit(main(sys.argv[1:]))
"""


def split_article(project):
    """The real article as four small articles, one per section (``part-1`` … ``part-4``); return
    each article's slug and segment texts."""
    source = project / "source" / "kazakhstan-ue.md"
    blocks = source.read_text(encoding="utf-8").split("\n\n")
    starts = [1] + [number for number, block in enumerate(blocks) if block.startswith("## ")]
    source.unlink()
    parts = {}
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(blocks)
        body = [blocks[start].replace("## ", "# ", 1)] + blocks[start + 1:end]
        slug = f"part-{index + 1}"
        (project / "source" / f"{slug}.md").write_text(f"---\nslug: {slug}\nlang: fr\n---\n\n" + "\n\n".join(body),
                                                      encoding="utf-8")
        parts[slug] = body
    return parts


def catalog(project, language, slug):
    return read_catalog(project / "locales" / language / "LC_MESSAGES" / f"{slug}.po", language)


class Batches:
    """Every batch the models receive, recorded around the real engine."""

    def __init__(self, monkeypatch):
        self.batches = []
        real = l10n_article.translate.mt.argos.Engine.translate

        def recording(engine, sentences):
            self.batches.append((engine.info.label, list(sentences)))
            return real(engine, sentences)
        monkeypatch.setattr(l10n_article.translate.mt.argos.Engine, "translate", recording)


class Loads:
    """A progress display that counts each model load."""

    def __init__(self):
        self.loaded = []

    def leg(self, language, leg, total):
        pass

    def loading(self, leg):
        self.loaded.append(leg.label)

    def advance(self, count):
        pass


def test_sentences_of_all_articles_share_full_batches_and_each_model_loads_once(project, install, monkeypatch):
    install("fr_en", "en_ru")
    parts = split_article(project)
    monkeypatch.setattr(l10n_article.translate.mt.drafts, "BATCH_SENTENCES", 8)
    calls, loads = Batches(monkeypatch), Loads()
    report = translate_drafts(workspace(project), ("en", "ru"), progress=loads)
    assert loads.loaded == ["translate-fr_en 1.9", "translate-en_ru 1.9"]
    assert [(label, len(batch)) for label, batch in calls.batches] == \
        [("translate-fr_en 1.9", 8)] * 4 + [("translate-en_ru 1.9", 8)] * 4  # 32 sentences, 4 full batches a leg
    assert report.calls == 8
    sentences = {sentence for _, batch in calls.batches for sentence in batch}
    owner = {sentence: next(slug for slug, texts in parts.items() if any(sentence in text for text in texts))
             for sentence in sentences}
    assert any(len({owner[sentence] for sentence in batch}) > 1 for _, batch in calls.batches)
    for slug in parts:
        for language in ("en", "ru"):
            assert all(entry.msgstr == entry.msgid and "fuzzy" in entry.flags
                       for entry in catalog(project, language, slug))


def test_a_crash_loses_at_most_the_batch_in_flight_and_the_rerun_redoes_no_finished_batch(
        project, install, monkeypatch, tmp_path):
    install("fr_en")
    parts = split_article(project)
    script = tmp_path / "crashing.py"
    script.write_text(CRASHING, encoding="utf-8")
    crashed = subprocess.run([sys.executable, str(script), "--root", str(project), "translate", "--lang", "en"],
                             capture_output=True, text=True, env=os.environ)
    assert crashed.returncode == 9
    memory = Memory.in_folder(project / "locales", "fr")
    kept = set(key.text for key in memory.units().sentences)
    assert len(kept) == 16  # the two finished batches of 8
    for slug in parts:
        path = project / "locales" / "en" / "LC_MESSAGES" / f"{slug}.po"
        assert gettext_tool("msgfmt", "--check", "-o", "/dev/null", str(path)).returncode == 0
    monkeypatch.setattr(l10n_article.translate.mt.drafts, "BATCH_SENTENCES", 8)
    calls = Batches(monkeypatch)
    assert translate_drafts(workspace(project), ("en",)).calls == 2
    redone = {sentence for _, batch in calls.batches for sentence in batch}
    assert len(redone) == 16 and not redone & kept
    assert all(entry.msgstr == entry.msgid for slug in parts for entry in catalog(project, "en", slug))


@pytest.fixture
def cli(tmp_path):
    """Run ``l10n`` in a child process; return its exit status, its output, and the
    machine-translation libraries it imported."""
    script = tmp_path / "cli.py"
    script.write_text(CLI, encoding="utf-8")

    def run(project, *args):
        done = subprocess.run([sys.executable, str(script), "--root", str(project), *args],
                              capture_output=True, text=True, env=os.environ)
        out, _, imported = done.stdout.rpartition("imported: ")
        return done.returncode, out, imported.strip()
    return run


def test_a_rerun_with_nothing_to_translate_calls_no_model_and_imports_no_model_library(project, install, cli, l10n):
    install("fr_en", "en_ru")
    status, out, imported = cli(project, "translate", "--dry-run", "--lang", "en,ru")
    assert (status, imported) == (0, "")
    assert "ru: pivot: fr → en → ru (translate-fr_en 1.9, translate-en_ru 1.9)" in out
    assert l10n(project, "translate", "--lang", "en,ru")[0] == 0
    status, out, imported = cli(project, "translate", "--lang", "en,ru")
    assert (status, imported) == (0, "")
    assert "model calls: 0" in out and "0 drafts" in out
