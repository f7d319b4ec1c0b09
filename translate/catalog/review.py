"""An editor's desk over the catalogs: progress with machine drafts and check errors told apart,
approving reviewed translations, leaving or resolving notes for the translator, and correcting a
translation in place.

Every change is written with ``save_catalog``: atomically, and merged with a translator's save
that lands meanwhile (Poedit open on the same file loses nothing).
"""

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import polib

from l10n_article.translate.catalog import signoff
from l10n_article.translate.catalog.pofile import save_catalog
from l10n_article.translate.catalog.progress import Progress, State, entry_state, progress
from l10n_article.translate.errors import L10nError
from l10n_article.translate.quality.findings import check_project
from l10n_article.translate.source.article import Article
from l10n_article.translate.workspace import Workspace


def error_entries(ws: Workspace, languages: tuple[str, ...]) -> set[tuple[str, str, str]]:
    """(language, domain, msgid) of every translation with at least one check error."""
    return {(f.language, f.domain, f.msgid) for f in check_project(ws, languages)[0] if f.finding.severity == "error"}


def project_progress(ws: Workspace, languages: tuple[str, ...]) -> list[Progress]:
    """Progress of every catalog of ``languages`` as the files are now (nothing is written), machine
    drafts told from edited ones by the translation memory, entries with check errors counted."""
    errors = error_entries(ws, languages)
    rows = []
    for domain in ws.domains:
        for language in languages:
            catalog = ws.catalog(language, domain.name) if language in domain.languages else None
            if catalog is None:
                continue
            row = progress(catalog, language, domain.name, ws.memory)
            row.check_errors = sum((language, domain.name, e.msgid) in errors for e in catalog if not e.obsolete)
            rows.append(row)
    return rows


@dataclass(frozen=True)
class Place:
    """Which entries an editor means: an article (all of them when None) and a segment in it."""

    language: str
    article: str | None = None
    segment: int | None = None  # 1-based, in document order, as the comparison numbers them


@dataclass
class Outcome:
    """What an editor's command did: the catalogs it wrote, what it changed, what it left."""

    written: list[Path] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # "slug #N"
    skipped: list[str] = field(default_factory=list)  # "slug #N: why"


def _articles(ws: Workspace, place: Place) -> list[Article]:
    if place.language not in ws.project.languages:
        ws.project.select([place.language])
    if place.article is None:
        if place.segment is not None and len(ws.articles) > 1:
            raise L10nError("several articles: say which one with --article SLUG")
        return ws.articles
    found = [a for a in ws.articles if a.slug == place.article]
    if not found:
        raise L10nError(f"no article {place.article!r} (articles: {', '.join(a.slug for a in ws.articles)})")
    return found


def _segments(article: Article, place: Place) -> list[tuple[int, str]]:
    """(number, msgid) of the segments meant, each text once."""
    numbered = list(enumerate((s.text for s in article.segments), start=1))
    if place.segment is None:
        return list({text: (number, text) for number, text in reversed(numbered)}.values())[::-1]
    if not 1 <= place.segment <= len(numbered):
        raise L10nError(f"{article.slug} has segments 1 to {len(numbered)}, not {place.segment}", article.path)
    return [numbered[place.segment - 1]]


def _edit(ws: Workspace, article: Article, place: Place, change, outcome: Outcome) -> None:
    """Apply ``change(number, entry) -> str | None`` (None: changed; else why it was left, "" for
    nothing worth saying) to the segments meant, in the catalog as it is on disk when it is written."""
    path = ws.project.po_path(place.language, article.slug)
    if ws.catalog(place.language, article.slug) is None:
        raise L10nError("no catalog yet: run l10n update first", path)
    segments = _segments(article, place)

    def produce(catalog: polib.POFile | None) -> polib.POFile:
        if catalog is None:
            raise L10nError("the catalog was removed meanwhile", path)
        outcome.changed, outcome.skipped = [], []
        for number, msgid in segments:
            entry = catalog.find(msgid)
            reason = "not in the catalog: run l10n update first" if entry is None else change(number, entry)
            if reason is not None and place.segment is not None:
                raise L10nError(f"{article.slug} #{number}: {reason}", path, entry.linenum if entry else None)
            if reason is None:
                outcome.changed.append(f"{article.slug} #{number}")
            elif reason:
                outcome.skipped.append(f"{article.slug} #{number}: {reason}")
        return catalog
    written, catalog = save_catalog(path, place.language, produce)
    ws.remember(place.language, article.slug, catalog)
    if written:
        outcome.written.append(path)


def approve(ws: Workspace, place: Place, by: str, today: date | None = None) -> Outcome:
    """Approve the reviewed translations meant by ``place`` (each one, or the one segment), as
    ``by`` today. A segment that is not reviewed cannot be approved; with every segment of an
    article, drafts, outdated translations and those with check errors are left and listed
    (untranslated and already approved ones are left quietly)."""
    day, name = today or date.today(), signoff.clean_name(by)
    errors = error_entries(ws, (place.language,))
    total = Outcome()

    def change_for(slug: str):
        def change(number: int, entry: polib.POEntry) -> str | None:
            current = entry_state(entry)
            if place.segment is None and current in (State.APPROVED, State.MISSING):
                return ""
            if current == State.APPROVED:
                return "already approved"
            if current != State.REVIEWED:
                return f"not reviewed ({current}): only a reviewed translation can be approved"
            if place.segment is None and (place.language, slug, entry.msgid) in errors:
                return "has check errors (l10n check): approve it on its own with --segment"
            signoff.approve(entry, name, day)
            return None
        return change
    for article in _articles(ws, place):
        outcome = Outcome()
        _edit(ws, article, place, change_for(article.slug), outcome)
        total.written += outcome.written
        total.changed += outcome.changed
        total.skipped += outcome.skipped
    return total


def add_note(ws: Workspace, place: Place, by: str, text: str, today: date | None = None) -> Outcome:
    """Leave a note on one segment's entry, for the translator (Poedit shows translator comments)."""
    day = today or date.today()
    outcome = Outcome()
    article = _one_segment(ws, place)

    def change(number: int, entry: polib.POEntry) -> None:
        signoff.add_note(entry, by, day, text)
    _edit(ws, article, place, change, outcome)
    return outcome


def resolve_notes(ws: Workspace, place: Place, text: str | None = None) -> Outcome:
    """Remove the notes on one segment's entry (only those saying ``text`` when given)."""
    outcome = Outcome()
    article = _one_segment(ws, place)
    _edit(ws, article, place, lambda number, entry: None if signoff.resolve_notes(entry, text) else "no such note",
          outcome)
    return outcome


class Conflict(L10nError):
    """A correction not applied: the entry changed on disk since the editor saw it (a translator
    saved another text). Both texts are kept here, so the editor's is not lost."""

    def __init__(self, path: Path, line: int | None, theirs: str, yours: str, seen: str):
        super().__init__("the translation changed since you saw it: the catalog's text is kept, "
                         "your correction was not applied", path, line)
        self.theirs, self.yours, self.seen = theirs, yours, seen


def correct(ws: Workspace, place: Place, text: str, seen: str) -> Outcome:
    """Replace one segment's translation with an editor's ``text`` (see ``signoff.correct`` for
    what becomes of its state), if the entry is still the one the editor saw: ``seen`` is its
    ``signoff.fingerprint`` then. Otherwise raise ``Conflict`` and write nothing; a translator's
    save that lands while the file is written is checked the same way. A text the entry already
    holds changes nothing."""
    outcome = Outcome()
    article = _one_segment(ws, place)
    path = ws.project.po_path(place.language, article.slug)

    def change(number: int, entry: polib.POEntry) -> str | None:
        if entry.msgstr == text and not entry.msgid_plural:
            return None  # already says this (perhaps the translator's own save): nothing to write
        if signoff.fingerprint(entry) != seen:
            raise Conflict(path, entry.linenum, entry.msgstr, text, signoff.fingerprint(entry))
        signoff.correct(entry, text)
        return None
    _edit(ws, article, place, change, outcome)
    return outcome


def _one_segment(ws: Workspace, place: Place) -> Article:
    if place.segment is None:
        raise L10nError("say which segment with --segment N (the numbers of l10n compare)")
    return _articles(ws, place)[0]
