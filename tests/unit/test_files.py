"""rewrite(): a file is replaced only by what was made from its current version, whole, through links."""

import os
import signal

import pytest

import l10n_article.translate.files as files
from l10n_article.translate.errors import L10nError
from l10n_article.translate.files import rewrite


def _editor_save(path, data: bytes) -> None:
    """Save as PO editors do: a temporary file beside the file, renamed over it."""
    temporary = path.parent / ".editor.tmp-save"
    temporary.write_bytes(data)
    os.replace(temporary, path)


def _append(marker: bytes):
    return lambda data: (data or b"") + marker


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_save_displaced_at_the_last_instant_is_put_back_and_merged(tmp_path, monkeypatch):
    path = tmp_path / "fr.po"
    path.write_bytes(b"old\n")
    real = files._exchange
    calls = []

    def exchange(new, target):
        if not calls:
            _editor_save(path, b"translator\n")  # lands after the check, just before the exchange
        calls.append(new)
        return real(new, target)
    monkeypatch.setattr(files, "_exchange", exchange)
    assert rewrite(path, _append(b"tool\n"))
    assert path.read_bytes() == b"translator\ntool\n"
    assert len(calls) == 3  # ours in, the translator's back, then ours made from the translator's
    assert _leftovers(tmp_path) == []


def test_a_save_landing_while_a_displaced_one_is_put_back_is_the_one_kept(tmp_path, monkeypatch):
    path = tmp_path / "fr.po"
    path.write_bytes(b"old\n")
    real = files._exchange
    saves = iter([b"first save\n", b"second save\n"])

    def exchange(new, target):
        data = next(saves, None)
        if data is not None:
            _editor_save(path, data)
        return real(new, target)
    monkeypatch.setattr(files, "_exchange", exchange)
    assert rewrite(path, _append(b"tool\n"))
    assert path.read_bytes() == b"second save\ntool\n"
    assert _leftovers(tmp_path) == []


def test_ctrl_c_waits_for_the_replacement_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "fr.po"
    path.write_bytes(b"old\n")
    real = files._temporary

    def interrupted(target, data):
        made = real(target, data)
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C with the temporary file on disk
        return made
    monkeypatch.setattr(files, "_temporary", interrupted)
    with pytest.raises(KeyboardInterrupt):
        rewrite(path, _append(b"new\n"))
    assert path.read_bytes() == b"old\nnew\n"
    assert _leftovers(tmp_path) == []
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_a_failed_write_is_one_error_naming_the_file_and_leaves_nothing(tmp_path):
    (tmp_path / "taken").write_text("a file, not a folder", encoding="utf-8")
    with pytest.raises(L10nError) as caught:
        rewrite(tmp_path / "taken" / "fr.po", _append(b"new\n"))
    assert str(caught.value.path) == str(tmp_path / "taken" / "fr.po")
    assert "cannot write file" in caught.value.message and "\n" not in caught.value.message


def test_links_are_written_through_and_mode_owner_group_kept(tmp_path):
    real = tmp_path / "shared" / "fr.po"
    real.parent.mkdir()
    real.write_bytes(b"old\n")
    os.chmod(real, 0o640)
    if os.geteuid() == 0:
        os.chown(real, 12345, 23456)
    link = tmp_path / "fr.po"
    link.symlink_to(real)
    before = real.stat()
    assert rewrite(link, _append(b"new\n"))
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() == b"old\nnew\n"
    after = real.stat()
    assert (after.st_mode, after.st_uid, after.st_gid) == (before.st_mode, before.st_uid, before.st_gid)
    assert _leftovers(real.parent) == [] and _leftovers(tmp_path) == []


def test_a_new_file_takes_the_umask_and_an_unchanged_one_is_not_touched(tmp_path):
    path = tmp_path / "fr.po"
    previous = os.umask(0o027)
    try:
        assert rewrite(path, lambda data: b"new\n")
    finally:
        os.umask(previous)
    assert path.stat().st_mode & 0o777 == 0o640
    stamp = path.stat().st_mtime_ns
    assert not rewrite(path, lambda data: data)
    assert path.stat().st_mtime_ns == stamp
