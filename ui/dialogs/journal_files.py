"""Choosing files: journals (new, existing, the sample), contacts to import, where exports and
briefs go."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from journal import sample_folder
from journal.errors import JournalError
from journal.lock import JournalLock
from journal.storage import Journal

FILTER = "Rapport journals (*.sqlite *.rapport);;All files (*)"
IMPORT_FILTER = "Contacts (*.vcf *.vcard *.csv *.tsv *.txt *.json);;All files (*)"


def choose_new_journal(parent: QWidget | None) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, "New journal", "journal.sqlite", FILTER)
    return Path(name) if name else None


def choose_existing_journal(parent: QWidget | None) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, "Open journal", "", FILTER)
    return Path(name) if name else None


def create_sample_journal() -> Journal:
    """A fresh sample journal in a private temporary folder (opened; it becomes the current
    journal). The folders of samples whose Rapport was killed are removed first."""
    folder = sample_folder.new_folder()
    from journal import sample  # on first use: it is not needed to start the window

    return sample.create_sample_journal(folder / "sample.sqlite")


is_sample = sample_folder.is_sample


def choose_import_file(parent: QWidget | None) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, "Import contacts", documents(), IMPORT_FILTER)
    return Path(name) if name else None


def documents() -> str:
    """Where save and open dialogs start: the person's documents folder (else their home)."""
    for location in (
        QStandardPaths.StandardLocation.DocumentsLocation,
        QStandardPaths.StandardLocation.HomeLocation,
    ):
        folder = QStandardPaths.writableLocation(location)
        if folder and Path(folder).is_dir():
            return folder
    return str(Path.home())


def choose_save_file(
    parent: QWidget | None, title: str, suggested: Path, filters: str
) -> Path | None:
    """A file to write (the dialog asks before replacing one); None if the person cancelled."""
    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), filters)
    return Path(name) if name else None


def choose_folder(parent: QWidget | None, title: str, start: Path) -> Path | None:
    name = QFileDialog.getExistingDirectory(parent, title, str(start))
    return Path(name) if name else None


def lock_journal(path: Path) -> JournalLock:
    """Take the one-window lock on the journal at `path`, or say who has it."""
    lock = JournalLock(path)
    if not lock.acquire():
        holder = lock.holder()
        who = f" (process {holder})" if holder else ""
        raise JournalError(f"{path} is already open in another Rapport window{who}.")
    return lock
