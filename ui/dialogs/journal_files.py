"""Choosing journal files (new, existing, sample) and where the sample journal goes."""

from __future__ import annotations

import importlib
import shutil
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from journal.errors import JournalError
from journal.lock import JournalLock
from journal.storage import Journal

SAMPLE_PREFIX = "rapport-sample-"
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
    folder = Path(tempfile.mkdtemp(prefix=SAMPLE_PREFIX))
    return sample.create_sample_journal(folder / "sample.sqlite")


def is_sample(path: Path) -> bool:
    """A throwaway sample journal (not worth remembering among recent journals)."""
    return Path(path).parent.name.startswith(SAMPLE_PREFIX)


def remove_sample(path: Path) -> None:
    """Delete a sample journal's temporary folder (after its window closed)."""
    if is_sample(path):
        shutil.rmtree(Path(path).parent, ignore_errors=True)


def interchange_available() -> bool:
    try:
        module = importlib.import_module("journal.interchange")
    except ImportError:
        return False
    return hasattr(module, "import_journal")


IMPORT_FILTER = "Contacts (*.vcf *.vcard *.csv *.json);;All files (*)"


def choose_import_file(parent: QWidget | None) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, "Import contacts", "", IMPORT_FILTER)
    return Path(name) if name else None


def contacts_available() -> bool:
    try:
        module = importlib.import_module("journal.contacts")
    except ImportError:
        return False
    return hasattr(module, "import_contacts")


def import_file(path: Path) -> str:
    """Import a contacts file (vCard, CSV or Rapport JSON) into the open journal, all or
    nothing; returns one line saying what came in."""
    if contacts_available():
        report = importlib.import_module("journal.contacts").import_contacts(Path(path))
        return f"Imported: {report.summary()}."
    if not interchange_available():
        raise JournalError("Importing is not part of this version of Rapport yet.")
    interchange = importlib.import_module("journal.interchange")
    report = interchange.import_journal(interchange.load_json(Path(path)))
    count = int(getattr(report, "people", 0) or 0)
    return f"Imported {count} {'person' if count == 1 else 'people'}."


def import_available() -> bool:
    return contacts_available() or interchange_available()


def lock_journal(path: Path) -> JournalLock:
    """Take the one-window lock on the journal at `path`, or say who has it."""
    lock = JournalLock(path)
    if not lock.acquire():
        holder = lock.holder()
        who = f" (process {holder})" if holder else ""
        raise JournalError(f"{path} is already open in another Rapport window{who}.")
    return lock
