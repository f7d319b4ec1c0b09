"""Catalogs (and published records) whose article is gone: ``l10n status`` names them; they are
archived or removed only when a user asks (``l10n orphans --archive`` / ``--remove``), never
silently."""

import os
from dataclasses import dataclass
from pathlib import Path

from l10n_article.translate.errors import L10nError
from l10n_article.translate.project import PUBLISHED_DIR
from l10n_article.translate.workspace import Workspace

ARCHIVE = "archive"  # locales/archive/<domain>/: the template, <lang>.po of each language, published.tmx


@dataclass(frozen=True)
class Orphan:
    """A domain with catalogs on disk but no article (nor interface) that makes it any more."""

    domain: str
    files: tuple[Path, ...]  # its template, then each language's catalog, then its published record


def find_orphans(ws: Workspace) -> list[Orphan]:
    known = {domain.name for domain in ws.domains}
    locales = ws.project.locales_dir
    found: dict[str, list[Path]] = {}
    records = sorted(path for path in (locales / PUBLISHED_DIR).glob("*.tmx") if not path.stem.startswith("_"))
    for path in sorted(locales.glob("*.pot")) + sorted(locales.glob("*/LC_MESSAGES/*.po")) + records:
        if path.stem not in known:
            found.setdefault(path.stem, []).append(path)
    return [Orphan(domain, tuple(files)) for domain, files in sorted(found.items())]


def _archived_name(ws: Workspace, orphan: Orphan, path: Path) -> Path:
    folder = ws.project.locales_dir / ARCHIVE / orphan.domain
    if path.suffix == ".tmx":
        return folder / "published.tmx"
    return folder / (path.name if path.suffix == ".pot" else f"{path.parent.parent.name}.po")


def archive(ws: Workspace, orphan: Orphan) -> list[Path]:
    """Move the orphan's files to ``locales/archive/<domain>/``; refuse to overwrite an archive."""
    targets = [_archived_name(ws, orphan, path) for path in orphan.files]
    for target in targets:
        if target.exists():
            raise L10nError("already archived: remove or rename the archived file first", target)
    try:
        for path, target in zip(orphan.files, targets):
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
    except OSError as exc:
        raise L10nError(f"cannot archive: {exc.strerror}", exc.filename) from exc
    return targets


def remove(orphan: Orphan) -> list[Path]:
    try:
        for path in orphan.files:
            path.unlink()
    except OSError as exc:
        raise L10nError(f"cannot remove: {exc.strerror}", exc.filename) from exc
    return list(orphan.files)
