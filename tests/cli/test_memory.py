"""The translation memory of machine output in SQLite: migration from the TMX memory of earlier
versions, ``l10n memory export/import``, damaged databases, and processes writing at once."""

import os
import shutil
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from support import CONFIG, REPO, TITLE, snapshot, translate_entries
from l10n_article.translate.mt.memory import Memory
from l10n_article.translate.mt.units import MachineSentence

WRITER = """
import sys
from pathlib import Path
from l10n_article.translate.mt.memory import Memory
from l10n_article.translate.mt.units import MachineSentence
memory = Memory.in_folder(Path(sys.argv[1]), "fr")
for batch in range(40):
    for number in range(25):
        memory.put("pkg " + sys.argv[2], "fr", "en", f"{batch}-{number}", MachineSentence("out", -0.5, 3))
    memory.save()
"""

RUN = """
import sys
from l10n_article.render.cli import main
sys.exit(main(sys.argv[1:]))
"""


def database(project):
    return project / "locales" / "memory.sqlite"


def units(project):
    return Memory.in_folder(project / "locales", "fr").units()


def another_project(folder):
    """A second project, as the ``project`` fixture makes one, on another machine say."""
    folder.mkdir()
    (folder / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
    shutil.copytree(REPO / "source", folder / "source")
    return folder


@pytest.fixture
def drafted(project, install, l10n):
    """The project with English drafts made by the fr→en package."""
    install("fr_en")
    status, _, err = l10n(project, "translate", "--lang", "en")
    assert status == 0, err
    return project


def test_a_tmx_memory_is_read_without_writing_and_migrated_whole_by_the_first_write(drafted, l10n, tmp_path):
    before = units(drafted)
    legacy = drafted / "locales" / "memory.tmx"
    assert l10n(drafted, "memory", "export", "--out", str(legacy))[0] == 0
    database(drafted).unlink()  # a project as earlier versions left it
    kept = legacy.read_bytes()
    locales = snapshot(drafted / "locales")
    status, out, _ = l10n(drafted, "status", "--lang", "en")
    assert status == 0 and "machine" in out
    assert snapshot(drafted / "locales") == locales  # a read-only command writes nothing, not even the database
    (drafted / "locales" / "en" / "LC_MESSAGES" / "kazakhstan-ue.po").unlink()
    status, out, _ = l10n(drafted, "translate", "--lang", "en")
    assert status == 0 and "model calls: 0" in out  # every draft comes from the migrated memory
    assert units(drafted) == before
    assert legacy.read_bytes() == kept  # the TMX, perhaps under version control, is left as it was
    connection = sqlite3.connect(database(drafted))
    assert connection.execute("PRAGMA user_version").fetchone() == (1,)
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    locales = snapshot(drafted / "locales")
    assert l10n(drafted, "status", "--lang", "en")[0] == 0
    assert snapshot(drafted / "locales") == locales  # reading the database leaves no journal beside it
    assert sorted(path.name for path in (drafted / "locales").glob("memory.*")) == ["memory.sqlite", "memory.tmx"]


def test_export_writes_tmx_1_4_that_another_project_imports_and_drafts_from_without_a_model_call(
        drafted, l10n, tmp_path):
    out = tmp_path / "exported.tmx"
    status, said, _ = l10n(drafted, "memory", "export", "--out", str(out))
    memory = units(drafted)
    assert status == 0 and said == f"wrote {len(memory.sentences)} sentence units and 19 draft units to {out}\n"
    root = ET.parse(out).getroot()
    assert (root.get("version"), root.find("header").get("srclang")) == ("1.4", "fr")
    kinds = [unit.get("segtype") for unit in root.iter("tu")]
    assert kinds.count("sentence") == len(memory.sentences) and kinds.count("paragraph") == 19
    assert all("translate-fr_en 1.9" in unit.find("prop[@type='x-engine']").text for unit in root.iter("tu"))
    other = another_project(tmp_path / "elsewhere")
    status, said, err = l10n(other, "memory", "import", str(out))
    assert status == 0, err
    assert said == (f"{out}: {len(memory.sentences)} sentence units and 19 draft units added, 0 already in the "
                    "memory, 0 skipped (no x-engine: not the output of a known package)\n")
    assert units(other) == memory
    status, said, _ = l10n(other, "translate", "--lang", "en")
    assert status == 0 and "model calls: 0" in said


CAT_TOOL = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="cat" segtype="sentence" srclang="fr" datatype="plaintext" adminlang="en"
 o-tmf="cat" creationtoolversion="1"/><body>
<tu><tuv xml:lang="fr"><seg>Bonjour.</seg></tuv><tuv xml:lang="en"><seg>Hello.</seg></tuv></tu>
<tu segtype="sentence"><prop type="x-engine">translate-fr_en 1.9</prop>
 <tuv xml:lang="fr"><seg>{title}</seg></tuv><tuv xml:lang="en"><seg>Another machine's title</seg></tuv></tu>
<tu segtype="sentence"><prop type="x-engine">translate-fr_de 1.0</prop><prop type="x-log-prob">-0.25</prop>
 <prop type="x-tokens">4</prop><tuv xml:lang="fr"><seg>Bonjour.</seg></tuv><tuv xml:lang="de"><seg>Hallo.</seg></tuv></tu>
</body></tmx>
"""


def test_import_adds_what_the_memory_lacks_keeps_what_it_has_and_skips_units_naming_no_package(drafted, l10n,
                                                                                                   tmp_path):
    before = units(drafted)
    tmx = tmp_path / "cat.tmx"
    tmx.write_text(CAT_TOOL.format(title=TITLE), encoding="utf-8")
    status, said, _ = l10n(drafted, "memory", "import", str(tmx))
    assert (status, said) == (0, f"{tmx}: 1 sentence units and 0 draft units added, 1 already in the memory, "
                                 "1 skipped (no x-engine: not the output of a known package)\n")
    memory = Memory.in_folder(drafted / "locales", "fr")
    assert memory.get("translate-fr_en 1.9", "fr", "en", TITLE) == before.sentences[
        next(key for key in before.sentences if key.text == TITLE)]  # the memory's own output is kept
    assert memory.get("translate-fr_de 1.0", "fr", "de", "Bonjour.") == MachineSentence("Hallo.", -0.25, 4)
    assert memory.get("", "fr", "en", "Bonjour.") is None


@pytest.mark.parametrize("content, message", [
    ("<tmx version=\"1.4\">\n<body>\n</tmx>", "3: invalid TMX: mismatched tag"),
    ("<xliff version=\"1.2\"/>", "not a TMX file: its root element is <xliff>, not <tmx>"),
    ("<tmx version=\"1.4\"><body><tu segtype=\"sentence\"><prop type=\"x-engine\">p 1</prop>"
     "<prop type=\"x-tokens\">many</prop><tuv xml:lang=\"fr\"><seg>a</seg></tuv><tuv xml:lang=\"en\"><seg>b</seg>"
     "</tuv></tu></body></tmx>", "invalid TMX: prop x-tokens is not a number: 'many'"),
], ids=["not XML", "not TMX", "a score that is not a number"])
def test_a_damaged_file_to_import_is_one_line_and_changes_nothing(drafted, l10n, tmp_path, content, message):
    tmx = tmp_path / "damaged.tmx"
    tmx.write_text(content, encoding="utf-8")
    before = snapshot(drafted / "locales")
    status, _, err = l10n(drafted, "memory", "import", str(tmx))
    assert status == 2 and err.startswith(f"{tmx}:") and message in err and err.count("\n") == 1
    assert snapshot(drafted / "locales") == before


def _newer(path):
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 7")
    connection.commit()


def _foreign(path):
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (text TEXT)")
    connection.commit()


@pytest.mark.parametrize("damage, message", [
    (lambda path: path.write_bytes(b"memory of another kind\n" * 100), "not a translation memory l10n can read"),
    (_newer, "was written by a newer l10n (schema 7; this one reads up to 1): upgrade l10n"),
    (_foreign, "not a translation memory of l10n: an SQLite database with other tables"),
], ids=["not SQLite", "a newer schema", "another SQLite database"])
@pytest.mark.parametrize("command", [("translate", "--lang", "en"), ("status",), ("memory", "export")],
                         ids=["translate", "status", "export"])
def test_a_damaged_database_is_one_line_naming_it(project, install, l10n, damage, message, command):
    install("fr_en")
    assert l10n(project, "update")[0] == 0
    translate_entries(project, "en", {TITLE: "A draft"}, fuzzy=(TITLE,))  # status asks the memory whose it is
    damage(database(project))
    before = snapshot(project / "locales")
    status, _, err = l10n(project, *command)
    assert status == 2 and err.startswith(f"{database(project)}: ") and message in err and err.count("\n") == 1
    assert snapshot(project / "locales") == before


def test_processes_writing_at_once_wait_for_each_other_and_lose_nothing(project, tmp_path):
    (project / "locales").mkdir()
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    writers = [subprocess.Popen([sys.executable, str(script), str(project / "locales"), name], env=os.environ,
                                stderr=subprocess.PIPE, text=True) for name in ("a", "b", "c")]
    assert [(writer.wait(), writer.stderr.read()) for writer in writers] == [(0, "")] * 3
    memory = units(project)
    assert len(memory.sentences) == 3 * 40 * 25
    assert sqlite3.connect(database(project)).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_two_translate_runs_at_once_share_the_memory_safely(project, install, l10n, tmp_path):
    install("fr_en", "en_ru")
    assert l10n(project, "update")[0] == 0
    script = tmp_path / "run.py"
    script.write_text(RUN, encoding="utf-8")
    runs = [subprocess.Popen([sys.executable, str(script), "--root", str(project), "translate", "--lang", language],
                             env=os.environ, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for language in ("en", "ru")]
    assert [run.wait() for run in runs] == [0, 0], [run.stderr.read() for run in runs]
    assert sqlite3.connect(database(project)).execute("PRAGMA integrity_check").fetchone() == ("ok",)
    memory = units(project)
    assert {key.language for key in memory.drafts} == {"en", "ru"} and len(memory.drafts) == 38
    status, out, _ = l10n(project, "translate", "--lang", "en,ru")
    assert status == 0 and "model calls: 0" in out and out.count(": 0 drafts") == 2
