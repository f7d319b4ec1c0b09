"""Reading and writing users' files: strict UTF-8 in; atomic replacement out, never over a save
that landed while the new content was being made."""

import ctypes
import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from l10n_article.translate.errors import L10nError

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_LIBC = ctypes.CDLL(None, use_errno=True)
ATTEMPTS = 50


def read_text(path: Path) -> str:
    """Return the file's text, or raise an L10nError naming the file (and line of a bad byte)."""
    return decode(_read(path), path)


def decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise L10nError("not valid UTF-8 text", path, line) from exc


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise L10nError(f"cannot read file: {exc.strerror}", path) from exc


def _read_or_none(path: Path) -> bytes | None:
    return _read(path) if path.exists() else None


def _temporary(path: Path, data: bytes) -> Path:
    """``data`` in a new file beside ``path``, flushed to disk, with the mode, owner and group of
    ``path`` where it exists (and where the user may set them)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            current = path.stat()
            os.chmod(name, current.st_mode & 0o7777)
            try:
                os.chown(name, current.st_uid, current.st_gid)
            except PermissionError:
                pass  # as cp -p: keep what may be kept
        else:
            os.chmod(name, 0o644)
    except BaseException:
        os.unlink(name)
        raise
    return Path(name)


def _exchange(new: Path, path: Path) -> bool:
    """Swap the two names atomically (Linux renameat2); False where the system cannot."""
    renameat2 = getattr(_LIBC, "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(new), _AT_FDCWD, os.fsencode(path), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.ENOENT):
        return False
    raise OSError(code, os.strerror(code), str(path))


def _swap_in(new: Path, target: Path) -> tuple[bool, bytes | None]:
    """Put ``new`` in place of ``target``: whether it was placed, and what it displaced."""
    if not os.path.lexists(target):
        try:
            os.link(new, target)
        except FileExistsError:
            os.unlink(new)
            return False, None  # created meanwhile: read it first
        os.unlink(new)
        return True, None
    if _exchange(new, target):
        displaced = new.read_bytes()
        os.unlink(new)
        return True, displaced
    os.replace(new, target)  # no atomic exchange here: the check just before is all there is
    return True, None


def rewrite(path: Path, produce: Callable[[bytes | None], bytes]) -> bool:
    """Replace ``path`` with ``produce(its current bytes)``; say whether the file changed.

    The new content only ever replaces the bytes it was made from: the file is read again just
    before it is replaced, and a save that landed in between (seen then, or displaced by the atomic
    exchange) goes through ``produce`` again, so that the next version is made from it. Symbolic
    links are written through; mode, owner and group are kept.
    """
    target = Path(os.path.realpath(path))
    base = expected = _read_or_none(target)
    wrote = False
    try:
        for _ in range(ATTEMPTS):
            data = produce(base)
            if data == expected:
                return wrote
            new = _temporary(target, data)
            current = _read_or_none(target)
            if current != expected:
                os.unlink(new)
                base = expected = current
                continue
            placed, displaced = _swap_in(new, target)
            if not placed:
                base = expected = _read_or_none(target)
                continue
            wrote = True
            if displaced is None or displaced == expected:
                return True
            base, expected = displaced, data  # a save landed at the last moment: make it again from it
    except OSError as exc:
        raise L10nError(f"cannot write file: {exc.strerror}", path) from exc
    raise L10nError("the file kept changing while it was being written; run the command again", path)


def write_text_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so that readers see the old file or the new one, never half."""
    rewrite(path, lambda _: text.encode("utf-8"))


def write_if_changed(path: Path, text: str) -> bool:
    """Write ``text`` atomically unless the file already holds it; say whether it was written."""
    return rewrite(path, lambda _: text.encode("utf-8"))
