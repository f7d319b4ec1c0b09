"""The record of what was published: every reviewed translation a build put on a page, kept in
``locales/published.tmx`` (TMX 1.4, which CAT tools import as a translation memory).

A catalog entry forgets its reviewed state as soon as its source is edited (it turns fuzzy, and a
translator may start rewriting it); this record does not. Each unit is a true pair, the source
text and the reviewed translation published for it, with ``creationdate`` (first published) and
``changedate`` (last time it became the published translation of that source). The property
``x-stands-for`` names the later source texts this translation still stands for on the pages,
until a translator reviews them: after two edits in a row, the second finds it that way.
"""

import contextlib
import hashlib
import json
import os
import weakref
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from l10n_article.translate import __version__
from l10n_article.translate.catalog.changes import SourceChange, classify_change
from l10n_article.translate.catalog.progress import State, state
from l10n_article.translate.catalog.state import digest, file_digest
from l10n_article.translate.errors import L10nError
from l10n_article.translate.files import USER_CACHE, write_if_changed, write_text_atomic
from l10n_article.translate.tmx import XML_LANG, document_text, read_tmx, unit_text
from l10n_article.translate.workspace import Workspace

PUBLISHED_FILE = "published.tmx"
_DATE = "%Y%m%dT%H%M%SZ"  # TMX's date format, in UTC


@dataclass
class PublishedUnit:
    """One reviewed translation as it was published."""

    language: str
    source: str
    translation: str
    published: datetime  # first published
    latest: datetime  # last time it became the published translation of ``source``
    stands_for: set[str] = field(default_factory=set)  # later source texts it still stands for


def now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def _date(value: str | None, path: Path) -> datetime:
    try:
        return _parsed_date(value or "")
    except ValueError as exc:
        raise L10nError(f"invalid TMX date {value!r} (expected YYYYMMDDThhmmssZ)", path) from exc


@lru_cache(maxsize=4096)
def _tmx_date(moment: datetime) -> str:
    return moment.strftime(_DATE)


@lru_cache(maxsize=4096)
def _parsed_date(value: str) -> datetime:
    """A TMX date (a build gives the many translations it publishes the same one)."""
    return datetime.strptime(value, _DATE).replace(tzinfo=timezone.utc)


class PublishedMemory:
    """The published reviewed translations of a project, by language and source text.

    Units are indexed by (language, source) and by the texts they stand for, so that a lookup
    costs the same with 40 units or 40,000. ``touched`` collects the (language, text) pairs whose
    answer to ``last_reviewed`` may have changed since the memory was loaded; ``asked`` keeps what
    ``last_reviewed`` was asked, with the source and translation of its answer.
    """

    def __init__(self, path: Path, source_language: str):
        self.path = path
        self.source_language = source_language
        self.units: list[PublishedUnit] = []
        self.touched: set[tuple[str, str]] = set()
        self.asked: dict[tuple[str, str, str | None], tuple[str, str] | None] = {}
        self._by_source: dict[tuple[str, str], list[PublishedUnit]] = {}
        self._standing: dict[tuple[str, str], list[PublishedUnit]] = {}
        if path.exists():
            self._load()

    def _cache(self) -> Path:
        """Where the units of this file, as last read or written, are kept for the next command."""
        return USER_CACHE / "published" / f"{digest(os.path.realpath(self.path))[:16]}.json"

    def _cached(self, current: str) -> list[PublishedUnit] | None:
        """The units kept in the cache for the file's bytes ``current``, if they are there."""
        try:
            data = json.loads(self._cache().read_text(encoding="utf-8"))
            if data.get("version") != __version__ or data.get("digest") != current:
                return None
            return [PublishedUnit(language, source, translation, _date(first, self.path), _date(last, self.path),
                                  set(stands_for)) for language, source, translation, first, last, stands_for
                    in data["units"]]
        except (OSError, ValueError, TypeError, KeyError, AttributeError, L10nError):
            return None  # no cache, or another one: the file is read

    def keep(self, current: str) -> None:
        """Keep the units in the cache, as the file whose bytes have the digest ``current`` holds them."""
        units = [[u.language, u.source, u.translation, _tmx_date(u.published), _tmx_date(u.latest),
                  sorted(u.stands_for)] for u in self.units]
        with contextlib.suppress(OSError, L10nError):  # a cache that cannot be written is only slower
            self._cache().parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(self._cache(), json.dumps(dict(version=__version__, digest=current, units=units),
                                                        ensure_ascii=False))

    def _load(self) -> None:
        current = file_digest(self.path)
        cached = self._cached(current)
        if cached is not None:
            for unit in cached:
                self._add(unit)
        else:
            self._read()
            self.keep(current)
        self.touched.clear()

    def _read(self) -> None:
        for unit in read_tmx(self.path).iter("tu"):
            variants = {tuv.get(XML_LANG) or "": tuv.findtext("seg") or "" for tuv in unit.findall("tuv")}
            source = variants.pop(self.source_language, None)
            if source is None or len(variants) != 1:
                continue
            [(language, translation)] = variants.items()
            stands_for = {prop.text or "" for prop in unit.findall("prop") if prop.get("type") == "x-stands-for"}
            self._add(PublishedUnit(language, source, translation, _date(unit.get("creationdate"), self.path),
                                    _date(unit.get("changedate") or unit.get("creationdate"), self.path),
                                    stands_for))

    def _add(self, unit: PublishedUnit) -> None:
        self.units.append(unit)
        self._by_source.setdefault((unit.language, unit.source), []).append(unit)
        for text in unit.stands_for:
            self._standing.setdefault((unit.language, text), []).append(unit)
        self.touched.add((unit.language, unit.source))

    @staticmethod
    def _latest(found: list[PublishedUnit]) -> PublishedUnit | None:
        return max(found, key=lambda unit: unit.latest) if found else None

    def last_reviewed(self, language: str, source: str, previous: str | None = None) -> PublishedUnit | None:
        """The last published reviewed translation into ``language`` of ``source``, else of its
        ``previous`` text (the ``#| msgid`` of a fuzzy entry), else the one either still stands for."""
        found = self._last_reviewed(language, source, previous)
        self.asked[language, source, previous] = (found.source, found.translation) if found else None
        return found

    def _last_reviewed(self, language: str, source: str, previous: str | None) -> PublishedUnit | None:
        for text in (source, previous):
            if text is not None:
                found = self._latest(self._by_source.get((language, text), []))
                if found:
                    return found
        standing = {id(unit): unit for text in dict.fromkeys((source, previous)) if text is not None
                    for unit in self._standing.get((language, text), [])}
        return self._latest(list(standing.values()))

    def answers_changed(self, lookups: list[list]) -> bool:
        """Whether ``last_reviewed`` now answers any of ``lookups`` ([language, source, previous,
        answer's source, answer's translation], as ``asked`` kept them) otherwise."""
        for language, source, previous, *answer in lookups:
            if (language, source) in self.touched or (language, previous) in self.touched:
                found = self._last_reviewed(language, source, previous)
                if ([found.source, found.translation] if found else [None, None]) != answer:
                    return True
        return False

    def publish(self, language: str, source: str, translation: str, when: datetime) -> None:
        """Record that ``translation``, reviewed, is now the published translation of ``source``."""
        same_source = self._by_source.get((language, source), [])
        latest = self._latest(same_source)
        if latest is not None and latest.translation == translation:
            return
        same = next((unit for unit in same_source if unit.translation == translation), None)
        if same is None:
            self._add(PublishedUnit(language, source, translation, when, when))
        else:
            same.latest = when
            self.touched.add((language, source))

    def stand_in(self, language: str, stand_ins: dict[str, PublishedUnit]) -> None:
        """Record which later source texts (keys) each unit of ``language`` now stands for."""
        chosen: dict[int, set[str]] = {}
        for text, unit in stand_ins.items():
            chosen.setdefault(id(unit), set()).add(text)
        for unit in self.units:
            if unit.language != language:
                continue
            texts = chosen.get(id(unit), set())
            if texts == unit.stands_for:
                continue
            for text in unit.stands_for - texts:
                self._standing[language, text].remove(unit)
            for text in texts - unit.stands_for:
                self._standing.setdefault((language, text), []).append(unit)
            self.touched.update((language, text) for text in unit.stands_for ^ texts)
            unit.stands_for = texts

    def find(self, language: str, source: str, translation: str) -> PublishedUnit | None:
        """The unit of ``translation`` of ``source`` into ``language``, if there is one."""
        return next((u for u in self._by_source.get((language, source), []) if u.translation == translation), None)

    def save(self, text: str | None = None) -> bool:
        """Write the file atomically when its content changed (``text``, when ``text()`` was just
        asked for); say whether it was written."""
        if not self.units and not self.path.exists():
            return False
        text = self.text() if text is None else text
        written = write_if_changed(self.path, text)
        if written:  # an unchanged file is the one its units were read from, and kept, just before
            self.keep(hashlib.sha256(text.encode("utf-8")).hexdigest())
        return written

    def text(self) -> str:
        """The file's content, as ``save`` writes it."""
        units = sorted(self.units, key=lambda u: (u.language, u.source, u.published, u.translation))
        return document_text(self.source_language, "paragraph", [unit_text(
            {"creationdate": _tmx_date(unit.published), "changedate": _tmx_date(unit.latest)},
            [("x-stands-for", text) for text in sorted(unit.stands_for)],
            [(self.source_language, unit.source), (unit.language, unit.translation)]) for unit in units])


def published_memory(locales_dir: Path, source_language: str) -> PublishedMemory:
    """The project's record of published translations, ``<locales>/published.tmx``."""
    return PublishedMemory(locales_dir / PUBLISHED_FILE, source_language)


_RECORDS: "weakref.WeakKeyDictionary[Workspace, PublishedMemory]" = weakref.WeakKeyDictionary()  # one per command


def source_changes(ws: Workspace, language: str, domain: str) -> dict[str, SourceChange]:
    """msgid → how its source changed since its translation into ``language`` was last reviewed,
    for every outdated entry of the catalog: measured from the last published reviewed source
    (``published.tmx``), else from the entry's previous source (``#| msgid``)."""
    catalog = ws.catalog(language, domain)
    if catalog is None:
        return {}
    record = _RECORDS.get(ws)
    if record is None:
        record = _RECORDS[ws] = published_memory(ws.project.locales_dir, ws.project.source_language)
    changes = {}
    for entry in catalog:
        if entry.obsolete or state(entry) != State.OUTDATED:
            continue
        kept = record.last_reviewed(language, entry.msgid, entry.previous_msgid)
        previous = kept.source if kept is not None else entry.previous_msgid
        changes[entry.msgid] = classify_change(previous, entry.msgid, ws.project.source_language, ws.glossary)
    return changes
