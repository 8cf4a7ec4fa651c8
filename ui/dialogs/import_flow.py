"""File → Import… from start to end: choose a file, read it and plan the import off the GUI
thread, preview, import in the background, then the summary and possible duplicates."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from journal.contacts import ContactImportReport, NearDuplicate, import_contacts, read_contacts
from journal.contacts.review import possible_duplicates, still_to_review
from journal.errors import JournalError
from journal.progress import Cancelled

from ..guard import tell_failure
from ..item_models.import_plan import ImportPlan
from ..tasks import TaskRunner
from . import journal_files
from .import_preview import ImportPreviewDialog
from .merge_dialog import DuplicatesDialog

if TYPE_CHECKING:
    from ..shell import Shell

BUSY = "Still busy with the last backup, import or export; try again in a moment."


def plan_import(path: Path) -> ImportPlan:
    """Read the file and do a dry run of its import (in the worker: it writes nothing)."""
    parsed = read_contacts(path)
    return ImportPlan(parsed, import_contacts(parsed, dry_run=True))


class ImportFlow(QObject):
    """The window's import and duplicate review; the dialogs it shows stay reachable here."""

    def __init__(self, window: Shell, background: TaskRunner) -> None:
        super().__init__(window)
        self.window = window
        self.background = background
        self.preview: ImportPreviewDialog | None = None
        self.refusal: QMessageBox | None = None
        self.duplicates: DuplicatesDialog | None = None
        self.path: Path | None = None

    # --- import ---------------------------------------------------------------------------
    def start(self, path: Path | None = None) -> None:
        path = path or journal_files.choose_import_file(self.window)
        if path is None:
            return
        self.window.flush_edits()
        self.path = Path(path)
        started = self.background.run(
            f"Reading {self.path.name}",
            lambda _progress: plan_import(self.path),
            self._show_preview,
            parent=self.window,
            failed=self._refused,
        )
        if not started:
            self.window.status(BUSY)

    def _refused(self, exc: BaseException) -> None:
        if not isinstance(exc, JournalError):
            tell_failure(self.window, "Reading the file", exc)
            return
        name = self.path.name if self.path else "This file"
        box = QMessageBox(QMessageBox.Icon.Warning, "Import contacts", "", parent=self.window)
        box.setObjectName("importRefusedDialog")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"{name} cannot be imported: {str(exc).rstrip('.')}.")
        box.setInformativeText("Nothing was changed in the journal.")
        box.finished.connect(lambda: self._closed(box))
        self.refusal = box
        box.open()

    def _show_preview(self, plan: ImportPlan) -> None:
        assert self.path is not None
        dialog = ImportPreviewDialog(plan, self.path, self.window)
        dialog.importRequested.connect(lambda: self._import(dialog))
        dialog.finished.connect(lambda: self._closed(dialog))
        self.preview = dialog
        dialog.open()

    def _import(self, dialog: ImportPreviewDialog) -> None:
        parsed = dialog.plan.parsed

        def failed(exc: BaseException) -> None:
            dialog.set_busy(False)
            if isinstance(exc, Cancelled):
                self.window.status("Import cancelled: nothing was imported.")
            else:
                tell_failure(dialog, "Importing", exc)

        started = self.background.run(
            "Importing",
            lambda progress: import_contacts(parsed, progress=progress),
            lambda report: self._imported(dialog, report),
            failed=failed,
            bar=dialog.bar,
        )
        if started:
            dialog.cancelRequested.connect(self.background.cancel)
        else:
            dialog.set_busy(False)
            self.window.status(BUSY)

    def _imported(self, dialog: ImportPreviewDialog, report: ContactImportReport) -> None:
        dialog.set_busy(False)
        dialog.accept()
        self.window.status(f"Imported: {report.summary()}.")
        pairs = still_to_review(report.near_duplicates)
        if pairs:
            self.show_duplicates(pairs)

    def _closed(self, dialog: QDialog) -> None:
        """Forget a dialog once it is closed (tests and the next import look at these)."""
        if self.refusal is dialog:
            self.refusal = None
        if self.preview is dialog:
            self.preview = None
        if self.duplicates is dialog:
            self.duplicates = None
        dialog.deleteLater()

    # --- duplicates ---------------------------------------------------------------------
    def review_duplicates(self) -> None:
        """Edit → Review possible duplicates: look for them in the worker, then the dialog."""
        self.window.flush_edits()
        started = self.background.run(
            "Looking for possible duplicates",
            lambda _progress: possible_duplicates(),
            self.show_duplicates,
            parent=self.window,
        )
        if not started:
            self.window.status(BUSY)

    def show_duplicates(self, pairs: list[NearDuplicate]) -> DuplicatesDialog:
        if not pairs:
            self.window.status("No possible duplicates to review.")
        dialog = DuplicatesDialog(list(pairs), self.window.session, self.window)
        dialog.finished.connect(lambda: self._closed(dialog))
        self.duplicates = dialog
        dialog.open()
        return dialog
