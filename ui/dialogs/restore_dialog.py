"""File → Restore from backup…: pick a backup, confirm, and the window shows the journal as it
was then. What was there before is backed up first, so the restore can be undone."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from journal import backups, recovery
from journal.backups import BackupInfo
from journal.progress import Progress
from journal.storage import Journal

from ..guard import attempt
from .restore_model import BackupsModel, people_label, reason_label, when_label

if TYPE_CHECKING:
    from ..shell import Shell


class RestoreDialog(QDialog):
    """Lists the backups; `chosen(path)` once the person has confirmed one."""

    chosen = Signal(object)

    def __init__(
        self, found: list[BackupInfo], folder: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle("Restore from backup")
        self.setAccessibleName("Restore from backup")
        intro = QLabel(
            "Choose a backup to bring back. The journal as it is now is saved first, "
            "so you can undo the restore by restoring that copy."
            if found
            else f"There are no backups of this journal yet in {folder}."
        )
        intro.setObjectName("restoreIntro")
        intro.setWordWrap(True)
        self.model = BackupsModel(found, self)
        self.table = QTableView()
        self.table.setObjectName("backupsTable")
        self.table.setAccessibleName("Backups")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _: self.confirm())
        self.where = QLabel(f"Backups are kept in {folder}")
        self.where.setObjectName("restoreFolder")
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = self.buttons.addButton(
            "&Restore…", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setDefault(True)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.where)
        layout.addWidget(self.buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        if found:
            self.table.selectRow(0)
        self._update()
        self.resize(560, 380)

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.backup_at(rows[0].row()) if rows else None

    def _update(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def confirm(self) -> None:
        info = self.selected()
        if info is None:
            return
        box = QMessageBox(self)
        box.setObjectName("confirmRestoreDialog")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Rapport")
        box.setText(f"Restore the backup from {when_label(info.taken_at)}?")
        box.setInformativeText(
            f"{reason_label(info.reason)}, {people_label(info.people)}. The journal will show "
            "what it held then. What it holds now is backed up first."
        )
        restore = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(restore)
        box.exec()
        if box.clickedButton() is restore:
            self.accept()
            self.chosen.emit(info.path)


def open_restore(window: Shell) -> RestoreDialog | None:
    """Show the backups of the window's journal; a confirmed choice is restored."""
    window.flush_edits()
    journal = window.session.journal
    found = attempt(window, "Listing the backups", backups.list_backups, journal.path)
    if found is None:
        return None
    dialog = RestoreDialog(found, backups.backup_dir(journal.path), window)
    dialog.chosen.connect(lambda path: restore_in_window(window, path))
    dialog.finished.connect(dialog.deleteLater)
    window.restore_dialog = dialog
    dialog.open()
    key = journal.passphrase  # each encrypted backup opened pays a key derivation: not here

    def counted(result: list[BackupInfo]) -> None:
        if isValid(dialog):
            dialog.model.set_counts(result)

    window.session.tasks.run(
        "Counting the people in each backup",
        lambda progress: count_people(found, key, progress),
        counted,
    )
    return dialog


def count_people(
    found: list[BackupInfo], passphrase: str | None, progress: Progress
) -> list[BackupInfo]:
    """`backups.with_people`, one backup at a time, saying how far it got."""
    counted = []
    for done, info in enumerate(found):
        progress(done, len(found))
        counted += backups.with_people([info], passphrase)
    progress(len(found), len(found))
    return counted


def restore_in_window(window: Shell, source: Path) -> bool:
    """Restore `source` over the window's journal in the task runner, then show it and tell
    where the old one went. False if another job is still running."""
    session = window.session
    session.tasks.wait()
    window.flush_edits()
    journal = session.journal
    return session.tasks.run(
        "Restoring the backup",
        lambda _progress: recovery.restore(journal, source),
        lambda result: _restored(window, source, *result),
        parent=window,
    )


def _restored(window: Shell, source: Path, journal: Journal, safety: Path) -> None:
    window.session.switch(journal)
    window.status(f"Restored {Path(source).name}. The journal before it is saved as {safety}.")
    box = QMessageBox(window)
    box.setObjectName("restoredDialog")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle("Rapport")
    box.setText("The backup was restored.")
    box.setInformativeText(
        f"The journal as it was just before is saved as\n{safety}\n\n"
        "To undo, restore that backup (File → Restore from backup…)."
    )
    box.open()
    window.restored_dialog = box
