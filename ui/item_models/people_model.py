"""The People table: ids from a listing.Roster (typing narrows it with no read), rows fetched a
chunk at a time and cached."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from journal import listing
from journal.listing import PeopleFilter, Roster
from journal.records import PersonRow

from .format import FIT_LABELS, day
from .headers import column_title

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
COLUMNS = (
    ("Name", "name"),
    ("Company", "company"),
    ("Last touch", "last_touch"),
    ("Next reconnect", "next_reconnect"),
    ("Fit", "fit"),
    ("Focus", "focus"),
)
TITLES = tuple(title for title, _ in COLUMNS)
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# The roles this model answers, as plain ints: a view asks a dozen per cell on every paint, and
# reading an enum member each time costs more than answering.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ROLES = frozenset({_DISPLAY, _TOOLTIP, _FONT, int(PERSON_ID_ROLE)})
CHUNK = 50


class PeopleModel(QAbstractTableModel):
    """Holds person ids in display order; asks the journal for rows only when they are shown."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._filter = PeopleFilter()
        self._sort = "name"
        self._descending = False
        self._ids: list[int] = []
        self._roster: Roster | None = None  # everyone the filter passes but for its text
        self._rows: dict[int, tuple[PersonRow, tuple[str, ...]]] = {}  # with its cells' text
        self._loaded = False  # ids are read on the first reload, not when a sort is chosen

    # --- what the page sets -------------------------------------------------------------
    @property
    def people_filter(self) -> PeopleFilter:
        return self._filter

    def set_filter(self, where: PeopleFilter, *, read_again: bool = False) -> None:
        """When only the typed text changed, the roster already read is narrowed: nothing is
        read (unless `read_again`)."""
        same_roster = dataclasses.replace(where, text="") == dataclasses.replace(
            self._filter, text=""
        )
        self._filter = where
        if read_again or self._roster is None or not same_roster:
            self.reload()
            return
        self.beginResetModel()
        self._ids = self._roster.matching(where.text)
        self.endResetModel()

    def reload(self) -> None:
        """Read the people again (after a filter, a sort, or a new journal)."""
        self.beginResetModel()
        self._ids = self._read()
        self._rows.clear()
        self._loaded = True
        self.endResetModel()

    def _read(self) -> list[int]:
        self._roster = listing.roster(self._filter, sort=self._sort, descending=self._descending)
        return self._roster.matching(self._filter.text)

    def person_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, person_id: int) -> int | None:
        try:
            return self._ids.index(person_id)
        except ValueError:
            return None

    def person_changed(self, person_id: int) -> None:
        """Refresh one person's row: updated in place, removed or inserted as the filter says."""
        fresh = self._read()
        row = self.row_of(person_id)
        self._rows.pop(person_id, None)
        without_it = [i for i in fresh if i != person_id]
        current_without = [i for i in self._ids if i != person_id]
        if without_it != current_without:
            self.beginResetModel()
            self._ids = fresh
            self._rows.clear()
            self.endResetModel()
            return
        if row is not None and person_id not in fresh:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._ids[row]
            self.endRemoveRows()
        elif row is None and person_id in fresh:
            at = fresh.index(person_id)
            self.beginInsertRows(QModelIndex(), at, at)
            self._ids.insert(at, person_id)
            self.endInsertRows()
        elif row is not None and fresh.index(person_id) != row:
            to = fresh.index(person_id)
            self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), to + (to > row))
            self._ids = fresh
            self.endMoveRows()
        elif row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    # --- the model ----------------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        return column_title(TITLES, section, orientation, role)

    def data(self, index: Index, role: int = _DISPLAY) -> object:
        if role not in _ROLES:
            return None
        row = index.row()  # -1 for an invalid index
        if not 0 <= row < len(self._ids):
            return None
        person, texts = self._row(row)
        if role == _DISPLAY:
            return texts[index.column()]
        key = COLUMNS[index.column()][1]
        if role == PERSON_ID_ROLE:
            return person.id
        if role == _TOOLTIP and key == "name" and person.role:
            return f"{person.name}, {person.role}"
        if role == _FONT and person.trashed:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        if not self._loaded:  # nothing shown yet: remember the order for the first reload
            self._sort = COLUMNS[column][1]
            self._descending = order == Qt.SortOrder.DescendingOrder
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = COLUMNS[column][1]
        self._descending = order == Qt.SortOrder.DescendingOrder
        old = self.persistentIndexList()
        old_ids = [self.person_id(i.row()) for i in old]
        self._ids = self._read()
        new = []
        for index, pid in zip(old, old_ids, strict=True):
            row = self.row_of(pid) if pid is not None else None
            new.append(QModelIndex() if row is None else self.index(row, index.column()))
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    # --- fetching -----------------------------------------------------------------------
    def _row(self, row: int) -> tuple[PersonRow, tuple[str, ...]]:
        """The person on `row` and the text of each cell (made once: a view asks on every paint)."""
        pid = self._ids[row]
        if pid not in self._rows:
            start = row - row % CHUNK
            wanted = [i for i in self._ids[start : start + CHUNK] if i not in self._rows]
            for fetched in listing.person_rows(wanted):
                self._rows[fetched.id] = (fetched, self._texts(fetched))
            if pid not in self._rows:  # deleted for good since the ids were read
                gone = PersonRow(pid, "", "", "", "unknown", False, None, None, None, trashed=True)
                self._rows[pid] = (gone, self._texts(gone))
        return self._rows[pid]

    @classmethod
    def _texts(cls, person: PersonRow) -> tuple[str, ...]:
        return tuple(cls._text(person, key) for _, key in COLUMNS)

    @staticmethod
    def _text(person: PersonRow, key: str) -> str:
        if key == "last_touch":
            return day(person.last_touch)
        if key == "next_reconnect":
            return day(person.next_reconnect)
        if key == "fit":
            return FIT_LABELS.get(person.fit, person.fit)
        if key == "focus":
            return "Focus" if person.focus else ""
        return str(getattr(person, key))
