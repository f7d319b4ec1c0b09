"""The quality checks run over a project's catalogs, each finding placed at its file and line."""

from dataclasses import dataclass
from pathlib import Path

import polib

from l10n_article.translate.catalog.progress import has_text
from l10n_article.translate.quality.checks import Finding, Message, run_checks
from l10n_article.translate.quality.glossary import Term
from l10n_article.translate.quality.placeholders import single_number_forms
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
    """The two languages of a catalog, and the term base to check it against."""

    source: str
    target: str
    glossary: tuple[Term, ...]


def messages(entry: polib.POEntry, languages: Languages, single: frozenset[int]) -> list[Message]:
    """What the checks see of ``entry``: its translation, or each plural form against the source
    form it translates (msgstr[0] the msgid, the others msgid_plural). ``single`` are the plural
    forms that serve a single number."""
    flags = frozenset(entry.flags)
    if not entry.msgid_plural:
        return [Message(entry.msgid, entry.msgstr, languages.target, languages.source, languages.glossary, flags)]
    return [Message(entry.msgid_plural if index else entry.msgid, text, languages.target, languages.source,
                    languages.glossary, flags, index not in single)
            for index, text in sorted(entry.msgstr_plural.items())]


def check_catalog(catalog: polib.POFile, path: Path, domain: str, languages: Languages) -> tuple[list[Located], int]:
    """Findings on every translated entry (drafts included) of one catalog; and how many were checked."""
    found, checked = [], 0
    single = single_number_forms(catalog.metadata.get("Plural-Forms", ""))
    for entry in catalog:
        if entry.obsolete or not has_text(entry):
            continue
        checked += 1
        suppressed = suppressed_checks(entry)
        for message in messages(entry, languages, single):
            found += [Located(path, entry.linenum, languages.target, domain, entry.msgid, "fuzzy" in entry.flags,
                              finding) for finding in run_checks(message, suppressed)]
    return found, checked


def check_project(ws: Workspace, languages: tuple[str, ...]) -> tuple[list[Located], int]:
    """Findings on every translated entry (drafts included) of ``languages``, and how many were
    checked; all the target languages stand for every language a catalog has (the pages' French
    interface strings too)."""
    found, checked = [], 0
    every = set(languages) == set(ws.project.languages)
    for domain in ws.domains:
        source_language = domain.msgid_language or ws.project.source_language
        for language in [code for code in domain.languages if code in languages or every]:
            catalog = ws.catalog(language, domain.name) if language in domain.languages else None
            if language == source_language or catalog is None:
                continue
            path = ws.project.po_path(language, domain.name)
            more, count = check_catalog(catalog, path, domain.name, Languages(source_language, language, ws.glossary))
            found += more
            checked += count
    return found, checked
