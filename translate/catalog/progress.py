"""The states of a catalog entry, one meaning each everywhere (status, pages, both comparison
views), and the progress of translation they add up to.

The states, as gettext and Poedit users know them:

- missing: untranslated (empty msgstr);
- machine draft: fuzzy ("Needs work" in Poedit), the text exactly as the machine wrote it (the
  translation memory holds the machine's output, so an edit is seen whatever the comments say);
- draft: fuzzy, with a text a translator has edited (or one the memory does not know);
- outdated: fuzzy because the source changed since it was translated (``#| msgid`` keeps the
  previous source);
- reviewed: translated, not fuzzy: the translator's word;
- approved: reviewed, and approved by an editor for exactly this source and translation
  (``# approved:``, see ``signoff``).

Check errors are a separate mark, not a state: a reviewed text can have one.
"""

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Protocol

import polib

from l10n_article.translate.catalog.signoff import approved
from l10n_article.translate.errors import L10nError
from l10n_article.translate.project import REQUIREMENTS


class State(StrEnum):
    MISSING = "missing"
    MACHINE_DRAFT = "machine-draft"
    DRAFT = "draft"
    OUTDATED = "outdated"
    REVIEWED = "reviewed"
    APPROVED = "approved"


class MachineDrafts(Protocol):
    """What tells a machine draft: the translation memory (``mt.memory.Memory``)."""

    def draft(self, target_language: str, segment: str) -> tuple[str, str] | None: ...


_ACCEPTED = {"reviewed": {State.REVIEWED, State.APPROVED}, "approved": {State.APPROVED}}


def has_text(entry: polib.POEntry) -> bool:
    """Whether the entry holds a translation, reviewed or not (polib's ``translated()`` also asks
    that it is not fuzzy)."""
    return bool(entry.msgstr) or any(entry.msgstr_plural.values())


def entry_state(entry: polib.POEntry | None, language: str = "", memory: MachineDrafts | None = None) -> State:
    """The entry's state; without ``memory``, a machine draft cannot be told and is a draft."""
    if entry is None or not has_text(entry):
        return State.MISSING
    if "fuzzy" in entry.flags:
        if entry.previous_msgid is not None:
            return State.OUTDATED
        machine = memory.draft(language, entry.msgid) if memory is not None else None
        return State.MACHINE_DRAFT if machine is not None and machine[1] == entry.msgstr else State.DRAFT
    return State.APPROVED if approved(entry) else State.REVIEWED


def state(entry: polib.POEntry | None) -> State:
    """The entry's state as publication sees it: reviewed (approved or not), draft, outdated or
    missing."""
    current = entry_state(entry)
    return State.REVIEWED if current == State.APPROVED else current


def publishable(entry: polib.POEntry | None, requirement: str = "reviewed") -> bool:
    """Whether the entry's translation may be published under ``requirement``: ``reviewed``
    (approved entries included) or ``approved`` (an editor's approval of exactly this text)."""
    if requirement not in _ACCEPTED:
        raise L10nError(f"unknown requirement {requirement!r}: use {' or '.join(REQUIREMENTS)}")
    return entry_state(entry) in _ACCEPTED[requirement]


@dataclass
class Progress:
    """Segments and source words of one catalog per state, and the entries with check errors.
    ``reviewed`` counts every reviewed entry, as gettext's "translated" does; ``approved`` those of
    them an editor approved."""

    language: str
    domain: str
    segments: int = 0
    words: int = 0
    reviewed: int = 0
    reviewed_words: int = 0
    approved: int = 0
    approved_words: int = 0
    edited_drafts: int = 0
    edited_draft_words: int = 0
    machine_drafts: int = 0
    machine_draft_words: int = 0
    outdated: int = 0
    outdated_words: int = 0
    untranslated: int = 0
    untranslated_words: int = 0
    check_errors: int = 0

    @property
    def percent_reviewed(self) -> float:
        return round(100 * self.reviewed / self.segments, 1) if self.segments else 100.0

    @property
    def percent_approved(self) -> float:
        return round(100 * self.approved / self.segments, 1) if self.segments else 100.0

    def count(self, current: State, words: int) -> None:
        self.segments += 1
        self.words += words
        for count, word_count in _FIELDS[current]:
            setattr(self, count, getattr(self, count) + 1)
            setattr(self, word_count, getattr(self, word_count) + words)

    def add(self, other: "Progress") -> None:
        for name, value in asdict(other).items():
            if isinstance(value, int):
                setattr(self, name, getattr(self, name) + value)

    def as_dict(self) -> dict:
        return asdict(self) | {"percent_reviewed": self.percent_reviewed, "percent_approved": self.percent_approved}


_FIELDS = {
    State.APPROVED: [("reviewed", "reviewed_words"), ("approved", "approved_words")],
    State.REVIEWED: [("reviewed", "reviewed_words")],
    State.DRAFT: [("edited_drafts", "edited_draft_words")],
    State.MACHINE_DRAFT: [("machine_drafts", "machine_draft_words")],
    State.OUTDATED: [("outdated", "outdated_words")],
    State.MISSING: [("untranslated", "untranslated_words")],
}


def progress(catalog: polib.POFile, language: str, domain: str, memory: MachineDrafts | None = None) -> Progress:
    """Counts of the catalog's active entries, in segments and in source words; ``memory`` tells
    machine drafts from edited ones."""
    result = Progress(language, domain)
    for entry in catalog:
        if not entry.obsolete:
            result.count(entry_state(entry, language, memory), len(entry.msgid.split()))
    return result
