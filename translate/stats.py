"""Progress of translation: how much of each catalog is reviewed, drafted, or still missing."""

from dataclasses import asdict, dataclass

import polib

from .merge import is_translated


def state(entry: polib.POEntry) -> str:
    """``reviewed`` (translated, not fuzzy), ``draft`` (translated, fuzzy) or ``missing``."""
    if not is_translated(entry):
        return "missing"
    return "draft" if "fuzzy" in entry.flags else "reviewed"


_FIELDS = {
    "reviewed": ("reviewed", "reviewed_words"),
    "draft": ("drafts", "draft_words"),
    "missing": ("untranslated", "untranslated_words"),
}


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
    untranslated: int = 0
    untranslated_words: int = 0

    @property
    def percent_reviewed(self) -> float:
        return round(100 * self.reviewed / self.segments, 1) if self.segments else 100.0

    def add(self, other: "Progress") -> None:
        for name in ("segments", "words", *(name for pair in _FIELDS.values() for name in pair)):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def as_dict(self) -> dict:
        return asdict(self) | {"percent_reviewed": self.percent_reviewed}


def progress(catalog: polib.POFile, language: str, domain: str) -> Progress:
    """Counts of the catalog's active entries, in segments and in source words."""
    result = Progress(language, domain)
    for entry in catalog:
        if entry.obsolete:
            continue
        words = len(entry.msgid.split())
        result.segments += 1
        result.words += words
        count, word_count = _FIELDS[state(entry)]
        setattr(result, count, getattr(result, count) + 1)
        setattr(result, word_count, getattr(result, word_count) + words)
    return result
