"""Running a journal operation from the window: a person's mistake or a failed write becomes a
plain dialog (nothing typed is thrown away), never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from journal import faults
from journal.errors import JournalError

T = TypeVar("T")


def attempt(parent: QWidget | None, action: str, op: Callable[..., T], *args, **kwargs) -> T | None:
    """Run `op`; on failure tell the person what happened and return None.

    `action` says what was being done, e.g. "Saving the note".
    """
    try:
        return op(*args, **kwargs)
    except JournalError as exc:
        _tell(parent, action, str(exc), "Please correct it and try again.")
    except Exception as exc:
        _tell(
            parent,
            action,
            faults.explain(exc)
            or f"The journal could not be written ({exc.__class__.__name__}: {exc}).",
            "Nothing already saved was lost, and what you typed is still in the window.",
        )
    return None


def _tell(parent: QWidget | None, action: str, what: str, reassurance: str) -> None:
    box = QMessageBox(parent)
    box.setObjectName("errorDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Rapport")
    box.setText(f"{action} did not work.")
    box.setInformativeText(f"{what}\n\n{reassurance}")
    box.exec()
