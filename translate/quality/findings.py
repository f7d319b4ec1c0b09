"""The quality checks run over a project's catalogs, each finding placed at its file and line."""

from dataclasses import dataclass
from pathlib import Path

from l10n_article.translate.quality.checks import Finding, Message, run_checks
from l10n_article.translate.catalog.progress import has_text
from l10n_article.translate.workspace import Workspace


@dataclass(frozen=True)
class Located:
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


def check_project(ws: Workspace, languages: tuple[str, ...]) -> tuple[list[Located], int]:
    """Findings on every translated entry (drafts included) of ``languages``; and how many were checked."""
    found, checked = [], 0
    for domain in ws.domains:
        source_language = domain.msgid_language or ws.project.source_language
        for language in languages:
            catalog = ws.catalog(language, domain.name) if language in domain.languages else None
            if language == source_language or catalog is None:
                continue
            path = ws.project.po_path(language, domain.name)
            for entry in catalog:
                if entry.obsolete or not has_text(entry):
                    continue
                checked += 1
                translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
                for translation in translations:
                    message = Message(entry.msgid, translation, language, source_language, ws.glossary)
                    for finding in run_checks(message, entry.flags):
                        found.append(Located(path, entry.linenum, language, domain.name, entry.msgid,
                                             "fuzzy" in entry.flags, finding))
    return found, checked
