"""What the last run wrote, so that a run which finds nothing changed does nothing.

Each template and catalog the tool writes is recorded in ``.l10n/state.json`` (beside
pyproject.toml) with a key of the inputs it was made from and a hash of its bytes. When the inputs
have the same key and the file still holds those bytes, the file is what the tool would write
again: it is neither parsed, merged nor re-formatted. The record is only a cache: without it, or
with a stale one, everything is computed again.
"""

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import polib

from l10n_article.translate import __version__
from l10n_article.translate.files import write_text_atomic

STATE_FILE = Path(".l10n") / "state.json"


def digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def template_key(name: str, description: str, entries: list[polib.POEntry]) -> str:
    """What a template is made of: its entries as extracted, and the tool's version."""
    fields = [(e.msgctxt, e.msgid, e.msgid_plural, e.comment, e.occurrences, e.flags) for e in entries]
    return digest(__version__, name, description, json.dumps(fields, ensure_ascii=False))


def catalog_key(template: str, language: str) -> str:
    """What a catalog update is made of: its template's key and the language."""
    return digest(template, language)


_DIGESTS: dict[tuple, str] = {}  # (path, device, inode, size, mtime, ctime) → digest


def file_digest(path: Path) -> str:
    """The SHA-256 of the file's bytes. A file is read again only when its status changed: a new
    inode, size, modification or change time (the change time moves with every write and cannot be
    set back), as git's index tells a changed file; the record keeps these between commands."""
    found = os.stat(path)
    key = (str(path), found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns)
    if key not in _DIGESTS:
        _DIGESTS[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return _DIGESTS[key]


def _section(data: object, name: str) -> dict:
    """A section of the record, empty when the record is missing, damaged or from another version."""
    if not isinstance(data, dict) or data.get("version") != __version__:
        return {}
    section = data.get(name)
    return section if isinstance(section, dict) else {}


@dataclass
class RunState:
    path: Path
    files: dict[str, dict[str, str]] = field(default_factory=dict)  # file → {"inputs", "output"}
    sources: dict[str, dict[str, str]] = field(default_factory=dict)  # source → {"bytes", "slug", "template"}
    digests: dict | None = None  # the record's digests as last read or written (None: there was no record)
    changed: bool = False  # whether this run recorded anything since

    def __post_init__(self) -> None:
        self._root = str(self.path.parent.parent)  # the project's root
        self._prefix = "" if self._root == "." else self._root + os.sep

    @classmethod
    def load(cls, root: Path) -> "RunState":
        path = root / STATE_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = None  # no record yet, or an unreadable one: everything is computed again
        digests = _section(data, "digests")
        for name, entry in digests.items():
            if isinstance(entry, list) and len(entry) == 6 and all(isinstance(n, int) for n in entry[:5]):
                _DIGESTS[(name, *entry[:5])] = str(entry[5])
        return cls(path, _section(data, "files"), _section(data, "sources"), digests if data else None)

    def source(self, path: Path) -> tuple[str, str] | None:
        """The slug and template key of the article in ``path``, if it holds the bytes they were made from."""
        record = self.sources.get(self._name(path))
        try:
            if not isinstance(record, dict) or record.get("bytes") != file_digest(path):
                return None
        except OSError:
            return None  # the parser says what is wrong with the file
        return record.get("slug", ""), record.get("template", "")

    def record_source(self, path: Path, slug: str, template: str) -> None:
        self.sources[self._name(path)] = {"bytes": file_digest(path), "slug": slug, "template": template}
        self.changed = True

    def fresh(self, path: Path, inputs: str) -> bool:
        """Whether ``path`` holds what the tool last wrote there from ``inputs``."""
        record = self.files.get(self._name(path))
        if not record or record.get("inputs") != inputs or not path.exists():
            return False
        return record.get("output") == file_digest(path)

    def record(self, path: Path, inputs: str) -> None:
        """``path`` now holds what the tool makes from ``inputs``."""
        self.files[self._name(path)] = {"inputs": inputs, "output": file_digest(path)}
        self.changed = True

    def _name(self, path: Path | str) -> str:
        """``path`` relative to the project (a prefix cut for the paths under it, which is all of
        them in practice: ``os.path.relpath`` costs a quarter of a second for 5,000 files)."""
        text, prefix = str(path), self._prefix
        inner = text[len(prefix):]
        if text.startswith(prefix) and not os.path.isabs(inner) and ".." not in inner.split(os.sep):
            return inner.replace(os.sep, "/")
        return Path(os.path.relpath(path, self._root)).as_posix()

    def save(self) -> None:
        """Write the record, unless this run neither recorded nor hashed anything new in the project."""
        digests = {key[0]: [*key[1:], digest] for key, digest in _DIGESTS.items()
                   if not self._name(key[0]).startswith("../")}
        if not self.changed and digests == self.digests and self.path.exists():
            return
        record = {"version": __version__, "files": self.files, "sources": self.sources, "digests": digests}
        write_text_atomic(self.path, json.dumps(record, sort_keys=True) + "\n")  # one line: C's encoder
        self.digests, self.changed = digests, False
