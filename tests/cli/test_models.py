"""``l10n models``: package files checked before anything is written, one-line errors, nothing
half-installed, and the Argos index (unreachable, or served on loopback)."""

import errno
import json
import os
import shutil
import subprocess
import sys
import zipfile
from types import SimpleNamespace

import pytest

import l10n_article.translate.mt.archive
from support import REPO


def repack(source, target, change):
    """Copy the package file ``source`` to ``target``, member by member through ``change(name, data)``,
    which returns the (name, data) to write, or None to leave the member out."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in original.infolist():
            changed = change(item.filename, original.read(item))
            if changed is not None:
                copy.writestr(changed[0], changed[1])
    return target


def one_line_about(err, path):
    """Whether ``err`` is exactly one line, naming ``path`` first."""
    return err.count("\n") == 1 and err.startswith(f"{path}: ")


def test_installed_packages_are_listed(project, install, l10n):
    folder = install("fr_en", "en_ru")
    status, out, _ = l10n(project, "models", "list")
    assert status == 0
    assert out.splitlines() == [f"translate-en_ru  en→ru  1.9  {folder / 'translate-en_ru-1_9'}",
                                f"translate-fr_en  fr→en  1.9  {folder / 'translate-fr_en-1_9'}"]


@pytest.mark.parametrize("damage", ["not a zip", "truncated", "no metadata", "broken tokenizer", "metadata [1, 2]",
                                    "metadata not JSON", "from_code not text", "two folders"])
def test_a_corrupt_package_file_is_refused_with_one_line_naming_it(project, install, l10n, packages, tmp_path, damage):
    folder = install()
    bad = tmp_path / "bad.argosmodel"
    data = packages["fr_en"].read_bytes()
    metadata = {"metadata [1, 2]": b"[1, 2]", "metadata not JSON": b"{from_code: fr",
                "from_code not text": json.dumps({"from_code": 5, "to_code": "en"}).encode()}
    if damage == "not a zip":
        bad.write_text("hello", encoding="utf-8")
    elif damage == "truncated":
        bad.write_bytes(data[: len(data) // 2])
    elif damage == "no metadata":
        repack(packages["fr_en"], bad, lambda name, data: None if name.endswith("metadata.json") else (name, data))
    elif damage == "broken tokenizer":
        repack(packages["fr_en"], bad,
               lambda name, data: (name, b"not a model" if name.endswith("sentencepiece.model") else data))
    elif damage == "two folders":
        repack(packages["fr_en"], bad, lambda name, data: ("other/" + name if "model/" in name else name, data))
    else:
        repack(packages["fr_en"], bad,
               lambda name, data: (name, metadata[damage] if name.endswith("metadata.json") else data))
    status, out, err = l10n(project, "models", "install", str(bad))
    assert status == 2 and one_line_about(err, bad), err
    assert "not an Argos package" in err or "not a valid Argos package" in err or "damaged archive" in err
    assert ".installing-" not in err and str(folder) not in err  # the staging folder is never named
    assert not folder.exists() or list(folder.iterdir()) == []


@pytest.mark.parametrize("what, message", [
    (["missing.argosmodel"], "missing.argosmodel: no such file"),
    (["fr"], "l10n: models install takes FILE.argosmodel, or FROM TO (e.g. fr en): there is no file named fr"),
    ([], "l10n: models install takes FILE.argosmodel, or FROM TO (e.g. fr en)"),
    (["fr", "en", "ru"], "l10n: models install takes FILE.argosmodel, or FROM TO (e.g. fr en)"),
], ids=["missing file", "one language code", "nothing", "three words"])
def test_install_arguments_that_name_no_package(project, l10n, monkeypatch, tmp_path, what, message):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "argos-packages"))
    monkeypatch.chdir(tmp_path)
    status, out, err = l10n(project, "models", "install", *what)
    assert (status, out, err) == (2, "", message + "\n")
    assert not (tmp_path / "argos-packages").exists() or not any((tmp_path / "argos-packages").iterdir())


def test_list_takes_no_argument(project, l10n):
    assert l10n(project, "models", "list", "fr")[::2] == (2, "l10n: models list takes no argument\n")


@pytest.mark.parametrize("command", [("models", "list"), ("translate", "--lang", "en")], ids=["list", "translate"])
def test_an_installed_package_with_bad_metadata_is_one_line_naming_it(project, install, l10n, command):
    folder = install("fr_en")
    package = folder / "translate-fr_en-1_9"
    (package / "metadata.json").write_text("[1, 2]", encoding="utf-8")
    status, out, err = l10n(project, *command)
    assert status == 2 and one_line_about(err, package), err
    assert "metadata.json is not a JSON object" in err
    assert not (project / "locales" / "en").exists()


def test_a_full_disk_during_install_is_one_line_and_installs_nothing(project, install, l10n, packages, monkeypatch):
    folder = install("en_ru")
    before = sorted(folder.iterdir())
    real = zipfile.ZipFile.extractall

    def disk_fills_up(archive, path=None, members=None, pwd=None):
        real(archive, path, archive.namelist()[:2], pwd)  # some files land, then the disk is full
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(zipfile.ZipFile, "extractall", disk_fills_up)
    status, out, err = l10n(project, "models", "install", str(packages["fr_en"]))
    assert status == 2 and one_line_about(err, packages["fr_en"]), err
    assert "No space left on device" in err
    assert sorted(folder.iterdir()) == before


def test_an_archive_python_cannot_unpack_is_one_line(project, install, l10n, packages, monkeypatch):
    folder = install()

    def unsupported(archive, *args, **kwargs):
        raise NotImplementedError("That compression method is not supported")
    monkeypatch.setattr(zipfile.ZipFile, "extractall", unsupported)
    status, out, err = l10n(project, "models", "install", str(packages["fr_en"]))
    assert status == 2 and one_line_about(err, packages["fr_en"]), err
    assert "cannot unpack the archive: That compression method is not supported" in err
    assert list(folder.iterdir()) == []


def test_a_package_larger_than_the_free_space_is_refused_before_unpacking(project, install, l10n, packages,
                                                                         monkeypatch):
    folder = install()
    monkeypatch.setattr(l10n_article.translate.mt.archive.shutil, "disk_usage",
                        lambda path: SimpleNamespace(total=10**12, used=10**12 - 1000, free=1000))
    status, out, err = l10n(project, "models", "install", str(packages["fr_en"]))
    assert status == 2 and one_line_about(err, packages["fr_en"]), err
    assert f"not enough space in {folder}" in err
    assert list(folder.iterdir()) == []


def test_a_zip_bomb_is_refused_before_anything_is_extracted(project, install, l10n, packages, tmp_path, monkeypatch):
    folder = install()
    bomb = repack(packages["fr_en"], tmp_path / "bomb.argosmodel", lambda name, data: (name, data))
    with zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("translate-fr_en-1_9/model/padding.bin", bytes(40_000_000))  # 40 MB of zeros, ~40 kB
    extracted = []
    monkeypatch.setattr(zipfile.ZipFile, "extractall", lambda *args, **kwargs: extracted.append(args))
    status, out, err = l10n(project, "models", "install", str(bomb))
    assert status == 2 and one_line_about(err, bomb), err
    assert "times its compressed size" in err
    assert extracted == [] and not folder.exists()


def test_a_package_over_the_size_limit_is_refused(project, install, l10n, packages, monkeypatch):
    folder = install()
    monkeypatch.setattr(l10n_article.translate.mt.archive, "MAX_UNPACKED", 1_000_000)
    status, out, err = l10n(project, "models", "install", str(packages["fr_en"]))
    assert status == 2 and one_line_about(err, packages["fr_en"]), err
    assert "more than the 1.0 MB an Argos package may take" in err
    assert not folder.exists() or list(folder.iterdir()) == []


def test_the_staging_folder_of_a_killed_install_is_removed_by_the_next(project, install, l10n, packages):
    folder = install()
    killed = folder / ".installing-4194305-x1y2"  # above Linux's highest process id: that install is gone
    (killed / "translate-fr_en-1_9" / "model").mkdir(parents=True)
    (killed / "translate-fr_en-1_9" / "model" / "model.bin").write_bytes(b"half")
    running = folder / f".installing-{os.getpid()}-a1b2"  # an install under way in a live process
    running.mkdir()
    assert l10n(project, "models", "install", str(packages["fr_en"]))[0] == 0
    assert sorted(path.name for path in folder.iterdir()) == [running.name, "translate-fr_en-1_9"]


def test_a_package_folder_named_with_a_dot_is_installed_where_list_and_routes_see_it(project, install, l10n,
                                                                                     packages, tmp_path):
    folder = install()
    hidden = repack(packages["fr_en"], tmp_path / "hidden.argosmodel",
                    lambda name, data: ("." + name, data))
    assert l10n(project, "models", "install", str(hidden))[0] == 0
    assert [path.name for path in folder.iterdir()] == ["translate-fr_en-1_9"]
    assert l10n(project, "models", "list")[1].startswith("translate-fr_en  fr→en  1.9  ")
    status, out, _ = l10n(project, "translate", "--dry-run", "--lang", "en")
    assert (status, out) == (0, "en: direct: fr → en (translate-fr_en 1.9), a fr→en package is installed: "
                             "19 segments to translate\n")


def test_installing_a_package_again_replaces_it(project, install, l10n, packages):
    folder = install("fr_en")
    (folder / "translate-fr_en-1_9" / "stale").write_text("left from before", encoding="utf-8")
    assert l10n(project, "models", "install", str(packages["fr_en"]))[0] == 0
    assert not (folder / "translate-fr_en-1_9" / "stale").exists()
    assert [path.name for path in folder.iterdir()] == ["translate-fr_en-1_9"]


def test_the_index_unreachable_is_one_line_and_nothing_else(project, tmp_path):
    """Run as a user runs it, in a process of its own: argostranslate's log lines would reach the
    terminal there (under pytest, its logging capture would hide them)."""
    env = dict(os.environ, ARGOS_PACKAGE_INDEX="http://127.0.0.1:9/", ARGOS_PACKAGES_DIR=str(tmp_path / "packages"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_CACHE_HOME=str(tmp_path / "cache"))
    command = [sys.executable, "-m", "l10n_article.render", "--root", str(project), "models", "available"]
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=REPO)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("l10n: cannot reach the Argos package index (http://127.0.0.1:9/index.json)")
    assert result.stderr.count("\n") == 1, result.stderr


@pytest.fixture
def package_index(tmp_path, monkeypatch, packages):
    """An Argos package index served on the loopback interface, as the real one is served."""
    import functools
    import http.server
    import threading

    import argostranslate.settings
    served = tmp_path / "served"
    served.mkdir()
    shutil.copy(packages["fr_en"], served / "translate-fr_en-1_9.argosmodel")
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(served)))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    (served / "index.json").write_text(json.dumps([{
        "package_version": "1.9", "argos_version": "1.9.0", "from_code": "fr", "from_name": "French",
        "to_code": "en", "to_name": "English", "type": "translate",
        "links": [f"{base}/translate-fr_en-1_9.argosmodel"]}]), encoding="utf-8")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setattr(argostranslate.settings, "remote_package_index", f"{base}/index.json")
    monkeypatch.setattr(argostranslate.settings, "local_package_index", tmp_path / "index.json")
    monkeypatch.setattr(argostranslate.settings, "downloads_dir", tmp_path / "downloads")
    (tmp_path / "downloads").mkdir()
    yield base
    server.shutdown()


def test_packages_listed_and_installed_from_the_index(project, install, l10n, package_index):
    folder = install()
    status, out, _ = l10n(project, "models", "available")
    assert (status, out) == (0, "translate-fr_en  fr→en  1.9\n")
    status, out, _ = l10n(project, "models", "install", "fr", "en")
    assert status == 0 and out == f"installed translate-fr_en 1.9 (fr→en) in {folder / 'translate-fr_en-1_9'}\n"
    assert l10n(project, "models", "list")[1].startswith("translate-fr_en  fr→en  1.9  ")
    status, _, err = l10n(project, "models", "install", "fr", "kk")
    assert (status, err) == (2, "l10n: the Argos index has no package for fr→kk\n")
