"""The Trash dialog: what was deleted, and a Restore button."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal import trash

from ..item_models.trash_model import TrashModel
from ..session import Session, run_write


class TrashDialog(QDialog):
    """What is in the trash; restoring goes through the session, which tells the pages."""

    def __init__(self, session: Session | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("trashDialog")
        self.setAccessibleName("Trash")
        self.setWindowTitle("Trash")
        self.resize(520, 360)
        self.model = TrashModel(self)
        self.view = QListView(self)
        self.view.setObjectName("trashList")
        self.view.setAccessibleName("Deleted items")
        self.view.setModel(self.model)
        self.empty_label = QLabel("The trash is empty.", self)
        self.empty_label.setProperty("role", "hint")
        self.restore_button = QPushButton("&Restore", self)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setAccessibleName("Restore")
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(self.empty_label)
        layout.addWidget(buttons)
        self.view.activated.connect(lambda _: self.restore_selected())
        self.reload()

    def reload(self) -> None:
        self.model.set_items(trash.trashed_items())
        empty = self.model.rowCount() == 0
        self.empty_label.setVisible(empty)
        self.restore_button.setEnabled(not empty)
        if not empty:
            self.view.setCurrentIndex(self.model.index(0, 0))

    def select_row(self, row: int) -> None:
        self.view.setCurrentIndex(self.model.index(row, 0))

    def restore_selected(self) -> None:
        item = self.model.item(self.view.currentIndex().row())
        if item is None:
            return
        run_write(self.session, self, "Restoring", trash.restore, item.kind, item.id)
        self.reload()
