"""Backups: consistent copies with SQLite's online backup API, rotated, listed and restored."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import crypto, private
from .changes import record_everything
from .errors import JournalError

if TYPE_CHECKING:
    from .storage import Journal

ENV_VAR = "RAPPORT_BACKUP_DIR"
KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_LATEST = 5  # whatever the day, after an import
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[\w-]+)\.sqlite$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime
    reason: str
    people: int | None


def backup_dir(journal: Journal) -> Path:
    """Where automatic backups go: $RAPPORT_BACKUP_DIR, else `backups/` beside the journal."""
    configured = os.environ.get(ENV_VAR)
    return Path(configured).expanduser() if configured else journal.path.parent / "backups"


def backup(journal: Journal, dest: str | Path | None = None, *, reason: str = "manual") -> Path:
    """Copy the journal (safe while it is open and being written); returns the copy's path.

    The copy is written under a temporary name and renamed, so a backup is whole or absent.
    """
    if dest is None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        folder, name = backup_dir(journal), f"{journal.path.stem}-{stamp}-{reason}"
        dest = folder / f"{name}.sqlite"
        for n in range(2, 100):
            if not dest.exists():
                break
            dest = folder / f"{name}-{n}.sqlite"
    dest = Path(dest).expanduser()
    if dest.exists() and dest.resolve() == journal.path.resolve():
        raise JournalError("a backup cannot overwrite the journal itself")
    partial = dest.with_name(dest.name + ".part")
    try:
        private.make_folder(dest.parent)
        partial.unlink(missing_ok=True)
        with private.private_umask():
            target = crypto.backup_target(journal.db, partial)  # an encrypted journal's stays so
            try:
                journal.db.connection().backup(target)
            finally:
                target.close()
        partial.replace(dest)
    except (OSError, sqlite3.Error, crypto.DatabaseError) as exc:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise JournalError(f"backup to {dest} failed: {exc}") from exc
    return dest


def list_backups(journal: Journal) -> list[BackupInfo]:
    """This journal's backups, newest first, each with how many people it holds."""
    folder = backup_dir(journal)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{journal.path.stem}-*.sqlite"):
        match = _NAME.match(path.name)
        if match and match["stem"] == journal.path.stem:
            taken = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
            people = _count_people(path, crypto.passphrase_of(journal.db))
            found.append(BackupInfo(path, taken, match["reason"], people))
    found.sort(key=lambda b: b.taken_at, reverse=True)
    return found


def _count_people(path: Path, passphrase: str | None = None) -> int | None:
    try:
        con = crypto.open_readonly(path, passphrase)
        try:
            row = con.execute("SELECT COUNT(*) FROM person WHERE trashed_at IS NULL").fetchone()
        finally:
            con.close()
    except (sqlite3.Error, crypto.DatabaseError, JournalError):
        return None
    return row[0]


def daily_backup_if_due(journal: Journal, today: dt.date | None = None) -> Path | None:
    """Back up once a day (a journal with nobody in it needs none), then rotate."""
    today = today or dt.date.today()
    if any(b.taken_at.date() == today for b in list_backups(journal)):
        return None
    empty = journal.db.execute_sql("SELECT NOT EXISTS (SELECT 1 FROM person)").fetchone()[0]
    if empty:
        return None
    path = backup(journal, reason="daily")
    rotate(journal, keep_latest=KEEP_LATEST)
    return path


def backup_before_import() -> Path | None:
    """Back up the open journal before an import writes to it (on this thread's connection);
    a journal with nobody in it has nothing to lose. Keeps the last few such backups."""
    from .models import database
    from .storage import Journal

    db = database.obj
    if db is None:
        return None
    journal = Journal(path=Path(db.database), db=db)
    if db.execute_sql("SELECT NOT EXISTS (SELECT 1 FROM person)").fetchone()[0]:
        return None
    path = backup(journal, reason="before-import")
    rotate(journal, keep_latest=KEEP_LATEST)
    return path


def rotate(journal: Journal, keep_latest: int = 0) -> list[Path]:
    """Keep the newest backup of each of the last 7 days and of each of the last 4 weeks (and
    the `keep_latest` newest of all, so a restore or an import made today can be undone)."""
    backups = list_backups(journal)
    keep: set[Path] = {b.path for b in backups[:keep_latest]}
    days: dict[dt.date, Path] = {}
    weeks: dict[tuple[int, int], Path] = {}
    for b in backups:
        days.setdefault(b.taken_at.date(), b.path)
        weeks.setdefault(b.taken_at.isocalendar()[:2], b.path)
    keep.update(list(days.values())[:KEEP_DAILY])
    keep.update(list(weeks.values())[:KEEP_WEEKLY])
    removed = []
    for b in backups:
        if b.path not in keep:
            b.path.unlink(missing_ok=True)
            removed.append(b.path)
    return removed


def restore(journal: Journal, source: str | Path) -> tuple[Journal, Path]:
    """Replace the journal's content with a backup's; the current content is backed up first.

    Returns the reopened journal and the backup of what was there, so a restore can be undone.
    """
    from .storage import inspect_file, open_journal

    source = Path(source).expanduser()
    if not source.is_file():
        raise JournalError(f"{source}: no such backup")
    key = crypto.passphrase_of(journal.db)
    inspect_file(source, key)
    crypto.require_same_kind(source, key)
    safety = backup(journal, reason="before-restore")
    try:
        src = crypto.open_readonly(source, key)
        try:
            src.backup(journal.db.connection())
        finally:
            src.close()
    except (sqlite3.Error, crypto.DatabaseError) as exc:
        raise JournalError(f"restoring {source} failed: {exc}; nothing was changed") from exc
    path = journal.path
    journal.close()
    reopened = open_journal(path, key)
    record_everything()
    return reopened, safety
