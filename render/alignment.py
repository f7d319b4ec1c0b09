"""The article's language versions aligned segment by segment, with states, edits and findings.

Both the comparison page and ``l10n compare`` are views of this one model. States come from
``entry_state`` with the translation memory, so a machine draft is one whose text is still the
machine's, whatever comments it carries.
"""

import difflib
import re
from dataclasses import dataclass, field

import polib

from l10n_article.render.context import MACHINE_COMMENT, Article, Finding, State, Workspace, catalog_entries, findings
from l10n_article.translate.catalog.changes import classify_change
from l10n_article.translate.catalog.format import format_catalog
from l10n_article.translate.catalog.progress import entry_state
from l10n_article.translate.catalog.signoff import Approval, Note, approval, is_signoff, notes

NEEDS_REVIEW = (State.MACHINE_DRAFT, State.DRAFT, State.OUTDATED)
DIRECTIVE = "l10n:"


@dataclass
class Edit:
    """How a text became another: word-level operations and the share of words changed."""

    operations: list[tuple[str, str]]  # ("equal" | "delete" | "insert", words)
    changed: int
    length: int

    @property
    def distance(self) -> float:
        return self.changed / self.length if self.length else 0.0


def word_edit(draft: str, final: str) -> Edit:
    """The word-level diff from ``draft`` to ``final`` and the post-edit distance (share of words changed)."""
    before, after = re.findall(r"\S+", draft), re.findall(r"\S+", final)
    operations, changed = [], 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag == "equal":
            operations.append(("equal", " ".join(before[i1:i2])))
            continue
        changed += max(i2 - i1, j2 - j1)
        if i2 > i1:
            operations.append(("delete", " ".join(before[i1:i2])))
        if j2 > j1:
            operations.append(("insert", " ".join(after[j1:j2])))
    return Edit(operations, changed, max(len(before), len(after)))


@dataclass
class Cell:
    """One language's version of a segment (the source's has no state)."""

    language: str
    text: str
    state: State | None  # None for the source text
    edit: Edit | None = None  # from the machine draft to the reviewed text
    findings: list[Finding] = field(default_factory=list)
    has_errors: bool = False
    comments: list[str] = field(default_factory=list)  # the translator's own comments
    notes: list[Note] = field(default_factory=list)
    approval: Approval | None = None  # valid for exactly this text
    lapsed: Approval | None = None  # given to an earlier source or translation
    location: str = ""  # path:line of the entry in its catalog
    confidence: float | None = None  # how sure the models were of a machine draft (0–1), when known


@dataclass
class SourceChange:
    """A previous source some translations were made from, as a word diff to the current one."""

    previous: str
    edit: Edit
    languages: list[str]
    material: bool = False  # a fact changed (number, date, name, quotation, negation), not just wording
    facts: list[str] = field(default_factory=list)  # "number: 12 milliards → 14 milliards"


@dataclass
class Row:
    number: int
    kind: str
    reference: str
    source: Cell
    cells: list[Cell]
    changes: list[SourceChange] = field(default_factory=list)

    @property
    def needs_review(self) -> bool:
        """A draft, an outdated translation, or a translation with check errors."""
        return any(c.state in NEEDS_REVIEW or c.has_errors for c in self.cells)

    @property
    def has_missing(self) -> bool:
        return any(c.state == State.MISSING for c in self.cells)

    @property
    def least_sure(self) -> float | None:
        """The lowest confidence of the row's machine drafts (None when none has one)."""
        known = [c.confidence for c in self.cells if c.confidence is not None]
        return min(known) if known else None


@dataclass
class Summary:
    language: str
    counts: dict[State, int]
    errors: int = 0
    changed: int = 0
    length: int = 0

    @property
    def segments(self) -> int:
        return sum(self.counts.values())

    @property
    def distance(self) -> float | None:
        return self.changed / self.length if self.length else None


@dataclass
class Alignment:
    article: Article
    rows: list[Row]
    summaries: list[Summary]


def own_comments(entry: polib.POEntry) -> list[str]:
    """The translator's comments, without the tool's lines (machine provenance, sign-off, and
    ``l10n:`` directives such as silenced checks)."""
    return [line for line in (entry.tcomment or "").split("\n") if line.strip() and not
            line.startswith((MACHINE_COMMENT, DIRECTIVE)) and not is_signoff(line)]


def entry_lines(ws: Workspace, language: str, domain: str) -> dict[str, int]:
    """msgid → the line its entry starts on in the catalog file: the line it was read from, or, for
    a catalog this command wrote, the line it was written on."""
    catalog = ws.catalog(language, domain)
    if catalog is None:
        return {}
    if any(entry.linenum is None for entry in catalog):
        catalog = polib.pofile(format_catalog(catalog))
    return {entry.msgid: entry.linenum for entry in catalog if not entry.obsolete}


@dataclass
class _Context:
    """What every cell of one language and article is made from."""

    ws: Workspace
    language: str
    slug: str
    found: dict[tuple[str, str, str], list[Finding]]
    lines: dict[str, int]

    def location(self, msgid: str) -> str:
        """``path:line`` of the entry (the catalog alone when the entry is not written yet)."""
        path = self.ws.project.relative(self.ws.project.po_path(self.language, self.slug))
        return f"{path}:{self.lines[msgid]}" if msgid in self.lines else path


def _cell(context: _Context, entry: polib.POEntry | None, msgid: str) -> Cell:
    language, memory = context.language, context.ws.memory
    current = entry_state(entry, language, memory)
    if entry is None or current == State.MISSING:
        return Cell(language, "", State.MISSING, location=context.location(msgid))
    recorded = approval(entry)
    drafted = memory.draft(language, msgid)
    reviewed = current in (State.REVIEWED, State.APPROVED)
    found = context.found.get((language, context.slug, msgid), [])
    return Cell(language, entry.msgstr, current,
                edit=word_edit(drafted[1], entry.msgstr) if reviewed and drafted is not None else None,
                findings=found, has_errors=any(f.severity == "error" for f in found),
                comments=own_comments(entry), notes=notes(entry),
                approval=recorded if current == State.APPROVED else None,
                lapsed=recorded if current != State.APPROVED else None,
                location=context.location(msgid),
                confidence=_confidence(context, entry) if current == State.MACHINE_DRAFT else None)


def _confidence(context: _Context, entry: polib.POEntry) -> float | None:
    """How sure the models were of a machine draft: the memory's figure, else the one its
    translator comment gives (``machine draft: argos …, confidence 0.83``)."""
    known = context.ws.memory.confidence(context.language, entry.msgid)
    if known is not None:
        return known
    stated = re.search(rf"^{MACHINE_COMMENT}.*, confidence ([01](?:\.\d+)?)\b", entry.tcomment or "", re.M)
    return float(stated[1]) if stated else None


def _change(ws: Workspace, previous: str, text: str) -> SourceChange:
    """``previous`` → ``text`` as a word diff, with whether the edit is material and the facts it changed."""
    kind = classify_change(previous, text, ws.project.source_language, ws.glossary)
    removed = {fact.kind: fact.value for fact in kind.removed_facts}
    added = {fact.kind: fact.value for fact in kind.added_facts}
    facts = [f"{name}: {removed.get(name, '—')} → {added.get(name, '—')}" for name in dict.fromkeys([*removed, *added])]
    return SourceChange(previous, word_edit(previous, text), [], kind.material, facts)


def _changes(ws: Workspace, text: str, entries: dict[str, polib.POEntry | None]) -> list[SourceChange]:
    """Each distinct previous source of the outdated translations, once, diffed to ``text``."""
    changes: dict[str, SourceChange] = {}
    for language, entry in entries.items():
        if entry is not None and entry.previous_msgid is not None and "fuzzy" in entry.flags:
            if entry.previous_msgid not in changes:
                changes[entry.previous_msgid] = _change(ws, entry.previous_msgid, text)
            changes[entry.previous_msgid].languages.append(language)
    return list(changes.values())


def _count(summary: Summary, cell: Cell) -> None:
    assert cell.state is not None
    summary.counts[cell.state] += 1
    summary.errors += cell.has_errors
    if cell.edit is not None:
        summary.changed += cell.edit.changed
        summary.length += cell.edit.length


def review_order(rows: list[Row]) -> list[Row]:
    """The rows an editor should look at (a draft, an outdated or missing translation, a check
    error), the least sure machine drafts first, then the others in document order."""
    return sorted((row for row in rows if row.needs_review or row.has_missing),
                  key=lambda row: (row.least_sure is None, row.least_sure or 0.0))


def align(ws: Workspace, languages: tuple[str, ...], articles: list[Article] | None = None) -> list[Alignment]:
    """One alignment per article (of ``articles``, by default every article), from the catalogs
    merged with the current sources in memory (nothing is written). The checks look at the aligned
    articles' catalogs only: a translation is compared with the others of the same articles."""
    found = findings(ws, tuple(languages), None if articles is None else [article.slug for article in articles])
    result = []
    for article in ws.articles if articles is None else articles:
        contexts = {language: _Context(ws, language, article.slug, found,
                                       entry_lines(ws, language, article.slug))
                    for language in languages}
        entries = {language: catalog_entries(ws, language, article.slug, current=True) for language in languages}
        summaries = {language: Summary(language, dict.fromkeys(list(State), 0)) for language in languages}
        rows: list[Row] = []
        seen: set[str] = set()
        for segment in article.segments:
            here = {language: entries[language].get(segment.text) for language in languages}
            cells = [_cell(contexts[language], here[language], segment.text) for language in languages]
            if segment.text not in seen:
                for cell in cells:
                    _count(summaries[cell.language], cell)
            seen.add(segment.text)
            reference = f"{ws.project.relative(article.path)}:{segment.line}"
            rows.append(Row(len(rows) + 1, segment.kind, reference,
                            Cell(ws.project.source_language, segment.text, None), cells,
                            _changes(ws, segment.text, here)))
        result.append(Alignment(article, rows, list(summaries.values())))
    return result
