"""One journal file before it is opened: plain or encrypted, connected with or without its key,
and checked to be a whole Rapport journal. Everything above builds on these."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from peewee import Database, SqliteDatabase

from . import faults, migrations, private
from .errors import (
    JournalDamaged,
    JournalError,
    JournalTooNew,
    NotAJournal,
    PassphraseNeeded,
    WrongPassphrase,
)

SQLITE_HEADER = b"SQLite format 3\x00"
ENV_VAR = "RAPPORT_PASSPHRASE"
OWN_TABLES = {"person", "note", "decision"}


def __getattr__(name: str) -> Any:
    """`DatabaseError`, SQLCipher's: loaded when first asked for, so a plain journal's command
    line never imports SQLCipher (PEP 562)."""
    if name == "DatabaseError":
        from sqlcipher3 import dbapi2 as sqlcipher

        return sqlcipher.DatabaseError
    raise AttributeError(name)


def _errors(encrypted: bool) -> tuple[type[Exception], ...]:
    """The driver errors a file's connection raises (SQLCipher's only for an encrypted one)."""
    if not encrypted:
        return (sqlite3.DatabaseError,)
    from sqlcipher3 import dbapi2 as sqlcipher

    return (sqlite3.DatabaseError, sqlcipher.DatabaseError)


# SQLCipher's connection has the same interface as SQLite's (sqlcipher3 ships no types).
Connection = sqlite3.Connection


def is_encrypted(path: str | os.PathLike[str]) -> bool:
    """True for a file that looks like an SQLCipher database: whole pages, no SQLite header.

    Without the passphrase an encrypted journal cannot be told from random bytes of the same
    size, so "encrypted" here means "not plain SQLite, but shaped like an encrypted file".
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size == 0 or size % 512 or not path.is_file():
            return False
        with path.open("rb") as f:
            return f.read(16) != SQLITE_HEADER
    except OSError:
        return False


def needed_message(path: Path) -> str:
    return (
        f"{path} is encrypted (or it is not a Rapport journal at all): "
        f"its passphrase is needed (type it, or set {ENV_VAR})"
    )


def quote(text: str) -> str:
    """An SQL string literal (PRAGMA key takes no bound parameters)."""
    return "'" + text.replace("'", "''") + "'"


def connect(path: Path, passphrase: str | None, *, readonly: bool = False) -> Connection:
    """An SQLCipher connection to `path`, keyed and checked; plain files open with no key.

    Raises PassphraseNeeded or WrongPassphrase; a wrong key reads nothing and writes nothing.
    """
    encrypted = is_encrypted(path)
    if encrypted and not passphrase:
        raise PassphraseNeeded(needed_message(path))
    from sqlcipher3 import dbapi2 as sqlcipher

    uri = f"{Path(path).resolve().as_uri()}{'?mode=ro' if readonly else ''}"
    con: Connection = sqlcipher.connect(
        uri, uri=True, isolation_level=None, check_same_thread=False
    )
    try:
        con.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our message, not a log
        if encrypted:
            con.execute(f"PRAGMA key = {quote(passphrase or '')}")
            try:
                con.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlcipher.DatabaseError as exc:
                raise WrongPassphrase("wrong passphrase") from exc
    except BaseException:
        con.close()
        raise
    return con


def open_file(path: Path, passphrase: str | None, *, readonly: bool = False) -> Connection:
    """A connection to a journal or backup: SQLite's own for a plain file, SQLCipher's, keyed,
    for an encrypted one (the backup API copies only between connections of one library)."""
    if is_encrypted(path):
        return connect(path, passphrase, readonly=readonly)
    uri = f"{Path(path).resolve().as_uri()}{'?mode=ro' if readonly else ''}"
    return sqlite3.connect(uri, uri=True)


def create_like(path: Path, passphrase: str | None) -> Connection:
    """A connection to a new file, keyed with `passphrase` (plain without one): a backup of an
    encrypted journal stays encrypted (SQLCipher copies pages only between alike keys)."""
    if passphrase is None:
        return sqlite3.connect(str(path))
    from sqlcipher3 import dbapi2 as sqlcipher

    con: Connection = sqlcipher.connect(str(path), isolation_level=None)
    con.execute(f"PRAGMA key = {quote(passphrase)}")
    return con


def passphrase_of(db: Database) -> str | None:
    """The passphrase an open journal was keyed with (None for a plain journal)."""
    if not isinstance(db, SqliteDatabase) or type(db) is SqliteDatabase:
        return None
    from playhouse.sqlcipher_ext import SqlCipherDatabase

    if isinstance(db, SqlCipherDatabase):
        key: str | None = db.connect_params.get("passphrase")
        return key
    return None


def peewee_database(
    path: Path, passphrase: str | None, pragmas: dict[str, Any], lock_type: str
) -> SqliteDatabase:
    """The peewee database for a journal file (its key is checked before this is used)."""
    if not is_encrypted(path):
        return SqliteDatabase(
            str(path), pragmas=pragmas, check_same_thread=False, lock_type=lock_type
        )
    from playhouse.sqlcipher_ext import SqlCipherDatabase

    cipher: SqliteDatabase = SqlCipherDatabase(
        str(path),
        pragmas=pragmas,
        passphrase=passphrase or "",
        check_same_thread=False,
        lock_type=lock_type,
    )
    return cipher


def inspect_file(path: Path, passphrase: str | None = None, *, thorough: bool = False) -> int:
    """The schema version of the file, checked read-only; raises if it is not usable.

    The check reads the header, the schema and the page counts, not every page: `thorough`
    adds SQLite's `quick_check`, which reads the whole file (`file_damage` does it later).
    An encrypted file is keyed first (a wrong or missing passphrase raises, reading nothing).
    A missing file is version 0 (its folder is made, so the journal can be created).
    """
    if path.is_dir():
        raise NotAJournal(f"{path} is a folder, not a journal file")
    if not path.exists() or path.stat().st_size == 0:
        private.make_folder(path.parent)
        return 0
    encrypted = is_encrypted(path)
    with path.open("rb") as f:
        header = f.read(100)
    if header[:16] != SQLITE_HEADER and not encrypted:
        raise NotAJournal(f"{path} is not a Rapport journal (not an SQLite file)")
    errors = _errors(encrypted)
    try:
        try:
            facts = _read_facts(path, passphrase, readonly=True, thorough=thorough)
        except errors as exc:
            if "readonly" not in str(exc):
                raise
            # A process killed mid-write left a journal to roll back or a WAL to recover, which
            # SQLite does only on a writable connection: let it, then read as usual.
            facts = _read_facts(path, passphrase, readonly=False, thorough=thorough)
    except errors as exc:
        if (plain := faults.explain(exc)) is not None:  # the disk, not the file: not damaged
            raise JournalError(f"{path} cannot be opened. {plain}") from exc
        raise NotAJournal(f"{path} is not a readable Rapport journal ({exc})") from exc
    version, tables, problem = facts
    if problem is None and not encrypted:
        problem = _freelist_problem(path, header)
    if problem is not None:
        raise JournalDamaged(f"{path} is damaged ({problem})")
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
    path: Path, passphrase: str | None, *, readonly: bool, thorough: bool
) -> tuple[int, set[str], str | None]:
    """(user_version, table names, what is wrong or None) of an SQLite file."""
    con = open_file(path, passphrase, readonly=readonly)
    try:
        version = con.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        pages = con.execute("PRAGMA page_count").fetchone()[0]
        free = con.execute("PRAGMA freelist_count").fetchone()[0]
        problem = None if free < max(pages, 1) else f"{free} free pages of {pages}"
        if problem is None and thorough:
            problem = quick_check(con)
    finally:
        con.close()
    return version, tables, problem


def quick_check(con: Connection) -> str | None:
    """What SQLite's `quick_check` finds wrong through this connection, or None."""
    result = [r[0] for r in con.execute("PRAGMA quick_check(5)")]
    return None if result == ["ok"] else "; ".join(result)


def file_damage(path: Path, passphrase: str | None = None) -> str | None:
    """What `quick_check` finds wrong in the file at `path` (it reads every page, ~0.3 s for ten
    years of notes, on a read-only connection of its own), or None when it is whole."""
    encrypted = is_encrypted(path)
    try:
        con = open_file(path, passphrase if encrypted else None, readonly=True)
        try:
            return quick_check(con)
        finally:
            con.close()
    except _errors(encrypted) as exc:
        if faults.classify(exc) is faults.Fault.DAMAGED:
            return str(exc)
        raise


def _freelist_problem(path: Path, header: bytes) -> str | None:
    """A plain file whose list of free pages points past its end (a file cut short SQLite
    refuses by itself). Only when no write-ahead log is pending: then the file alone is the
    journal, and its header describes it."""
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return None
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if header[24:28] != header[92:96] or pages == 0:  # SQLite's own rule for trusting the count
        pages = path.stat().st_size // page_size
    trunk, free = int.from_bytes(header[32:36], "big"), int.from_bytes(header[36:40], "big")
    if trunk > pages or free >= max(pages, 1) or (free > 0) != (trunk > 0):
        return f"its list of free pages is broken ({free} pages from page {trunk} of {pages})"
    return None
