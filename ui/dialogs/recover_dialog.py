"""At start, a journal that is damaged or not a journal at all: say so plainly and offer to put
the newest good backup in its place (the damaged file is kept beside it, never deleted)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from journal import recovery
from journal.backups import BackupInfo

from ..guard import attempt
from .restore_model import people_label, reason_label, when_label


def recovery_box(path: Path, problem: str, good: BackupInfo, parent: QWidget | None = None):
    """The question, with a "Restore the backup" button (returned with the box)."""
    box = QMessageBox(parent)
    box.setObjectName("recoverDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Rapport")
    box.setText("This journal is damaged, or it is not a Rapport journal.")
    box.setInformativeText(
        f"{problem}\n\nRapport did not change the file.\n\n"
        f"The newest good backup is from {when_label(good.taken_at)} "
        f"({reason_label(good.reason).lower()}, {people_label(good.people)}). Restoring it puts "
        f"a copy where the journal is; the damaged file stays beside it as "
        f"{path.name}.damaged-…"
    )
    box.setDetailedText(f"Journal: {path}\nBackup: {good.path}")
    restore = box.addButton("Restore the backup", QMessageBox.ButtonRole.AcceptRole)
    restore.setObjectName("restoreBackupButton")
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    return box, restore


def offer_recovery(path: Path, problem: str, parent: QWidget | None = None) -> bool | None:
    """True once the newest good backup is in place; False if the person said no;
    None when there is no backup to offer (the caller says the journal cannot be opened)."""
    good = recovery.newest_good_backup(path)
    if good is None:
        return None
    box, restore = recovery_box(path, problem, good, parent)
    box.exec()
    if box.clickedButton() is not restore:
        return False
    damaged = attempt(parent, "Restoring the backup", recovery.restore_into, path, good.path)
    return damaged is not None
