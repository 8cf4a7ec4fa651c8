"""Recovering a journal that cannot be opened: its backups, found without opening it, and a
restore that moves the damaged file aside (never deleting it) before copying a backup in."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from peewee import SqliteDatabase

from . import backups, private
from .backups import BackupInfo
from .errors import JournalError

SIDE_FILES = ("-wal", "-shm")


def backups_for(path: str | Path) -> list[BackupInfo]:
    """The backups of the journal at `path`, newest first, without opening the journal."""
    from .storage import Journal

    unopened = Journal(path=Path(path).expanduser(), db=SqliteDatabase(None))
    return backups.list_backups(unopened)


def newest_good_backup(path: str | Path, passphrase: str | None = None) -> BackupInfo | None:
    """The newest backup of the journal at `path` that is itself a whole, readable journal."""
    from .storage import inspect_file

    for info in backups_for(path):
        try:
            inspect_file(info.path, passphrase)
        except JournalError:
            continue
        return info
    return None


def restore_into(path: str | Path, backup: str | Path, passphrase: str | None = None) -> Path:
    """Put a copy of `backup` where the journal at `path` is; the file that was there (and its
    -wal and -shm) is renamed `<name>.damaged-<stamp>`, never deleted. Returns that name (a
    path that does not exist if there was no file)."""
    from .storage import inspect_file

    path, backup = Path(path).expanduser(), Path(backup).expanduser()
    if not backup.is_file():
        raise JournalError(f"{backup}: no such backup")
    inspect_file(backup, passphrase)
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
