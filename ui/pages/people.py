"""People: the table of everyone, narrowed as you type and by the quick filters."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QToolButton, QVBoxLayout, QWidget

from journal import owners, tags
from journal.listing import PeopleFilter

from ..item_models.people_model import PeopleModel
from .common import PersonTable, heading
from .refresh_when_shown import RefreshWhenShown
from .whose import WhoseCombo

DEBOUNCE_MS = 150
ONE_BY_ONE = 20  # more people changed than this: the list is read again as a whole
ALL_TAGS = "All tags"


class PeoplePage(RefreshWhenShown, QWidget):
    openPerson = Signal(int, object)
    kinds = frozenset({"person", "tag", "note", "meeting", "setting"})  # the columns and filters

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("peoplePage")
        self.setAccessibleName("People")
        self.model = PeopleModel(self)
        self.filter_box = QLineEdit(self)
        self.filter_box.setObjectName("peopleFilter")
        self.filter_box.setAccessibleName("Filter people")
        self.filter_box.setPlaceholderText("Filter by name, company or tag")
        self.filter_box.setClearButtonEnabled(True)
        self.focus_button = self._toggle("focusFilter", "Focus", "Only people on the focus list")
        self.due_button = self._toggle("dueFilter", "Due", "Only people due for a reconnect")
        self.good_fit_button = self._toggle("goodFitFilter", "Good fit", "Only good fits")
        self.tag_combo = QComboBox(self)
        self.tag_combo.setObjectName("tagFilter")
        self.tag_combo.setAccessibleName("Tag")
        self.whose = WhoseCombo("people", self)
        self.whose.changed.connect(self.apply_filter)
        self.table = PersonTable("peopleTable", "People", self)
        self.table.setModel(self.model)
        self.table.set_widths(240, 220, 120, 130, 90)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.openRow.connect(self._open_row)
        self._show_trashed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.apply_filter)
        self.filter_box.textChanged.connect(lambda _: self._timer.start())
        self.filter_box.installEventFilter(self)
        self.tag_combo.activated.connect(lambda _: self.apply_filter())
        bar = QHBoxLayout()
        bar.addWidget(self.filter_box, 1)
        for button in (self.focus_button, self.due_button, self.good_fit_button):
            bar.addWidget(button)
        bar.addWidget(self.tag_combo)
        bar.addWidget(self.whose)
        layout = QVBoxLayout(self)
        self.title = heading("People", parent=self)
        layout.addWidget(self.title)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self.stale = True

    def _toggle(self, name: str, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setAccessibleName(text)
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(True)
        button.toggled.connect(lambda _: self.apply_filter())
        return button

    def current_filter(self) -> PeopleFilter:
        tag = self.tag_combo.currentText() if self.tag_combo.currentIndex() > 0 else None
        return PeopleFilter(
            text=self.filter_box.text(),
            focus=self.focus_button.isChecked(),
            due=self.due_button.isChecked(),
            good_fit=self.good_fit_button.isChecked(),
            tag=tag,
            trashed=self._show_trashed,
            owner=self.whose.owner(),
        )

    def apply_filter(self) -> None:
        self._timer.stop()
        self.model.set_filter(self.current_filter())
        self._update_title()

    def set_show_trashed(self, show: bool) -> None:
        self._show_trashed = show
        self.apply_filter()

    def refresh(self) -> None:
        """Everything again: the tags on offer and the list (after opening another journal)."""
        self.stale = False
        self._reload_tags()
        self.whose.update_shown()
        self.model.set_filter(self.current_filter(), read_again=True)
        self._update_title()

    def people_changed(self, person_ids: frozenset[int]) -> None:
        """Only these people's rows: updated, moved, removed or added as the filter says."""
        if len(person_ids) > ONE_BY_ONE:
            self.refresh()
            return
        if self.whose.isHidden() and owners.shared_among(person_ids):
            self.whose.show()  # someone else owns or edited them: "mine" is worth offering
            if self.whose.mine():
                self.refresh()
                return
        for person_id in sorted(person_ids):
            self.model.person_changed(person_id)
        self._reload_tags()
        self._update_title()

    def select_person(self, person_id: int) -> bool:
        row = self.model.row_of(person_id)
        if row is None:
            return False
        self.table.selectRow(row)
        return True

    def current_person(self) -> int | None:
        row = self.table.currentIndex().row()
        return self.model.person_id(row) if self.table.currentIndex().isValid() else None

    def _reload_tags(self) -> None:
        chosen = self.tag_combo.currentText() if self.tag_combo.currentIndex() > 0 else None
        self.tag_combo.blockSignals(True)
        self.tag_combo.clear()
        self.tag_combo.addItem(ALL_TAGS)
        self.tag_combo.addItems(tags.all_tags())
        found = self.tag_combo.findText(chosen) if chosen else 0
        self.tag_combo.setCurrentIndex(max(found, 0))
        self.tag_combo.blockSignals(False)

    def _update_title(self) -> None:
        count = self.model.rowCount()
        noun = "person" if count == 1 else "people"
        where = " in the trash" if self._show_trashed else ""
        whose = " (yours)" if self.whose.owner() is not None else ""
        self.title.setText(f"People — {count} {noun}{whose}{where}")

    def _open_row(self, row: int) -> None:
        pid = self.model.person_id(row)
        if pid is not None:
            self.openPerson.emit(pid, None)

    def eventFilter(self, watched, event) -> bool:
        if (
            watched is self.filter_box
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
        ):
            if event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self.apply_filter()
                self.table.setFocus()
                if not self.table.currentIndex().isValid():
                    self.table.selectRow(0)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.apply_filter()
                if self.model.rowCount() == 1:
                    self._open_row(0)
                return True
        return super().eventFilter(watched, event)
