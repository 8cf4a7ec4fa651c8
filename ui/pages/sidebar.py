"""The sidebar: the pages, chosen by click, arrow keys or Ctrl+1, Ctrl+2, …"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSize, Signal
from PySide6.QtWidgets import QListView, QWidget

from ..item_models.sidebar_model import PAGES, SidebarModel


class Sidebar(QListView):
    pageChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setAccessibleName("Pages")
        self.setModel(SidebarModel(self))
        self.setMaximumWidth(220)
        self.setSpacing(2)
        self.setIconSize(QSize(20, 20))
        self.selectionModel().currentChanged.connect(
            lambda index, _: (
                self.pageChosen.emit(PAGES[index.row()][0]) if index.isValid() else None
            )
        )

    def select_page(self, name: str) -> None:
        """Mark `name` as the page shown (nothing marked for a page not in the sidebar)."""
        row = next((i for i, (n, _) in enumerate(PAGES) if n == name), None)
        selection = self.selectionModel()
        selection.blockSignals(True)
        if row is None:
            # Only the highlight goes: with no current row, the list would pick one (and
            # switch pages) the moment it gets the keyboard focus.
            selection.clearSelection()
        else:
            selection.setCurrentIndex(
                self.model().index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        selection.blockSignals(False)
        self.viewport().update()
