"""``l10n compare``: the same alignment as the comparison page, printed for a terminal."""

import shutil
import textwrap

from l10n_article.render.alignment import Alignment, Cell, Edit, Row, review_order
from l10n_article.render.context import State

LABELS = {State.MISSING: "UNTRANSLATED", State.MACHINE_DRAFT: "machine draft", State.DRAFT: "edited draft",
          State.OUTDATED: "SOURCE CHANGED", State.REVIEWED: "reviewed", State.APPROVED: "approved"}


def word_diff(edit: Edit) -> str:
    """The edit as ``wdiff`` prints it: [-removed-] {+added+}."""
    marks = {"delete": "[-{}-]", "insert": "{{+{}+}}", "equal": "{}"}
    return " ".join(marks[operation].format(words) for operation, words in edit.operations)


def _label(cell: Cell) -> str:
    if cell.state is None:
        return ""
    sure = f", confidence {cell.confidence:.2f}" if cell.confidence is not None else ""
    return f"[{LABELS[cell.state]}{sure}{', check errors' if cell.has_errors else ''}] "


def _details(cell: Cell, wrap) -> list[str]:
    """What is said under a translation: comments, notes, approval, findings, post-edit distance."""
    lines = []
    for comment in cell.comments:
        lines += wrap(comment, "      # ")
    for note in cell.notes:
        lines += wrap(note.text, f"      note from {note.name}, {note.day}: ")
    if cell.approval:
        lines.append(f"      approved by {cell.approval.name} on {cell.approval.day}")
    if cell.lapsed:
        lines.append(f"      approval by {cell.lapsed.name} on {cell.lapsed.day} void: the text changed since")
    for finding in cell.findings:
        lines += wrap(f"{finding.check}: {finding.message} ({cell.location})", f"      ! {finding.severity}: ")
    if cell.edit:
        lines.append(f"      post-edit distance {cell.edit.distance:.0%}")
    return lines


def format_row(row: Row, width: int) -> list[str]:
    """One segment: its source (with how it changed), then each translation with its state."""
    def wrap(text: str, head: str) -> list[str]:
        return textwrap.wrap(text, width, initial_indent=head, subsequent_indent=" " * 8, break_on_hyphens=False,
                             break_long_words=False) or [head]
    lines = [f"#{row.number} {row.kind}  {row.reference}"]
    for cell in [row.source, *row.cells]:
        head = f"  {cell.language}  {_label(cell)}"
        lines += textwrap.wrap(cell.text or "—", width, initial_indent=head, subsequent_indent=" " * 6) or [head]
        if cell is row.source:
            for change in row.changes:
                kind = "material change" if change.material else "cosmetic change"
                lines += wrap(word_diff(change.edit), f"      {kind} since the {', '.join(change.languages)} "
                                                      "translation: ")
                lines += [f"        {fact}" for fact in change.facts]
        lines += _details(cell, wrap)
    return lines + [""]


def format_alignment(alignments: list[Alignment], needs_review: bool = False, width: int | None = None) -> str:
    """Each segment with its versions one under the other, wrapped to ``width`` (the terminal's).
    With ``needs_review``, only the segments to look at, the least sure machine drafts first (then
    the rest in document order)."""
    width = width or shutil.get_terminal_size((100, 24)).columns
    lines = []
    for alignment in alignments:
        for row in review_order(alignment.rows) if needs_review else alignment.rows:
            lines += format_row(row, width)
    return "\n".join(lines)
