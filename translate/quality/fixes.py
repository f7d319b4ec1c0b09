"""``l10n check --fix``: the typography check's safe, mechanical changes written into the catalogs.

Each catalog is rewritten through ``save_catalog``: atomically, and merged with a translator's
save that lands meanwhile. Entries that silence the typography check are left alone; running it
again changes nothing.
"""

from dataclasses import dataclass
from pathlib import Path

import polib

from l10n_article.translate.catalog.pofile import save_catalog
from l10n_article.translate.errors import L10nError
from l10n_article.translate.quality.findings import catalog_languages, checked_entries
from l10n_article.translate.quality.suppressions import suppressed_checks
from l10n_article.translate.quality.typography import fix_typography
from l10n_article.translate.workspace import Workspace

CHECK = "typography"


@dataclass(frozen=True)
class Fixed:
    """A catalog ``--fix`` changed, and how many of its entries."""

    path: Path
    entries: int


def fix_catalog(catalog: polib.POFile, language: str) -> int:
    """Apply ``language``'s typography to every translated entry of ``catalog``, in place; return
    how many entries changed."""
    changed = 0
    for entry in checked_entries(catalog):
        if CHECK in suppressed_checks(entry):
            continue
        before = (entry.msgstr, dict(entry.msgstr_plural))
        entry.msgstr = fix_typography(entry.msgstr, language) if entry.msgstr else entry.msgstr
        entry.msgstr_plural = {index: fix_typography(text, language) for index, text in entry.msgstr_plural.items()}
        changed += (entry.msgstr, dict(entry.msgstr_plural)) != before
    return changed


def _fix_file(ws: Workspace, language: str, domain: str) -> Fixed | None:
    """Fix one catalog file; what changed, or None."""
    path = ws.project.po_path(language, domain)
    counts = [0]

    def produce(current: polib.POFile | None) -> polib.POFile:
        if current is None:
            raise L10nError("the catalog was removed while its typography was being fixed", path)
        counts[0] = fix_catalog(current, language)
        return current
    changed, catalog = save_catalog(path, language, produce)
    ws.remember(language, domain, catalog)
    return Fixed(path, counts[0]) if changed else None


def fix_project(ws: Workspace, languages: tuple[str, ...]) -> list[Fixed]:
    """Fix the typography of every catalog of ``languages``; the catalogs that changed."""
    fixed = []
    for domain in ws.domains:
        source_language = domain.msgid_language or ws.project.source_language
        for language in catalog_languages(ws, domain.name, languages):
            if language != source_language and ws.project.po_path(language, domain.name).exists():
                fixed += [found for found in [_fix_file(ws, language, domain.name)] if found]
    return fixed
