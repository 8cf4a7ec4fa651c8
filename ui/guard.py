"""What a failed journal operation means to the person at the window: a mistake to correct, a
known trouble (full disk, read-only, busy, damaged) in plain words, or a bug (logged, shown)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from journal import faults

from . import bugs, damage

T = TypeVar("T")

KEPT = "Nothing already saved was lost, and what you typed is still in the window."


def tell_failure(parent: QWidget | None, action: str, exc: BaseException) -> None:
    """Say why `action` failed: a dialog for a known error (classified by `journal.faults`, by
    SQLite error code), the bug dialog for anything else; damage goes to the window's
    DamageWatch, which offers a backup in its place (ui/damage.py)."""
    if damage.report(exc):
        return
    fault = faults.classify(exc)
    if fault is None:
        bugs.report(parent, action, exc)
    elif fault is faults.Fault.MISTAKE:
        _tell(parent, action, str(exc), "Please correct it and try again.")
    else:
        _tell(parent, action, faults.explain(exc) or str(exc), KEPT)


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
