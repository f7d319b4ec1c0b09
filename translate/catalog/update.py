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
    state: RunState | None = None  # the run's record: a command that hashes more files saves it again

    def record(self, path: Path, changed: bool) -> None:
        (self.written if changed else self.unchanged).append(path)

    def save_state(self) -> None:
        """Save the run's record again, with the digests of the files hashed since."""
        if self.state is not None:
            self.state.save()


def _template_keys(ws: Workspace, state: RunState) -> dict[str, str]:
    """Each domain's template key. A source file that holds the bytes the record knows is not
    parsed: its slug and key come from the record (and ``ws`` learns where that slug is)."""
    keys: dict[str, str] = {}
    for path in ws.project.sources():
        known = state.source(path)
        if known is None:
            domain = ws.article_domain(ws.article_at(path))
            known = (domain.name, template_key(domain.name, domain.description, domain.entries))
            state.record_source(path, *known)
        slug, key = known
        if slug in keys:
            break  # two articles with one slug: the workspace says which, below
        keys[slug] = key
        ws.locate(slug, path)
    else:
        if not any(d.name in keys for d in ws.extra):
            keys.update({d.name: template_key(d.name, d.description, d.entries) for d in ws.extra})
            return keys
    return {d.name: template_key(d.name, d.description, d.entries) for d in ws.domains}


def _keep_creation_date(template: polib.POFile, path: Path) -> None:
    """Give the in-memory template the creation date of the unchanged file (catalogs copy it)."""
    found = re.search(r'^"POT-Creation-Date: ([^"\\]*)\\n"$', read_text(path), re.M)
    if found:
        template.metadata["POT-Creation-Date"] = found.group(1)


def _extract(ws: Workspace, state: RunState, keys: dict[str, str]) -> SyncReport:
    report = SyncReport()
    for name, key in keys.items():
        path = ws.project.pot_path(name)
        if state.fresh(path, key):
            report.record(path, False)
        else:
            report.record(path, write_template(ws.templates[name], path))
            state.record(path, key)
    return report


def extract(ws: Workspace) -> SyncReport:
    """Write ``locales/<domain>.pot`` for every domain; a second run changes no byte."""
    state = RunState.load(ws.project.root)
    report = _extract(ws, state, _template_keys(ws, state))
    state.save()
    return report


def merged(ws: Workspace, language: str, domain: str) -> polib.POFile:
    """The catalog of ``language`` merged with the current template, in memory: what ``update``
    would write (read-only views show this, and write nothing)."""
    return merge(ws.templates[domain], ws.catalog(language, domain), language)


def _languages(ws: Workspace, name: str) -> tuple[str, ...]:
    """The languages of a domain: the project's for an article (without parsing it)."""
    extra = next((d for d in ws.extra if d.name == name), None)
    return extra.languages if extra is not None else ws.project.languages


def update(ws: Workspace) -> SyncReport:
    """Extract, then merge each template into every language's catalog, as msgmerge would.

    A catalog that still holds what the last update wrote, from the same template, is left alone
    without being read (and its article without being parsed); every other one is read and
    checked before anything is written.
    """
    state = RunState.load(ws.project.root)
    keys = _template_keys(ws, state)
    pending, unchanged = [], []
    for name, template in keys.items():
        for language in _languages(ws, name):
            path = ws.project.po_path(language, name)
            key = catalog_key(template, language)
            if state.fresh(path, key):
                unchanged.append(path)
            else:
                ws.catalog(language, name)  # read and check before writing anything
                pending.append((name, language, path, key))
    report = _extract(ws, state, keys)
    report.unchanged += unchanged
    report.state = state
    for name in dict.fromkeys(name for name, *_ in pending):
        if ws.project.pot_path(name) in report.unchanged:
            _keep_creation_date(ws.templates[name], ws.project.pot_path(name))
    for name, language, path, key in pending:
        template = ws.templates[name]
        changed, catalog = save_catalog(path, language, lambda current: merge(template, current, language))
        report.record(path, changed)
        ws.remember(language, name, catalog)
        state.record(path, key)
    state.save()
    return report
