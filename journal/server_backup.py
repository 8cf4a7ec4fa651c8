"""Backups of a server journal: a JSON export of the whole journal (the format `rapport import`
and `rapport copy` read back), in the same folder and rotation as a file journal's copies.

A file journal is copied page for page by `backups`; a server's own pages are its
administrator's to dump (pg_dump), and a JSON export restores into any journal, file or server.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from . import backups, interchange, private
from .errors import JournalError
from .storage import Journal


def backup(journal: Journal, dest: str | Path | None = None, *, reason: str = "manual") -> Path:
    """Export the server journal to `dest` (else a new file in its backup folder), whole or not
    at all, readable by its owner only; returns the path."""
    if dest is None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        folder = backups.backup_dir(journal.path)
        name = f"{journal.path.stem}-{stamp}-{reason}"
        dest = folder / f"{name}.json"
        for n in range(2, 100):
            if not dest.exists():
                break
            dest = folder / f"{name}-{n}.json"
    dest = Path(dest).expanduser()
    try:
        private.make_folder(dest.parent)
        with private.replacing(dest, private=True) as out:
            for piece in interchange.export_json_pieces():
                out.write(piece)
    except OSError as exc:
        raise JournalError(f"backup to {dest} failed: {exc.strerror or exc}") from exc
    return dest


def daily_backup_if_due(journal: Journal, today: dt.date | None = None) -> Path | None:
    """Export once a day (a journal with nobody in it needs none), then rotate."""
    today = today or dt.date.today()
    if any(b.taken_at.date() == today for b in backups.list_backups(journal.path)):
        return None
    from .people import count_people

    if count_people() == 0:
        return None
    path = backup(journal, reason="daily")
    backups.rotate(journal.path, keep_latest=backups.KEEP_LATEST)
    return path
