"""Extract and update: bring every template (POT) and translator's catalog (PO) up to date.

Everything is read and checked before anything is written, so a bad source or a damaged PO
file stops the run with no file changed. Each catalog is written with ``save_catalog``: a
translator's save that lands during the run is merged, never overwritten.
"""

from dataclasses import dataclass, field
from pathlib import Path

import polib

from l10n_article.translate.catalog.merge import merge
from l10n_article.translate.catalog.pofile import save_catalog, write_template
from l10n_article.translate.catalog.progress import Progress, progress
from l10n_article.translate.workspace import Workspace


@dataclass
class SyncReport:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)

    def record(self, path: Path, changed: bool) -> None:
        (self.written if changed else self.unchanged).append(path)


def extract(ws: Workspace) -> SyncReport:
    """Write ``locales/<domain>.pot`` for every domain; a second run changes no byte."""
    report = SyncReport()
    for name, template in ws.templates.items():
        path = ws.project.pot_path(name)
        report.record(path, write_template(template, path))
    return report


def merged(ws: Workspace, language: str, domain: str) -> polib.POFile:
    """The catalog of ``language`` merged with the current template, in memory: what ``update``
    would write (read-only views show this, and write nothing)."""
    return merge(ws.templates[domain], ws.catalog(language, domain), language)


def update(ws: Workspace) -> SyncReport:
    """Extract, then merge each template into every language's catalog, as msgmerge would."""
    for domain in ws.domains:
        for language in domain.languages:
            ws.catalog(language, domain.name)  # read and check every catalog before writing any
    report = extract(ws)
    for domain in ws.domains:
        template = ws.templates[domain.name]
        for language in domain.languages:
            path = ws.project.po_path(language, domain.name)
            changed, catalog = save_catalog(path, language,
                                            lambda current: merge(template, current, language))
            report.record(path, changed)
            ws.remember(language, domain.name, catalog)
    return report


def status(ws: Workspace, languages: tuple[str, ...]) -> list[Progress]:
    """Progress of every catalog of ``languages``, read as the files are now (nothing is written)."""
    rows = []
    for domain in ws.domains:
        for language in languages:
            catalog = ws.catalog(language, domain.name) if language in domain.languages else None
            if catalog is not None:
                rows.append(progress(catalog, language, domain.name))
    return rows
