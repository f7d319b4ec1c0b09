"""The command line itself: help, argument checks, read-only commands, pipes, and what writers report."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import REPO, snapshot, translate_entries

L10N = str(Path(sys.executable).parent / "l10n")  # the installed command


def test_help_lists_every_command_with_examples(l10n, capsys):
    with pytest.raises(SystemExit) as done:
        l10n(Path("."), "--help")
    assert done.value.code == 0
    text = capsys.readouterr().out
    for command in ("extract", "update", "status", "check", "compare", "translate", "models", "build"):
        assert f"    {command} " in text or f"    {command}\n" in text, command
    assert "examples:" in text and "l10n build --min-reviewed 90" in text


@pytest.mark.parametrize("command", ["extract", "update", "translate"])
def test_each_command_says_what_it_does(l10n, capsys, command):
    with pytest.raises(SystemExit):
        l10n(Path("."), command, "--help")
    text = capsys.readouterr().out
    assert len(text.split("\n\n")[1].split()) >= 8  # a description, not just the usage line


@pytest.mark.parametrize("value", ["150", "-5", "lots"])
def test_min_reviewed_is_a_percentage(project, l10n, capsys, value):
    with pytest.raises(SystemExit) as done:
        l10n(project, "build", "--min-reviewed", value)
    err = capsys.readouterr().err
    assert done.value.code == 2 and err.count("\n") == 1 and "--min-reviewed" in err
    assert not (project / "build").exists()


def test_a_folder_without_a_project_is_one_line(tmp_path, l10n):
    status, out, err = l10n(tmp_path, "status")
    assert (status, out) == (2, "") and err == f"{tmp_path / 'source'}: no source folder\n"


@pytest.mark.parametrize("command", [("status",), ("status", "--json"), ("check",), ("compare",)])
def test_read_only_commands_write_nothing(project, l10n, command):
    l10n(project, "update")
    article = project / "source" / "kazakhstan-ue.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nA paragraph added since.\n", encoding="utf-8")
    before = snapshot(project)
    assert l10n(project, *command)[0] in (0, 1)
    assert snapshot(project) == before


def test_writers_say_which_files_they_rewrote(project, l10n):
    status, out, _ = l10n(project, "update")
    assert status == 0 and f"wrote {project / 'locales' / 'en' / 'LC_MESSAGES' / 'kazakhstan-ue.po'}" in out
    article = project / "source" / "kazakhstan-ue.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nA paragraph added since.\n", encoding="utf-8")
    status, out, _ = l10n(project, "build")
    written = {line.removeprefix("wrote ") for line in out.splitlines() if line.startswith("wrote ")}
    assert written == {str(project / "locales" / "kazakhstan-ue.pot")} | {
        str(project / "locales" / language / "LC_MESSAGES" / "kazakhstan-ue.po") for language in ("en", "ru", "kk")}


@pytest.mark.parametrize("command", [("status",), ("status", "--json"), ("check",), ("compare",)])
def test_output_cut_short_by_a_closed_pipe_ends_quietly(project, l10n, command):
    """``l10n compare | head``: the reader goes away early; no traceback, no complaint."""
    shutil.copytree(REPO / "locales", project / "locales")
    process = subprocess.Popen([L10N, "--root", str(project), *command], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    process.stdout.close()  # before the command writes its first line
    _, err = process.communicate(timeout=120)
    assert err == b""
    assert process.returncode in (0, 141)


def test_catalogs_of_a_deleted_article_are_named_and_kept_until_asked(project, l10n):
    (project / "source" / "old.md").write_text("---\nslug: old\n---\n\n# Old news\n", encoding="utf-8")
    l10n(project, "update")
    translate_entries(project, "en", {"Old news": "Old news"}, domain="old")
    assert l10n(project, "build")[0] == 0  # its published record
    (project / "source" / "old.md").unlink()
    assert l10n(project, "update")[0] == 0
    locales = project / "locales"
    files = [locales / "old.pot"] + [locales / lang / "LC_MESSAGES" / "old.po" for lang in ("en", "kk", "ru")]
    files.append(locales / "published" / "old.tmx")
    assert all(path.exists() for path in files)  # never removed silently
    assert "orphaned: old (5 files)" in l10n(project, "status")[1]
    listed = l10n(project, "orphans")[1]
    assert listed.startswith("old: ") and all(str(path) in listed for path in files)
    status, out, _ = l10n(project, "orphans", "--archive")
    assert status == 0 and not any(path.exists() for path in files)
    assert sorted(p.name for p in (locales / "archive" / "old").iterdir()) == [
        "en.po", "kk.po", "old.pot", "published.tmx", "ru.po"]
    assert "orphaned" not in l10n(project, "status")[1]
    assert l10n(project, "orphans")[1].startswith("no orphaned catalogs")


def test_orphans_can_be_removed(project, l10n):
    (project / "source" / "old.md").write_text("---\nslug: old\n---\n\n# Old news\n", encoding="utf-8")
    l10n(project, "update")
    (project / "source" / "old.md").unlink()
    status, out, _ = l10n(project, "orphans", "--remove")
    assert status == 0 and out.count("removed old: ") == 4
    assert not list((project / "locales").rglob("old.po*"))
