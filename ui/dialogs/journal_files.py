"""Choosing journal files (new, existing, sample) and where the sample journal goes."""

from __future__ import annotations

import importlib
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from journal.errors import JournalError
from journal.storage import Journal

FILTER = "Rapport journals (*.sqlite *.rapport);;All files (*)"


def choose_new_journal(parent: QWidget | None) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, "New journal", "journal.sqlite", FILTER)
    return Path(name) if name else None


def choose_existing_journal(parent: QWidget | None) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, "Open journal", "", FILTER)
    return Path(name) if name else None


def sample_available() -> bool:
    try:
        module = importlib.import_module("journal.sample")
    except ImportError:
        return False
    return hasattr(module, "create_sample_journal")


def create_sample_journal() -> Journal:
    """A fresh sample journal in a temporary folder (opened; it becomes the current journal)."""
    if not sample_available():
        raise JournalError("The sample journal is not part of this version of Rapport yet.")
    sample = importlib.import_module("journal.sample")
    folder = Path(tempfile.mkdtemp(prefix="rapport-sample-"))
    return sample.create_sample_journal(folder / "sample.sqlite")


def interchange_available() -> bool:
    try:
        module = importlib.import_module("journal.interchange")
    except ImportError:
        return False
    return hasattr(module, "import_journal")


def import_contacts(parent: QWidget | None) -> int | None:
    """Ask for a Rapport JSON file and import it; returns how many people came in, or None."""
    if not interchange_available():
        return None
    from ..guard import attempt

    name, _ = QFileDialog.getOpenFileName(
        parent, "Import contacts", "", "Rapport JSON (*.json);;All files (*)"
    )
    if not name:
        return None
    interchange = importlib.import_module("journal.interchange")
    result = attempt(
        parent,
        "Importing",
        lambda: interchange.import_journal(interchange.load_json(Path(name))),
    )
    if result is None:
        return None
    return int(getattr(result, "people", 0) or 0)
