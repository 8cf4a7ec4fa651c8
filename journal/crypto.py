"""Encryption at rest with SQLCipher: telling encrypted journals apart, keying them, converting
plain journals to encrypted ones and back."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from peewee import Database, SqliteDatabase
from playhouse.sqlcipher_ext import SqlCipherDatabase
from sqlcipher3 import dbapi2 as sqlcipher

from . import private
from .errors import JournalError, PassphraseNeeded, WrongPassphrase

SQLITE_HEADER = b"SQLite format 3\x00"
ENV_VAR = "RAPPORT_PASSPHRASE"
DatabaseError = sqlcipher.DatabaseError
Connection = sqlcipher.Connection


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


def connect(path: Path, passphrase: str | None, *, readonly: bool = False) -> Connection:
    """An SQLCipher connection to `path`, keyed and checked; plain files open with no key.

    Raises PassphraseNeeded or WrongPassphrase; a wrong key reads nothing and writes nothing.
    """
    encrypted = is_encrypted(path)
    if encrypted and not passphrase:
        raise PassphraseNeeded(needed_message(path))
    uri = f"{Path(path).resolve().as_uri()}{'?mode=ro' if readonly else ''}"
    con = sqlcipher.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
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


def quote(text: str) -> str:
    """An SQL string literal (PRAGMA key takes no bound parameters)."""
    return "'" + text.replace("'", "''") + "'"


def database(
    path: Path, passphrase: str, pragmas: dict[str, Any], lock_type: str
) -> SqlCipherDatabase:
    """The peewee database for an encrypted journal (the key is checked before this is used)."""
    return SqlCipherDatabase(
        str(path),
        pragmas=pragmas,
        passphrase=passphrase,
        check_same_thread=False,
        lock_type=lock_type,
    )


def passphrase_of(db: Database) -> str | None:
    """The passphrase an open journal was keyed with (None for a plain journal)."""
    if isinstance(db, SqlCipherDatabase):
        return db.connect_params.get("passphrase")
    return None


def backup_target(db: Database, path: Path) -> sqlite3.Connection | Connection:
    """A connection to write a backup of `db` into: keyed like `db`, so the copy stays encrypted.

    (SQLite's backup API copies pages as they are; SQLCipher only copies between databases with
    the same key, and refuses an unkeyed target.)
    """
    key = passphrase_of(db)
    if key is None:
        return sqlite3.connect(str(path))
    con = sqlcipher.connect(str(path), isolation_level=None)
    con.execute(f"PRAGMA key = {quote(key)}")
    return con


def open_readonly(path: Path, passphrase: str | None) -> sqlite3.Connection | Connection:
    """A read-only connection to a journal or backup, plain or encrypted."""
    if is_encrypted(path):
        return connect(path, passphrase, readonly=True)
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)


def require_same_kind(path: Path, journal_key: str | None) -> None:
    """Refuse a backup whose encryption differs from the journal's (pages cannot be copied)."""
    if is_encrypted(path) != (journal_key is not None):
        state = "encrypted" if journal_key is not None else "not encrypted"
        raise JournalError(
            f"{path} cannot be restored into this journal: the journal is {state} and the backup "
            "is not (encrypt or decrypt the journal first)"
        )


def check_passphrase(passphrase: str) -> str:
    if not passphrase:
        raise JournalError("the passphrase cannot be empty")
    if "\x00" in passphrase:
        raise JournalError("the passphrase cannot contain a NUL character")
    return passphrase


@contextlib.contextmanager
def _closing(con: Any) -> Iterator[Any]:
    try:
        yield con
    finally:
        con.close()


def table_counts(con: Any) -> dict[str, int]:
    """Rows in every ordinary table (the verification that a converted copy is whole)."""
    names = [
        r[0]
        for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        )
    ]
    return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def convert(path: Path, old_key: str | None, new_key: str | None) -> None:
    """Rewrite the database at `path` with `new_key` (None: plain), atomically.

    The new file is written beside the old one with sqlcipher_export, checked (integrity, schema
    version, the rows of every table), then renamed over it; on any failure the original is left
    as it was and the partial file is removed. No copy of the original is kept.
    Another process reading or writing the file makes it refuse; this process must close its own
    connections first (SQLite and SQLCipher are two libraries: they do not see each other's locks).
    """
    path = Path(path)
    partial = path.with_name(path.name + ".converting")
    _remove(partial)  # left by an encryption that was killed
    replaced = False
    with _closing(connect(path, old_key)) as con:
        mode = con.execute("PRAGMA journal_mode").fetchone()[0]
        try:
            # Leaving WAL needs every other connection closed; it also folds the WAL in.
            if con.execute("PRAGMA journal_mode = delete").fetchone()[0] != "delete":
                raise JournalError(f"{path} is in use by another Rapport: close it first")
        except DatabaseError as exc:
            raise JournalError(f"{path} is in use by another Rapport: close it first") from exc
        try:
            version = con.execute("PRAGMA user_version").fetchone()[0]
            before = table_counts(con)
            with private.private_umask():
                con.execute("ATTACH DATABASE ? AS converted KEY ?", (str(partial), new_key or ""))
                con.execute("SELECT sqlcipher_export('converted')")
            con.execute(f"PRAGMA converted.user_version = {int(version)}")
            con.execute("DETACH DATABASE converted")
            _verify(partial, new_key, version, before)
            os.replace(partial, path)
            replaced = True
            _sync_folder(path.parent)
        except (DatabaseError, OSError) as exc:
            raise JournalError(f"converting {path} failed ({exc}); it was not changed") from exc
        finally:
            if not replaced:
                _remove(partial)
                with contextlib.suppress(DatabaseError):
                    con.execute(f"PRAGMA journal_mode = {mode}")


def _remove(partial: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        partial.with_name(partial.name + suffix).unlink(missing_ok=True)


def _verify(partial: Path, key: str | None, version: int, before: dict[str, int]) -> None:
    with _closing(connect(partial, key)) as con:
        problems = []
        if con.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            problems.append("the copy fails its integrity check")
        if con.execute("PRAGMA user_version").fetchone()[0] != version:
            problems.append("the copy has another schema version")
        if table_counts(con) != before:
            problems.append("the copy does not hold the same rows")
        if problems:
            raise JournalError(f"{'; '.join(problems)}; the journal was not changed")
        con.execute("PRAGMA journal_mode = wal")


def _sync_folder(folder: Path) -> None:
    if os.name == "nt":  # pragma: no cover - Windows cannot open a folder to fsync it
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backups_of(path: Path) -> list[Path]:
    """The backup files of the journal at `path` (its automatic and manual backups)."""
    from . import backups
    from .storage import Journal

    unopened = Journal(path=path, db=SqliteDatabase(None))
    return [b.path for b in backups.list_backups(unopened)]


def _convert_all(
    path: Path, old_key: str | None, new_key: str | None, others: Sequence[Path]
) -> list[Path]:
    convert(path, old_key, new_key)
    done = []
    for other in others:
        if is_encrypted(other) == (old_key is not None):
            convert(other, old_key, new_key)
            done.append(other)
    return done


def encrypt_journal(path: str | os.PathLike[str], passphrase: str) -> list[Path]:
    """Turn the plain journal at `path` into an encrypted one; returns the backups also encrypted.

    The encrypted copy is made beside the journal, verified, and renamed over it: until that
    rename the plain journal is untouched, so no plain "before encrypting" backup is kept. The
    journal's existing backups (plain copies of it) are encrypted too, with the same passphrase,
    so they stay restorable and no readable copy is left in the backup folder. Deleted files may
    linger in free space on the disk: full-disk encryption is what covers that.
    The journal must be closed (in this process and others).
    """
    path = Path(path)
    check_passphrase(passphrase)
    if is_encrypted(path):
        raise JournalError(f"{path} is already encrypted")
    from .storage import inspect_file

    inspect_file(path)
    return _convert_all(path, None, passphrase, backups_of(path))


def decrypt_journal(path: str | os.PathLike[str], passphrase: str) -> list[Path]:
    """Turn the encrypted journal at `path` back into a plain one (its backups too, which the
    same passphrase opens); returns the backups decrypted. The journal must be closed."""
    path = Path(path)
    if not is_encrypted(path):
        raise JournalError(f"{path} is not encrypted")
    from .storage import inspect_file

    inspect_file(path, passphrase)
    return _convert_all(path, passphrase, None, _opened_by(backups_of(path), passphrase))


def change_passphrase(path: str | os.PathLike[str], old: str, new: str) -> list[Path]:
    """Re-encrypt the journal (and the backups the old passphrase opens) with a new passphrase."""
    path = Path(path)
    check_passphrase(new)
    if not is_encrypted(path):
        raise JournalError(f"{path} is not encrypted")
    from .storage import inspect_file

    inspect_file(path, old)
    return _convert_all(path, old, new, _opened_by(backups_of(path), old))


def _opened_by(paths: Sequence[Path], passphrase: str) -> list[Path]:
    """The files among `paths` that `passphrase` opens (others are left alone)."""
    found = []
    for path in paths:
        try:
            connect(path, passphrase, readonly=True).close()
        except (JournalError, DatabaseError):
            continue
        found.append(path)
    return found
