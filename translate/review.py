"""The quality checks run over a project's catalogs, each finding placed at its file and line."""

from dataclasses import dataclass
from pathlib import Path

from .catalogs import read_catalog
from .checks import Finding, Message, run_checks
from .glossary import find_glossary, load_glossary
from .merge import is_translated
from .project import Project
from .sync import collect_domains


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


def check_project(project: Project, languages: tuple[str, ...]) -> tuple[list[Located], int]:
    """Findings on every translated entry (drafts included) of ``languages``; and how many were checked."""
    glossary = tuple(load_glossary(find_glossary(project.locales_dir)))
    found, checked = [], 0
    for domain in collect_domains(project):
        source_language = domain.msgid_language or project.source_language
        for language in languages:
            path = project.po_path(language, domain.name)
            if language not in domain.languages or language == source_language or not path.exists():
                continue
            for entry in read_catalog(path, language):
                if entry.obsolete or not is_translated(entry):
                    continue
                checked += 1
                translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
                for translation in translations:
                    message = Message(entry.msgid, translation, language, source_language, glossary)
                    for finding in run_checks(message, entry.flags):
                        found.append(Located(path, entry.linenum, language, domain.name, entry.msgid,
                                             "fuzzy" in entry.flags, finding))
    return found, checked
