"""The record of what an article published: every reviewed translation a build put on its pages,
kept in ``locales/published/<slug>.tmx`` (TMX 1.4, which CAT tools import as a translation
memory; ``records`` finds each article's).

A catalog entry forgets its reviewed state as soon as its source is edited (it turns fuzzy, and a
translator may start rewriting it); this record does not. Each unit is a true pair, the source
text and the reviewed translation published for it, with ``creationdate`` (first published) and
``changedate`` (last time it became the published translation of that source). The property
``x-stands-for`` names the later source texts this translation still stands for on the pages,
until a translator reviews them: after two edits in a row, the second finds it that way.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path

from l10n_article.translate.errors import L10nError
from l10n_article.translate.files import decode, rewrite
from l10n_article.translate.tmx import XML_LANG, document_text, parse_tmx, unit_text

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
    """The published reviewed translations of one record file, by language and source text.

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
        self._read_from: bytes | None = None  # the file's bytes when it was read (None: there was no file)
        if path.exists():
            try:
                self._read_from = path.read_bytes()
            except OSError as exc:
                raise L10nError(f"cannot read file: {exc.strerror}", path) from exc
            for unit in self._parse(self._read_from):
                self._add(unit)
            self.touched.clear()

    def _parse(self, data: bytes) -> list[PublishedUnit]:
        """The units of the file's bytes ``data``."""
        units = []
        for unit in parse_tmx(decode(data, self.path), self.path).iter("tu"):
            variants = {tuv.get(XML_LANG) or "": tuv.findtext("seg") or "" for tuv in unit.findall("tuv")}
            source = variants.pop(self.source_language, None)
            if source is None or len(variants) != 1:
                continue
            [(language, translation)] = variants.items()
            stands_for = {prop.text or "" for prop in unit.findall("prop") if prop.get("type") == "x-stands-for"}
            units.append(PublishedUnit(language, source, translation, _date(unit.get("creationdate"), self.path),
                                       _date(unit.get("changedate") or unit.get("creationdate"), self.path),
                                       stands_for))
        return units

    @property
    def digest(self) -> str:
        """The SHA-256 of the file as it was read ("-" when there was none)."""
        return hashlib.sha256(self._read_from).hexdigest() if self._read_from is not None else "-"

    def merge(self, units: list[PublishedUnit]) -> None:
        """Take in the units another build wrote: new ones as they are; for a unit both have, the
        earlier first publication, the later last one, and every text either says it stands for."""
        for unit in units:
            mine = self.find(unit.language, unit.source, unit.translation)
            if mine is None:
                self._add(unit)
                continue
            mine.published, mine.latest = min(mine.published, unit.published), max(mine.latest, unit.latest)
            for text in unit.stands_for - mine.stands_for:
                mine.stands_for.add(text)
                self._standing.setdefault((unit.language, text), []).append(mine)

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
        """Record that ``translation``, reviewed, is now the published translation of ``source`` (at
        ``when``, or a second after the one it replaces if that was published in the same second)."""
        same_source = self._by_source.get((language, source), [])
        latest = self._latest(same_source)
        if latest is not None and latest.translation == translation:
            return
        if latest is not None:
            when = max(when, latest.latest + timedelta(seconds=1))
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
        asked for); say whether it was written. The file is read again just before it is replaced:
        if another build wrote it since it was read, its units are merged in first (a unit or a
        stand-in that the other build dropped comes back: a record only grows)."""
        if not self.units and not self.path.exists():
            return False
        ours = (self.text() if text is None else text).encode("utf-8")

        def produce(current: bytes | None) -> bytes:
            if current == self._read_from or current is None:
                return ours
            self.merge(self._parse(current))
            return self.text().encode("utf-8")
        return rewrite(self.path, produce)

    def text(self) -> str:
        """The file's content, as ``save`` writes it."""
        units = sorted(self.units, key=lambda u: (u.language, u.source, u.published, u.translation))
        return document_text(self.source_language, "paragraph", [unit_text(
            {"creationdate": _tmx_date(unit.published), "changedate": _tmx_date(unit.latest)},
            [("x-stands-for", text) for text in sorted(unit.stands_for)],
            [(self.source_language, unit.source), (unit.language, unit.translation)]) for unit in units])
