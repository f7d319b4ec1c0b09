"""Catalogs → one HTML page per language and article, with Jinja2 templates."""

from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from l10n_article.translate.files import write_if_changed

from l10n_article.render.body import inline_html, render_body
from l10n_article.render.compare import build_compare
from l10n_article.render.context import (Article, SegmentText, State, Workspace, article_texts, language_name,
                                         reviewed_share, update)
from l10n_article.render.templating import environment, page_frame, static_file


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
    segment = env.get_template("segment.html").module.segment
    body = render_body(article, texts, lambda text, html: segment(dict(
        state=text.state, language=text.language, html=html), language))
    title = next(t for t in texts if t.segment.kind == "title")
    page = dict(
        page_frame(language, languages, name, current=language),
        title=inline_html(title.text).striptags(),
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


def build(ws: Workspace, out: Path | None = None, drafts: bool = False,
          min_reviewed: float = 0) -> BuildReport:
    """Bring the catalogs up to date, then write ``<out>/<lang>/index.html`` for every language
    (with several articles, ``<out>/<lang>/<slug>.html`` each and an index listing them)."""
    report = BuildReport(catalogs=update(ws).written)
    out = out or ws.project.output_dir
    articles = ws.articles
    languages = [ws.project.source_language]
    for language in ws.project.languages:
        share = reviewed_share(ws, language).percent_reviewed
        if share < min_reviewed:
            report.skipped[language] = share
        else:
            languages.append(language)
    for language in languages:
        env = environment(ws, language)
        titles = []
        for article in articles:
            texts = article_texts(ws, article, language, drafts)
            name = page_name(articles, article)
            html = render_article(env, ws, article, texts, language, languages, name, drafts)
            path = out / language / name
            write_if_changed(path, html)
            report.pages.append(path)
            title = next(t for t in texts if t.segment.kind == "title")
            titles.append(dict(href=name, language=title.language, title=inline_html(title.text).striptags()))
        if len(articles) > 1:
            path = out / language / "index.html"
            write_if_changed(path, render_index(env, language, languages, titles))
            report.pages.append(path)
    write_if_changed(out / "style.css", static_file("style.css"))
    report.pages.append(build_compare(ws, out, languages))
    return report
