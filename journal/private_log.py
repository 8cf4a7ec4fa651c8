"""A log file that is its owner's only (a module of its own: opening a journal needs no
logging handlers)."""

from __future__ import annotations

import io
import logging.handlers
import os
from pathlib import Path

from .private import FILE_MODE, make_folder, opener, set_mode


class PrivateLogHandler(logging.handlers.RotatingFileHandler):
    """A rotated log whose files (and the folders made for them) are their owner's only: a
    traceback can quote what was typed. A log file made before by someone less careful is made
    private too."""

    def __init__(self, path: str | os.PathLike[str], max_bytes: int, keep: int) -> None:
        make_folder(Path(path).parent)
        super().__init__(path, maxBytes=max_bytes, backupCount=keep, encoding="utf-8")

    def _open(self) -> io.TextIOWrapper:  # logging's own hook for opening the file
        stream = open(  # noqa: SIM115 - the handler keeps it open
            self.baseFilename, self.mode, encoding=self.encoding, errors=self.errors, opener=opener
        )
        assert isinstance(stream, io.TextIOWrapper)
        set_mode(self.baseFilename, FILE_MODE)
        return stream
