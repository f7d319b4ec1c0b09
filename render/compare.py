"""The editors' comparison: one page per article with every segment in every language side by
side, and a dashboard of every article's progress (``render.dashboard``)."""

from dataclasses import dataclass

import polib
from markupsafe import Markup

from l10n_article.render.alignment import Alignment, Cell, Row, Summary, align, review_order
from l10n_article.render.body import inline_html, title_text
from l10n_article.render.compare_formats import Formats
from l10n_article.render.context import Article, State, Workspace
from l10n_article.render.dashboard import article_summary
from l10n_article.render.templating import environment, page_frame, static_file
from l10n_article.translate.catalog.signoff import fingerprint

STATIC = ("compare.css", "compare.js")


@dataclass(frozen=True)
class Session:
    """An editing session of ``l10n serve --by``: its token, which every form carries, and the editor."""

    token: str
    editor: str


@dataclass(frozen=True)
class ComparePage:
    """One article's comparison page, and what the dashboard shows of it (a JSON-ready dict)."""

    html: str
    summary: dict


def _cell(cell: Cell, formats: Formats, references: dict) -> dict:
    signoff = cell.approval or cell.lapsed
    return dict(language=cell.language, state=cell.state, has_errors=cell.has_errors, edit=cell.edit,
                findings=cell.findings, comments=cell.comments, location=cell.location,
                href=formats.href(cell.location) if cell.location else None,
                notes=[dict(name=n.name, day=formats.day(n.day), text=n.text) for n in cell.notes],
                approval=dict(name=signoff.name, day=formats.day(signoff.day), valid=cell.approval is not None)
                if signoff else None,
                name=formats.name(cell.language),
                html=inline_html(cell.text, references) if cell.text else Markup(""),
                confidence=formats.share(cell.confidence) if cell.confidence is not None else None,
                distance=formats.share(cell.edit.distance) if cell.edit else None)


def _row(row: Row, rank: int | None, formats: Formats, references: dict) -> dict:
    return dict(number=row.number, kind=row.kind, reference=row.reference, href=formats.href(row.reference),
                needs_review=row.needs_review, has_missing=row.has_missing, rank=rank,
                source=dict(language=row.source.language, html=inline_html(row.source.text, references)),
                changes=[dict(languages=formats.names(c.languages), edit=c.edit, material=c.material, facts=c.facts)
                         for c in row.changes],
                cells=[_cell(cell, formats, references) for cell in row.cells])


def _summary(summary: Summary, formats: Formats) -> dict:
    segments = summary.segments
    reviewed = summary.counts[State.REVIEWED] + summary.counts[State.APPROVED]
    return dict(language=summary.language, name=formats.name(summary.language),
                counts={state.value: formats.number(count) for state, count in summary.counts.items()},
                errors=formats.number(summary.errors),
                reviewed=formats.share(reviewed / segments if segments else 1),
                distance=formats.share(summary.distance) if summary.distance is not None else None)


def _shown(alignment: Alignment) -> dict[str, dict[str, str]]:
    """Each translation as the page shows it, for its correction form: the text, and the entry's
    fingerprint (a correction is applied only to the entry the editor saw), by ``slug/N/lang``."""
    return {f"{alignment.article.slug}/{row.number}/{cell.language}":
            dict(text=cell.text, seen=fingerprint(polib.POEntry(msgid=row.source.text, msgstr=cell.text)))
            for row in alignment.rows for cell in row.cells}


def _section(alignment: Alignment, formats: Formats) -> dict:
    """The article's part of its page; each row that needs review carries its place in the review
    order (the least sure machine drafts first), which the page's "needs review" filter follows."""
    article = alignment.article
    ranks = {row.number: rank for rank, row in enumerate(review_order(alignment.rows), 1)}
    return dict(slug=article.slug, title=title_text(article, article.title.text),
                summaries=[_summary(s, formats) for s in alignment.summaries],
                rows=[_row(row, ranks.get(row.number), formats, article.references) for row in alignment.rows])


def compare_article(ws: Workspace, alignment_or_article: Alignment | Article, languages: list[str],
                    editing: Session | None = None) -> ComparePage:
    """``compare/<slug>.html`` of one article, in the source language, linking to the article's
    pages in ``languages`` (those that publish it); with ``editing`` (``l10n serve --by``), with the
    forms to approve, leave or resolve notes and correct translations."""
    alignment = alignment_or_article
    if isinstance(alignment, Article):
        alignment = align(ws, ws.project.languages, [alignment])[0]
    project = ws.project
    language = project.source_language
    formats = Formats(project)
    page = page_frame(language, languages, f"{alignment.article.slug}.html", current=None)
    columns = [dict(language=code, name=formats.name(code)) for code in project.languages]
    forms = dict(token=editing.token, editor=editing.editor, shown=_shown(alignment)) if editing else None
    html = environment(ws, language).get_template("compare.html").render(
        page=page, columns=columns, states=[state.value for state in State], editing=forms,
        source=dict(language=language, name=formats.name(language)), section=_section(alignment, formats))
    return ComparePage(html, article_summary(alignment))


def compare_assets() -> dict[str, str]:
    """The comparison pages' style sheet and script, beside the site's style sheet."""
    return {name: static_file(name) for name in STATIC}
