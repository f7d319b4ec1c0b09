"""What an article's page says about itself: the summary and byline under its title (dates
localized by Babel in the page's language), and the translation's credits in its footer."""

import datetime as dt
import re

import jinja2
from babel.dates import format_date
from markupsafe import Markup

from l10n_article.render.context import Article, SegmentText, Shown, Workspace, cldr_locale, script_of

_NO_NAME = re.compile(r"FULL NAME|Automatically generated", re.I)


def local_date(day: dt.date, language: str) -> Markup:
    """``day`` as a ``<time>`` element, written as ``language`` writes a date in running text."""
    text = script_of(language)(format_date(day, "long", locale=cldr_locale(language)))
    return Markup('<time datetime="{}">{}</time>').format(day.isoformat(), text)


def byline(env: jinja2.Environment, article: Article, summary: Markup | None, language: str) -> Markup:
    """The summary and the line of author, section and dates that follow the title."""
    meta = article.metadata
    view = dict(summary=summary, author=meta.author, section=meta.section,
                published=local_date(meta.published, language) if meta.published else None,
                updated=local_date(meta.updated, language) if meta.updated else None)
    return Markup(env.get_template("byline.html").render(meta=view))


def translator(ws: Workspace, language: str, slug: str) -> str | None:
    """The translator the catalog names (``Last-Translator``, without the address), if it names one."""
    catalog = ws.catalog(cldr_locale(language), slug)
    name = catalog.metadata.get("Last-Translator", "") if catalog is not None else ""
    name = re.sub(r"\s*<[^>]*>\s*", "", name).strip()
    return name if name and not _NO_NAME.search(name) else None


def machine_assisted(ws: Workspace, language: str, texts: list[SegmentText]) -> bool:
    """Whether a reviewed translation on the page started from a machine draft the memory keeps."""
    code = cldr_locale(language)
    return any(t.state == Shown.REVIEWED and t.language == language and ws.memory.draft(code, t.segment.text)
               for t in texts)


def credits(ws: Workspace, language: str, slug: str, texts: list[SegmentText]) -> dict:
    """The footer's credits of a translated page: its translator, and whether machines helped."""
    if cldr_locale(language) == ws.project.source_language:
        return {}
    return dict(translator=translator(ws, language, slug), machine=machine_assisted(ws, language, texts))
