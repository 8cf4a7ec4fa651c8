"""Where the journal lives when no path is given (the same folder Qt's AppDataLocation names)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "Rapport"
ENV_VAR = "RAPPORT_JOURNAL"
FILE_NAME = "journal.sqlite"


def app_data_dir() -> Path:
    """The platform's application-data folder (organisation and application both 'Rapport')."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP / APP


def default_journal_path(override: str | os.PathLike[str] | None = None) -> Path:
    """`override` if given, else $RAPPORT_JOURNAL, else journal.sqlite in the app-data folder."""
    chosen = override or os.environ.get(ENV_VAR)
    if chosen:
        return Path(chosen).expanduser()
    return app_data_dir() / FILE_NAME


def chosen_location(override: str | None = None) -> str | Path:
    """Like default_journal_path, but a server journal's URL stays a URL."""
    chosen = override or os.environ.get(ENV_VAR)
    if chosen and chosen.strip().lower().startswith(("postgresql://", "postgres://")):
        return chosen.strip()
    return default_journal_path(chosen)


def server_side_folder(url: str) -> Path:
    """Where a server journal's local side files go (its backups): one folder per server and
    database, named without the password."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    name = f"{parts.hostname or 'local'}-{parts.port or 5432}-{parts.path.strip('/') or 'default'}"
    safe = "".join(c if c.isalnum() or c in "-._" else "_" for c in name)
    return app_data_dir() / "servers" / safe
