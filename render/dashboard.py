"""The comparison's dashboard: one row per article and language, with its progress and states.

Each article's rows are made when the article is rendered, from its summary alone, and kept as
HTML in the build's record: a build which renders only the articles that changed puts the others'
kept rows in the dashboard as they are.
"""

from markupsafe import Markup

from l10n_article.render.alignment import NEEDS_REVIEW, Alignment
from l10n_article.render.body import title_text
from l10n_article.render.compare_formats import Formats
from l10n_article.render.context import State, Workspace
from l10n_article.render.site import article_time
from l10n_article.render.templating import environment, page_frame

REVIEWED = (State.REVIEWED, State.APPROVED)


def article_summary(alignment: Alignment) -> dict:
    """What the dashboard shows of one article: its title, its comparison page, when it last
    changed, and per language the segments in each state and those with check errors."""
    article = alignment.article
    return dict(slug=article.slug, title=title_text(article, article.title.text), page=f"{article.slug}.html",
                changed=article_time(article.metadata, article).date().isoformat(),
                languages=[dict(language=summary.language, segments=summary.segments, errors=summary.errors,
                                counts={state.value: count for state, count in summary.counts.items()})
                           for summary in alignment.summaries])


def _figure(value: float, text: str) -> dict:
    """A figure of the table: its value (for sorting) and its text in the page's language; ``plain``
    when the text is the value itself, which then needs no ``<data>`` element."""
    return dict(value=value, text=text, plain=text == str(value))


def _figures(counts: dict, segments: int, errors: int, formats: Formats) -> list[dict]:
    """A row's figures: the share reviewed, the segments in each state, those with check errors."""
    reviewed = sum(counts.get(state.value, 0) for state in REVIEWED)
    share = reviewed / segments if segments else 1.0
    by_state = [counts.get(state.value, 0) for state in State]
    return [_figure(round(share, 4), formats.share(share)),
            *[_figure(count, formats.number(count)) for count in by_state], _figure(errors, formats.number(errors))]


def _rows(summaries: list[dict], order: list[str], formats: Formats) -> list[dict]:
    """One row per article and language, articles in the order given, languages in the project's."""
    rows = []
    for summary in summaries:
        versions = sorted((v for v in summary["languages"] if v["language"] in order),
                          key=lambda version: order.index(version["language"]))
        for version in versions:
            counts = version["counts"]
            waiting = sum(counts.get(state.value, 0) for state in NEEDS_REVIEW) + version["errors"]
            rows.append(dict(title=summary["title"], href=summary["page"], language=version["language"],
                             name=formats.name(version["language"]), needs_review=waiting > 0,
                             changed=dict(value=summary["changed"], text=formats.day(summary["changed"], "medium")),
                             figures=_figures(counts, version["segments"], version["errors"], formats)))
    return rows


def article_rows(ws: Workspace, summary: dict) -> list[str]:
    """The dashboard's rows of one article (HTML, one per language), from its ``article_summary``."""
    project = ws.project
    template = environment(ws, project.source_language).get_template("dashboard_row.html")
    return [template.render(row=row) + "\n" for row in _rows([summary], list(project.languages), Formats(project))]


def compare_dashboard(ws: Workspace, rows: list[list[str]], languages: list[str]) -> str:
    """``compare/index.html`` from each article's rows (``article_rows``, possibly read back from
    JSON), in the source language, its switcher linking to the indexes of ``languages``."""
    project = ws.project
    formats = Formats(project)
    page = page_frame(project.source_language, languages, "index.html", current=None)
    columns = [dict(language=code, name=formats.name(code)) for code in project.languages]
    total = sum(len(article) for article in rows)
    return environment(ws, project.source_language).get_template("dashboard.html").render(
        page=page, columns=columns, states=[state.value for state in State],
        rows=Markup("".join(row for article in rows for row in article)),
        articles=len(rows), articles_text=formats.number(len(rows)), total=formats.number(total))
