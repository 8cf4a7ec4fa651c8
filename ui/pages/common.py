"""Small pieces the pages share: a table that opens people, headings, and the open signal."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

from ..item_models.records_model import PERSON_ID_ROLE


class PersonTable(QTableView):
    """A read-only table whose rows are people: Enter or double-click opens the person."""

    openRow = Signal(int)

    def __init__(self, name: str, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.doubleClicked.connect(lambda index: self.openRow.emit(index.row()))

    def stretch(self, *columns: int) -> None:
        """These columns share the spare width; the others fit their contents.

        Only for models held in memory: fitting contents reads every row.
        """
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        model = self.model()
        for column in range(model.columnCount() if model is not None else 0):
            mode = QHeaderView.ResizeMode
            header.setSectionResizeMode(
                column, mode.Stretch if column in columns else mode.ResizeToContents
            )

    def set_widths(self, *widths: int) -> None:
        """Starting widths for a lazy model (the last column takes what is left)."""
        header = self.horizontalHeader()
        for column, width in enumerate(widths):
            header.resizeSection(column, width)

    def fit_rows(self, most: int = 8) -> None:
        """As tall as its rows (up to `most`), so short lists leave no empty box."""
        model = self.model()
        rows = min(model.rowCount() if model is not None else 0, most)
        height = self.horizontalHeader().height() + 2 * self.frameWidth()
        height += (
            sum(self.rowHeight(r) for r in range(rows))
            or self.verticalHeader().defaultSectionSize()
        )
        self.setFixedHeight(height + 2)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.openRow.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)

    def person_at(self, row: int) -> int | None:
        model = self.model()
        if model is None or not 0 <= row < model.rowCount():
            return None
        value = model.data(model.index(row, 0), PERSON_ID_ROLE)
        return int(value) if value is not None else None

    def current_person(self) -> int | None:
        index: QModelIndex = self.currentIndex()
        return self.person_at(index.row()) if index.isValid() else None


def heading(text: str, role: str = "heading", parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("role", role)
    label.setAccessibleName(text)
    return label
