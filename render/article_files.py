"""One article's files: its page in every language that publishes it, its photos and its comparison
page, with what the site-wide pages need to know of it (``ArticleRecord``)."""

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from l10n_article.render.article_page import page_name, render_article
from l10n_article.render.body import media_name, title_text
from l10n_article.render.compare import Session, compare_article
from l10n_article.render.dashboard import article_rows
from l10n_article.render.context import (Article, Project, SegmentText, Shown, Sources, Workspace, article_texts,
                                         cldr_locale, plain_text, reviewed_percent, transliterated)
from l10n_article.render.incremental import ArticleRecord
from l10n_article.render.output import Sink
from l10n_article.render.site import Versions, article_time, versions
from l10n_article.render.templating import environment


def page_languages(project: Project) -> list[str]:
    """Every language the site has pages in: the source, the targets, then the script editions
    derived from targets (``kk-Latn``), which follow their base language's states."""
    return [project.source_language, *project.languages, *project.transliterations]


def published_versions(project: Project, name: str, languages: list[str]) -> Versions | None:
    """The published versions of the page ``name`` at their addresses under ``base-url`` (None
    without one: the pages then link to each other relatively)."""
    if project.base_url is None:
        return None
    return versions(project.base_url, name, languages, project.source_language)


@dataclass
class ArticleOutput:
    """What rendering one article gave: its record, the digest of its published record as its pages
    read it, and the reviewed translations its pages publish ([language, source, translation])."""

    slug: str
    record: ArticleRecord
    read: str
    published: list[list[str]] = field(default_factory=list)


class Renderer:
    """What every article's rendering shares in one build: the workspace, what pages are made
    from, and one Jinja2 environment per language."""

    def __init__(self, ws: Workspace, sources: Sources, min_reviewed: float, editing: Session | None = None):
        self.ws, self.sources, self.min_reviewed, self.editing = ws, sources, min_reviewed, editing

    def environment(self, language: str) -> jinja2.Environment:
        return environment(self.ws, language)

    def texts(self, article: Article) -> dict[str, list[SegmentText]]:
        """Each page language's texts of ``article`` (see ``context.segment_text``)."""
        project, found = self.ws.project, {}  # type: tuple[Project, dict[str, list[SegmentText]]]
        for language in page_languages(project):
            if language in project.transliterations:
                found[language] = transliterated(found[cldr_locale(language)], language, article.references)
            else:
                found[language] = article_texts(self.ws, article, language, self.sources)
        return found

    def render(self, path: Path, slug: str, key: str, staging: Sink) -> ArticleOutput:
        """Write the files of the article in ``path`` into ``staging``."""
        ws, project = self.ws, self.ws.project
        article = ws.article_at(path)
        kept = self.sources.published.of(slug)
        asked = kept.asked
        asked.clear()
        texts = self.texts(article)
        record = ArticleRecord(key, lookups=[[*question, *(answer or (None, None))]
                                             for question, answer in asked.items()])
        for language, shown in texts.items():
            share = reviewed_percent(shown)
            if share < self.min_reviewed:
                record.skipped.append([language, f"{language}/{page_name(article)}", share])
            else:
                record.languages.append(language)
        files: dict[str, str | bytes] = {}
        for language in record.languages:
            self._page(article, texts[language], language, record, files)
        for photo in article.photos.values():
            files[media_name(article, photo.src)] = photo.path.read_bytes()
            record.photos.append(project.relative(photo.path))
        compared = compare_article(ws, article, [code for code in record.languages
                                                 if code not in project.transliterations], self.editing)
        files[f"compare/{slug}.html"] = compared.html
        record.dashboard = article_rows(ws, compared.summary)
        metadata = article.metadata
        modified = metadata.updated or metadata.published
        record.modified = modified.isoformat() if modified else None
        for name, content in files.items():
            record.files[name] = staging.put(name, content)
        translated = {language: shown for language, shown in texts.items() if language in project.languages}
        record.stand_ins = [[language, t.segment.text, t.kept.source, t.kept.translation]
                            for language, shown in translated.items() for t in shown
                            if t.kept is not None and t.kept.source != t.segment.text]
        published = [[language, t.segment.text, t.text] for language, shown in translated.items()
                     if language in record.languages for t in shown if t.state == Shown.REVIEWED and t.kept is None]
        return ArticleOutput(slug, record, kept.digest, published)

    def _page(self, article: Article, texts: list[SegmentText], language: str, record: ArticleRecord,
              files: dict[str, str | bytes]) -> None:
        """The page of ``article`` in ``language``, with its entries in the index and the feed."""
        name = page_name(article)
        group = published_versions(self.ws.project, name, record.languages)
        files[f"{language}/{name}"] = render_article(self.environment(language), self.ws, article, texts, language,
                                                     record.languages, group)
        title = next(t for t in texts if t.segment.kind == "title")
        record.titles[language] = dict(href=name, language=title.language, title=title_text(article, title.text))
        if group is not None:
            summary = next((t for t in texts if t.segment.kind == "summary"), None)
            metadata = article.metadata
            record.feeds[language] = dict(
                url=group.url(language), title=title_text(article, title.text),
                modified=article_time(metadata, article).isoformat(), language=language,
                summary=plain_text(summary.text, article.references) if summary else None,
                published=metadata.published.isoformat() if metadata.published else None,
                author=metadata.author, section=metadata.section)


FEW = 4  # articles a process must have at least, to be worth starting
_WORKER: tuple[Renderer, Sink] | None = None  # what a forked worker renders with


def _render_one(renderer: Renderer, staging: Sink, job: tuple[Path, str, str]) -> ArticleOutput:
    """Render one (source, slug, key) into ``staging``, then let go of its catalogs."""
    output = renderer.render(*job, staging)
    renderer.ws.forget(job[1])
    return output


def _render_in_worker(job: tuple[Path, str, str]) -> ArticleOutput:
    assert _WORKER is not None
    return _render_one(*_WORKER, job)


def render_articles(renderer: Renderer, jobs: list[tuple[Path, str, str]], staging: Sink,
                    processes: int) -> list[ArticleOutput]:
    """Render each (source, slug, key) of ``jobs`` into ``staging``, over ``processes`` forked
    processes when there are at least ``FEW`` articles for each and the system can fork."""
    global _WORKER
    processes = min(processes, len(jobs) // FEW)
    if processes <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [_render_one(renderer, staging, job) for job in jobs]
    _WORKER = (renderer, staging)
    try:
        with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_render_in_worker, jobs, chunksize=max(1, len(jobs) // (processes * 4))))
    finally:
        _WORKER = None
