"""Extract and update: bring every template (POT) and translator's catalog (PO) up to date.

Everything is read and checked before anything is written, so a bad source or a damaged PO
file stops the run with no file changed. Each catalog is written with ``save_catalog``: a
translator's save that lands during the run is merged, never overwritten.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import polib

from l10n_article.translate.catalog.merge import merge
from l10n_article.translate.catalog.pofile import save_catalog, write_template
from l10n_article.translate.catalog.state import RunState, catalog_key, template_key
from l10n_article.translate.files import read_text
from l10n_article.translate.workspace import Workspace


@dataclass
class SyncReport:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)

    def record(self, path: Path, changed: bool) -> None:
        (self.written if changed else self.unchanged).append(path)


def _template_keys(ws: Workspace) -> dict[str, str]:
    return {d.name: template_key(d.name, d.description, d.entries) for d in ws.domains}


def _keep_creation_date(template: polib.POFile, path: Path) -> None:
    """Give the in-memory template the creation date of the unchanged file (catalogs copy it)."""
    found = re.search(r'^"POT-Creation-Date: ([^"\\]*)\\n"$', read_text(path), re.M)
    if found:
        template.metadata["POT-Creation-Date"] = found.group(1)


def extract(ws: Workspace, state: RunState | None = None) -> SyncReport:
    """Write ``locales/<domain>.pot`` for every domain; a second run changes no byte."""
    own_state = state is None
    state = state or RunState.load(ws.project.root)
    report = SyncReport()
    for name, key in _template_keys(ws).items():
        path = ws.project.pot_path(name)
        template = ws.templates[name]
        if state.fresh(path, key):
            _keep_creation_date(template, path)
            report.record(path, False)
            continue
        report.record(path, write_template(template, path))
        state.record(path, key)
    if own_state:
        state.save()
    return report


def merged(ws: Workspace, language: str, domain: str) -> polib.POFile:
    """The catalog of ``language`` merged with the current template, in memory: what ``update``
    would write (read-only views show this, and write nothing)."""
    return merge(ws.templates[domain], ws.catalog(language, domain), language)


def update(ws: Workspace) -> SyncReport:
    """Extract, then merge each template into every language's catalog, as msgmerge would.

    A catalog that still holds what the last update wrote, from the same template, is left alone
    without being read; every other one is read and checked before anything is written.
    """
    state = RunState.load(ws.project.root)
    keys = _template_keys(ws)
    pending, unchanged = [], []
    for domain in ws.domains:
        for language in domain.languages:
            path = ws.project.po_path(language, domain.name)
            key = catalog_key(keys[domain.name], language)
            if state.fresh(path, key):
                unchanged.append(path)
            else:
                ws.catalog(language, domain.name)  # read and check before writing anything
                pending.append((domain.name, language, path, key))
    report = extract(ws, state)
    report.unchanged += unchanged
    for name, language, path, key in pending:
        template = ws.templates[name]
        changed, catalog = save_catalog(path, language, lambda current: merge(template, current, language))
        report.record(path, changed)
        ws.remember(language, name, catalog)
        state.record(path, key)
    state.save()
    return report

