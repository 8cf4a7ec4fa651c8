"""Plain words for a write the file system refused: a full disk, a read-only file or folder."""

from __future__ import annotations

import errno

FULL = (
    "The disk is full, so the journal could not be written. Free some space (or move the "
    "journal), then save again."
)
READ_ONLY = (
    "The journal's file or folder is read-only, so it could not be written. Make it writable "
    "(or open a copy somewhere you can write), then save again."
)
IO_ERROR = (
    "The disk reported an error reading or writing the journal (it may be full, removed or "
    "failing). Free some space or check the disk, then try again."
)
UNREACHABLE = (
    "The journal's file could not be reached (a removed disk, a folder that is gone or "
    "read-only). Bring it back, then save again."
)


def explain(exc: BaseException) -> str | None:
    """What went wrong, fit to show a person, when `exc` is a refused write; else None.

    The chain is followed: after SQLITE_FULL, SQLite has already rolled back, so the error
    raised is the failed rollback ("no transaction is active") and the cause is its context.
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if (words := _explain_one(current)) is not None:
            return words
        current = current.__cause__ or current.__context__
    return None


def _explain_one(exc: BaseException) -> str | None:
    code = getattr(exc, "errno", None)
    if code == errno.ENOSPC or code == errno.EDQUOT:
        return FULL
    if code in (errno.EROFS, errno.EACCES, errno.EPERM):
        return READ_ONLY
    text = str(exc).lower()
    if "disk is full" in text or "no space left" in text:
        return FULL
    if "readonly database" in text or "read-only file system" in text:
        return READ_ONLY
    if "disk i/o error" in text:
        return IO_ERROR
    if "unable to open database file" in text:
        return UNREACHABLE
    return None
