"""``l10n compare``: the same alignment as the comparison page, printed for a terminal."""

import shutil
import textwrap

from l10n_article.render.alignment import Alignment
from l10n_article.render.context import State

LABELS = {State.REVIEWED: "reviewed", State.DRAFT: "draft", State.OUTDATED: "OUTDATED", State.MISSING: "MISSING"}


def format_alignment(alignments: list[Alignment], needs_review: bool = False, width: int | None = None) -> str:
    """Each segment with its versions one under the other, wrapped to ``width`` (the terminal's)."""
    width = width or shutil.get_terminal_size((100, 24)).columns
    lines = []
    for alignment in alignments:
        for row in alignment.rows:
            if needs_review and not (row.needs_review or row.has_missing):
                continue
            lines.append(f"#{row.number} {row.kind}  {row.reference}")
            for cell in [row.source, *row.cells]:
                label = "" if cell.state is None else LABELS[cell.state]
                if cell.state == State.DRAFT and cell.machine:
                    label = "machine draft"
                head = f"  {cell.language}  " + (f"[{label}] " if label else "")
                text = cell.text or "—"
                lines += textwrap.wrap(text, width, initial_indent=head, subsequent_indent=" " * 6) or [head]
                if cell.previous:
                    lines += textwrap.wrap(cell.previous, width, initial_indent="      was: ",
                                           subsequent_indent=" " * 11)
                for finding in cell.findings:
                    lines += textwrap.wrap(f"{finding.check}: {finding.message}", width,
                                           initial_indent=f"      ! {finding.severity}: ", subsequent_indent=" " * 8)
                if cell.edit:
                    lines.append(f"      post-edit distance {cell.edit.distance:.0%}")
            lines.append("")
    return "\n".join(lines)
