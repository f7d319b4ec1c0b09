"""Extract and update: bring every template (POT) and translator's catalog (PO) up to date.

Everything is read and checked before anything is written, so a bad source or a damaged PO
file stops the run with no file changed.
"""

from dataclasses import dataclass, field
from pathlib import Path

import polib

from .catalogs import new_template, read_catalog, write_catalog, write_template
from .errors import L10nError
from .merge import merge
from .plugins import load_plugins
from .project import Project
from .segments import Article, parse_article
from .stats import Progress, progress


@dataclass
class Domain:
    """One catalog domain: its template entries and the languages it is translated into."""

    name: str
    description: str
    entries: list[polib.POEntry]
    languages: tuple[str, ...]
    msgid_language: str | None = None  # the language of the msgids, when not the source language


@dataclass
class SyncReport:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)

    def record(self, path: Path, changed: bool) -> None:
        (self.written if changed else self.unchanged).append(path)


def article_entries(project: Project, article: Article) -> list[polib.POEntry]:
    """One entry per block, referencing ``source/<file>:<line>`` and naming the block's kind."""
    where = project.relative(article.path)
    return [polib.POEntry(msgid=s.text, msgstr="", occurrences=[(where, str(s.line))], comment=s.kind)
            for s in article.segments]


def load_articles(project: Project) -> list[Article]:
    articles = [parse_article(path, project.source_language) for path in project.sources()]
    seen: dict[str, Path] = {}
    for article in articles:
        if article.slug in seen:
            raise L10nError(f"slug {article.slug!r} is already used by {seen[article.slug]}", article.path, 1)
        seen[article.slug] = article.path
    return articles


def collect_domains(project: Project) -> list[Domain]:
    """The article domains (one per slug) and the domains plugins add (page interface strings)."""
    domains = [Domain(a.slug, f"the article {project.relative(a.path)}", article_entries(project, a),
                      project.languages) for a in load_articles(project)]
    for plugin in load_plugins():
        domains += plugin.domains(project)
    names = [d.name for d in domains]
    for name in names:
        if names.count(name) > 1:
            raise L10nError(f"two catalogs would be named {name!r}: rename one of the articles' slugs",
                            project.source_dir)
    return domains


def _write_templates(project: Project, domains: list[Domain]) -> tuple[list[polib.POFile], SyncReport]:
    report = SyncReport()
    templates = []
    for domain in domains:
        path = project.pot_path(domain.name)
        template = new_template(domain.name, domain.entries, domain.description)
        report.record(path, write_template(template, path))
        templates.append(template)
    return templates, report


def extract(project: Project) -> SyncReport:
    """Write ``locales/<domain>.pot`` for every domain; a second run changes no byte."""
    return _write_templates(project, collect_domains(project))[1]


def update(project: Project) -> SyncReport:
    """Extract, then merge each template into every language's catalog, as msgmerge would."""
    domains = collect_domains(project)
    old = {}
    for domain in domains:
        for language in domain.languages:
            path = project.po_path(language, domain.name)
            old[path] = read_catalog(path, language) if path.exists() else None
    templates, report = _write_templates(project, domains)
    for domain, template in zip(domains, templates):
        for language in domain.languages:
            path = project.po_path(language, domain.name)
            report.record(path, write_catalog(merge(template, old[path], language), path))
    return report


def status(project: Project, languages: tuple[str, ...]) -> list[Progress]:
    """Progress of every catalog of ``languages``, read as the files are now (nothing is written)."""
    rows = []
    for template in sorted(project.locales_dir.glob("*.pot")):
        for language in languages:
            path = project.po_path(language, template.stem)
            if path.exists():
                rows.append(progress(read_catalog(path, language), language, template.stem))
    return rows
