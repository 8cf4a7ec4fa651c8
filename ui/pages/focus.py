"""Focus: the few people who deserve attention now (at most 20), with what matters to them."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal import people
from journal.focus import FOCUS_LIMIT, focus_list

from ..guard import attempt
from ..item_models.focus_models import focus_model
from .common import PersonTable, heading
from .refresh_when_shown import RefreshWhenShown

HINT = (
    "A few relationships, looked after well, matter more than many. Add someone here to see "
    "their open goals and pains at a glance; they also appear at the top of Today."
)


class FocusPage(RefreshWhenShown, QWidget):
    """The focus list; adding and taking off go through the session."""

    openPerson = Signal(int, object)
    kinds = frozenset({"person", "goal", "pain", "tag"})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("focusPage")
        self.setAccessibleName("Focus")
        self.model = focus_model(self)
        self.table = PersonTable("focusTable", "Focus list", self)
        self.table.setModel(self.model)
        self.table.stretch(1, 2)
        self.table.openRow.connect(self._open_row)
        self.add_box = QLineEdit(self)
        self.add_box.setObjectName("focusAddBox")
        self.add_box.setAccessibleName("Person to add to the focus list")
        self.add_box.setPlaceholderText("Add someone to the focus list…")
        self.names = QStringListModel(self)
        completer = QCompleter(self.names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.add_box.setCompleter(completer)
        self.add_box.returnPressed.connect(self.add_typed)
        self.add_button = QPushButton("&Add to focus", self)
        self.add_button.setObjectName("focusAddButton")
        self.add_button.clicked.connect(self.add_typed)
        self.remove_button = QPushButton("&Take off the list", self)
        self.remove_button.setObjectName("focusRemoveButton")
        self.remove_button.clicked.connect(self.remove_selected)
        self.title = heading("Focus", parent=self)
        hint = QLabel(HINT, self)
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        bar = QHBoxLayout()
        bar.addWidget(self.add_box, 1)
        bar.addWidget(self.add_button)
        bar.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(hint)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.stale = True

    def refresh(self) -> None:
        self.stale = False
        entries = focus_list()
        self.model.set_records(entries)
        self.title.setText(f"Focus — {len(entries)} of {FOCUS_LIMIT}")
        self.names.setStringList([name for _, name in people.person_names()])

    def add_typed(self) -> None:
        text = self.add_box.text().strip()
        if not text:
            return
        person = attempt(self, "Adding to the focus list", people.resolve_person, text)
        if person is not None and self.add(person.id):
            self.add_box.clear()

    def add(self, person_id: int) -> bool:
        """Put someone on the focus list; a full list is refused with the journal's reason."""
        record = self.write("Adding to the focus list", people.update_person, person_id, focus=True)
        if record is None:
            return False
        self.refresh()
        return True

    def remove_selected(self) -> None:
        pid = self.table.current_person()
        if pid is None:
            return
        if self.write("Taking off the focus list", people.update_person, pid, focus=False):
            self.refresh()

    def _open_row(self, row: int) -> None:
        pid = self.model.person_id(row)
        if pid is not None:
            self.openPerson.emit(pid, None)
