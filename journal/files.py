"""Writing a file whole or not at all: a temporary file beside it, synced, then renamed."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import JournalError
from .private import replacing


def write_text_atomically(path: str | os.PathLike[str], text: str) -> Path:
    """Write UTF-8 text to `path`; on any failure the old file (if any) is left as it was.

    The temporary file is private; `path` gets the mode the person's umask gives (an export).
    """
    path = Path(path).expanduser()
    try:
        with replacing(path) as out:
            out.write(text.encode("utf-8"))
    except OSError as exc:
        raise JournalError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return path
