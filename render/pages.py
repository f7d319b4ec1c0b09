"""Catalogs → one HTML page per language and article, with Jinja2 templates.

A build renders the whole site in memory first, then publishes it at once: a problem found on the
way (a damaged catalog or translation memory) leaves the previous site as it was.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import jinja2
from markupsafe import Markup

from l10n_article.render.body import render_body, title_text
from l10n_article.render.compare import compare_files
from l10n_article.render.context import (Article, SegmentText, State, Workspace, article_texts, language_name,
                                         reviewed_share, update)
from l10n_article.render.output import check_output, publish
from l10n_article.render.templating import environment, page_frame, static_file


class SegmentMacro(Protocol):
    """The ``segment`` macro of ``segment.html``."""

    def __call__(self, view: dict, page_language: str) -> Markup: ...


@dataclass
class BuildReport:
    catalogs: list[Path] = field(default_factory=list)  # templates and catalogs the update rewrote
    pages: list[Path] = field(default_factory=list)
    skipped: dict[str, float] = field(default_factory=dict)  # language → percent reviewed


def page_name(articles: list[Article], article: Article) -> str:
    """``index.html`` for a one-article project; ``<slug>.html`` for each article otherwise."""
    return "index.html" if len(articles) == 1 else f"{article.slug}.html"


def render_article(env: jinja2.Environment, ws: Workspace, article: Article, texts: list[SegmentText],
                   language: str, languages: list[str], name: str, drafts: bool) -> str:
    segment: SegmentMacro = getattr(env.get_template("segment.html").module, "segment")
    body = render_body(article, texts, lambda text, html: segment(dict(
        state=text.state, language=text.language, html=html), language))
    title = next(t for t in texts if t.segment.kind == "title")
    page = dict(
        page_frame(language, languages, name, current=language),
        title=title_text(article, title.text),
        drafts=drafts and any(t.state == State.DRAFT for t in texts),
        fallbacks=any(t.state == State.MISSING for t in texts),
        source_name=language_name(ws.project.source_language, language, menu=False),
        body=body,
        total=len(texts),
        reviewed=sum(t.state == State.REVIEWED for t in texts),
        is_source=language == ws.project.source_language,
    )
    return env.get_template("article.html").render(page=page)


def render_index(env: jinja2.Environment, language: str, languages: list[str], titles: list[dict]) -> str:
    """The list of a several-article project's articles, in one language."""
    page = page_frame(language, languages, "index.html", current=language)
    return env.get_template("index.html").render(page=page, articles=titles)


def language_pages(ws: Workspace, language: str, languages: list[str], drafts: bool) -> dict[str, str]:
    """``<lang>/<page>.html`` → its HTML, for every article (and the index of several)."""
    env = environment(ws, language)
    articles = ws.articles
    pages, titles = {}, []
    for article in articles:
        texts = article_texts(ws, article, language, drafts)
        name = page_name(articles, article)
        pages[f"{language}/{name}"] = render_article(env, ws, article, texts, language, languages, name, drafts)
        title = next(t for t in texts if t.segment.kind == "title")
        titles.append(dict(href=name, language=title.language, title=title_text(article, title.text)))
    if len(articles) > 1:
        pages[f"{language}/index.html"] = render_index(env, language, languages, titles)
    return pages


def build(ws: Workspace, out: Path | None = None, drafts: bool = False,
          min_reviewed: float = 0) -> BuildReport:
    """Bring the catalogs up to date, then make ``<out>`` hold exactly the new site:
    ``<lang>/index.html`` for every language (with several articles, ``<lang>/<slug>.html`` each
    and an index listing them), the comparison page and the style sheets."""
    project = ws.project
    out = out or project.output_dir
    keep = (project.root, project.source_dir, project.locales_dir)
    check_output(out, keep)
    report = BuildReport(catalogs=update(ws).written)
    languages = [project.source_language]
    for language in project.languages:
        share = reviewed_share(ws, language).percent_reviewed
        if share < min_reviewed:
            report.skipped[language] = share
        else:
            languages.append(language)
    files: dict[str, str] = {}
    for language in languages:
        files.update(language_pages(ws, language, languages, drafts))
    files["style.css"] = static_file("style.css")
    files.update(compare_files(ws, languages))
    publish(files, out, keep)
    report.pages = [out / name for name in files if name.endswith(".html")]
    return report
