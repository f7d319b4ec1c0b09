"""The translation memory of raw machine output, in an embedded SQLite database
(``locales/memory.sqlite``): what the units are is told in ``units``, their TMX form in ``memory_tmx``.

Each lookup is one indexed query, so a run on one article reads what that article needs, never
the whole memory; what a batch adds is written in one transaction (``save``), so a crash loses at
most the batch in flight and a re-run resumes after the last finished one.

The database keeps SQLite's rollback journal (not WAL): readers create no file, so the read-only
commands (``status``, ``check``, ``compare``, ``build``) write nothing and work on a read-only
checkout; between writes the memory is the one file, whole, safe to copy or back up (with WAL the
latest batches live in ``memory.sqlite-wal`` until a checkpoint); and WAL does not work on network
file systems. Two ``l10n translate`` runs at once take turns for each short write, waiting up to
``BUSY_SECONDS`` for the other's transaction. The schema's version is ``PRAGMA user_version``.

Migration: a project with the ``locales/memory.tmx`` of earlier versions and no database reads
that file (loaded into a database in memory, nothing written) until the first write, which
creates the database with the TMX's units in the same transaction. The TMX is left as it is (a
file under version control is not deleted behind the user's back) and is not read again once the
database exists; ``l10n memory export`` writes it anew, ``l10n memory import`` merges one.
"""

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from l10n_article.translate.errors import L10nError
from l10n_article.translate.mt.memory_tmx import read_units
from l10n_article.translate.mt.units import (DraftKey, MachineDraft, MachineSentence, MemoryUnits, Origin,
                                             SentenceKey)

DATABASE_FILE = "memory.sqlite"
LEGACY_FILE = "memory.tmx"
SCHEMA_VERSION = 1
BUSY_SECONDS = 60.0
SCHEMA = (
    "CREATE TABLE sentences (engine TEXT NOT NULL, source_language TEXT NOT NULL, target_language TEXT NOT NULL,"
    " source TEXT NOT NULL, target TEXT NOT NULL, log_prob REAL NOT NULL, tokens INTEGER NOT NULL,"
    " PRIMARY KEY (engine, source_language, target_language, source))",
    "CREATE TABLE drafts (language TEXT NOT NULL, segment TEXT NOT NULL, route TEXT NOT NULL, text TEXT NOT NULL,"
    " confidence REAL, origin_language TEXT, origin_text TEXT, PRIMARY KEY (language, segment))",
)
SENTENCE_COLUMNS = "engine, source_language, target_language, source, target, log_prob, tokens"
DRAFT_COLUMNS = "language, segment, route, text, confidence, origin_language, origin_text"


@contextmanager
def _transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """One write transaction, taking the write lock at once (so a busy database is waited for)."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _sentence_row(key: SentenceKey, output: MachineSentence) -> tuple:
    return key.engine, key.source_language, key.target_language, key.text, output.text, output.log_prob, output.tokens


def _draft_row(key: DraftKey, draft: MachineDraft) -> tuple:
    origin = (draft.origin.language, draft.origin.text) if draft.origin is not None else (None, None)
    return key.language, key.segment, draft.route, draft.text, draft.confidence, *origin


def _draft(row: tuple) -> MachineDraft:
    route, text, confidence, origin_language, origin_text = row
    return MachineDraft(route, text, confidence, Origin(origin_language, origin_text) if origin_language else None)


def _insert(connection: sqlite3.Connection, units: MemoryUnits, verb: str) -> tuple[int, int]:
    """Write ``units`` (``verb``: ``INSERT OR REPLACE`` or ``INSERT OR IGNORE``); how many
    sentence and draft rows changed."""
    before = connection.total_changes
    connection.executemany(f"{verb} INTO sentences ({SENTENCE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           [_sentence_row(key, output) for key, output in units.sentences.items()])
    middle = connection.total_changes
    connection.executemany(f"{verb} INTO drafts ({DRAFT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           [_draft_row(key, draft) for key, draft in units.drafts.items()])
    return middle - before, connection.total_changes - middle


class Memory:
    """The memory at ``path``; ``legacy`` is the TMX memory of earlier versions to migrate."""

    @classmethod
    def in_folder(cls, locales_dir: Path, source_language: str) -> "Memory":
        """The memory of a project whose catalogs are in ``locales_dir``."""
        return cls(locales_dir / DATABASE_FILE, source_language, locales_dir / LEGACY_FILE)

    def __init__(self, path: Path, source_language: str, legacy: Path | None = None):
        self.path, self.source_language, self.legacy = path, source_language, legacy
        self._connection: sqlite3.Connection | None = None
        self._on_file = False
        self._known: dict[SentenceKey, MachineSentence | None] = {}  # sentences looked up or written
        self._pending = MemoryUnits()  # written by the batch under way, until ``save``

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """SQLite's errors as one line naming the database."""
        try:
            yield
        except sqlite3.OperationalError as exc:
            if exc.sqlite_errorcode & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                raise L10nError(f"the translation memory stayed locked by another process for {BUSY_SECONDS:.0f} s; "
                                "try again when it is done", self.path) from exc
            raise L10nError(f"damaged translation memory: {exc}", self.path) from exc
        except sqlite3.DatabaseError as exc:
            raise L10nError(f"not a translation memory l10n can read (SQLite: {exc})", self.path) from exc

    def _connect(self, mode: str) -> sqlite3.Connection:
        """A connection to the database file; ``mode`` ``rw`` never creates it, ``rwc`` does."""
        return sqlite3.connect(f"{self.path.absolute().as_uri()}?mode={mode}", uri=True, timeout=BUSY_SECONDS,
                               isolation_level=None)

    def _version(self, connection: sqlite3.Connection) -> int:
        """The schema version of the database (0: not made yet); an error for another database or a
        newer schema."""
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise L10nError(f"this translation memory was written by a newer l10n (schema {version}; this one "
                            f"reads up to {SCHEMA_VERSION}): upgrade l10n", self.path)
        if version == 0 and connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise L10nError("not a translation memory of l10n: an SQLite database with other tables", self.path)
        return version

    def _existing(self) -> sqlite3.Connection | None:
        """A connection to the database file when it holds a memory (never creating it)."""
        if self.path.exists():
            connection = self._connect("rw")
            if self._version(connection):
                return connection
            connection.close()  # made by a process that has not yet created the schema
        return None

    def _legacy_units(self) -> MemoryUnits | None:
        """The units of the legacy TMX memory, when there is one."""
        return read_units(self.legacy) if self.legacy is not None and self.legacy.exists() else None

    def _reader(self) -> sqlite3.Connection | None:
        """Where reads go: the database file, else the legacy TMX loaded into a database in memory
        (nothing written), else nowhere (an empty memory)."""
        if self._connection is None:
            with self._guard():
                self._connection = self._existing()
                self._on_file = self._connection is not None
                if not self._on_file and (legacy := self._legacy_units()) is not None:
                    self._connection = sqlite3.connect(":memory:", isolation_level=None)
                    self._create(self._connection, legacy)
        return self._connection

    def _create(self, connection: sqlite3.Connection, units: MemoryUnits) -> None:
        """Make the schema and put ``units`` in, in one transaction (another process may have made
        it meanwhile: then nothing is done)."""
        with _transaction(connection):
            if self._version(connection) == 0:
                for statement in SCHEMA:
                    connection.execute(statement)
                _insert(connection, units, "INSERT OR IGNORE")
                connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _writer(self) -> sqlite3.Connection:
        """The database file, made (with the legacy TMX's units) if it is not yet."""
        if not self._on_file:
            with self._guard():
                connection = self._existing()
                if connection is None:
                    units = self._legacy_units() or MemoryUnits()  # read whole before anything is written
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                    connection = self._connect("rwc")
                    self._create(connection, units)
            self.close()
            self._connection, self._on_file = connection, True
        assert self._connection is not None
        return self._connection

    def _one(self, query: str, key: tuple) -> tuple | None:
        connection = self._reader()
        if connection is None:
            return None
        with self._guard():
            return connection.execute(query, key).fetchone()

    def get(self, engine: str, source_language: str, target_language: str, text: str) -> MachineSentence | None:
        """What package ``engine`` made of ``text``, when the memory knows it."""
        key = SentenceKey(engine, source_language, target_language, text)
        if key in self._pending.sentences:
            return self._pending.sentences[key]
        if key not in self._known:
            row = self._one("SELECT target, log_prob, tokens FROM sentences WHERE engine = ? AND source_language = ?"
                            " AND target_language = ? AND source = ?", (engine, source_language, target_language, text))
            self._known[key] = MachineSentence(*row) if row is not None else None
        return self._known[key]

    def put(self, engine: str, source_language: str, target_language: str, text: str, output: MachineSentence) -> None:
        """Remember a model's output; written with the batch, at the next ``save``."""
        self._pending.sentences[SentenceKey(engine, source_language, target_language, text)] = output

    def put_draft(self, route: str, target_language: str, segment: str, draft: str,
                  confidence: float | None = None, origin: Origin | None = None) -> None:
        """Remember a segment's machine draft; written at the next ``save``."""
        self._pending.drafts[DraftKey(target_language, segment)] = MachineDraft(route, draft, confidence, origin)

    def machine_draft(self, target_language: str, segment: str) -> MachineDraft | None:
        """The latest machine draft of ``segment`` in ``target_language``, with its confidence and origin."""
        key = DraftKey(target_language, segment)
        if key in self._pending.drafts:
            return self._pending.drafts[key]
        row = self._one("SELECT route, text, confidence, origin_language, origin_text FROM drafts"
                        " WHERE language = ? AND segment = ?", (target_language, segment))
        return _draft(row) if row is not None else None

    def draft(self, target_language: str, segment: str) -> tuple[str, str] | None:
        """(route, draft) of the latest machine draft of ``segment`` in ``target_language``."""
        machine = self.machine_draft(target_language, segment)
        return (machine.route, machine.text) if machine is not None else None

    def confidence(self, target_language: str, segment: str) -> float | None:
        """The confidence (0–1) of the latest machine draft of ``segment``; None when unknown."""
        machine = self.machine_draft(target_language, segment)
        return machine.confidence if machine is not None else None

    def save(self) -> None:
        """Write what was put since the last save, in one transaction."""
        pending = self._pending
        if pending.sentences or pending.drafts:
            connection = self._writer()
            with self._guard(), _transaction(connection):
                _insert(connection, pending, "INSERT OR REPLACE")
            self._known.update(pending.sentences)
            self._pending = MemoryUnits()

    def merge(self, units: MemoryUnits) -> tuple[int, int]:
        """Add the units the memory lacks (those it has are kept); how many sentence and draft
        units were added."""
        connection = self._writer()
        with self._guard(), _transaction(connection):
            added = _insert(connection, units, "INSERT OR IGNORE")
        self._known.clear()
        return added

    def units(self) -> MemoryUnits:
        """Everything the memory holds (for ``l10n memory export``)."""
        units, connection = MemoryUnits(), self._reader()
        if connection is not None:
            with self._guard():
                for engine, source_language, target_language, source, *output in connection.execute(
                        f"SELECT {SENTENCE_COLUMNS} FROM sentences"):
                    units.sentences[SentenceKey(engine, source_language, target_language, source)] = \
                        MachineSentence(*output)
                for language, segment, *draft in connection.execute(f"SELECT {DRAFT_COLUMNS} FROM drafts"):
                    units.drafts[DraftKey(language, segment)] = _draft(tuple(draft))
        units.sentences |= self._pending.sentences
        units.drafts |= self._pending.drafts
        return units

    def close(self) -> None:
        """Close the connection (the next use opens it again)."""
        if self._connection is not None:
            self._connection.close()
        self._connection, self._on_file = None, False
