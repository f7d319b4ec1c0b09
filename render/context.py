"""What the pages need from the catalogs: the only module of ``render`` that reads ``translate``."""

from dataclasses import dataclass

import polib
from babel import Locale

from l10n_article.translate.catalog.pofile import header_line
from l10n_article.translate.catalog.progress import Progress, State, progress, state
from l10n_article.translate.catalog.update import merged, update
from l10n_article.translate.errors import L10nError
from l10n_article.translate.files import _exchange as exchange
from l10n_article.translate.files import read_text
from l10n_article.translate.mt.drafts import MACHINE_COMMENT
from l10n_article.translate.project import Project
from l10n_article.translate.quality.checks import Finding
from l10n_article.translate.quality.findings import check_project
from l10n_article.translate.source.article import Article, Segment, quoted
from l10n_article.translate.source.inline import plain_text
from l10n_article.translate.source.markdown import markdown_parser, shared_parser
from l10n_article.translate.workspace import Domain, Workspace

UI_DOMAIN = "ui"

__all__ = ["MACHINE_COMMENT", "Article", "Domain", "Finding", "L10nError", "Progress", "Project", "SegmentText",
           "State", "UI_DOMAIN", "Workspace",
           "article_texts", "catalog_entries", "exchange", "findings", "header_line", "language_name",
           "markdown_parser", "plain_text", "quoted", "read_text", "reviewed_share", "shared_parser", "state",
           "text_direction", "update"]


@dataclass(frozen=True)
class SegmentText:
    """What a page shows for one segment: a text, the language it is in, and its state."""

    segment: Segment
    text: str
    language: str
    state: State  # reviewed, draft (with --drafts), or missing (the source text is shown instead)


def catalog_entries(ws: Workspace, language: str, domain: str, current: bool = False) -> dict[str, polib.POEntry]:
    """msgid → the active entry of ``language`` (empty when there is no catalog yet); ``current``
    merges the catalog with the current template in memory first, as a read-only view needs."""
    if current:
        return {e.msgid: e for e in merged(ws, language, domain) if not e.obsolete}
    catalog = ws.catalog(language, domain)
    return {e.msgid: e for e in catalog if not e.obsolete} if catalog is not None else {}


def findings(ws: Workspace, languages: tuple[str, ...]) -> dict[tuple[str, str, str], list[Finding]]:
    """(language, domain, msgid) → the quality checks' findings on that translation."""
    found: dict[tuple[str, str, str], list[Finding]] = {}
    for located in check_project(ws, languages)[0]:
        found.setdefault((located.language, located.domain, located.msgid), []).append(located.finding)
    return found


def article_texts(ws: Workspace, article: Article, language: str, drafts: bool) -> list[SegmentText]:
    """Each segment's text for ``language``: reviewed translations; drafts only when asked."""
    if language == ws.project.source_language:
        return [SegmentText(s, s.text, language, State.REVIEWED) for s in article.segments]
    entries = catalog_entries(ws, language, article.slug)
    texts = []
    for segment in article.segments:
        entry = entries.get(segment.text)
        current = state(entry)
        if entry is not None and (current == State.REVIEWED or (current != State.MISSING and drafts)):
            texts.append(SegmentText(segment, entry.msgstr, language,
                                     State.REVIEWED if current == State.REVIEWED else State.DRAFT))
        else:
            texts.append(SegmentText(segment, segment.text, ws.project.source_language, State.MISSING))
    return texts


def reviewed_share(ws: Workspace, language: str) -> Progress:
    """Progress of ``language`` over all articles (interface strings aside)."""
    total = Progress(language, "articles")
    for article in ws.articles:
        catalog = ws.catalog(language, article.slug)
        if catalog is not None:
            total.add(progress(catalog, language, article.slug))
        else:
            total.segments += len({s.text for s in article.segments})
    return total


def language_name(code: str, in_language: str, menu: bool = True) -> str:
    """CLDR's name of ``code`` in ``in_language``: capitalized as a menu item is, or as in running
    text (``французский`` in Russian, ``French`` in English)."""
    name = Locale.parse(code).get_display_name(in_language) or code
    return name[:1].upper() + name[1:] if menu else name


def text_direction(code: str) -> str:
    return "rtl" if Locale.parse(code).character_order == "right-to-left" else "ltr"
