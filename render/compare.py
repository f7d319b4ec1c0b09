"""The editors' comparison page: every segment in every language, side by side, in one file."""

import os
from datetime import date

from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent
from markupsafe import Markup

from l10n_article.render.alignment import Alignment, Cell, Row, Summary, align
from l10n_article.render.body import inline_html, title_text
from l10n_article.render.context import State, Workspace, language_name
from l10n_article.render.templating import environment, page_frame, static_file


class _Formats:
    """Numbers, shares, dates, language names and links as the page's language writes them."""

    def __init__(self, ws: Workspace, language: str):
        self.ws, self.language = ws, language

    def number(self, value: int) -> str:
        return format_decimal(value, locale=self.language)

    def share(self, value: float) -> str:
        return format_percent(value, locale=self.language)

    def day(self, iso: str) -> str:
        return format_date(date.fromisoformat(iso), format="long", locale=self.language)

    def names(self, languages: list[str]) -> str:
        return format_list([language_name(code, self.language, menu=False) for code in languages],
                           locale=self.language)

    def href(self, location: str) -> str:
        """A link from the page (in ``<output>/compare/``) to ``path:line`` of the project."""
        path, _, line = location.rpartition(":")
        project = self.ws.project
        target = os.path.relpath(project.root / path, project.output_dir / "compare")
        return target.replace(os.sep, "/") + (f"#L{line}" if line.isdigit() else "")


def _cell(cell: Cell, formats: _Formats, references: dict) -> dict:
    signoff = cell.approval or cell.lapsed
    return dict(language=cell.language, state=cell.state, has_errors=cell.has_errors, edit=cell.edit,
                findings=cell.findings, comments=cell.comments, location=cell.location,
                href=formats.href(cell.location) if cell.location else None,
                notes=[dict(name=n.name, day=formats.day(n.day), text=n.text) for n in cell.notes],
                approval=dict(name=signoff.name, day=formats.day(signoff.day), valid=cell.approval is not None)
                if signoff else None,
                name=language_name(cell.language, formats.language),
                html=inline_html(cell.text, references) if cell.text else Markup(""),
                distance=formats.share(cell.edit.distance) if cell.edit else None)


def _row(row: Row, formats: _Formats, references: dict) -> dict:
    return dict(number=row.number, kind=row.kind, reference=row.reference, href=formats.href(row.reference),
                needs_review=row.needs_review, has_missing=row.has_missing,
                source=dict(language=row.source.language, html=inline_html(row.source.text, references)),
                changes=[dict(languages=formats.names(c.languages), edit=c.edit, material=c.material, facts=c.facts)
                         for c in row.changes],
                cells=[_cell(cell, formats, references) for cell in row.cells])


def _summary(summary: Summary, formats: _Formats) -> dict:
    segments = summary.segments
    reviewed = summary.counts[State.REVIEWED] + summary.counts[State.APPROVED]
    return dict(language=summary.language, name=language_name(summary.language, formats.language),
                counts={state.value: formats.number(count) for state, count in summary.counts.items()},
                errors=formats.number(summary.errors),
                reviewed=formats.share(reviewed / segments if segments else 1),
                distance=formats.share(summary.distance) if summary.distance is not None else None)


def _section(alignment: Alignment, formats: _Formats) -> dict:
    article = alignment.article
    return dict(slug=article.slug, title=title_text(article, article.title.text),
                summaries=[_summary(s, formats) for s in alignment.summaries],
                rows=[_row(row, formats, article.references) for row in alignment.rows])


def render_compare(ws: Workspace, alignments: list[Alignment], languages: list[str],
                   editing: dict | None = None) -> str:
    """The page, in the source language, linking to the pages of ``languages``; with ``editing``
    (the session's ``token`` and ``editor``, from ``l10n serve``), with forms to approve segments
    and leave or resolve notes."""
    language = ws.project.source_language
    env = environment(ws, language)
    page = page_frame(language, languages, "index.html", current=None)
    columns = [dict(language=code, name=language_name(code, language)) for code in ws.project.languages]
    formats = _Formats(ws, language)
    return env.get_template("compare.html").render(
        page=page, columns=columns, states=[state.value for state in State], editing=editing,
        source=dict(language=language, name=language_name(language, language)),
        sections=[_section(alignment, formats) for alignment in alignments])


def compare_files(ws: Workspace, languages: list[str]) -> dict[str, str]:
    """``compare/index.html`` (and its style sheet), from the catalogs as they are."""
    return {"compare/index.html": render_compare(ws, align(ws, ws.project.languages), languages),
            "compare.css": static_file("compare.css")}
