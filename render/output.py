"""The site on disk: every file is first written into a staging folder beside the output folder,
which then takes the output's place whole, so that a failed build leaves the old site untouched
and a finished one leaves exactly the new site, never old and new pages mixed."""

import os
import shutil
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from l10n_article.render.context import L10nError, exchange


def check_output(out: Path, keep: Iterable[Path]) -> None:
    """Raise L10nError unless ``out`` can be replaced whole: a folder (or nothing yet) that holds
    none of the folders ``keep``."""
    target = Path(os.path.realpath(out))
    if target.exists() and not target.is_dir():
        raise L10nError("cannot write the output folder: the path exists and is not a folder", out)
    for path in keep:
        kept = Path(os.path.realpath(path))
        if kept == target or target in kept.parents:
            raise L10nError(f"the output folder would replace {path}: choose a folder of its own", out)


def _write_all(files: dict[str, str | bytes], folder: Path) -> None:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


def _replace(staging: Path, target: Path) -> None:
    """Put ``staging`` in the place of ``target``; the old site, if any, ends up at ``staging``."""
    if not target.exists():
        os.rename(staging, target)
    elif not exchange(staging, target):  # no atomic exchange here: two renames, a moment apart
        old = staging.with_name(staging.name + ".old")
        os.rename(target, old)
        os.rename(staging, target)
        os.rename(old, staging)


def publish(files: dict[str, str | bytes], out: Path, keep: Iterable[Path]) -> None:
    """Make the folder ``out`` hold exactly ``files`` (relative path → text, or bytes for photos), all at once (atomically
    where the system can exchange two folders); ``keep`` are folders the output must not replace."""
    check_output(out, keep)
    target = Path(os.path.realpath(out))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".new", dir=target.parent))
    except OSError as exc:
        raise L10nError(f"cannot write the output folder: {exc.strerror}", out) from exc
    try:
        _write_all(files, staging)
        os.chmod(staging, stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o755)
        _replace(staging, target)
    except OSError as exc:
        raise L10nError(f"cannot write the output folder: {exc.strerror}", out) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
