"""A table model of a person's goals or pains (text, why/ramifications, status), edited in place,
and the delegate that shows the status as a combo box."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ..item_models.headers import column_title

Index = QModelIndex | QPersistentModelIndex
# writer(record_id, field, value) -> the updated record, or None if the write failed
Writer = Callable[[int, str, Any], Any]
IdRole = Qt.ItemDataRole.UserRole + 1


class RecordTable(QAbstractTableModel):
    """Rows of a person's records (each with an `id`); the columns are the subclass's, and
    `writer` saves an edited field."""

    def __init__(self, writer: Writer, parent: Any = None) -> None:
        super().__init__(parent)
        self._writer = writer
        self._records: list[Any] = []

    def set_records(self, records: list[Any]) -> None:
        if list(records) == self._records:
            return  # nothing changed: keep open editors and the selection
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self._records[row]

    def row_of(self, record_id: int) -> int | None:
        return next((r for r, rec in enumerate(self._records) if rec.id == record_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def write(self, row: int, field: str, value: Any) -> bool:
        """Save one field of a row's record (nothing if unchanged); the row shows the result."""
        record = self._records[row]
        if getattr(record, field) == value:
            return False
        updated = self._writer(record.id, field, value)
        if updated is None:
            return False
        self._records[row] = updated
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        return True

    def select_in(self, view: QTableView, record_id: int) -> bool:
        """Select a record's row in `view` and scroll to it; False if it is not listed."""
        row = self.row_of(record_id)
        if row is None:
            return False
        view.selectRow(row)
        view.scrollTo(self.index(row, 0))
        return True


class AspectModel(RecordTable):
    """Holds goal or pain records; `detail` names the second field ("why" or "ramifications")."""

    def __init__(
        self, headers: Sequence[str], detail: str, writer: Writer, parent: Any = None
    ) -> None:
        super().__init__(writer, parent)
        self._headers = list(headers)
        self._fields = ("text", detail, "status")

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._fields)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return column_title(self._headers, section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        value = getattr(record, self._fields[index.column()])
        if role == Qt.ItemDataRole.DisplayRole:
            return value.capitalize() if index.column() == 2 else value
        if role in (Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            return value
        if role == IdRole:
            return record.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        return self.write(index.row(), self._fields[index.column()], value)


class StatusDelegate(QStyledItemDelegate):
    """A combo box of the allowed statuses; choosing one saves it at once."""

    def __init__(self, statuses: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self._statuses = list(statuses)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("statusCombo")
        combo.setAccessibleName("Status")
        for status in self._statuses:
            combo.addItem(status.capitalize(), status)
        combo.activated.connect(lambda _=0, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        if not model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole):
            self.setEditorData(editor, index)


class RetryingDelegate(QStyledItemDelegate):
    """Text cells: when a write fails, the editor opens again holding what was typed."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        self._pending: tuple[QPersistentModelIndex, str] | None = None

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        pending, self._pending = self._pending, None
        if pending is not None and pending[0] == index and isinstance(editor, QLineEdit):
            editor.setText(pending[1])
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if not isinstance(editor, QLineEdit):
            super().setModelData(editor, model, index)
            return
        typed = editor.text()
        if model.setData(index, typed, Qt.ItemDataRole.EditRole):
            return
        if typed != index.data(Qt.ItemDataRole.EditRole):
            kept = QPersistentModelIndex(index)
            self._pending = (kept, typed)
            QTimer.singleShot(0, self, lambda: kept.isValid() and self._view.edit(kept))
