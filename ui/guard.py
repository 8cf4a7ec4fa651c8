"""What a failed journal operation means to the person at the window: a mistake to correct, a
known trouble (full disk, read-only, busy, damaged) in plain words, or a bug (logged, shown)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from journal import faults
from journal.errors import JournalError

from . import bugs

T = TypeVar("T")

KEPT = "Nothing already saved was lost, and what you typed is still in the window."
SQLITE_BUSY, SQLITE_LOCKED = 5, 6
BUSY = (
    "Another Rapport (the command line, or a window on the same journal) is writing to the "
    "journal right now. Wait a moment, then try again."
)


def is_busy(exc: BaseException) -> bool:
    """True when another connection held the journal's write lock for too long."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED)
    text = str(exc).lower()
    return "database is locked" in text or "database is busy" in text


def known_trouble(exc: BaseException) -> str | None:
    """What went wrong in plain words when `exc` is a known trouble; None for a bug."""
    if isinstance(exc, JournalError):
        return str(exc)
    if is_busy(exc):
        return BUSY
    return faults.explain(exc)


def tell_failure(parent: QWidget | None, action: str, exc: BaseException) -> None:
    """Say why `action` failed: a dialog for a known trouble, the bug dialog for anything else."""
    if isinstance(exc, JournalError):
        _tell(parent, action, str(exc), "Please correct it and try again.")
    elif (words := known_trouble(exc)) is not None:
        _tell(parent, action, words, KEPT)
    else:
        bugs.report(parent, action, exc)


def attempt(parent: QWidget | None, action: str, op: Callable[..., T], *args, **kwargs) -> T | None:
    """Run `op`; on failure tell the person what happened (`tell_failure`) and return None.

    `action` says what was being done, e.g. "Saving the note".
    """
    try:
        return op(*args, **kwargs)
    except Exception as exc:
        tell_failure(parent, action, exc)
    return None


def _tell(parent: QWidget | None, action: str, what: str, reassurance: str) -> None:
    box = QMessageBox(parent)
    box.setObjectName("errorDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Rapport")
    box.setText(f"{action} did not work.")
    box.setInformativeText(f"{what}\n\n{reassurance}")
    box.exec()
