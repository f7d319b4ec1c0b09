"""Catalogs → one HTML page per language and article, with Jinja2 templates.

Every article has the same address from its first build on, ``<lang>/<slug>.html``, and every
language that publishes an article has ``<lang>/index.html`` listing them. ``--min-reviewed``
decides per article and language; no page links to a page that is not published.

A build renders the whole site in memory first, then publishes it at once: a problem found on the
way (a damaged catalog or translation memory) leaves the previous site as it was.
"""

from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from l10n_article.render.article_page import page_name, render_article, render_index
from l10n_article.render.body import media_name, title_text
from l10n_article.render.compare import compare_files
from l10n_article.render.context import (UI_DOMAIN, Article, Project, SegmentText, Sources, Workspace, article_texts,
                                         cldr_locale, plain_text, published_memory, reviewed_percent,
                                         transliterated, update)
from l10n_article.render.output import check_output, publish
from l10n_article.render.publication import interface_gaps, record_publication
from l10n_article.render.site import FEED, Feed, FeedEntry, Versions, article_time, atom, page_url, sitemap, versions
from l10n_article.render.templating import environment, static_file


@dataclass(frozen=True)
class Skipped:
    """A page left out by ``--min-reviewed``: its address and the share of it that is reviewed."""

    language: str
    page: str
    percent: float


@dataclass(frozen=True)
class InterfaceGap:
    """A published language whose pages show some interface strings in English."""

    language: str
    missing: int
    total: int
    catalog: Path


@dataclass
class BuildReport:
    out: Path | None = None
    catalogs: list[Path] = field(default_factory=list)  # templates and catalogs the update rewrote
    pages: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    interface: list[InterfaceGap] = field(default_factory=list)
    record: Path | None = None  # the record of published translations, when this build changed it
    relative: bool = False  # no base-url: relative links only, no sitemap or feeds


@dataclass
class Edition:
    """Each article's texts in each language, and which of these pages one build publishes."""

    texts: dict[tuple[str, str], list[SegmentText]] = field(default_factory=dict)  # (language, slug) → texts
    pages: set[tuple[str, str]] = field(default_factory=set)  # (language, slug) published

    def languages_of(self, slug: str, languages: list[str]) -> list[str]:
        """The languages, of ``languages`` and in that order, in which the article is published."""
        return [code for code in languages if (code, slug) in self.pages]

    def with_index(self, languages: list[str]) -> list[str]:
        """The languages that publish at least one article (and so have an index)."""
        return [code for code in languages if any(language == code for language, _ in self.pages)]


def drafts_folder(output: Path) -> Path:
    """Where ``--drafts`` previews go unless told otherwise: ``build-drafts/`` beside ``build/``."""
    return output.with_name(output.name + "-drafts")


def choose_pages(ws: Workspace, sources: Sources, min_reviewed: float, report: BuildReport) -> Edition:
    """Each article's texts in each language, kept where at least ``min_reviewed`` percent of the
    article is reviewed (the source language always); the others go into ``report.skipped``."""
    edition = Edition()
    for language in page_languages(ws.project):
        for article in ws.articles:
            if language in ws.project.transliterations:
                texts = transliterated(edition.texts[cldr_locale(language), article.slug], language,
                                       article.references)
            else:
                texts = article_texts(ws, article, language, sources)
            share = reviewed_percent(texts)
            edition.texts[language, article.slug] = texts
            if share < min_reviewed:
                report.skipped.append(Skipped(language, f"{language}/{page_name(article)}", share))
            else:
                edition.pages.add((language, article.slug))
    return edition


def page_languages(project: Project) -> list[str]:
    """Every language the site has pages in: the source, the targets, then the script editions
    derived from targets (``kk-Latn``), which follow their base language's states."""
    return [project.source_language, *project.languages, *project.transliterations]


def site_files(ws: Workspace, edition: Edition) -> dict[str, str | bytes]:
    """Every file of the site: the articles' pages, each language's index (and, with a ``base-url``,
    its Atom feed, and ``sitemap.xml``), the comparison page and the style sheets."""
    project = ws.project
    everyone = page_languages(project)
    indexed = edition.with_index(everyone)
    files: dict[str, str | bytes] = {}
    for language in indexed:
        env = environment(ws, language)
        titles, entries = [], []
        for article in ws.articles:
            if (language, article.slug) not in edition.pages:
                continue
            texts = edition.texts[language, article.slug]
            name = page_name(article)
            languages = edition.languages_of(article.slug, everyone)
            group = _versions(project, name, languages)
            files[f"{language}/{name}"] = render_article(env, ws, article, texts, language, languages, group)
            files.update({media_name(article, photo.src): photo.path.read_bytes() for photo in article.photos.values()})
            title = next(t for t in texts if t.segment.kind == "title")
            titles.append(dict(href=name, language=title.language, title=title_text(article, title.text)))
            entries += [_feed_entry(article, texts, language, group)] if group else []
        files[f"{language}/index.html"] = render_index(env, language, indexed, titles,
                                                       _versions(project, "index.html", indexed))
        if project.base_url:
            name = Markup(env.from_string("{{ _('Articles') }}").render()).unescape()
            files[f"{language}/{FEED}"] = atom(Feed(language, page_url(project.base_url, language, FEED), name,
                                                    entries))
    if project.base_url:
        files["sitemap.xml"] = _sitemap(ws, edition, indexed)
    files["style.css"] = static_file("style.css")
    files.update(compare_files(ws, [code for code in indexed if code not in project.transliterations]))
    return files


def _versions(project: Project, name: str, languages: list[str]) -> Versions | None:
    """The published versions of the page ``name`` at their addresses under ``base-url`` (None
    without one: the pages then link to each other relatively)."""
    if project.base_url is None:
        return None
    return versions(project.base_url, name, languages, project.source_language)


def _sitemap(ws: Workspace, edition: Edition, indexed: list[str]) -> str:
    """``sitemap.xml``: every published article with its versions, and the indexes."""
    project, everyone = ws.project, page_languages(ws.project)
    pages = []
    for article in ws.articles:
        group = _versions(project, page_name(article), edition.languages_of(article.slug, everyone))
        if group is not None and group.versions:
            pages.append((group, article.metadata.updated or article.metadata.published))
    indexes = _versions(project, "index.html", indexed)
    return sitemap(pages + ([(indexes, None)] if indexes else []))


def _feed_entry(article: Article, texts: list[SegmentText], language: str, group: Versions) -> FeedEntry:
    """An article's entry in the feed of ``language``."""
    title = next(t for t in texts if t.segment.kind == "title")
    summary = next((t for t in texts if t.segment.kind == "summary"), None)
    return FeedEntry(url=group.url(language), title=title_text(article, title.text), metadata=article.metadata,
                     modified=article_time(article.metadata, article), language=language,
                     summary=plain_text(summary.text, article.references) if summary else None)


def build(ws: Workspace, out: Path | None = None, drafts: bool = False,
          min_reviewed: float = 0, require: str | None = None) -> BuildReport:
    """Bring the catalogs up to date, then make ``<out>`` hold exactly the new site (see the module's
    docstring). A build without drafts records the reviewed translations it published; a drafts
    preview goes to ``build-drafts/`` unless ``out`` says otherwise, and records nothing. ``require``
    (default: the project's setting) says whether reviewed or only approved translations are published."""
    project = ws.project
    out = out or (drafts_folder(project.output_dir) if drafts else project.output_dir)
    keep = (project.root, project.source_dir, project.locales_dir)
    check_output(out, keep)
    published = published_memory(project.locales_dir, project.source_language)
    report = BuildReport(out=out, catalogs=update(ws).written, relative=project.base_url is None)
    sources = Sources(published, drafts, require or project.require)
    edition = choose_pages(ws, sources, min_reviewed, report)
    files = site_files(ws, edition)
    report.interface = [InterfaceGap(language, missing, total, project.po_path(language, UI_DOMAIN))
                        for language in edition.with_index([project.source_language, *project.languages])
                        for missing, total in [interface_gaps(ws, language)] if missing]
    publish(files, out, keep)
    report.pages = [out / name for name in files if name.endswith(".html")]
    translated = {key: texts for key, texts in edition.texts.items() if key[0] not in project.transliterations}
    if not drafts and record_publication(ws, published, translated, edition.pages):
        report.record = published.path
    return report
