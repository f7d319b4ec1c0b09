"""Reading and writing users' files: strict UTF-8 in, atomic replacement out."""

import os
import tempfile
from pathlib import Path

from .errors import L10nError


def read_text(path: Path) -> str:
    """Return the file's text, or raise an L10nError naming the file (and line of a bad byte)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise L10nError(f"cannot read file: {exc.strerror}", path) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise L10nError("not valid UTF-8 text", path, line) from exc


def write_text_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so that readers see the old file or the new one, never half."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise L10nError(f"cannot write file: {exc.strerror}", path) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise L10nError(f"cannot write file: {exc.strerror}", path) from exc
        raise


def write_if_changed(path: Path, text: str) -> bool:
    """Write ``text`` atomically unless the file already holds it; say whether it was written."""
    if path.exists() and path.read_bytes() == text.encode("utf-8"):
        return False
    write_text_atomic(path, text)
    return True
