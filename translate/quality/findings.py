"""The quality checks run over a project's catalogs, each finding placed at its file and line."""

from dataclasses import dataclass, field
from pathlib import Path

import polib

from l10n_article.translate.catalog.progress import State, has_text, state
from l10n_article.translate.quality.checks import Finding, Message, run_checks
from l10n_article.translate.quality.consistency import Translated, check_consistency
from l10n_article.translate.quality.glossary import Term
from l10n_article.translate.quality.limits import length_settings, max_length
from l10n_article.translate.quality.placeholders import single_number_forms
from l10n_article.translate.quality.spelling import project_words
from l10n_article.translate.quality.suppressions import suppressed_checks
from l10n_article.translate.workspace import Workspace


@dataclass(frozen=True)
class Located:
    """A finding at its place: the catalog, the entry's first line, its language and domain."""

    path: Path
    line: int
    language: str
    domain: str
    msgid: str
    draft: bool
    finding: Finding

    def __str__(self) -> str:
        state = " (draft)" if self.draft else ""
        return (f"{self.path}:{self.line}: {self.language}: {self.finding.check}: "
                f"{self.finding.message}{state}")


@dataclass(frozen=True)
class Languages:
    """The two languages of a catalog, the term base to check it against, the project's own words
    for the target language, and the length limits per block kind."""

    source: str
    target: str
    glossary: tuple[Term, ...]
    words: frozenset[str] = frozenset()
    limits: dict[str, int] = field(default_factory=dict)


def messages(entry: polib.POEntry, languages: Languages, single: frozenset[int]) -> list[Message]:
    """What the checks see of ``entry``: its translation, or each plural form against the source
    form it translates (msgstr[0] the msgid, the others msgid_plural). ``single`` are the plural
    forms that serve a single number."""
    flags, limit = frozenset(entry.flags), max_length(entry, languages.limits)
    forms = sorted(entry.msgstr_plural.items()) if entry.msgid_plural else [(0, entry.msgstr)]
    return [Message(entry.msgid_plural if index else entry.msgid, text, languages.target, languages.source,
                    languages.glossary, flags, not entry.msgid_plural or index not in single, languages.words, limit)
            for index, text in forms]


def checked_entries(catalog: polib.POFile, published: bool = False) -> list[polib.POEntry]:
    """The entries the checks look at: every translated one (drafts included), or with
    ``published`` only those ``l10n build`` publishes (reviewed)."""
    return [entry for entry in catalog if not entry.obsolete and has_text(entry)
            and (not published or state(entry) == State.REVIEWED)]


def check_catalog(catalog: polib.POFile, path: Path, domain: str, languages: Languages,
                  published: bool = False) -> tuple[list[Located], int]:
    """Findings on the checked entries of one catalog (see ``checked_entries``); and how many were
    checked."""
    found = []
    single = single_number_forms(catalog.metadata.get("Plural-Forms", ""))
    entries = checked_entries(catalog, published)
    for entry in entries:
        suppressed = suppressed_checks(entry)
        findings = [finding for message in messages(entry, languages, single)
                    for finding in run_checks(message, suppressed)]
        found += [Located(path, entry.linenum, languages.target, domain, entry.msgid, "fuzzy" in entry.flags,
                          finding) for finding in dict.fromkeys(findings)]
    return found, len(entries)


def _translated(catalog: polib.POFile, path: Path, language: str, domain: str, published: bool) -> list[Translated]:
    return [Translated(path, entry.linenum, language, domain, entry.msgid, entry.msgstr, "fuzzy" in entry.flags,
                       suppressed_checks(entry))
            for entry in checked_entries(catalog, published) if not entry.msgid_plural]


def _project_findings(entries: list[Translated]) -> list[Located]:
    return [Located(found.entry.path, found.entry.line, found.entry.language, found.entry.domain,
                    found.entry.msgid, found.entry.draft,
                    Finding(found.check.name, found.check.severity_in(found.entry.language), found.message))
            for found in check_consistency(entries)]


def check_project(ws: Workspace, languages: tuple[str, ...], published: bool = False,
                  domains: list[str] | None = None) -> tuple[list[Located], int]:
    """Findings on every translated entry (drafts included; with ``published``, only what
    ``l10n build`` publishes) of ``languages`` in the catalogs of ``domains`` (by default every
    one), and how many were checked; all the target languages stand for every language a catalog
    has (the pages' French interface strings too)."""
    found, checked, translated = [], 0, []
    limits = length_settings(ws.project.root)
    for domain in ws.domains if domains is None else [ws.domain(name) for name in domains]:
        source_language = domain.msgid_language or ws.project.source_language
        for language in catalog_languages(ws, domain.name, languages):
            catalog = ws.catalog(language, domain.name)
            if language == source_language or catalog is None:
                continue
            path = ws.project.po_path(language, domain.name)
            words = project_words(ws.project.locales_dir, language)
            more, count = check_catalog(catalog, path, domain.name,
                                        Languages(source_language, language, ws.glossary, words, limits), published)
            found += more
            checked += count
            translated += _translated(catalog, path, language, domain.name, published)
    return found + _project_findings(translated), checked


def catalog_languages(ws: Workspace, domain: str, languages: tuple[str, ...]) -> list[str]:
    """The languages of ``domain``'s catalogs among ``languages``; all the target languages stand
    for every language the domain has (the pages' French interface strings too)."""
    every = set(languages) == set(ws.project.languages)
    return [code for code in ws.domain(domain).languages if code in languages or every]
