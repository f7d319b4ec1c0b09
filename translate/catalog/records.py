"""Each article's published record, ``locales/published/<slug>.tmx`` (see ``published``).

One file per article, as gettext keeps one catalog per domain: a build reads and writes the
records of the articles it renders and no other, and two people publishing different articles
never change the same file. Projects made before this layout kept one ``locales/published.tmx``
for every article; a build that publishes splits it (``split_shared_record``).
"""

import weakref
from dataclasses import replace
from pathlib import Path

from l10n_article.translate.catalog.changes import SourceChange, classify_change
from l10n_article.translate.catalog.progress import State, state
from l10n_article.translate.catalog.published import PublishedMemory, PublishedUnit
from l10n_article.translate.errors import L10nError
from l10n_article.translate.project import PUBLISHED_DIR
from l10n_article.translate.workspace import Workspace

SHARED_FILE = "published.tmx"  # the record of every article in one file, as projects kept it before
UNASSIGNED = "_unassigned"  # the units of the shared file that no article refers to (no slug starts with "_")


class PublishedRecords:
    """The published records of a project's articles, each read when first asked for. Until the
    shared ``published.tmx`` of an older project is split, every article reads that file."""

    def __init__(self, locales_dir: Path, source_language: str):
        self.folder = locales_dir / PUBLISHED_DIR
        self.shared = locales_dir / SHARED_FILE
        self.unsplit = not self.folder.exists() and self.shared.is_file()
        self.source_language = source_language
        self._open: dict[str, PublishedMemory] = {}

    def own(self, slug: str) -> Path:
        """The article ``slug``'s own record file."""
        return self.folder / f"{slug}.tmx"

    def path(self, slug: str) -> Path:
        """The file the article ``slug``'s record is read from."""
        return self.shared if self.unsplit else self.own(slug)

    def of(self, slug: str) -> PublishedMemory:
        """The record of the article ``slug``."""
        path = self.path(slug)
        if path.name not in self._open:
            self._open[path.name] = PublishedMemory(path, self.source_language)
        return self._open[path.name]


def published_records(ws: Workspace) -> PublishedRecords:
    """The records of the project's articles, ``<locales>/published/<slug>.tmx``."""
    return PublishedRecords(ws.project.locales_dir, ws.project.source_language)


def _referring(ws: Workspace) -> dict[str, set[str]]:
    """Each text that an article's catalogs refer to (as a msgid or a previous msgid, which is what
    pages look up) → those articles."""
    referred: dict[str, set[str]] = {}
    for path in ws.project.sources():
        slug = ws.slug_of(path)
        for language in ws.project.languages:
            for entry in ws.catalog(language, slug) or []:
                for text in (entry.msgid, entry.previous_msgid):
                    if text is not None:
                        referred.setdefault(text, set()).add(slug)
    return referred


def split_shared_record(ws: Workspace) -> list[Path] | None:
    """Move the units of an older project's shared ``published.tmx`` into the articles' records,
    then remove it: each unit goes to every article whose catalogs refer to its source or to a
    text it stands for, and a unit that no article refers to any more to ``_unassigned.tmx``. A
    record that exists already (a split cut short, or a shared file a pull brought back) takes the
    units in as it takes another build's. The records written; None when there is no shared file."""
    project, records = ws.project, published_records(ws)
    shared = records.shared
    if not shared.is_file():
        return None
    referred = _referring(ws)
    split: dict[str, list[PublishedUnit]] = {}
    for unit in PublishedMemory(shared, project.source_language).units:
        slugs = set().union(*(referred.get(text, set()) for text in (unit.source, *unit.stands_for)))
        for slug in sorted(slugs) or [UNASSIGNED]:
            split.setdefault(slug, []).append(replace(unit, stands_for=set(unit.stands_for)))
    written = []
    for slug, units in split.items():
        record = PublishedMemory(records.own(slug), project.source_language)
        record.merge(units)
        if record.save():
            written.append(record.path)
    try:
        shared.unlink()
    except OSError as exc:
        raise L10nError(f"cannot remove the record once split: {exc.strerror}", shared) from exc
    return written


_RECORDS: "weakref.WeakKeyDictionary[Workspace, PublishedRecords]" = weakref.WeakKeyDictionary()  # one per command


def source_changes(ws: Workspace, language: str, domain: str) -> dict[str, SourceChange]:
    """msgid → how its source changed since its translation into ``language`` was last reviewed,
    for every outdated entry of the catalog: measured from the last published reviewed source
    (the article's published record), else from the entry's previous source (``#| msgid``)."""
    catalog = ws.catalog(language, domain)
    if catalog is None:
        return {}
    records = _RECORDS.get(ws)
    if records is None:
        records = _RECORDS[ws] = published_records(ws)
    record = records.of(domain)
    changes = {}
    for entry in catalog:
        if entry.obsolete or state(entry) != State.OUTDATED:
            continue
        kept = record.last_reviewed(language, entry.msgid, entry.previous_msgid)
        previous = kept.source if kept is not None else entry.previous_msgid
        changes[entry.msgid] = classify_change(previous, entry.msgid, ws.project.source_language, ws.glossary)
    return changes
