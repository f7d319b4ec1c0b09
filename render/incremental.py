"""What the last build published, so that the next one renders only what changed.

The record of each output folder is kept in the project's ``.l10n/`` folder (``build-<hash of the
folder's path>.json``), never in the site. For every article it keeps a key of the inputs its pages were
made from (its source file and photos, its catalogs in every language, and the inputs every page
shares: templates, interface catalogs, glossary, word lists, settings, build options and the tool's
version) with what the site-wide pages need to know of it (titles, feed entries, its rows of the
comparison dashboard). An article whose key is the same and whose files are still there as written
is not parsed and its pages are not rendered: they are carried into the new site as they are.

An article's published record (``locales/published/<slug>.tmx``) is one of its inputs, taken as
the build leaves it: pages look some of its translations up (for passages whose translation is not
reviewed), and the build then records there what the pages published. The record keeps what each
article asked it and what it answered; a build that changes one of those answers renders that
article again next time, and a record changed by anything else than a build renders its article.
"""

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from l10n_article.render.context import PUBLISHED_DIR, Workspace, __version__, digest, file_digest

TEMPLATES = Path(__file__).parent / "templates"
_OWN_FILES = ("published.tmx", "memory.tmx", "memory.sqlite", "memory.sqlite-wal", "memory.sqlite-shm")


def maybe_digest(path: Path) -> str:
    """The digest of the file ``path``, or "-" when there is none."""
    return file_digest(path) if path.is_file() else "-"


@dataclass
class ArticleRecord:
    """One article as the last build published it (every field is plain JSON)."""

    key: str
    files: dict[str, list[int]] = field(default_factory=dict)  # site file → [size, mtime_ns] as written
    photos: list[str] = field(default_factory=list)  # project-relative photo files the pages show
    languages: list[str] = field(default_factory=list)  # the languages the article is published in
    skipped: list[list] = field(default_factory=list)  # [language, page, percent reviewed] below --min-reviewed
    titles: dict[str, dict] = field(default_factory=dict)  # language → its entry in that language's index
    feeds: dict[str, dict] = field(default_factory=dict)  # language → its entry in that language's feed
    modified: str | None = None  # the ``updated`` or ``date`` of its front matter (ISO), for the sitemap
    dashboard: list[str] = field(default_factory=list)  # its rows of the comparison dashboard (HTML)
    stand_ins: list[list[str]] = field(default_factory=list)  # [language, text, kept source, kept translation]
    # What the pages asked the article's published record:
    # [language, source, previous, answer's source, answer's translation]
    lookups: list[list] = field(default_factory=list)

    def intact(self, out: Path) -> bool:
        """Whether every file of the article is still in ``out`` as the build wrote it."""
        for name, (size, mtime) in self.files.items():
            try:
                found = os.stat(os.path.join(out, name))
            except OSError:
                return False
            if (found.st_size, found.st_mtime_ns) != (size, mtime):
                return False
        return True


@dataclass
class BuildRecord:
    """The record of one output folder."""

    shared: str = ""  # the key of the inputs every page shares
    articles: dict[str, ArticleRecord] = field(default_factory=dict)  # slug → record
    site: dict[str, list[int]] = field(default_factory=dict)  # the site-wide files → [size, mtime_ns]

    def site_intact(self, out: Path) -> bool:
        """Whether the site-wide files are still in ``out`` as the build wrote them."""
        return bool(self.site) and ArticleRecord("", self.site).intact(out)

    @classmethod
    def load(cls, path: Path) -> "BuildRecord":
        """The record in ``path``; an empty one (everything is rendered) when it is missing, damaged
        or from another version of the tool."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") != __version__:
                return cls()
            articles = {slug: ArticleRecord(**record) for slug, record in data["articles"].items()}
            return cls(data["shared"], articles, data["site"])
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return cls()

    def text(self) -> str:
        articles = {slug: vars(record) for slug, record in sorted(self.articles.items())}  # fields are JSON
        return json.dumps(dict(version=__version__, shared=self.shared, articles=articles, site=self.site),
                          ensure_ascii=False, sort_keys=True) + "\n"


def record_path(ws: Workspace, out: Path) -> Path:
    """Where the record of the output folder ``out`` is kept."""
    return ws.project.root / ".l10n" / f"build-{digest(os.path.realpath(out))[:16]}.json"


def shared_key(ws: Workspace, options: dict) -> str:
    """The key of what every page is made from besides its own article: the tool (its version and
    templates), the settings, the build's options, and every file of the locales folder that is not
    an article's catalog, template or published record, or the machine translation memory."""
    project = ws.project
    own = {str(project.po_path(code, d.name)) for d in ws.extra for code in d.languages}
    parts = [__version__, json.dumps(options, sort_keys=True), maybe_digest(project.root / "pyproject.toml")]
    parts += [f"{p.name}:{file_digest(p)}" for p in sorted(TEMPLATES.iterdir()) if p.is_file()]
    for folder, folders, names in os.walk(project.locales_dir):  # thousands of catalogs: no Path for each
        folders[:] = sorted(name for name in folders if Path(folder, name) != project.locales_dir / PUBLISHED_DIR)
        for name in sorted(names):
            path = os.path.join(folder, name)
            if name in _OWN_FILES or name.endswith(".pot"):
                continue
            if name.endswith(".po") and os.path.basename(folder) == "LC_MESSAGES" and path not in own:
                continue
            if not os.path.isfile(path):
                continue
            parts.append(f"{project.relative(Path(path))}:{file_digest(Path(path))}")
    return digest(*parts)


def article_key(ws: Workspace, shared: str, path: Path, slug: str, photos: list[str]) -> str:
    """The key of one article's pages but for its published record (see ``with_record``): the shared
    key, its source (bytes and time: a feed dates an article without a date by its file), its
    catalogs and the photos it showed last time."""
    project = ws.project
    parts = [shared, project.relative(path), file_digest(path), str(path.stat().st_mtime_ns)]
    parts += [f"{code}:{maybe_digest(project.po_path(code, slug))}" for code in project.languages]
    parts += [f"{photo}:{maybe_digest(project.root / photo)}" for photo in photos]
    return digest(*parts)


def with_record(key: str, record: str) -> str:
    """An article's whole key: the key of its other inputs (``article_key``) and the digest of its
    published record ("-" when it has none)."""
    return digest(key, record)


def stamp(path: Path | str) -> list[int]:
    """What tells a written file from another: its size and modification time."""
    found = os.stat(path)
    return [found.st_size, found.st_mtime_ns]
