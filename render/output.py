"""The site on disk: every file is first written into a staging folder beside the output folder,
which then takes the output's place whole, so that a failed build leaves the old site untouched
and a finished one leaves exactly the new site, never old and new pages mixed."""

import os
import shutil
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from l10n_article.render.context import L10nError, exchange
from l10n_article.render.incremental import stamp


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


def _replace(staging: Path, target: Path) -> None:
    """Put ``staging`` in the place of ``target``; the old site, if any, ends up at ``staging``."""
    if not target.exists():
        os.rename(staging, target)
    elif not exchange(staging, target):  # no atomic exchange here: two renames, a moment apart
        old = staging.with_name(staging.name + ".old")
        os.rename(target, old)
        os.rename(staging, target)
        os.rename(old, staging)


class Sink(Protocol):
    """Where a build writes the site's files."""

    def put(self, name: str, content: str | bytes) -> list[int]: ...


class InMemory(dict[str, str | bytes]):
    """A site kept in memory (``l10n serve``), written as a staging folder is."""

    def put(self, name: str, content: str | bytes) -> list[int]:
        self[name] = content
        return [len(content), 0]


class Staging:
    """The new site, written file by file into a staging folder beside ``out``, then put in its
    place at once (atomically where the system can exchange two folders) by ``commit``; if the build
    stops before, the staging folder is removed and ``out`` is as it was. Files of the current site
    that did not change are carried over as hard links (copies where links are refused)."""

    def __init__(self, out: Path, keep: Iterable[Path]):
        check_output(out, keep)
        self.out = out
        self.target = Path(os.path.realpath(out))
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
            self.folder = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.", suffix=".new", dir=self.target.parent))
        except OSError as exc:
            raise L10nError(f"cannot write the output folder: {exc.strerror}", out) from exc
        self._folders = {str(self.folder)}  # the folders of the staging folder made so far

    def __enter__(self) -> "Staging":
        return self

    def __exit__(self, *exc: object) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def _path(self, name: str) -> str:
        """Where the site file ``name`` goes in the staging folder, its folder made (strings, not
        ``Path``: a build carries thousands of files)."""
        path = os.path.join(self.folder, name)
        folder = os.path.dirname(path)
        if folder not in self._folders:
            os.makedirs(folder, exist_ok=True)
            self._folders.add(folder)
        return path

    def put(self, name: str, content: str | bytes) -> list[int]:
        """Write the site file ``name`` (text, or bytes for photos); what tells it as written (see
        ``incremental.stamp``)."""
        try:
            path = self._path(name)
            with open(path, "wb") as file:
                file.write(content if isinstance(content, bytes) else content.encode("utf-8"))
        except OSError as exc:
            raise L10nError(f"cannot write the output folder: {exc.strerror}", self.out) from exc
        return stamp(path)

    def carry(self, name: str) -> None:
        """Take the file ``name`` of the current site into the new one as it is."""
        current = os.path.join(self.target, name)
        try:
            path = self._path(name)
            try:
                os.link(current, path)
            except OSError:
                shutil.copy2(current, path)
        except OSError as exc:
            raise L10nError(f"cannot write the output folder: {exc.strerror}", self.out) from exc

    def commit(self) -> None:
        """Put the new site in the place of the old one."""
        try:
            os.chmod(self.folder, stat.S_IMODE(self.target.stat().st_mode) if self.target.exists() else 0o755)
            _replace(self.folder, self.target)
        except OSError as exc:
            raise L10nError(f"cannot write the output folder: {exc.strerror}", self.out) from exc
