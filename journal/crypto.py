"""Encryption at rest with SQLCipher: converting a closed journal (and its backups) from plain to
encrypted, back, or to another passphrase. Telling and keying files is `sqlite_file`'s."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from . import backups, private, sqlite_file
from .errors import JournalError
from .errors import PassphraseNeeded as PassphraseNeeded
from .errors import WrongPassphrase as WrongPassphrase
from .sqlite_file import ENV_VAR as ENV_VAR
from .sqlite_file import connect as connect
from .sqlite_file import inspect_file
from .sqlite_file import is_encrypted as is_encrypted
from .sqlite_file import passphrase_of as passphrase_of


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
        except sqlite_file.DatabaseError as exc:
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
        except (sqlite_file.DatabaseError, OSError) as exc:
            raise JournalError(f"converting {path} failed ({exc}); it was not changed") from exc
        finally:
            if not replaced:
                _remove(partial)
                with contextlib.suppress(sqlite_file.DatabaseError):
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
    return [b.path for b in backups.list_backups(path)]


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
    inspect_file(path)
    return _convert_all(path, None, passphrase, backups_of(path))


def decrypt_journal(path: str | os.PathLike[str], passphrase: str) -> list[Path]:
    """Turn the encrypted journal at `path` back into a plain one (its backups too, which the
    same passphrase opens); returns the backups decrypted. The journal must be closed."""
    path = Path(path)
    if not is_encrypted(path):
        raise JournalError(f"{path} is not encrypted")
    inspect_file(path, passphrase)
    return _convert_all(path, passphrase, None, _opened_by(backups_of(path), passphrase))


def change_passphrase(path: str | os.PathLike[str], old: str, new: str) -> list[Path]:
    """Re-encrypt the journal (and the backups the old passphrase opens) with a new passphrase."""
    path = Path(path)
    check_passphrase(new)
    if not is_encrypted(path):
        raise JournalError(f"{path} is not encrypted")
    inspect_file(path, old)
    return _convert_all(path, old, new, _opened_by(backups_of(path), old))


def _opened_by(paths: Sequence[Path], passphrase: str) -> list[Path]:
    """The files among `paths` that `passphrase` opens (others are left alone)."""
    found = []
    for path in paths:
        try:
            connect(path, passphrase, readonly=True).close()
        except (JournalError, sqlite_file.DatabaseError):
            continue
        found.append(path)
    return found
