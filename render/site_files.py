"""The site-wide files, made from every article's record: each language's index (and, with a
``base-url``, its Atom feed, and ``sitemap.xml``), the comparison dashboard and the style sheets.
They are small, and written by every build that writes anything."""

import datetime as dt

from markupsafe import Markup

from l10n_article.render.article_files import Renderer, page_languages, published_versions
from l10n_article.render.article_page import render_index
from l10n_article.render.compare import compare_assets
from l10n_article.render.dashboard import compare_dashboard
from l10n_article.render.context import Metadata
from l10n_article.render.incremental import ArticleRecord
from l10n_article.render.output import Sink
from l10n_article.render.site import FEED, Feed, FeedEntry, atom, page_url, sitemap
from l10n_article.render.templating import static_file


def _feed_entry(data: dict) -> FeedEntry:
    published = dt.date.fromisoformat(data["published"]) if data["published"] else None
    return FeedEntry(url=data["url"], title=data["title"], language=data["language"], summary=data["summary"],
                     modified=dt.datetime.fromisoformat(data["modified"]),
                     metadata=Metadata(published=published, author=data["author"], section=data["section"]))


def _sitemap(renderer: Renderer, records: list[tuple[str, ArticleRecord]], indexed: list[str]) -> str:
    """``sitemap.xml``: every published article with its versions, and the indexes."""
    project = renderer.ws.project
    pages = []
    for slug, record in records:
        group = published_versions(project, f"{slug}.html", record.languages)
        if group is not None and group.versions:
            pages.append((group, dt.date.fromisoformat(record.modified) if record.modified else None))
    indexes = published_versions(project, "index.html", indexed)
    return sitemap(pages + ([(indexes, None)] if indexes else []))


def site_files(renderer: Renderer, records: list[tuple[str, ArticleRecord]]) -> dict[str, str]:
    """The site-wide files, from the records of every article (slug, record), in source order."""
    project = renderer.ws.project
    indexed = [code for code in page_languages(project) if any(code in r.languages for _, r in records)]
    files: dict[str, str] = {}
    for language in indexed:
        env = renderer.environment(language)
        titles = [record.titles[language] for _, record in records if language in record.languages]
        files[f"{language}/index.html"] = render_index(env, language, indexed, titles,
                                                       published_versions(project, "index.html", indexed))
        if project.base_url:
            name = Markup(env.from_string("{{ _('Articles') }}").render()).unescape()
            entries = [_feed_entry(record.feeds[language]) for _, record in records if language in record.feeds]
            files[f"{language}/{FEED}"] = atom(Feed(language, page_url(project.base_url, language, FEED), name,
                                                    entries))
    if project.base_url:
        files["sitemap.xml"] = _sitemap(renderer, records, indexed)
    files["style.css"] = static_file("style.css")
    compared = [code for code in indexed if code not in project.transliterations]
    files["compare/index.html"] = compare_dashboard(renderer.ws, [record.dashboard for _, record in records], compared)
    files.update(compare_assets())
    return files


def write_site_files(renderer: Renderer, order: list[str], records: dict[str, ArticleRecord],
                     staging: Sink) -> dict[str, list[int]]:
    """Write the site-wide files into ``staging``; what tells each as written."""
    files = site_files(renderer, [(slug, records[slug]) for slug in order])
    return {name: staging.put(name, content) for name, content in files.items()}
