"""Reading and writing users' files: strict UTF-8 in; atomic replacement out, never over a save
that landed while the new content was being made."""

import ctypes
import errno
import json
import os
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from l10n_article.translate.errors import L10nError

# What commands keep between runs outside any project (compiled templates, interface strings), as XDG says
USER_CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "l10n"

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_LIBC = ctypes.CDLL(None, use_errno=True)
ATTEMPTS = 50
_DEFERRED = (signal.SIGINT, signal.SIGTERM)


def read_text(path: Path) -> str:
    """Return the file's text, or raise an L10nError naming the file (and line of a bad byte)."""
    data = _version(path).data
    if data is None:
        raise L10nError("cannot read file: No such file or directory", path)
    return decode(data, path)


def decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise L10nError("not valid UTF-8 text", path, line) from exc


@dataclass(frozen=True)
class _Version:
    """A file's bytes (None: no file) and what tells this version of it apart from another one."""
    data: bytes | None
    identity: tuple[int, ...] | None


def _identity(stat: os.stat_result) -> tuple[int, ...]:
    """Device, inode, size and modification time: a save that replaces the file or writes into it
    changes at least one of them (a rename changes none)."""
    return (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)


def _version(path: Path) -> _Version:
    try:
        with open(path, "rb") as handle:
            identity = _identity(os.fstat(handle.fileno()))
            return _Version(handle.read(), identity)
    except (FileNotFoundError, NotADirectoryError):
        return _Version(None, None)
    except OSError as exc:
        raise L10nError(f"cannot read file: {exc.strerror}", path) from exc


@contextmanager
def _uninterrupted() -> Iterator[None]:
    """Hold Ctrl-C (and SIGTERM) back until the block ends, so that a temporary file is never left
    behind and a translator's save is never left displaced. Only the main thread receives them."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = {number: signal.signal(number, lambda signum, _: received.append(signum))
                for number in _DEFERRED if signal.getsignal(number) is not None}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        if received:
            signal.raise_signal(received[0])


def _keep_owner_and_mode(name: str, current: os.stat_result) -> None:
    """Give the new file the owner, group and mode of the one it replaces, as far as allowed (as
    ``cp -p``: the group alone when the owner cannot be set)."""
    for owner in (current.st_uid, -1):
        try:
            os.chown(name, owner, current.st_gid)
            break
        except PermissionError:
            continue
    os.chmod(name, current.st_mode & 0o7777)  # after chown, which may clear set-id bits


def _temporary(path: Path, data: bytes) -> tuple[Path, tuple[int, ...]]:
    """``data`` in a new file beside ``path``, flushed to disk, with the mode, owner and group of
    ``path`` where it exists (and where the user may set them); its name and identity."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            _keep_owner_and_mode(name, path.stat())
        except FileNotFoundError:
            os.chmod(name, 0o666 & ~_umask())
        return Path(name), _identity(os.stat(name))
    except BaseException:
        os.unlink(name)
        raise


def _umask() -> int:
    """The process's umask, read without changing it where Linux tells it."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except OSError:
        pass
    return 0o022


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


def _settle(new: Path, target: Path, ours: tuple[int, ...], expected: tuple[int, ...]) -> bool:
    """Exchange ``new`` (our file, identity ``ours``) with ``target`` (believed to be ``expected``);
    say whether ours is in place in the end.

    When the exchange displaces another file, a save landed at the last instant: it is put back at
    once (one ``lstat`` later), and so is any save that lands meanwhile, so the newest save stays.
    """
    holding, there = ours, expected
    for _ in range(ATTEMPTS):
        if not _exchange(new, target):
            os.replace(new, target)  # no atomic exchange here: the check just before is all there is
            return holding == ours
        displaced = _identity(os.lstat(new))
        if displaced == there:
            return holding == ours
        holding, there = displaced, holding
    raise OSError(errno.EBUSY, "the file kept changing while it was being written")


def _swap_in(new: Path, target: Path, ours: tuple[int, ...], expected: _Version) -> bool:
    """Put ``new`` in place of ``target`` if it is still the ``expected`` version; say whether it is."""
    if expected.identity is not None:
        return _settle(new, target, ours, expected.identity)
    try:
        os.link(new, target)
    except FileExistsError:
        return False  # created meanwhile: made again from it
    return True


def rewrite(path: Path, produce: Callable[[bytes | None], bytes]) -> bool:
    """Replace ``path`` with ``produce(its current bytes)``; say whether the file changed.

    The new content only ever replaces the version it was made from: the file is read again just
    before it is replaced, and a save that landed in between (seen then, or displaced by the atomic
    exchange and put back at once) goes through ``produce`` again. Symbolic links are written
    through; mode, owner and group are kept. Ctrl-C waits for a replacement under way, so no
    temporary file is left behind.
    """
    target = Path(os.path.realpath(path))
    try:
        current = _version(target)
        for _ in range(ATTEMPTS):
            data = produce(current.data)
            if data == current.data:
                return False
            with _uninterrupted():
                new, ours = _temporary(target, data)
                try:
                    now = _version(target)
                    placed = now == current and _swap_in(new, target, ours, now)
                finally:
                    if os.path.lexists(new):
                        os.unlink(new)
            if placed:
                return True
            current = _version(target)
    except OSError as exc:
        raise L10nError(f"cannot write file: {exc.strerror}", path) from exc
    raise L10nError("the file kept changing while it was being written; run the command again", path)


def write_text_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so that readers see the old file or the new one, never half."""
    write_if_changed(path, text)


def write_if_changed(path: Path, text: str) -> bool:
    """Write ``text`` atomically unless the file already holds it; say whether it was written."""
    return rewrite(path, lambda _: text.encode("utf-8"))


def copy_if_changed(source: Path, path: Path) -> bool:
    """Copy the bytes of ``source`` to ``path`` atomically unless it holds them already."""
    data = source.read_bytes()
    return rewrite(path, lambda _: data)


def read_json_object(file: Path, missing: str, prefix: str = "", at_file: bool = False) -> dict:
    """The JSON object in ``file`` (a package's or a checkpoint's description). Errors name its
    folder (``at_file``: the file itself, for what is wrong inside it): ``missing`` when there is
    no such file, else ``prefix`` and what is wrong."""
    where = file if at_file else file.parent
    try:
        data = json.loads(file.read_bytes())
    except FileNotFoundError as exc:
        raise L10nError(missing, file.parent) from exc
    except OSError as exc:
        raise L10nError(f"{prefix}cannot read {file.name} ({exc.strerror})", file.parent) from exc
    except ValueError as exc:
        raise L10nError(f"{prefix}{file.name} is not valid JSON", where) from exc
    if not isinstance(data, dict):
        raise L10nError(f"{prefix}{file.name} is not a JSON object", where)
    return data

