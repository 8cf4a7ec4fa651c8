"""The list of a journal's backups for File → Restore from backup…: when, why, how many people."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from journal.backups import BackupInfo

from ..item_models.headers import column_title

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
HEADERS = ("Taken", "Why", "People")
PATH_ROLE = Qt.ItemDataRole.UserRole + 1
REASONS = {
    "daily": "Daily backup",
    "manual": "Backup now",
    "before-import": "Before an import",
    "before-restore": "Before a restore",
}


def reason_label(reason: str) -> str:
    """Plain words for the reason in a backup's name ("before-import-2": "Before an import")."""
    base = reason.rstrip("0123456789").rstrip("-") or reason
    if base in REASONS:
        return REASONS[base]
    if base.startswith("before-v"):
        return "Before updating Rapport"
    return base.replace("-", " ").capitalize()


def when_label(taken: dt.datetime, today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    if taken.date() == today:
        return f"Today, {taken:%H:%M}"
    if taken.date() == today - dt.timedelta(days=1):
        return f"Yesterday, {taken:%H:%M}"
    return f"{taken:%a} {taken.day} {taken:%b %Y}, {taken:%H:%M}"


def people_label(count: int | None) -> str:
    if count is None:
        return "unreadable"
    return "1 person" if count == 1 else f"{count} people"


class BackupsModel(QAbstractTableModel):
    """A few dozen backups at most: held whole, newest first. Their people are counted later
    (`set_counts`): until then the column says so."""

    def __init__(self, backups: list[BackupInfo], parent=None) -> None:
        super().__init__(parent)
        self._backups = list(backups)
        self.counted = False

    def set_counts(self, counted: list[BackupInfo]) -> None:
        """The same backups, each with how many people it holds."""
        people = {b.path: b.people for b in counted}
        self._backups = [replace(b, people=people.get(b.path)) for b in self._backups]
        self.counted = True
        if self._backups:
            self.dataChanged.emit(self.index(0, 2), self.index(len(self._backups) - 1, 2))

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._backups)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def backup_at(self, row: int) -> BackupInfo:
        return self._backups[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._backups):
            return None
        info = self._backups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return when_label(info.taken_at)
            if column == 1:
                return reason_label(info.reason)
            return people_label(info.people) if self.counted else "counting…"
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(info.path)
        if role == PATH_ROLE:
            return str(info.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        return column_title(HEADERS, section, orientation, role)

    def path_at(self, row: int) -> Path:
        return self._backups[row].path
