"""Backups: consistent copies of a journal file with SQLite's online backup API, listed by name
and rotated. (Restoring one is `recovery`'s: it reopens the journal.)"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import glob
import json
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from peewee import SqliteDatabase

from . import faults, private, sqlite_file
from .errors import JournalDamaged, JournalError
from .progress import Progress, report

ENV_VAR = "RAPPORT_BACKUP_DIR"
KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_LATEST = 5  # whatever the day, after an import
PAGES_PER_STEP = 256  # what one step of a backup that reports its progress copies
# A file journal's backups are SQLite copies; a server journal's are JSON exports.
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[\w-]+)\.(sqlite|json)$")


@dataclass(frozen=True)
class BackupInfo:
    """A backup found beside a journal, told by its name; `people` once counted (`with_people`)."""

    path: Path
    taken_at: dt.datetime
    reason: str
    people: int | None = None


def backup_dir(journal_path: str | Path) -> Path:
    """Where automatic backups go: $RAPPORT_BACKUP_DIR, else `backups/` beside the journal."""
    configured = os.environ.get(ENV_VAR)
    return Path(configured).expanduser() if configured else Path(journal_path).parent / "backups"


def backup(
    journal_path: str | Path,
    dest: str | Path | None = None,
    *,
    reason: str = "manual",
    passphrase: str | None = None,
    progress: Progress | None = None,
) -> Path:
    """Copy the journal at `journal_path` (safe while it is open and being written); returns
    the copy's path. An encrypted journal needs its passphrase, and its copy stays encrypted.

    The copy is written under a temporary name and renamed, so a backup is whole or absent.
    `progress` hears (pages copied, pages in all); a `Cancelled` from it leaves no copy.
    """
    source = Path(journal_path).expanduser()
    if dest is None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        folder, name = backup_dir(source), f"{source.stem}-{stamp}-{reason}"
        dest = folder / f"{name}.sqlite"
        for n in range(2, 100):
            if not dest.exists():
                break
            dest = folder / f"{name}-{n}.sqlite"
    dest = Path(dest).expanduser()
    if dest.exists() and dest.resolve() == source.resolve():
        raise JournalError("a backup cannot overwrite the journal itself")
    key = passphrase if sqlite_file.is_encrypted(source) else None
    partial = dest.with_name(dest.name + ".part")
    try:
        private.make_folder(dest.parent)
        partial.unlink(missing_ok=True)
        with private.private_umask():
            problem = _copy(source, partial, key, progress)
        if problem is None:
            partial.replace(dest)
    except (OSError, sqlite3.Error, sqlite_file.DatabaseError) as exc:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        if faults.damaged(exc):
            raise JournalDamaged(_damaged(source, str(exc))) from exc
        raise JournalError(f"backup to {dest} failed: {exc}") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise
    if problem is not None:  # the copy is the journal, page for page: the journal is damaged
        partial.unlink(missing_ok=True)
        raise JournalDamaged(_damaged(source, problem))
    return dest


def _damaged(source: Path, problem: str) -> str:
    return f"{source} is damaged ({problem}); no backup was taken, so the good ones are kept"


def _copy(
    source: Path, target_path: Path, key: str | None, progress: Progress | None
) -> str | None:
    """SQLite's online backup of `source` into a new file (one step unless progress is heard:
    a step is a consistent read, and steps start again when another connection writes); then
    the copy's `quick_check` (None: whole). This is where a journal damaged since it opened is
    found, before its copy could push a good backup out of the rotation."""
    src = sqlite_file.open_file(source, key)
    try:
        target = sqlite_file.create_like(target_path, key)
        try:
            if progress is None:
                src.backup(target)
            else:
                src.backup(
                    target,
                    pages=PAGES_PER_STEP,
                    progress=lambda _, left, total: report(progress, total - left, total),
                )
            return sqlite_file.quick_check(target)
        finally:
            target.close()
    finally:
        src.close()


def list_backups(journal_path: str | Path) -> list[BackupInfo]:
    """The backups of the journal at `journal_path`, newest first, told by their names: quick,
    whatever their size or encryption (`count_people` opens one to count its people)."""
    journal_path = Path(journal_path).expanduser()
    folder = backup_dir(journal_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{glob.escape(journal_path.stem)}-*.*"):
        match = _NAME.match(path.name)
        if match and match["stem"] == journal_path.stem:
            taken = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
            found.append(BackupInfo(path, taken, match["reason"]))
    found.sort(key=lambda b: b.taken_at, reverse=True)
    return found


def count_people(backup_path: str | Path, passphrase: str | None = None) -> int | None:
    """How many people (not in the trash) a backup holds; None if it cannot be read.

    Opens the file: for an encrypted backup that is a whole key derivation, so a window asks
    this off its main thread, one backup at a time.
    """
    if Path(backup_path).suffix == ".json":  # a server journal's export
        try:
            with open(backup_path, encoding="utf-8") as f:
                people = json.load(f).get("people", [])
        except (OSError, ValueError, AttributeError):
            return None
        return len(people) if isinstance(people, list) else None
    try:
        con = sqlite_file.open_file(Path(backup_path), passphrase, readonly=True)
        try:
            row = con.execute("SELECT COUNT(*) FROM person WHERE trashed_at IS NULL").fetchone()
        finally:
            con.close()
    except (sqlite3.Error, sqlite_file.DatabaseError, JournalError):
        return None
    return int(row[0])


def with_people(found: list[BackupInfo], passphrase: str | None = None) -> list[BackupInfo]:
    """The same backups with how many people each holds (slow: opens each one)."""
    return [dataclasses.replace(b, people=count_people(b.path, passphrase)) for b in found]


def _is_empty(journal_path: Path, passphrase: str | None) -> bool:
    con = sqlite_file.open_file(journal_path, passphrase)
    try:
        return bool(con.execute("SELECT NOT EXISTS (SELECT 1 FROM person)").fetchone()[0])
    finally:
        con.close()


def daily_backup_if_due(
    journal_path: str | Path, passphrase: str | None = None, today: dt.date | None = None
) -> Path | None:
    """Back up once a day (a journal with nobody in it needs none), then rotate."""
    journal_path = Path(journal_path).expanduser()
    today = today or dt.date.today()
    if any(b.taken_at.date() == today for b in list_backups(journal_path)):
        return None
    if _is_empty(journal_path, passphrase):
        return None
    path = backup(journal_path, reason="daily", passphrase=passphrase)
    rotate(journal_path, keep_latest=KEEP_LATEST)
    return path


def backup_before_import() -> Path | None:
    """Back up the open journal before an import writes to it; a journal with nobody in it has
    nothing to lose. Keeps the last few such backups."""
    from .models import database

    db = database.obj
    if db is None or not isinstance(db, SqliteDatabase):
        return None  # a server journal: the import is one transaction, its backups are daily
    journal_path = Path(db.database)
    if db.execute_sql("SELECT NOT EXISTS (SELECT 1 FROM person)").fetchone()[0]:
        return None
    path = backup(journal_path, reason="before-import", passphrase=sqlite_file.passphrase_of(db))
    rotate(journal_path, keep_latest=KEEP_LATEST)
    return path


def rotate(journal_path: str | Path, keep_latest: int = 0) -> list[Path]:
    """Keep the newest backup of each of the last 7 days and of each of the last 4 weeks (and
    the `keep_latest` newest of all, so a restore or an import made today can be undone)."""
    backups = list_backups(journal_path)
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
