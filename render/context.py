"""What the pages need from the catalogs: the only module of ``render`` that reads ``translate``."""

import gettext
import io
from dataclasses import dataclass

from babel import Locale

from translate.catalogs import read_catalog
from translate.checks import Finding
from translate.drafts import MACHINE_COMMENT
from translate.errors import L10nError
from translate.memory import Memory, project_memory
from translate.project import Project
from translate.review import check_project
from translate.segments import Article, Segment, markdown_parser, shared_parser
from translate.stats import Progress, progress, state
from translate.sync import Domain, load_articles, update

UI_DOMAIN = "ui"

__all__ = ["MACHINE_COMMENT", "Article", "Domain", "Finding", "L10nError", "Progress", "Project", "SegmentText",
           "UI_DOMAIN",
           "article_entries", "article_texts", "findings", "language_name", "load_articles", "machine_drafts",
           "markdown_parser", "reviewed_share", "shared_parser", "state", "text_direction", "ui_translations", "update"]


@dataclass(frozen=True)
class SegmentText:
    """What a page shows for one segment: a text, the language it is in, and its state."""

    segment: Segment
    text: str
    language: str
    state: str  # "reviewed", "draft" or "missing" (the source text is shown instead)


def _catalog(project: Project, language: str, domain: str):
    path = project.po_path(language, domain)
    return read_catalog(path, language) if path.exists() else None


def article_entries(project: Project, article: Article, language: str) -> dict:
    """msgid → the catalog entry of ``language`` (empty when the catalog does not exist yet)."""
    catalog = _catalog(project, language, article.slug)
    return {e.msgid: e for e in catalog if not e.obsolete} if catalog else {}


def machine_drafts(project: Project) -> Memory:
    """The translation memory, where each segment's raw machine draft is kept."""
    return project_memory(project)


def findings(project: Project, languages: tuple[str, ...]) -> dict[tuple[str, str, str], list[Finding]]:
    """(language, domain, msgid) → the quality checks' findings on that translation."""
    found: dict[tuple[str, str, str], list[Finding]] = {}
    for located in check_project(project, languages)[0]:
        found.setdefault((located.language, located.domain, located.msgid), []).append(located.finding)
    return found


def article_texts(project: Project, article: Article, language: str, drafts: bool) -> list[SegmentText]:
    """Each segment's text for ``language``: reviewed translations; drafts only when asked."""
    if language == project.source_language:
        return [SegmentText(s, s.text, language, "reviewed") for s in article.segments]
    entries = article_entries(project, article, language)
    texts = []
    for segment in article.segments:
        entry = entries.get(segment.text)
        current = state(entry) if entry is not None else "missing"
        if current == "reviewed" or (current == "draft" and drafts):
            texts.append(SegmentText(segment, entry.msgstr, language, current))
        else:
            texts.append(SegmentText(segment, segment.text, project.source_language, "missing"))
    return texts


def reviewed_share(project: Project, articles: list[Article], language: str) -> Progress:
    """Progress of ``language`` over all articles (interface strings aside)."""
    total = Progress(language, "articles")
    for article in articles:
        catalog = _catalog(project, language, article.slug)
        if catalog is not None:
            total.add(progress(catalog, language, article.slug))
        else:
            total.segments += len({s.text for s in article.segments})
    return total


def ui_translations(project: Project, language: str) -> gettext.NullTranslations:
    """The reviewed interface strings of ``language`` (fuzzy ones fall back to the English msgid)."""
    catalog = _catalog(project, language, UI_DOMAIN)
    if catalog is None:
        return gettext.NullTranslations()
    return gettext.GNUTranslations(io.BytesIO(catalog.to_binary()))


def language_name(code: str, in_language: str, menu: bool = True) -> str:
    """CLDR's name of ``code`` in ``in_language``: capitalized as a menu item is, or as in running
    text (``французский`` in Russian, ``French`` in English)."""
    name = Locale.parse(code).get_display_name(in_language) or code
    return name[:1].upper() + name[1:] if menu else name


def text_direction(code: str) -> str:
    return "rtl" if Locale.parse(code).character_order == "right-to-left" else "ltr"
