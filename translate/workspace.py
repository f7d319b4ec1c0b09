"""What one command works on, each part read once: articles, catalog domains, templates, catalogs,
the translation memory and the term base.

A command makes one ``Workspace`` and passes it along: every reader asks it rather than the disk,
so a build parses each article once and reads each catalog once; a writer tells it what it wrote.
"""

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import polib

from l10n_article.translate.catalog.pofile import new_template, read_catalog
from l10n_article.translate.errors import L10nError
from l10n_article.translate.mt.memory import Memory
from l10n_article.translate.project import Project
from l10n_article.translate.quality.glossary import Term, find_glossary, load_glossary
from l10n_article.translate.source.article import Article, parse_article


@dataclass
class Domain:
    """One catalog domain: its template entries and the languages it is translated into."""

    name: str
    description: str
    entries: list[polib.POEntry]
    languages: tuple[str, ...]
    msgid_language: str | None = None  # the language of the msgids, when not the source language


DomainSource = Callable[[Project], Domain]


def article_entries(project: Project, article: Article) -> list[polib.POEntry]:
    """One template entry per block, referencing ``source/<file>:<line>`` and naming the block's kind."""
    where = project.relative(article.path)
    return [polib.POEntry(msgid=s.text, msgstr="", occurrences=[(where, str(s.line))], comment=s.kind)
            for s in article.segments]


class _Templates(Mapping[str, polib.POFile]):
    """Each domain's template as extraction makes it now, made the first time it is asked for."""

    def __init__(self, ws: "Workspace"):
        self.ws = ws
        self.made: dict[str, polib.POFile] = {}

    def __getitem__(self, name: str) -> polib.POFile:
        if name not in self.made:
            domain = self.ws.domain(name)
            self.made[name] = new_template(domain.name, domain.entries, domain.description)
        return self.made[name]

    def __iter__(self) -> Iterator[str]:
        return iter([d.name for d in self.ws.domains])

    def __len__(self) -> int:
        return len(self.ws.domains)


class Workspace:
    """A project as one command sees it. ``extra_domains`` adds catalogs that are not articles (the
    pages' interface strings, which ``render`` provides).

    Articles are parsed when first asked for: a command that knows, from its own record, which
    file holds which slug (``locate``) parses only the articles it works on.
    """

    def __init__(self, project: Project, extra_domains: Sequence[DomainSource] = ()):
        self.project = project
        self.extra_domains = tuple(extra_domains)
        self._catalogs: dict[Path, polib.POFile | None] = {}
        self._parsed: dict[Path, Article] = {}
        self._located: dict[str, Path] = {}
        self._slugs: dict[Path, str] = {}
        self.templates: Mapping[str, polib.POFile] = _Templates(self)

    def article_at(self, path: Path) -> Article:
        """The article in the source file ``path``, parsed once."""
        if path not in self._parsed:
            self._parsed[path] = parse_article(path, self.project.source_language)
        return self._parsed[path]

    def locate(self, slug: str, path: Path) -> None:
        """Say that the article ``slug`` is in ``path`` (as a command's record of the last run knows)."""
        self._located[slug] = path
        self._slugs[path] = slug

    def slug_of(self, path: Path) -> str:
        """The slug of the article in ``path``: as ``locate`` said, else parsed."""
        found = self._slugs.get(path)
        return found if found is not None and path not in self._parsed else self.article_at(path).slug

    @cached_property
    def articles(self) -> list[Article]:
        articles = [self.article_at(path) for path in self.project.sources()]
        seen: dict[str, Path] = {}
        for article in articles:
            if article.slug in seen:
                raise L10nError(f"slug {article.slug!r} is already used by {seen[article.slug]}", article.path, 1)
            seen[article.slug] = article.path
        return articles

    def article_domain(self, article: Article) -> Domain:
        """The catalog domain of one article."""
        return Domain(article.slug, f"the article {self.project.relative(article.path)}",
                      article_entries(self.project, article), self.project.languages)

    @cached_property
    def extra(self) -> list[Domain]:
        """The domains that are not articles."""
        return [make(self.project) for make in self.extra_domains]

    @cached_property
    def domains(self) -> list[Domain]:
        """The article domains (one per slug), then the extra ones."""
        domains = [self.article_domain(a) for a in self.articles] + self.extra
        names = [d.name for d in domains]
        for name in names:
            if names.count(name) > 1:
                raise L10nError(f"two catalogs would be named {name!r}: rename one of the articles' slugs",
                                self.project.source_dir)
        return domains

    def domain(self, name: str) -> Domain:
        """The domain ``name``; an article ``locate`` named is parsed alone."""
        if "domains" not in self.__dict__:
            extra = next((d for d in self.extra if d.name == name), None)
            if extra is not None:
                return extra
            if name in self._located:
                article = self.article_at(self._located[name])
                if article.slug == name:
                    return self.article_domain(article)
        return next(d for d in self.domains if d.name == name)

    def catalog(self, language: str, domain: str) -> polib.POFile | None:
        """The catalog of ``language`` for ``domain`` as it is on disk (None when there is none)."""
        path = self.project.po_path(language, domain)
        if path not in self._catalogs:
            self._catalogs[path] = read_catalog(path, language) if path.exists() else None
        return self._catalogs[path]

    def forget(self, domain: str) -> None:
        """Let go of the catalogs of ``domain`` (and of its article): a command done with them
        keeps its memory for the next ones."""
        for language in self.project.languages:
            self._catalogs.pop(self.project.po_path(language, domain), None)
        if "articles" not in self.__dict__:
            for path in [path for path, article in self._parsed.items() if article.slug == domain]:
                del self._parsed[path]

    def remember(self, language: str, domain: str, catalog: polib.POFile) -> None:
        """What a writer just wrote, so that later readers of this command see it."""
        self._catalogs[self.project.po_path(language, domain)] = catalog

    @cached_property
    def memory(self) -> Memory:
        """The translation memory of machine output, kept in the locales folder."""
        return Memory.in_folder(self.project.locales_dir, self.project.source_language)

    @cached_property
    def glossary(self) -> tuple[Term, ...]:
        return tuple(load_glossary(find_glossary(self.project.locales_dir)))
