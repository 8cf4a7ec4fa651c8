"""Restoring backups: into the open journal (undoably: what it held is backed up first), or in
place of a journal that cannot be opened, whose damaged file is moved aside, never deleted."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from . import backups, private, sqlite_file, storage
from .backups import BackupInfo
from .changes import record_everything
from .errors import JournalError
from .storage import Journal

SIDE_FILES = ("-wal", "-shm")


def restore(journal: Journal, source: str | Path) -> tuple[Journal, Path]:
    """Replace the open journal's content with a backup's; the current content is backed up
    first. Returns the reopened journal and the backup of what was there, so a restore can be
    undone."""
    source = Path(source).expanduser()
    if not source.is_file():
        raise JournalError(f"{source}: no such backup")
    key = journal.passphrase
    sqlite_file.inspect_file(source, key)
    _require_same_kind(source, key)
    safety = backups.backup(journal.path, reason="before-restore", passphrase=key)
    try:
        src = sqlite_file.open_file(source, key, readonly=True)
        try:
            src.backup(journal.db.connection())  # type: ignore[no-untyped-call]
        finally:
            src.close()
    except (sqlite3.Error, sqlite_file.DatabaseError) as exc:
        raise JournalError(f"restoring {source} failed: {exc}; nothing was changed") from exc
    path = journal.path
    journal.close()
    reopened = storage.open_journal(path, key)
    record_everything()
    return reopened, safety


def _require_same_kind(path: Path, journal_key: str | None) -> None:
    """Refuse a backup whose encryption differs from the journal's (pages cannot be copied)."""
    if sqlite_file.is_encrypted(path) != (journal_key is not None):
        state = "encrypted" if journal_key is not None else "not encrypted"
        raise JournalError(
            f"{path} cannot be restored into this journal: the journal is {state} and the backup "
            "is not (encrypt or decrypt the journal first)"
        )


def newest_good_backup(path: str | Path, passphrase: str | None = None) -> BackupInfo | None:
    """The newest backup of the journal at `path` that is itself a whole, readable journal."""
    for info in backups.list_backups(path):
        try:
            sqlite_file.inspect_file(info.path, passphrase)
        except JournalError:
            continue
        return backups.with_people([info], passphrase)[0]
    return None


def restore_into(path: str | Path, backup: str | Path, passphrase: str | None = None) -> Path:
    """Put a copy of `backup` where the journal at `path` is; the file that was there (and its
    -wal and -shm) is renamed `<name>.damaged-<stamp>`, never deleted. Returns that name (a
    path that does not exist if there was no file)."""
    path, backup = Path(path).expanduser(), Path(backup).expanduser()
    if not backup.is_file():
        raise JournalError(f"{backup}: no such backup")
    sqlite_file.inspect_file(backup, passphrase)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    damaged = path.with_name(f"{path.name}.damaged-{stamp}")
    for n in range(2, 100):
        if not damaged.exists():
            break
        damaged = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    partial = path.with_name(path.name + ".restoring")
    try:
        private.copy_file(backup, partial)
        if path.exists():
            path.replace(damaged)
            private.set_mode(damaged, private.FILE_MODE)
        for side in SIDE_FILES:
            extra = path.with_name(path.name + side)
            if extra.exists():
                extra.replace(kept := damaged.with_name(damaged.name + side))
                private.set_mode(kept, private.FILE_MODE)
        partial.replace(path)
        _fsync(path.parent)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise JournalError(f"restoring {backup} into {path} failed: {exc.strerror or exc}") from exc
    return damaged


def _fsync(path: Path) -> None:
    flags = os.O_RDONLY | (os.O_DIRECTORY if path.is_dir() and hasattr(os, "O_DIRECTORY") else 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
