"""One journal, one window: an advisory lock the operating system drops when the process dies.

The command line does not take it: its writes are safe beside the window (WAL, busy timeout).
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from .errors import JournalError
from .private import FILE_MODE

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True


class JournalLock:
    """Held by the window that has a journal open; a killed holder leaves no stale lock."""

    def __init__(self, journal_path: str | os.PathLike[str]) -> None:
        self.path = Path(journal_path).with_name(Path(journal_path).name + ".lock")
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock; False if another live process holds it."""
        if self._fd is not None:
            return True
        for _ in range(10):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
            except OSError as exc:
                message = f"cannot create the lock file {self.path}: {exc.strerror}"
                raise JournalError(message) from exc
            if not _try_lock(fd):
                os.close(fd)
                return False
            if self._still_the_file(fd):
                break
            os.close(fd)  # the holder removed the file as we locked it: take the new one
        else:
            return False
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd
        return True

    def _still_the_file(self, fd: int) -> bool:
        try:
            return os.fstat(fd).st_ino == os.stat(self.path).st_ino
        except OSError:
            return False

    def holder(self) -> int | None:
        """The process id written by whoever holds (or last held) the lock."""
        try:
            return int(self.path.read_text().strip() or 0) or None
        except (OSError, ValueError):
            return None

    def release(self) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            self.path.unlink()
        os.close(self._fd)
        self._fd = None

    def __enter__(self) -> JournalLock:
        if not self.acquire():
            raise JournalError(f"{self.path.with_suffix('')} is open in another Rapport window")
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
