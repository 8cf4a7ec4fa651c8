"""Known errors and bugs: which known error an exception is (by SQLite's result code or the
server's SQLSTATE), in plain words.

A known error comes from the person or their computer (a mistake, a full disk, a read-only
file, another Rapport writing, a damaged file, a wrong passphrase, a server out of reach);
anything else is a bug.
"""

from __future__ import annotations

import enum
import errno
from collections.abc import Iterator

from .errors import JournalBusy, JournalError, NotAJournal, PassphraseNeeded, WrongPassphrase


class Fault(enum.Enum):
    """A known error: what went wrong, not whose code failed."""

    MISTAKE = "mistake"
    FULL = "full"
    READ_ONLY = "read-only"
    BUSY = "busy"
    DAMAGED = "damaged"
    WRONG_PASSPHRASE = "wrong passphrase"
    IO_ERROR = "i/o error"
    CANNOT_OPEN = "cannot open"
    OFFLINE = "offline"


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
BUSY = (
    "The journal is busy: another Rapport (a window, an import or a command) is writing to it "
    "and has not finished. Wait for it, then save again."
)
DAMAGED = (
    "The journal's file is damaged. Nothing more was written to it; restore a backup "
    "(File → Restore from backup…, or rapport restore)."
)

OFFLINE = (
    "The journal's server cannot be reached (it is down, or the network is). Nothing was "
    "written; what you typed is kept. Try again when it is back."
)

# SQLite's primary result codes (https://sqlite.org/rescode.html); an extended code such as
# SQLITE_READONLY_DBMOVED or SQLITE_BUSY_SNAPSHOT carries its primary code in the low byte.
SQLITE_CODES = {
    3: Fault.READ_ONLY,  # SQLITE_PERM
    5: Fault.BUSY,  # SQLITE_BUSY
    6: Fault.BUSY,  # SQLITE_LOCKED
    8: Fault.READ_ONLY,  # SQLITE_READONLY
    10: Fault.IO_ERROR,  # SQLITE_IOERR
    11: Fault.DAMAGED,  # SQLITE_CORRUPT
    13: Fault.FULL,  # SQLITE_FULL
    14: Fault.CANNOT_OPEN,  # SQLITE_CANTOPEN
    26: Fault.DAMAGED,  # SQLITE_NOTADB
}
ERRNOS = {
    errno.ENOSPC: Fault.FULL,
    errno.EDQUOT: Fault.FULL,
    errno.EROFS: Fault.READ_ONLY,
    errno.EACCES: Fault.READ_ONLY,
    errno.EPERM: Fault.READ_ONLY,
    errno.EIO: Fault.IO_ERROR,
}
# PostgreSQL's SQLSTATE codes (https://www.postgresql.org/docs/current/errcodes-appendix.html),
# by the code or by its class (the first two characters).
SQLSTATES = {
    "55P03": Fault.BUSY,  # lock_not_available: another writer kept its lock past our wait
    "40P01": Fault.BUSY,  # deadlock_detected: the other transaction went on, ours can retry
    "40001": Fault.BUSY,  # serialization_failure
    "53100": Fault.FULL,  # disk_full
    "25006": Fault.READ_ONLY,  # read_only_sql_transaction (a standby)
    "57P01": Fault.OFFLINE,  # admin_shutdown
    "57P02": Fault.OFFLINE,  # crash_shutdown
    "57P03": Fault.OFFLINE,  # cannot_connect_now
    "08": Fault.OFFLINE,  # connection_exception and its kind
}
# Only for exceptions that carry no code (an error re-raised as text by a library).
MESSAGES = (
    ("disk is full", Fault.FULL),
    ("no space left", Fault.FULL),
    ("readonly database", Fault.READ_ONLY),
    ("read-only file system", Fault.READ_ONLY),
    ("database is locked", Fault.BUSY),
    ("database table is locked", Fault.BUSY),
    ("database is busy", Fault.BUSY),
    ("disk i/o error", Fault.IO_ERROR),
    ("unable to open database file", Fault.CANNOT_OPEN),
    ("database disk image is malformed", Fault.DAMAGED),
    ("file is not a database", Fault.DAMAGED),
    # psycopg says these with no SQLSTATE: the connection itself is gone
    ("server closed the connection", Fault.OFFLINE),
    ("connection is closed", Fault.OFFLINE),
    ("connection is lost", Fault.OFFLINE),
    ("terminating connection", Fault.OFFLINE),
    ("consuming input failed", Fault.OFFLINE),
    ("sending query failed", Fault.OFFLINE),
    ("connection refused", Fault.OFFLINE),
)
# What `explain` says: the computer's refusals. A mistake or a damaged file has words of its own.
WORDS = {
    Fault.FULL: FULL,
    Fault.READ_ONLY: READ_ONLY,
    Fault.IO_ERROR: IO_ERROR,
    Fault.CANNOT_OPEN: UNREACHABLE,
    Fault.BUSY: BUSY,
    Fault.OFFLINE: OFFLINE,
}


def classify(exc: BaseException) -> Fault | None:
    """Which known error `exc` is, or None for a bug.

    A JournalError of a particular kind says so itself; otherwise the SQLite result code (or
    errno) found on the exception or anything it was raised from decides. peewee re-raises a
    driver's error as its own class with the original as its context and first argument; after
    SQLITE_FULL SQLite has rolled back already, so the error raised is a failed rollback whose
    context is the real cause. Message text decides only when no code is found.
    """
    if isinstance(exc, PassphraseNeeded | WrongPassphrase):
        return Fault.WRONG_PASSPHRASE
    if isinstance(exc, NotAJournal):
        return Fault.DAMAGED
    if isinstance(exc, JournalBusy):
        return Fault.BUSY
    if type(exc).__name__ == "ServerUnavailable":  # journal.server's; not imported (it is light)
        return Fault.OFFLINE
    chain = list(_chain(exc))
    for current in chain:
        if (fault := _by_code(current)) is not None:
            return fault
    if isinstance(exc, JournalError):
        return Fault.MISTAKE
    if any(isinstance(getattr(c, "sqlite_errorcode", None), int) for c in chain):
        return None  # SQLite said what it was, and it is none of the known errors
    if any(isinstance(getattr(c, "sqlstate", None), str) for c in chain):
        return None  # so did the server
    for current in chain:
        text = str(current).lower()
        for words, fault in MESSAGES:
            if words in text:
                return fault
    return None


def explain(exc: BaseException) -> str | None:
    """Plain words for a write the computer refused (a full disk, a read-only file, another
    Rapport writing, a disk error, an unreachable file); None for anything else."""
    fault = classify(exc)
    return None if fault is None else WORDS.get(fault)


def _by_code(exc: BaseException) -> Fault | None:
    state = getattr(exc, "sqlstate", None)
    if isinstance(state, str):
        return SQLSTATES.get(state) or SQLSTATES.get(state[:2])
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return SQLITE_CODES.get(code & 0xFF)
    number = getattr(exc, "errno", None)
    if isinstance(number, int):
        return ERRNOS.get(number)
    return None


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """`exc` and every exception it was raised from or while handling, each once."""
    seen: set[int] = set()
    todo = [exc]
    while todo:
        current = todo.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        wrapped = [a for a in current.args[:1] if isinstance(a, BaseException)]
        todo += [*wrapped, *(e for e in (current.__cause__, current.__context__) if e)]


def damaged(exc: BaseException) -> bool:
    """True when `exc` (or what it was raised from) says the file itself is damaged: SQLite met
    a broken page, or the journal was found not whole. The file is then left as it is."""
    return classify(exc) is Fault.DAMAGED
