"""What the pages need from the catalogs: the only module of ``render`` that reads ``translate``."""

from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum

import polib
from babel import Locale

from l10n_article.translate import __version__
from l10n_article.translate.catalog.pofile import header_line
from l10n_article.translate.catalog.changes import SourceChange, classify_change
from l10n_article.translate.catalog.progress import State, publishable, state
from l10n_article.translate.catalog.state import digest, file_digest
from l10n_article.translate.catalog.published import PublishedMemory, PublishedUnit, now
from l10n_article.translate.catalog.records import (SHARED_FILE, PublishedRecords, published_records,
                                                     split_shared_record)
from l10n_article.translate.catalog.update import merged, update
from l10n_article.translate.errors import L10nError
from l10n_article.translate.files import _exchange as exchange
from l10n_article.translate.files import USER_CACHE, read_text, write_text_atomic
from l10n_article.translate.mt.drafts import MACHINE_COMMENT
from l10n_article.translate.project import PUBLISHED_DIR, Project
from l10n_article.translate.quality.checks import Finding
from l10n_article.translate.quality.findings import check_project
from l10n_article.translate.quality.typography import fix_typography
from l10n_article.translate.source.article import NO_TOKEN, Article, Metadata, Segment, quoted
from l10n_article.translate.source.inline import plain_text, split_runs
from l10n_article.translate.source.translit import TRANSLITERATIONS
from l10n_article.translate.source.markdown import markdown_parser, shared_parser
from l10n_article.translate.workspace import Domain, Workspace

UI_DOMAIN = "ui"

__all__ = ["MACHINE_COMMENT", "NO_TOKEN", "PUBLISHED_DIR", "SHARED_FILE", "Article", "Metadata", "Domain", "Finding",
           "L10nError", "Project", "PublishedMemory", "PublishedRecords", "PublishedUnit", "SegmentText", "Shown", "SourceChange", "Sources",
           "State", "UI_DOMAIN", "Workspace", "article_texts", "catalog_entries", "classify_change", "exchange",
           "findings", "header_line", "language_name", "markdown_parser", "now", "plain_text", "published_records",
           "quoted", "read_text", "reviewed_percent", "shared_parser", "split_shared_record", "state",
           "text_direction", "transliterated", "update", "script_of", "cldr_locale", "converted", "typeset", "digest",
           "file_digest", "__version__", "write_text_atomic", "USER_CACHE"]


class Shown(StrEnum):
    """What a page shows for a segment."""

    REVIEWED = "reviewed"  # a reviewed translation: of this very text, or of one edited only cosmetically since
    UPDATING = "updating"  # the last reviewed translation, noted as being updated (a material change)
    WITHHELD = "withheld"  # nothing: the source changed materially and the project withholds the passage
    DRAFT = "draft"  # an unreviewed translation (with --drafts)
    MISSING = "missing"  # the source text, marked as not translated yet


@dataclass(frozen=True)
class SegmentText:
    """What a page shows for one segment: a text, the language it is in, and its state; ``kept`` is
    the published translation of an earlier source text it shows (None for the current one's)."""

    segment: Segment
    text: str
    language: str
    state: Shown
    kept: PublishedUnit | None = None


@dataclass(frozen=True)
class Sources:
    """What the pages of one language are made from, besides the catalogs."""

    published: PublishedRecords  # of every article, read when first asked for
    drafts: bool = False
    requirement: str = "reviewed"  # what may be published: "reviewed" or "approved" translations


def catalog_entries(ws: Workspace, language: str, domain: str, current: bool = False) -> dict[str, polib.POEntry]:
    """msgid → the active entry of ``language`` (empty when there is no catalog yet); ``current``
    merges the catalog with the current template in memory first, as a read-only view needs."""
    if current:
        return {e.msgid: e for e in merged(ws, language, domain) if not e.obsolete}
    catalog = ws.catalog(language, domain)
    return {e.msgid: e for e in catalog if not e.obsolete} if catalog is not None else {}


def findings(ws: Workspace, languages: tuple[str, ...],
             domains: list[str] | None = None) -> dict[tuple[str, str, str], list[Finding]]:
    """(language, domain, msgid) → the quality checks' findings on that translation (in the
    catalogs of ``domains``, by default every one)."""
    found: dict[tuple[str, str, str], list[Finding]] = {}
    for located in check_project(ws, languages, domains=domains)[0]:
        found.setdefault((located.language, located.domain, located.msgid), []).append(located.finding)
    return found


_ON_MATERIAL_CHANGE = {"note": Shown.UPDATING, "withhold": Shown.WITHHELD, "source": Shown.MISSING}


def _kept_text(ws: Workspace, segment: Segment, kept: PublishedUnit) -> SegmentText:
    """The page's text for ``segment`` from the last reviewed translation of an earlier source."""
    if kept.source != segment.text:
        change = classify_change(kept.source, segment.text, ws.project.source_language, ws.glossary)
        if change.material:
            shown = _ON_MATERIAL_CHANGE[ws.project.on_material_change]
            if shown == Shown.WITHHELD and segment.kind == "title":
                shown = Shown.UPDATING  # a page is never without its title
            if shown == Shown.MISSING:
                return SegmentText(segment, segment.text, ws.project.source_language, shown, kept)
            return SegmentText(segment, kept.translation, kept.language, shown, kept)
    return SegmentText(segment, kept.translation, kept.language, Shown.REVIEWED, kept)


def segment_text(ws: Workspace, segment: Segment, entry: polib.POEntry | None, language: str,
                 sources: Sources, published: PublishedMemory) -> SegmentText:
    """What the page of ``language`` shows for ``segment``, whose catalog entry is ``entry``: its
    reviewed translation; else (with drafts) its draft; else the last published reviewed translation
    of the segment's earlier source text (in its article's record, ``published``), as the project's
    policy on material changes says; else the source text."""
    current = state(entry)
    if entry is not None and publishable(entry, sources.requirement):
        return SegmentText(segment, entry.msgstr, language, Shown.REVIEWED)
    if entry is not None and current != State.MISSING and sources.drafts:
        return SegmentText(segment, entry.msgstr, language, Shown.DRAFT)
    kept = published.last_reviewed(language, segment.text, entry.previous_msgid if entry else None)
    if kept is not None:
        return _kept_text(ws, segment, kept)
    return SegmentText(segment, segment.text, ws.project.source_language, Shown.MISSING)


def article_texts(ws: Workspace, article: Article, language: str, sources: Sources) -> list[SegmentText]:
    """Each segment's text on the page of ``language`` (see ``segment_text``)."""
    if language == ws.project.source_language:
        return [SegmentText(s, s.text, language, Shown.REVIEWED) for s in article.segments]
    entries = catalog_entries(ws, language, article.slug)
    published = sources.published.of(article.slug)
    return [segment_text(ws, segment, entries.get(segment.text), language, sources, published)
            for segment in article.segments]


TYPESET = ("fr",)  # languages whose no-break spaces the pages add (French: before : ; ! ? and inside « »)


def typeset(text: SegmentText) -> str:
    """The text as a page shows it: in French, with the no-break spaces French typography wants, so
    that a guillemet or a colon never starts a line (the typography check's own rules)."""
    return fix_typography(text.text, text.language) if text.language in TYPESET else text.text


def reviewed_percent(texts: list[SegmentText]) -> float:
    """The share of an article's distinct passages its page shows as reviewed translations."""
    passages = {t.segment.text for t in texts}
    reviewed = {t.segment.text for t in texts if t.state == Shown.REVIEWED}
    return round(100 * len(reviewed) / len(passages), 1) if passages else 100.0


def cldr_locale(code: str) -> str:
    """The CLDR locale of a page language: itself, or the language a script edition is made from
    (``kk`` for ``kk-Latn``)."""
    edition = TRANSLITERATIONS.get(code)
    return edition.base if edition else code


def script_of(code: str) -> Callable[[str], str]:
    """How text in the CLDR locale of ``code`` is written on its pages: as it is, or transliterated."""
    edition = TRANSLITERATIONS.get(code)
    return edition.convert if edition else str


def converted(text: str, convert: Callable[[str], str], references: dict | None = None) -> str:
    """Inline Markdown ``text`` with ``convert`` applied to its words only, never to link targets,
    code spans or markup."""
    return "".join(convert(run.text) if run.translatable else run.text for run in split_runs(text, references))


def transliterated(texts: list[SegmentText], code: str, references: dict) -> list[SegmentText]:
    """The texts of a script edition ``code`` (``kk-Latn``) from those of its base language: each
    text in the base language converted, the others (the source's fallbacks) as they are."""
    edition = TRANSLITERATIONS[code]
    return [replace(t, text=converted(t.text, edition.convert, references), language=code)
            if t.language == edition.base else t for t in texts]


def language_name(code: str, in_language: str, menu: bool = True) -> str:
    """CLDR's name of ``code`` in ``in_language``: capitalized as a menu item is, or as in running
    text (``французский`` in Russian, ``French`` in English); in the script of a script edition."""
    name = Locale.parse(cldr_locale(code)).get_display_name(cldr_locale(in_language)) or code
    name = script_of(in_language)(name)
    return name[:1].upper() + name[1:] if menu else name


def text_direction(code: str) -> str:
    return "rtl" if Locale.parse(cldr_locale(code)).character_order == "right-to-left" else "ltr"
