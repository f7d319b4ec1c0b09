"""The states of a catalog entry, one meaning each everywhere (status, pages, comparison), and the
progress of translation they add up to."""

from dataclasses import asdict, dataclass
from enum import StrEnum

import polib


class State(StrEnum):
    REVIEWED = "reviewed"  # translated, not fuzzy: published
    DRAFT = "draft"  # translated, fuzzy: not reviewed yet (a machine draft, or a translator's)
    OUTDATED = "outdated"  # fuzzy because its source changed (the previous source is kept as #| msgid)
    MISSING = "missing"  # no translation


def has_text(entry: polib.POEntry) -> bool:
    """Whether the entry holds a translation, reviewed or not (polib's ``translated()`` also asks
    that it is not fuzzy)."""
    return bool(entry.msgstr) or any(entry.msgstr_plural.values())


def state(entry: polib.POEntry | None) -> State:
    if entry is None or not has_text(entry):
        return State.MISSING
    if "fuzzy" in entry.flags:
        return State.OUTDATED if entry.previous_msgid is not None else State.DRAFT
    return State.REVIEWED


@dataclass
class Progress:
    language: str
    domain: str
    segments: int = 0
    words: int = 0
    reviewed: int = 0
    reviewed_words: int = 0
    drafts: int = 0
    draft_words: int = 0
    outdated: int = 0
    outdated_words: int = 0
    untranslated: int = 0
    untranslated_words: int = 0

    @property
    def percent_reviewed(self) -> float:
        return round(100 * self.reviewed / self.segments, 1) if self.segments else 100.0

    def count(self, current: State, words: int) -> None:
        self.segments += 1
        self.words += words
        count, word_count = _FIELDS[current]
        setattr(self, count, getattr(self, count) + 1)
        setattr(self, word_count, getattr(self, word_count) + words)

    def add(self, other: "Progress") -> None:
        for name, value in asdict(other).items():
            if isinstance(value, int):
                setattr(self, name, getattr(self, name) + value)

    def as_dict(self) -> dict:
        return asdict(self) | {"percent_reviewed": self.percent_reviewed}


_FIELDS = {
    State.REVIEWED: ("reviewed", "reviewed_words"),
    State.DRAFT: ("drafts", "draft_words"),
    State.OUTDATED: ("outdated", "outdated_words"),
    State.MISSING: ("untranslated", "untranslated_words"),
}


def progress(catalog: polib.POFile, language: str, domain: str) -> Progress:
    """Counts of the catalog's active entries, in segments and in source words."""
    result = Progress(language, domain)
    for entry in catalog:
        if not entry.obsolete:
            result.count(state(entry), len(entry.msgid.split()))
    return result
