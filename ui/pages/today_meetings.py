"""Today's calendar sections: "Meetings today" (who, their first open goal, an unfinished
decision; Brief, or add an attendee who is not in the journal) and "Write it up"."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from journal.calendar.agenda import MeetingAgenda
from journal.calendar.meetings import WriteUp

from ..item_models.meeting_models import (
    MeetingRow,
    meeting_rows,
    meetings_model,
    write_up_model,
)
from ..person.widgets import named
from .common import PersonTable, heading


def _button(parent: QWidget, name: str, text: str, tip: str) -> QPushButton:
    button = QPushButton(text, parent)
    named(button, name, text.replace("&", ""))
    button.setToolTip(tip)
    return button


class MeetingSections(QWidget):
    """The two sections, hidden while empty. Enter on a meeting opens the person; on a meeting to
    write up, it opens the person's composer set to the meeting's time."""

    openPerson = Signal(int)
    briefRequested = Signal(int)
    addAttendee = Signal(str, str)  # name, email
    writeUpRequested = Signal(int, object)  # person id, when the meeting began

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meetingSections")
        # As tall as its tables, which fit their rows: no spare height spread between them.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.meetings_label = heading("Meetings today", "section", self)
        self.meetings_label.setObjectName("meetingsTableLabel")
        self.meetings_model = meetings_model(self)
        self.meetings_table = PersonTable("meetingsTable", "Meetings today", self)
        self.meetings_table.setModel(self.meetings_model)
        self.meetings_table.stretch(3, 4)
        self._wrap(self.meetings_table)
        self.meetings_label.setBuddy(self.meetings_table)
        self.meetings_table.openRow.connect(self._open_meeting_row)
        self.brief_button = _button(
            self, "meetingBriefButton", "&Brief", "The selected person's one-page brief"
        )
        self.brief_button.clicked.connect(self._brief)
        self.add_button = _button(
            self,
            "addAttendeeButton",
            "Add to the &journal",
            "Add the selected attendee to the journal as a person",
        )
        self.add_button.clicked.connect(self._add_attendee)
        self.meetings_table.selectionModel().currentRowChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        buttons.addWidget(self.brief_button)
        buttons.addWidget(self.add_button)
        buttons.addStretch()

        self.write_up_label = heading("Write it up", "section", self)
        self.write_up_label.setObjectName("writeUpTableLabel")
        self.write_up_model = write_up_model(self)
        self.write_up_table = PersonTable("writeUpTable", "Write it up", self)
        self.write_up_table.setModel(self.write_up_model)
        self.write_up_table.stretch(2)
        self.write_up_table.setToolTip("Enter writes a note about the meeting")
        self.write_up_label.setBuddy(self.write_up_table)
        self.write_up_table.openRow.connect(self._write_up)
        self.write_up_hint = QLabel(
            "Meetings that ended with no note since. Enter writes one, set to the meeting's time.",
            self,
        )
        self.write_up_hint.setObjectName("writeUpHint")
        self.write_up_hint.setProperty("role", "hint")
        self.write_up_hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.meetings_label, self.meetings_table):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        for widget in (self.write_up_label, self.write_up_table, self.write_up_hint):
            layout.addWidget(widget)
        self.show_day([], [])

    def _wrap(self, table: PersonTable) -> None:
        """Goals and decisions wrap rather than being cut short; the table fits its rows."""
        table.setWordWrap(True)
        rows = table.verticalHeader()
        rows.setMinimumSectionSize(rows.defaultSectionSize())  # as roomy as the other tables
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        refit = QTimer(table)
        refit.setSingleShot(True)
        refit.setInterval(0)
        refit.timeout.connect(lambda: table.fit_rows(most=12))
        table.horizontalHeader().sectionResized.connect(lambda *_: refit.start())

    def show_day(self, meetings: list[MeetingAgenda], write_up: list[WriteUp]) -> None:
        rows = meeting_rows(meetings)
        self.meetings_model.set_records(rows)
        self.meetings_label.setText(f"Meetings today ({len(meetings)})")
        for widget in (self.meetings_label, self.meetings_table):
            widget.setVisible(bool(rows))
        self.meetings_table.fit_rows(most=12)
        self.write_up_model.set_records(write_up)
        self.write_up_label.setText(f"Write it up ({len(write_up)})")
        for widget in (self.write_up_label, self.write_up_table, self.write_up_hint):
            widget.setVisible(bool(write_up))
        self.write_up_table.fit_rows()
        self._update_buttons()

    def current_person(self) -> int | None:
        """The person of the selected meeting row (what Ctrl+B briefs), if any."""
        row = self._row()
        return None if row is None else row.person_id

    def _row(self) -> MeetingRow | None:
        index = self.meetings_table.currentIndex()
        return self.meetings_model.record(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        row = self._row()
        shown = self.meetings_model.rowCount() > 0
        self.brief_button.setVisible(shown)
        self.add_button.setVisible(shown)
        self.brief_button.setEnabled(row is not None and row.person is not None)
        self.add_button.setEnabled(row is not None and row.stranger is not None)
        if row is not None and row.stranger is not None:
            self.add_button.setText(f"Add {row.stranger.label} to the &journal")
        else:
            self.add_button.setText("Add to the &journal")

    def _open_meeting_row(self, row: int) -> None:
        record = self.meetings_model.record(row)
        if record is None:
            return
        if record.person is not None:
            self.openPerson.emit(record.person.id)
        else:
            self._add_attendee()

    def _brief(self) -> None:
        row = self._row()
        if row is not None and row.person is not None:
            self.briefRequested.emit(row.person.id)

    def _add_attendee(self) -> None:
        row = self._row()
        if row is not None and row.stranger is not None:
            name = row.stranger.name or row.stranger.email.split("@")[0]
            self.addAttendee.emit(name, row.stranger.email)

    def _write_up(self, row: int) -> None:
        record: WriteUp | None = self.write_up_model.record(row)
        if record is not None:
            self.writeUpRequested.emit(record.person.id, record.meeting.starts_at)

    def write_up_first(self) -> bool:
        """Open the composer for the first meeting to write up (False if there is none)."""
        if self.write_up_model.rowCount() == 0:
            return False
        self._write_up(0)
        return True
