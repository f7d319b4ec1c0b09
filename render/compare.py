"""The editors' comparison page: every segment in every language, side by side, in one file."""

from babel.numbers import format_decimal, format_percent
from markupsafe import Markup

from l10n_article.render.alignment import Alignment, Cell, align
from l10n_article.render.body import inline_html, title_text
from l10n_article.render.context import State, Workspace, language_name
from l10n_article.render.templating import environment, page_frame, static_file


def _cell(cell: Cell, page_language: str, references: dict) -> dict:
    return dict(language=cell.language, state=cell.state, machine=cell.machine, previous=cell.previous,
                edit=cell.edit, findings=cell.findings, name=language_name(cell.language, page_language),
                html=inline_html(cell.text, references) if cell.text else Markup(""),
                distance=format_percent(cell.edit.distance, locale=page_language) if cell.edit else None)


def _section(alignment: Alignment, page_language: str) -> dict:
    number = lambda value: format_decimal(value, locale=page_language)  # noqa: E731
    article = alignment.article
    references = article.references
    return dict(
        title=title_text(article, article.title.text),
        summaries=[dict(language=s.language, name=language_name(s.language, page_language),
                        reviewed=number(s.counts[State.REVIEWED]), drafts=number(s.counts[State.DRAFT]),
                        outdated=number(s.counts[State.OUTDATED]), missing=number(s.counts[State.MISSING]),
                        distance=format_percent(s.distance, locale=page_language) if s.distance is not None else None)
                   for s in alignment.summaries],
        rows=[dict(number=row.number, kind=row.kind, reference=row.reference, needs_review=row.needs_review,
                   has_missing=row.has_missing,
                   source=dict(language=row.source.language, html=inline_html(row.source.text, references)),
                   cells=[_cell(cell, page_language, references) for cell in row.cells])
              for row in alignment.rows],
    )


def render_compare(ws: Workspace, alignments: list[Alignment], languages: list[str]) -> str:
    """The page, in the source language, linking to the pages of ``languages``."""
    language = ws.project.source_language
    env = environment(ws, language)
    page = page_frame(language, languages, "index.html", current=None)
    columns = [dict(language=code, name=language_name(code, language)) for code in ws.project.languages]
    return env.get_template("compare.html").render(
        page=page, columns=columns, source=dict(language=language, name=language_name(language, language)),
        sections=[_section(alignment, language) for alignment in alignments])


def compare_files(ws: Workspace, languages: list[str]) -> dict[str, str]:
    """``compare/index.html`` (and its style sheet), from the catalogs as they are."""
    return {"compare/index.html": render_compare(ws, align(ws, ws.project.languages), languages),
            "compare.css": static_file("compare.css")}
