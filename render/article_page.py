"""One article's page, and a language's index of articles, from their texts."""

from typing import Protocol

import jinja2
from markupsafe import Markup

from l10n_article.render.body import inline_html, render_body, title_text
from l10n_article.render.context import (Article, SegmentText, Shown, Workspace, language_name, plain_text,
                                         typeset)
from l10n_article.render.meta import byline, credits
from l10n_article.render.site import Versions, open_graph
from l10n_article.render.templating import page_frame


class SegmentMacro(Protocol):
    """The ``segment`` macro of ``segment.html``."""

    def __call__(self, view: dict, page_language: str) -> Markup: ...


def page_name(article: Article) -> str:
    """An article's page, the same in every language and whatever other articles there are."""
    return f"{article.slug}.html"


def render_article(env: jinja2.Environment, ws: Workspace, article: Article, texts: list[SegmentText],
                   language: str, languages: list[str], published: Versions | None = None) -> str:
    """The page of ``article`` in ``language``, linking to its versions in ``languages`` (at their
    public addresses, with ``published``, when the project has a ``base-url``)."""
    segment: SegmentMacro = getattr(env.get_template("segment.html").module, "segment")

    def wrap(text: SegmentText, html: Markup) -> Markup:
        return segment(dict(state=text.state, language=text.language, html=html), language)
    summary = next((t for t in texts if t.segment.kind == "summary"), None)
    summary_html = wrap(summary, inline_html(typeset(summary), article.references)) if summary else None
    body = render_body(article, texts, wrap, byline(env, article, summary_html, language))
    title = title_text(article, next(t for t in texts if t.segment.kind == "title").text)
    page = dict(
        page_frame(language, languages, page_name(article), current=language, published=published),
        title=title,
        drafts=any(t.state == Shown.DRAFT for t in texts),
        fallbacks=any(t.state == Shown.MISSING for t in texts),
        source_name=language_name(ws.project.source_language, language, menu=False),
        body=body,
        total=len(texts),
        reviewed=sum(t.state == Shown.REVIEWED for t in texts),
        is_source=language == ws.project.source_language,
        credits=credits(ws, language, article.slug, texts),
    )
    if published is not None:
        page["properties"] = open_graph(published.url(language), language, title,
                                        plain_text(summary.text, article.references) if summary else None,
                                        article.metadata, published.versions)
    return env.get_template("article.html").render(page=page)


def render_index(env: jinja2.Environment, language: str, languages: list[str], titles: list[dict],
                 published: Versions | None = None) -> str:
    """The list of the articles published in ``language``, in that language where translated."""
    page = page_frame(language, languages, "index.html", current=language, published=published)
    return env.get_template("index.html").render(page=page, articles=titles)
