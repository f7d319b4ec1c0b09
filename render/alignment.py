"""The article's language versions aligned segment by segment, with states, edits and findings.

Both the comparison page and ``l10n compare`` are views of this one model.
"""

import difflib
import re
from dataclasses import dataclass, field

import polib

from l10n_article.render.context import MACHINE_COMMENT, Article, Finding, State, Workspace, catalog_entries, findings, state


@dataclass
class Edit:
    """How a translator changed the machine draft: word-level operations and the share changed."""

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
    language: str
    text: str
    state: State | None  # None for the source text
    previous: str | None = None
    machine: bool = False
    edit: Edit | None = None
    findings: list[Finding] = field(default_factory=list)


@dataclass
class Row:
    number: int
    kind: str
    reference: str
    source: Cell
    cells: list[Cell]

    @property
    def needs_review(self) -> bool:
        return any(c.state in (State.DRAFT, State.OUTDATED) for c in self.cells)

    @property
    def has_missing(self) -> bool:
        return any(c.state == State.MISSING for c in self.cells)


@dataclass
class Summary:
    language: str
    counts: dict[State, int]
    changed: int = 0
    length: int = 0

    @property
    def distance(self) -> float | None:
        return self.changed / self.length if self.length else None


@dataclass
class Alignment:
    article: Article
    rows: list[Row]
    summaries: list[Summary]


def _cell(entry: polib.POEntry | None, current: State, language: str, drafted: tuple[str, str] | None,
          found: list[Finding]) -> Cell:
    if entry is None or current == State.MISSING:
        return Cell(language, "", State.MISSING)
    if current != State.REVIEWED:
        machine = drafted is not None and MACHINE_COMMENT in (entry.tcomment or "")
        return Cell(language, entry.msgstr, current, entry.previous_msgid, machine, findings=found)
    edit = word_edit(drafted[1], entry.msgstr) if drafted is not None else None
    return Cell(language, entry.msgstr, current, edit=edit, findings=found)


def align(ws: Workspace, languages: tuple[str, ...]) -> list[Alignment]:
    """One alignment per article, from the catalogs merged with the current sources in memory
    (nothing is written)."""
    memory = ws.memory
    found = findings(ws, languages)
    result = []
    for article in ws.articles:
        entries = {language: catalog_entries(ws, language, article.slug, current=True) for language in languages}
        summaries = {language: Summary(language, dict.fromkeys(list(State), 0)) for language in languages}
        rows: list[Row] = []
        seen: set[str] = set()
        for segment in article.segments:
            cells = []
            for language in languages:
                entry = entries[language].get(segment.text)
                current = state(entry)
                cell = _cell(entry, current, language, memory.draft(language, segment.text),
                             found.get((language, article.slug, segment.text), []))
                cells.append(cell)
                if segment.text not in seen:
                    summary = summaries[language]
                    summary.counts[current] += 1
                    if cell.edit is not None:
                        summary.changed += cell.edit.changed
                        summary.length += cell.edit.length
            seen.add(segment.text)
            reference = f"{ws.project.relative(article.path)}:{segment.line}"
            rows.append(Row(len(rows) + 1, segment.kind, reference,
                            Cell(ws.project.source_language, segment.text, None), cells))
        result.append(Alignment(article, rows, list(summaries.values())))
    return result
