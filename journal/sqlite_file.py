"""One journal file before it is opened: plain or encrypted, connected with or without its key,
and checked to be a whole Rapport journal. Everything above builds on these."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from peewee import Database, SqliteDatabase
from playhouse.sqlcipher_ext import SqlCipherDatabase
from sqlcipher3 import dbapi2 as sqlcipher

from . import faults, migrations, private
from .errors import JournalError, JournalTooNew, NotAJournal, PassphraseNeeded, WrongPassphrase

SQLITE_HEADER = b"SQLite format 3\x00"
ENV_VAR = "RAPPORT_PASSPHRASE"
OWN_TABLES = {"person", "note", "decision"}
DatabaseError = sqlcipher.DatabaseError
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
            except DatabaseError as exc:
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
    con: Connection = sqlcipher.connect(str(path), isolation_level=None)
    con.execute(f"PRAGMA key = {quote(passphrase)}")
    return con


def passphrase_of(db: Database) -> str | None:
    """The passphrase an open journal was keyed with (None for a plain journal)."""
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
    cipher: SqliteDatabase = SqlCipherDatabase(
        str(path),
        pragmas=pragmas,
        passphrase=passphrase or "",
        check_same_thread=False,
        lock_type=lock_type,
    )
    return cipher


def inspect_file(path: Path, passphrase: str | None = None) -> int:
    """The schema version of the file, checked read-only; raises if it is not usable.

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
        if f.read(16) != SQLITE_HEADER and not encrypted:
            raise NotAJournal(f"{path} is not a Rapport journal (not an SQLite file)")
    try:
        try:
            version, tables, integrity = _read_facts(path, passphrase, readonly=True)
        except (sqlite3.OperationalError, DatabaseError) as exc:
            if "readonly" not in str(exc):
                raise
            # A process killed mid-write left a journal to roll back or a WAL to recover, which
            # SQLite does only on a writable connection: let it, then read as usual.
            version, tables, integrity = _read_facts(path, passphrase, readonly=False)
    except (sqlite3.DatabaseError, DatabaseError) as exc:
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


def _read_facts(path: Path, passphrase: str | None, *, readonly: bool) -> tuple[int, set[str], str]:
    """(user_version, table names, quick_check result) of an SQLite file."""
    con = open_file(path, passphrase, readonly=readonly)
    try:
        version = con.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        integrity = con.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        con.close()
    return version, tables, integrity
