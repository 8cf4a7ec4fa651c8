"""Writing a file whole or not at all: a temporary file beside it, synced, then renamed."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import JournalError
from .private import replacing

BATCH = 20_000  # pieces of text joined and written at a time


def write_text_atomically(path: str | os.PathLike[str], text: str | Iterable[str]) -> Path:
    """Write UTF-8 text to `path`; on any failure the old file (if any) is left as it was.

    `text` may come in pieces (a JSON encoder's chunks): they are written a batch at a time, so
    no single step holds the interpreter long enough to stall the window's thread.
    The temporary file is private; `path` gets the mode the person's umask gives (an export).
    """
    if isinstance(text, str):
        return write_pieces_atomically(path, [text.encode("utf-8")])
    return write_pieces_atomically(
        path, ("".join(batch).encode("utf-8") for batch in batched(text, BATCH))
    )


def write_pieces_atomically(path: str | os.PathLike[str], pieces: Iterable[bytes]) -> Path:
    """`write_text_atomically` for text already encoded, in pieces written as they come."""
    path = Path(path).expanduser()
    try:
        with replacing(path) as out:
            for piece in pieces:
                out.write(piece)
    except OSError as exc:
        raise JournalError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return path


def batched(pieces: Iterable[str], size: int) -> Iterator[list[str]]:
    batch: list[str] = []
    for piece in pieces:
        batch.append(piece)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
