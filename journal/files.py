"""Writing a file whole or not at all: a temporary file beside it, synced, then renamed."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import JournalError


def write_text_atomically(path: str | os.PathLike[str], text: str) -> Path:
    """Write UTF-8 text to `path`; on any failure the old file (if any) is left as it was."""
    path = Path(path).expanduser()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise JournalError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return path
