"""Opening a journal, a file or a server database: checks, pragmas, migrations, backups. The one
place that opens a journal's database."""

from __future__ import annotations

import sqlite3
import weakref
from dataclasses import dataclass
from pathlib import Path

from peewee import Database, SqliteDatabase

from . import applied_writes, authorship, dialect, migrations, private, server, sqlite_file
from .errors import JournalError
from .models import database
from .sqlite_file import inspect_file as inspect_file

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "full",
    "busy_timeout": 5000,
    "cache_size": -16000,
}
# Every transaction takes the write lock as it begins: a transaction that read first and then
# found another writer would fail at once (SQLITE_BUSY, no waiting) in WAL mode.
LOCK_TYPE = "IMMEDIATE"


@dataclass
class Journal:
    """An open journal: its file (or server URL) and the peewee database everything else uses.

    A server journal's `path` is where its local side files go (backups), never a database.
    """

    path: Path
    db: Database
    migrated_from: int | None = None
    backup_path: Path | None = None
    url: str | None = None

    @property
    def is_server(self) -> bool:
        return self.url is not None

    @property
    def location(self) -> str:
        """Where the journal is, as a person reads it: its path, or its URL without a password."""
        return server.redacted(self.url) if self.url else str(self.path)

    @property
    def passphrase(self) -> str | None:
        """What the journal was opened with (None for a plain journal)."""
        return sqlite_file.passphrase_of(self.db)

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_current: Journal | None = None


def open_journal(
    path: str | Path, passphrase: str | None = None, *, password: str | None = None
) -> Journal:
    """Open (or create) the journal at `path`, migrating it to this version of Rapport.

    An encrypted journal needs its `passphrase` (crypto.PassphraseNeeded, crypto.WrongPassphrase);
    a plain journal ignores it. A `postgresql://` URL opens a server journal, with `password` if
    the server asks for one that ~/.pgpass and PGPASSWORD do not give (server.PasswordNeeded).
    """
    if server.is_server_location(str(path)):
        return _open_server(str(path).strip(), password)
    global _current
    path = Path(path).expanduser()
    version = inspect_file(path, passphrase)
    if 0 < version < migrations.LATEST_VERSION:
        inspect_file(path, passphrase, thorough=True)  # a migration writes: the whole file first
    if _current is not None:
        _current.close()
    db = sqlite_file.peewee_database(path, passphrase, PRAGMAS, LOCK_TYPE)
    try:
        with private.private_umask():  # a new journal, its -wal and -shm: the owner's only
            db.connect()
    except Exception as exc:
        raise JournalError(f"cannot open {path}: {exc}") from exc
    database.initialize(db)
    authorship.set_role("")
    journal = Journal(path=path, db=db)
    if version < migrations.LATEST_VERSION:
        if version > 0:
            from . import backups  # only before a migration: opening needs no backup

            reason = f"before-v{migrations.LATEST_VERSION}"
            journal.backup_path = backups.backup(path, reason=reason, passphrase=passphrase)
        _migrate(db, version)
        journal.migrated_from = version
    applied_writes.prune()
    _current = journal
    return journal


def damage(journal: Journal) -> str | None:
    """What SQLite's `quick_check` finds wrong in the open journal's file, or None when whole.

    Opening reads only the header, the schema and the page counts; this reads every page, on a
    connection of its own, so a worker thread may run it while the window is in use. A damaged
    journal is then treated as at opening: left untouched, and a backup offered in its place.
    A server keeps its own pages whole (None).
    """
    if journal.is_server:
        return None
    return sqlite_file.file_damage(journal.path, journal.passphrase)


def current() -> Journal:
    """The journal opened last (raises if none is open)."""
    if _current is None or _current.db.is_closed():
        raise JournalError("no journal is open")
    return _current


def _open_server(url: str, password: str | None) -> Journal:
    global _current
    db = server.peewee_database(url, password)
    server.connect(db, url)
    try:
        version = server.inspect(db, url)
        role = server.role(db)
    except BaseException:
        db.close()
        raise
    if _current is not None:
        _current.close()
    database.initialize(db)
    authorship.set_role(role)
    from . import changes, server_events
    from .paths import server_side_folder

    changes.publish_to(server_events.announce)  # every write tells the other windows

    journal = Journal(path=server_side_folder(url) / "journal", db=db, url=url)
    if version < migrations.LATEST_VERSION:
        _migrate(db, version)
        journal.migrated_from = version
    applied_writes.prune()
    _current = journal
    return journal


def _migrate(db: Database, from_version: int) -> None:
    migrator = dialect.migrator(db)
    on_server = dialect.is_postgres(db)
    reindex = suggest_themes = False
    with db.atomic():
        for migration in migrations.all_migrations()[from_version:]:
            up = getattr(migration.module, "up_postgres", None) if on_server else None
            (up or migration.module.up)(migrator, db)
            reindex = reindex or getattr(migration.module, "REINDEX", False)
            suggest_themes = suggest_themes or getattr(migration.module, "SUGGEST_THEMES", False)
            dialect.set_schema_version(db, migration.version)
        if suggest_themes:
            from .decisions import suggest_missing_themes

            suggest_missing_themes()
        if reindex:
            from .search import rebuild_index

            rebuild_index()


_data_versions: weakref.WeakKeyDictionary[SqliteDatabase, int] = weakref.WeakKeyDictionary()


def changed_since_last_check(journal: Journal) -> bool:
    """True when another connection (the command line, a worker) committed a write since the
    last call on this thread's connection; the first call only takes note. Cheap: no table read.

    Always False on a server journal: its changes are announced (see journal.server_events).
    """
    if journal.is_server:
        return False
    version = journal.db.execute_sql("PRAGMA data_version").fetchone()[0]
    last = _data_versions.get(journal.db)
    _data_versions[journal.db] = version
    return last is not None and version != last


def schema_version(journal: Journal) -> int:
    return dialect.schema_version(journal.db)


@dataclass(frozen=True)
class CheckReport:
    integrity: list[str]
    foreign_key_problems: list[str]

    @property
    def ok(self) -> bool:
        return self.integrity == ["ok"] and not self.foreign_key_problems


def check(journal: Journal) -> CheckReport:
    """SQLite's integrity check and foreign-key check, plus the search index's own check.

    A server keeps its own pages and foreign keys whole: it is asked only that it answers.
    """
    db = journal.db
    if journal.is_server:
        db.execute_sql("SELECT 1").fetchone()
        return CheckReport(["ok"], [])
    integrity = [r[0] for r in db.execute_sql("PRAGMA integrity_check").fetchall()]
    fk = [
        f"{table} row {rowid} points to a missing {parent}"
        for table, rowid, parent, _ in db.execute_sql("PRAGMA foreign_key_check").fetchall()
    ]
    try:
        db.execute_sql("INSERT INTO search_index(search_index) VALUES('integrity-check')")
    except sqlite3.DatabaseError as exc:
        integrity = [*(i for i in integrity if i != "ok"), f"search index: {exc}"]
    return CheckReport(integrity, fk)
