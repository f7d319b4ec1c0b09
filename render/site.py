"""What search engines and aggregators read, from the project's ``base-url``: canonical and
alternate addresses, Open Graph and ``article:`` properties, ``sitemap.xml`` and an Atom feed per
language. Without a ``base-url`` the pages link relatively and none of these is written.
"""

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from babel.core import get_global
from feedgen.feed import FeedGenerator  # type: ignore[import-untyped]

from l10n_article.render.context import Article, Metadata, cldr_locale

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
FEED = "feed.xml"


@dataclass(frozen=True)
class Version:
    """One published page of the site: its language and its address."""

    language: str
    url: str


@dataclass(frozen=True)
class Versions:
    """The published versions of one page, and the one search engines show when none matches
    the reader's language (``x-default``: the original)."""

    versions: list[Version]
    default: Version | None

    def url(self, language: str) -> str:
        return next(v.url for v in self.versions if v.language == language)

    def alternates(self) -> list[dict[str, str]]:
        """``hreflang`` links: every published version, then ``x-default``."""
        links = [dict(hreflang=v.language, href=v.url) for v in self.versions]
        return links + ([dict(hreflang="x-default", href=self.default.url)] if self.default else [])


@dataclass
class FeedEntry:
    """One article of a language's feed."""

    url: str
    title: str
    metadata: Metadata
    modified: dt.datetime  # when the article last changed (its ``updated`` or ``date``, else the file's time)
    summary: str | None = None
    language: str = ""


@dataclass
class Feed:
    """A language's Atom feed: its address, title and articles."""

    language: str
    url: str
    title: str
    entries: list[FeedEntry] = field(default_factory=list)


def page_url(base: str, language: str, name: str) -> str:
    return f"{base}{language}/{name}"


def versions(base: str, name: str, languages: list[str], source_language: str) -> Versions:
    """The published versions (``languages``) of the page ``name`` under ``base``."""
    found = [Version(code, page_url(base, code, name)) for code in languages]
    default = next((v for v in found if v.language == source_language), None)
    return Versions(found, default)


def og_locale(code: str) -> str:
    """Open Graph's ``language_TERRITORY`` for a page language, from CLDR's likely subtags."""
    locale = cldr_locale(code)
    likely = get_global("likely_subtags").get(locale, locale).split("_")
    return f"{likely[0]}_{likely[-1]}" if len(likely) > 1 else likely[0]


def article_time(metadata: Metadata, article: Article) -> dt.datetime:
    """When the article last changed: its ``updated`` or ``date``, else its file's time (UTC)."""
    day = metadata.updated or metadata.published
    if day is not None:
        return dt.datetime.combine(day, dt.time(), tzinfo=dt.timezone.utc)
    return dt.datetime.fromtimestamp(int(article.path.stat().st_mtime), tz=dt.timezone.utc)


def open_graph(url: str, language: str, title: str, summary: str | None, metadata: Metadata,
               alternates: list[Version]) -> list[dict[str, str]]:
    """The ``og:`` and ``article:`` properties of an article's page."""
    properties = [("og:type", "article"), ("og:url", url), ("og:title", title), ("og:locale", og_locale(language))]
    properties += [("og:locale:alternate", og_locale(v.language)) for v in alternates
                   if og_locale(v.language) != og_locale(language)]
    if summary:
        properties.append(("og:description", summary))
    if metadata.published:
        properties.append(("article:published_time", metadata.published.isoformat()))
    if metadata.updated:
        properties.append(("article:modified_time", metadata.updated.isoformat()))
    if metadata.author:
        properties.append(("article:author", metadata.author))
    if metadata.section:
        properties.append(("article:section", metadata.section))
    return [dict(property=name, content=value) for name, value in dict.fromkeys(properties)]


def sitemap(pages: list[tuple[Versions, dt.date | None]]) -> str:
    """``sitemap.xml``: each published page with its ``lastmod`` and, as Google reads them, its
    versions in every language as ``xhtml:link`` alternates."""
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    root = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for group, modified in pages:
        for version in group.versions:
            url = ET.SubElement(root, f"{{{SITEMAP_NS}}}url")
            ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = version.url
            if modified is not None:
                ET.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = modified.isoformat()
            for link in group.alternates():
                ET.SubElement(url, f"{{{XHTML_NS}}}link", {"rel": "alternate", **link})
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def atom(feed: Feed) -> str:
    """A language's Atom feed, newest article first."""
    generator = FeedGenerator()
    generator.id(feed.url)
    generator.title(feed.title)
    generator.language(feed.language)
    generator.link(href=feed.url, rel="self")
    generator.link(href=feed.url.removesuffix(FEED) + "index.html", rel="alternate")
    entries = sorted(feed.entries, key=lambda e: (e.modified, e.url))
    generator.updated(max((e.modified for e in entries), default=dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)))
    for entry in entries:
        item = generator.add_entry()
        item.id(entry.url)
        item.title(entry.title)
        item.link(href=entry.url, rel="alternate", hreflang=entry.language)
        item.updated(entry.modified)
        if entry.metadata.published:
            item.published(dt.datetime.combine(entry.metadata.published, dt.time(), tzinfo=dt.timezone.utc))
        if entry.summary:
            item.summary(entry.summary)
        if entry.metadata.author:
            item.author(name=entry.metadata.author)
        if entry.metadata.section:
            item.category(term=entry.metadata.section)
    return generator.atom_str(pretty=True).decode("utf-8")
