"""Sign-off kept in the catalogs themselves: an editor's approval and the notes between editor and
translator, as translator comments, which every gettext tool (msgmerge, msgcat, Poedit, Lokalize,
Weblate) keeps and shows.

    # approved: Anna Petrova 2026-04-07 3f2a9c1b7d4e
    # note: Anna Petrova 2026-04-07: "charts its course" reads better than "traces its way"

An approval names who approved, when, and a short hash of the source and the translation it
approved: as soon as either text changes, the hash no longer matches and the approval is void
(the entry is back to reviewed), without anyone having to remember to remove it.

An editor may also correct a translation in place (``correct``): the corrected text is final, as
when a translator edits it in Poedit, which clears "Needs work".
"""

import hashlib
import re
from dataclasses import dataclass
from datetime import date

import polib

from l10n_article.translate.errors import L10nError

APPROVED = "approved: "
NOTE = "note: "
_APPROVAL = re.compile(r"^approved: (?P<name>.+) (?P<day>\d{4}-\d{2}-\d{2}) (?P<digest>[0-9a-f]{12})$")
_NOTE = re.compile(r"^note: (?P<name>.+?) (?P<day>\d{4}-\d{2}-\d{2}): (?P<text>.*)$")


@dataclass(frozen=True)
class Approval:
    """An editor's approval of one source text and translation."""

    name: str
    day: str  # ISO 8601 date
    digest: str  # fingerprint() of what was approved

    def line(self) -> str:
        return f"{APPROVED}{self.name} {self.day} {self.digest}"


@dataclass(frozen=True)
class Note:
    """A note between editor and translator on one entry, until someone resolves it."""

    name: str
    day: str
    text: str

    def line(self) -> str:
        return f"{NOTE}{self.name} {self.day}: {self.text}"


def fingerprint(entry: polib.POEntry) -> str:
    """A short hash of the entry's source and translation (every plural form)."""
    texts = [entry.msgctxt or "", entry.msgid, entry.msgid_plural or "", entry.msgstr]
    texts += [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
    return hashlib.sha256("\0".join(texts).encode("utf-8")).hexdigest()[:12]


def _lines(entry: polib.POEntry) -> list[str]:
    return (entry.tcomment or "").split("\n") if entry.tcomment else []


def approval(entry: polib.POEntry) -> Approval | None:
    """The approval recorded on the entry (valid or not), if any."""
    for line in _lines(entry):
        found = _APPROVAL.match(line)
        if found:
            return Approval(found["name"], found["day"], found["digest"])
    return None


def approved(entry: polib.POEntry) -> bool:
    """Whether the entry carries an approval of exactly its current source and translation."""
    recorded = approval(entry)
    return recorded is not None and recorded.digest == fingerprint(entry)


def notes(entry: polib.POEntry) -> list[Note]:
    """The open notes on the entry, oldest first."""
    return [Note(found["name"], found["day"], found["text"]) for line in _lines(entry)
            if (found := _NOTE.match(line))]


def is_signoff(line: str) -> bool:
    """Whether a translator-comment line is an approval or a note (shown apart from the others)."""
    return bool(_APPROVAL.match(line) or _NOTE.match(line))


def clean_name(name: str) -> str:
    """An editor's name as it can stand in a one-line comment: refused when empty."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise L10nError("a name is needed (--by NAME)")
    return cleaned


def approve(entry: polib.POEntry, name: str, day: date) -> None:
    """Record ``name``'s approval of the entry as it is now, replacing any earlier one."""
    kept = [line for line in _lines(entry) if not _APPROVAL.match(line)]
    entry.tcomment = "\n".join(kept + [Approval(clean_name(name), day.isoformat(), fingerprint(entry)).line()])


def add_note(entry: polib.POEntry, name: str, day: date, text: str) -> Note:
    """Append a note (white space, line breaks included, folded to single spaces)."""
    folded = " ".join(text.split())
    if not folded:
        raise L10nError("the note is empty")
    note = Note(clean_name(name), day.isoformat(), folded)
    entry.tcomment = "\n".join(_lines(entry) + [note.line()])
    return note


def resolve_notes(entry: polib.POEntry, text: str | None = None) -> int:
    """Remove the entry's notes (only those whose text is ``text`` when given); return how many."""
    kept, removed = [], 0
    for line in _lines(entry):
        found = _NOTE.match(line)
        if found and (text is None or found["text"] == " ".join(text.split())):
            removed += 1
        else:
            kept.append(line)
    entry.tcomment = "\n".join(kept)
    return removed


def correct(entry: polib.POEntry, text: str) -> None:
    """Replace the entry's translation with an editor's ``text``, as Poedit does when a translation
    is edited: the entry is reviewed (a draft's fuzzy flag and previous source are cleared), every
    translator comment and note is kept, and an approval is void since the text changed (its line
    stays, so the comparison says who approved the earlier text)."""
    if entry.msgid_plural:
        raise L10nError("a translation with plural forms: correct it in your PO editor")
    if not text.strip():
        raise L10nError("the correction is empty: a translation cannot be removed from the page")
    entry.msgstr = text
    if "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
        entry.previous_msgctxt = entry.previous_msgid = entry.previous_msgid_plural = None
