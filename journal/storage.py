"""Opening a journal file: checks, pragmas, migrations, backups. The one place that opens SQLite."""

from __future__ import annotations

import sqlite3
import weakref
from dataclasses import dataclass
from pathlib import Path

from peewee import SqliteDatabase
from playhouse.migrate import SqliteMigrator

from . import backups, crypto, faults, migrations, private
from .errors import JournalError, JournalTooNew, NotAJournal
from .models import database

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
SQLITE_HEADER = b"SQLite format 3\x00"
OWN_TABLES = {"person", "note", "decision"}


@dataclass
class Journal:
    """An open journal: its file and the peewee database everything else uses."""

    path: Path
    db: SqliteDatabase
    migrated_from: int | None = None
    backup_path: Path | None = None

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_current: Journal | None = None


def open_journal(path: str | Path, passphrase: str | None = None) -> Journal:
    """Open (or create) the journal at `path`, migrating it to this version of Rapport.

    An encrypted journal needs its `passphrase` (crypto.PassphraseNeeded, crypto.WrongPassphrase);
    a plain journal ignores it.
    """
    global _current
    path = Path(path).expanduser()
    version = inspect_file(path, passphrase)
    if _current is not None:
        _current.close()
    if crypto.is_encrypted(path):
        db = crypto.database(path, passphrase or "", PRAGMAS, lock_type=LOCK_TYPE)
    else:
        db = SqliteDatabase(
            str(path), pragmas=PRAGMAS, check_same_thread=False, lock_type=LOCK_TYPE
        )
    try:
        with private.private_umask():  # a new journal, its -wal and -shm: the owner's only
            db.connect()
    except Exception as exc:
        raise JournalError(f"cannot open {path}: {exc}") from exc
    database.initialize(db)
    journal = Journal(path=path, db=db)
    if version < migrations.LATEST_VERSION:
        if version > 0:
            reason = f"before-v{migrations.LATEST_VERSION}"
            journal.backup_path = backups.backup(journal, reason=reason)
        _migrate(db, version)
        journal.migrated_from = version
    _current = journal
    return journal


def current() -> Journal:
    """The journal opened last (raises if none is open)."""
    if _current is None or _current.db.is_closed():
        raise JournalError("no journal is open")
    return _current


def inspect_file(path: Path, passphrase: str | None = None) -> int:
    """The schema version of the file, checked read-only; raises if it is not usable.

    An encrypted file is keyed first (a wrong or missing passphrase raises, reading nothing).
    """
    if path.is_dir():
        raise NotAJournal(f"{path} is a folder, not a journal file")
    if not path.exists() or path.stat().st_size == 0:
        private.make_folder(path.parent)
        return 0
    encrypted = crypto.is_encrypted(path)
    with path.open("rb") as f:
        if f.read(16) != SQLITE_HEADER and not encrypted:
            raise NotAJournal(f"{path} is not a Rapport journal (not an SQLite file)")
    try:
        try:
            version, tables, integrity = _read_facts(path, passphrase, encrypted, readonly=True)
        except (sqlite3.OperationalError, crypto.DatabaseError) as exc:
            if "readonly" not in str(exc):
                raise
            # A process killed mid-write left a journal to roll back or a WAL to recover, which
            # SQLite does only on a writable connection: let it, then read as usual.
            version, tables, integrity = _read_facts(path, passphrase, encrypted, readonly=False)
    except (sqlite3.DatabaseError, crypto.DatabaseError) as exc:
        if (plain := faults.explain(exc)) is not None:  # the disk, not the file: not damaged
            raise JournalError(f"{path} cannot be opened. {plain}") from exc
        raise NotAJournal(f"{path} is not a readable Rapport journal ({exc})") from exc
    if integrity != "ok":
        raise NotAJournal(f"{path} is damaged ({integrity})")
    if version > migrations.LATEST_VERSION:
        raise JournalTooNew(
            f"{path} was written by a newer Rapport (journal version {version}; this Rapport "
            f"reads up to {migrations.LATEST_VERSION}). Update Rapport to open it; "
            "the file was not changed."
        )
    if version == 0 and tables:
        raise NotAJournal(f"{path} is an SQLite file but not a Rapport journal")
    if version > 0 and not tables >= OWN_TABLES:
        raise NotAJournal(f"{path} is not a Rapport journal (its tables are missing)")
    return version


def _read_facts(
    path: Path, passphrase: str | None, encrypted: bool, *, readonly: bool
) -> tuple[int, set[str], str]:
    """(user_version, table names, quick_check result) of an SQLite file."""
    if encrypted:
        con = crypto.connect(path, passphrase, readonly=readonly)
    else:
        con = sqlite3.connect(
            f"{path.resolve().as_uri()}{'?mode=ro' if readonly else ''}", uri=True
        )
    try:
        version = con.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        integrity = con.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        con.close()
    return version, tables, integrity


def _migrate(db: SqliteDatabase, from_version: int) -> None:
    migrator = SqliteMigrator(db)
    reindex = suggest_themes = False
    with db.atomic():
        for migration in migrations.all_migrations()[from_version:]:
            migration.module.up(migrator, db)
            reindex = reindex or getattr(migration.module, "REINDEX", False)
            suggest_themes = suggest_themes or getattr(migration.module, "SUGGEST_THEMES", False)
            db.execute_sql(f"PRAGMA user_version = {migration.version}")
        if suggest_themes:
            from .decisions import suggest_missing_themes

            suggest_missing_themes()
        if reindex:
            from .search import rebuild_index

            rebuild_index()


_data_versions: weakref.WeakKeyDictionary[SqliteDatabase, int] = weakref.WeakKeyDictionary()


def changed_since_last_check(journal: Journal) -> bool:
    """True when another connection (the command line, a worker) committed a write since the
    last call on this thread's connection; the first call only takes note. Cheap: no table read."""
    version = journal.db.execute_sql("PRAGMA data_version").fetchone()[0]
    last = _data_versions.get(journal.db)
    _data_versions[journal.db] = version
    return last is not None and version != last


def schema_version(journal: Journal) -> int:
    return journal.db.execute_sql("PRAGMA user_version").fetchone()[0]


@dataclass(frozen=True)
class CheckReport:
    integrity: list[str]
    foreign_key_problems: list[str]

    @property
    def ok(self) -> bool:
        return self.integrity == ["ok"] and not self.foreign_key_problems


def check(journal: Journal) -> CheckReport:
    """SQLite's integrity check and foreign-key check, plus the search index's own check."""
    db = journal.db
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
