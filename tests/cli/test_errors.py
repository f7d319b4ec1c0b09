"""Every bad input a user can cause: one line `path:line: message`, exit status 2, nothing written."""

import subprocess
import sys
from pathlib import Path

import pytest

from support import snapshot

L10N = str(Path(sys.executable).parent / "l10n")  # the installed command
EN_PO = "locales/en/LC_MESSAGES/kazakhstan-ue.po"


def break_po(project):
    path = project / EN_PO
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if line.startswith("msgid") and i > 5)
    lines[number] = 'msgid "an unterminated string'
    path.write_text("\n".join(lines), encoding="utf-8")
    return f"{path}:{number + 1}: unterminated string or invalid escape sequence"


def wrong_language(project):
    path = project / EN_PO
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"Language: en\\n"', '"Language: ru\\n"'), encoding="utf-8")
    line = text[:text.index('"Language: en')].count("\n") + 1
    return f"{path}:{line}: Language header says 'ru' but the catalog is in the folder of 'en'"


def no_title(project):
    path = project / "source" / "kazakhstan-ue.md"
    path.write_text(path.read_text(encoding="utf-8").replace("# Entre", "Entre"), encoding="utf-8")
    return f"{path}:1: the article has no title (a level-1 heading such as '# Title')"


def not_utf8(project):
    path = project / "source" / "kazakhstan-ue.md"
    path.write_bytes(path.read_bytes().replace("géopolitique".encode(), "géopolitique".encode("latin-1")))
    return f"{path}:6: not valid UTF-8 text"


def not_utf8_po(project):
    path = project / EN_PO
    path.write_bytes(path.read_bytes() + "\n# commentaire réservé\n".encode("latin-1"))
    line = path.read_bytes().count(b"\n")
    return f"{path}:{line}: not valid UTF-8 text"


def unreadable(project):
    path = project / "source" / "kazakhstan-ue.md"
    path.unlink()
    path.mkdir()
    return f"{path}: cannot read file: Is a directory"


def edit_settings(project, old, new):
    path = project / "pyproject.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return path


def unknown_language(project):
    path = edit_settings(project, '"kk"', '"xx"')
    return f"{path}: unknown language code 'xx'"


def path_like_language(project):
    path = edit_settings(project, '"kk"', '"../kk"')
    return f"{path}: invalid language code '../kk' (expected a code such as en, ru, pt_BR)"


def bad_setting(project):
    path = edit_settings(project, 'output = "build"', "output = 5")
    return f"{path}: [tool.l10n] output must be a folder path (a string)"


def bad_toml(project):
    path = edit_settings(project, 'output = "build"', 'output = "build')
    return f"{path}:4: invalid TOML: Illegal character '\\n'"


def no_article(project):
    (project / "source" / "kazakhstan-ue.md").rename(project / "source" / "kazakhstan-ue.txt")
    return f"{project / 'source'}: no Markdown article (*.md) in the source folder"


@pytest.mark.parametrize("damage", [break_po, wrong_language, no_title, not_utf8, not_utf8_po, unreadable,
                                    unknown_language, path_like_language, bad_setting, bad_toml, no_article])
@pytest.mark.parametrize("command", ["update", "build"])
def test_bad_input_is_one_line_exit_2_and_changes_nothing(project, l10n, damage, command):
    l10n(project, "update")
    (project / "source" / "kazakhstan-ue.md").write_text(
        (project / "source" / "kazakhstan-ue.md").read_text(encoding="utf-8") + "\nA new paragraph.\n",
        encoding="utf-8")
    message = damage(project)
    before = snapshot(project)
    status, out, err = l10n(project, command)
    assert (status, err) == (2, message + "\n")
    assert snapshot(project) == before


def test_an_unknown_language_on_the_command_line(project, l10n):
    assert l10n(project, "status", "--lang", "en,zz")[:3] == (2, "", "l10n: unknown language code 'zz'\n")


def test_the_installed_command_prints_no_traceback(project):
    subprocess.run([L10N, "--root", str(project), "update"], check=True,
                   capture_output=True)
    break_po_message = break_po(project)
    result = subprocess.run([L10N, "--root", str(project), "update"],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr == break_po_message + "\n"
    assert "Traceback" not in result.stderr


def test_an_output_folder_that_cannot_be_written_is_one_line(project, l10n):
    (project / "taken").write_text("a file, not a folder", encoding="utf-8")
    status, out, err = l10n(project, "build", "--out", str(project / "taken"))
    assert status == 2 and err.startswith(f"{project / 'taken'}: ") and "cannot write" in err
    assert err.count("\n") == 1
