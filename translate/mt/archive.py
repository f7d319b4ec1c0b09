"""Package files (``.argosmodel``) as archives: checked before anything is written, unpacked into
a staging folder beside the installed packages, and moved into place only once found sound.

Size limits, generous for real packages: Argos packages are 100–400 MB compressed and barely
compress at all (int8 weights, a SentencePiece model), and the largest converted multilingual
models unpack to about 3.5 GB. A file is refused before extraction when it would unpack to more
than ``MAX_UNPACKED`` bytes (4 GB), or to more than ``MAX_RATIO`` (10) times its compressed size,
which is what a zip bomb does (43 MB inflating to 2.1 GB is a ratio of 50).
"""

import os
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from l10n_article.translate.errors import L10nError

MAX_UNPACKED = 4_000_000_000
MAX_RATIO = 10
STAGING = ".installing-"  # a staging folder is named .installing-<process id>-<random>


@dataclass(frozen=True)
class Archive:
    """A package file found sound as an archive: its one package folder and its unpacked size."""

    path: Path
    top: str
    unpacked: int


def size(count: int) -> str:
    """A byte count for people: ``2.1 GB``, ``43.0 MB``."""
    return f"{count / 1e9:.1f} GB" if count >= 1e9 else f"{count / 1e6:.1f} MB"


def _members(path: Path) -> list[zipfile.ZipInfo]:
    """The archive's members, or an L10nError when the file is missing or not a zip archive."""
    if not path.exists():
        raise L10nError("no such file", path)
    if path.is_dir():
        raise L10nError("a folder, not a package file (FILE.argosmodel)", path)
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.infolist()
    except zipfile.BadZipFile as exc:
        raise L10nError("not an Argos package (not a zip archive)", path) from exc
    except OSError as exc:
        raise L10nError(f"cannot read the file: {exc.strerror or exc}", path) from exc


def _top_folder(path: Path, names: list[str]) -> str:
    """The one folder every member lies in (an Argos package is one folder, zipped)."""
    tops = {name.split("/")[0] for name in names}
    top = tops.pop() if len(tops) == 1 else ""
    unsafe = any(name.startswith("/") or "\\" in name or ".." in name.split("/") for name in names)
    if not top or unsafe or any(name != top + "/" and not name.startswith(top + "/") for name in names):
        raise L10nError("not an Argos package (expected one top-level folder)", path)
    return top


def _check_size(path: Path, members: list[zipfile.ZipInfo]) -> int:
    """The unpacked size, once found plausible for an Argos package (see the module's limits)."""
    unpacked = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members)
    if unpacked > MAX_UNPACKED:
        raise L10nError(f"refused: it would unpack to {size(unpacked)}, more than the {size(MAX_UNPACKED)} "
                        "an Argos package may take", path)
    if unpacked > MAX_RATIO * max(packed, 1):
        raise L10nError(f"refused: it would unpack to {size(unpacked)}, {unpacked // max(packed, 1)} times its "
                        f"compressed size (Argos packages barely compress: at most {MAX_RATIO} times)", path)
    return unpacked


def inspect(path: Path) -> Archive:
    """Check a package file without extracting anything: a zip archive, one folder, a sane size."""
    members = _members(path)
    top = _top_folder(path, [member.filename for member in members])
    return Archive(path, top, _check_size(path, members))


def _owner_running(staging: Path, prefix: str) -> bool:
    """Whether the process that made ``staging`` (named ``<prefix><pid>-…``) is still running (on
    this machine)."""
    pid = staging.name[len(prefix):].split("-")[0]
    if not pid.isdigit() or int(pid) == 0:
        return False
    try:
        os.kill(int(pid), 0)
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:  # a process of another user
        return True
    return True


def remove_leftovers(folder: Path, prefix: str = STAGING) -> None:
    """Remove the staging folders (named ``<prefix><pid>-…``) of installs, or conversions, that were
    killed: their process is gone."""
    for staging in folder.glob(prefix + "*"):
        if staging.is_dir() and not _owner_running(staging, prefix):
            shutil.rmtree(staging, ignore_errors=True)


def _make_staging(archive: Archive, folder: Path) -> Path:
    """A fresh staging folder in ``folder``, once there is room for the unpacked package."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        remove_leftovers(folder)
        free = shutil.disk_usage(folder).free
        if free >= archive.unpacked:
            return Path(tempfile.mkdtemp(prefix=f"{STAGING}{os.getpid()}-", dir=folder))
    except OSError as exc:
        raise L10nError(f"cannot install into {folder}: {exc.strerror or exc}", archive.path) from exc
    raise L10nError(f"not enough space in {folder}: the package needs {size(archive.unpacked)}, "
                    f"{size(free)} are free", archive.path)


@contextmanager
def unpacked(archive: Archive, folder: Path) -> Iterator[Path]:
    """The package folder unpacked in a staging folder inside ``folder``; the staging folder (and
    whatever is left in it) is removed on the way out, whatever happens."""
    staging = _make_staging(archive, folder)
    try:
        try:
            with zipfile.ZipFile(archive.path) as zipped:
                zipped.extractall(staging)
        except (zipfile.BadZipFile, EOFError, zlib.error) as exc:
            raise L10nError(f"damaged archive: {exc}", archive.path) from exc
        except (RuntimeError, NotImplementedError) as exc:  # an encrypted member, an unknown compression
            raise L10nError(f"cannot unpack the archive: {exc}", archive.path) from exc
        except OSError as exc:
            raise L10nError(f"cannot install into {folder}: {exc.strerror or exc}", archive.path) from exc
        yield staging / archive.top
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def move_into_place(package: Path, target: Path, origin: Path) -> None:
    """Move an unpacked ``package`` (inside its staging folder) to ``target``; a package already
    there is set aside in the staging folder first, and put back if the move fails."""
    replaced = package.parent / (STAGING + "replaced")
    try:
        if target.exists():
            target.rename(replaced)
        package.rename(target)
    except OSError as exc:
        if replaced.exists() and not target.exists():
            replaced.rename(target)
        raise L10nError(f"cannot install into {target.parent}: {exc.strerror or exc}", origin) from exc
