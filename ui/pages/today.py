"""Today: who is due a reconnect, which decisions to revisit, which follow-ups are due.

An empty journal shows a welcome instead, with the three ways to begin.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from journal import people
from journal.calendar.agenda import MeetingAgenda, next_change, not_ended
from journal.changes import Changes
from journal.focus import focus_list
from journal.today import today_view

from ..item_models import today_models
from ..item_models.focus_models import compact_focus_model
from ..item_models.records_model import RecordsModel
from .common import PersonTable, heading
from .today_meetings import MeetingSections
from .whose import WhoseCombo

if TYPE_CHECKING:
    from ..session import Session

WELCOME = (
    "Rapport keeps what you learn about each person: what they want, what hurts, what they "
    "decided and why, and when it is time to get back in touch.\n\n"
    "Start with one person you spoke to this week."
)
TODAY_KINDS = (
    *("person", "note", "decision", "objection", "followup", "tag", "setting", "meeting"),
    "goal",  # a meeting today shows the person's first open goal
)
SHOWN = 50  # rows per section; the rest is counted ("and 4 213 more")
# Today's clock looks at least this often: a computer that slept stopped its timers meanwhile.
LONGEST_WAIT_MS = 5 * 60 * 1000


class TodayPage(QWidget):
    """`openPerson(person_id, focus)` when a row is opened; the welcome's buttons ask the window."""

    openPerson = Signal(int, object)
    addPersonRequested = Signal()
    importRequested = Signal()
    sampleRequested = Signal()
    duePeopleRequested = Signal()  # "and N more" under Due to reconnect: People, filtered by Due
    briefRequested = Signal(int)
    addAttendee = Signal(str, str)  # name, email of someone on a meeting, not in the journal
    writeUpRequested = Signal(int, object)  # person id, when the meeting began

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayPage")
        self.setAccessibleName("Today")
        self._stack = QStackedLayout(self)
        self.welcome = self._build_welcome()
        self._stack.addWidget(self.welcome)
        self._stack.addWidget(self._build_sections())
        self.stale = True
        self.day = dt.date.today()
        self._painted = False  # until then, refresh() leaves the data for after the first paint
        self._load_after_paint = False
        # Today changes by itself when a meeting starts or ends, and at midnight: one timer,
        # armed after each refresh for the next of those moments (`changes_at`).
        self.changes_at: dt.datetime | None = None
        self.clock = QTimer(self)
        self.clock.setObjectName("todayClock")
        self.clock.setSingleShot(True)
        self.clock.setTimerType(Qt.TimerType.PreciseTimer)
        self.clock.timeout.connect(self._time_passed)

    def _build_welcome(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("welcome")
        page.setAccessibleName("Welcome")
        text = QLabel(WELCOME, page)
        text.setWordWrap(True)
        text.setMaximumWidth(520)
        self.add_button = self._button(page, "addPersonButton", "&Add a person")
        self.import_button = self._button(page, "importButton", "&Import contacts")
        self.sample_button = self._button(page, "sampleButton", "Open the &sample journal")
        self.add_button.clicked.connect(self.addPersonRequested)
        self.import_button.clicked.connect(self.importRequested)
        self.sample_button.clicked.connect(self.sampleRequested)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.import_button, self.sample_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(page)
        layout.addStretch()
        layout.addWidget(heading("Welcome to Rapport", parent=page))
        layout.addWidget(text)
        layout.addLayout(buttons)
        layout.addStretch(2)
        layout.setContentsMargins(48, 24, 48, 24)
        return page

    @staticmethod
    def _button(parent: QWidget, name: str, text: str) -> QPushButton:
        button = QPushButton(text, parent)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", ""))
        return button

    def _build_sections(self) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        body = QWidget(scroll)
        body.setObjectName("todaySections")
        layout = QVBoxLayout(body)
        self.title = heading("Today", parent=body)
        self.whose = WhoseCombo("today", body)
        self.whose.changed.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.whose)
        layout.addLayout(top)
        self.meetings = MeetingSections(body)
        self.meetings.openPerson.connect(lambda pid: self.openPerson.emit(pid, None))
        self.meetings.briefRequested.connect(self.briefRequested)
        self.meetings.addAttendee.connect(self.addAttendee)
        self.meetings.writeUpRequested.connect(self.writeUpRequested)
        layout.addWidget(self.meetings)
        self.focus_model = compact_focus_model(self)
        self.focus_table = self._section(layout, "focusTable", "Focus", self.focus_model, None)
        self.focus_table.stretch(2)
        self.reconnect_model = today_models.reconnect_model(self)
        self.revisit_model = today_models.revisit_model(self)
        self.follow_up_model = today_models.follow_up_model(self)
        self.reconnect_table = self._section(
            layout, "reconnectTable", "Due to reconnect", self.reconnect_model, None
        )
        self.reconnect_table.stretch(1)
        self.revisit_table = self._section(
            layout, "revisitTable", "Decisions to revisit", self.revisit_model, "decision"
        )
        self.revisit_table.stretch(1, 3)
        self.follow_up_table = self._section(
            layout, "followUpTable", "Follow-ups due", self.follow_up_model, None
        )
        self.follow_up_table.stretch(1)
        self.nothing = QLabel("Nothing is due today. A good day to write a note.", body)
        self.nothing.setProperty("role", "hint")
        layout.addWidget(self.nothing)
        layout.addStretch()
        scroll.setWidget(body)
        return scroll

    def _section(
        self,
        layout: QVBoxLayout,
        name: str,
        title: str,
        model: RecordsModel,
        focus_kind: str | None,
    ) -> PersonTable:
        label = heading(title, "section", self)
        label.setObjectName(f"{name}Label")
        table = PersonTable(name, title, self)
        table.setModel(model)
        label.setBuddy(table)

        def open_row(row: int) -> None:
            record = model.record(row)
            if record is None:
                return
            focus = (focus_kind, record.id) if focus_kind else None
            self.openPerson.emit(model.person_id(row), focus)

        table.openRow.connect(open_row)
        more = QLabel("", self)
        more.setObjectName(f"{name}More")
        more.setProperty("role", "hint")
        more.setAccessibleName(f"More {title.lower()}")
        flags = Qt.TextInteractionFlag
        more.setTextInteractionFlags(flags.LinksAccessibleByMouse | flags.LinksAccessibleByKeyboard)
        more.linkActivated.connect(lambda _: self.duePeopleRequested.emit())
        more.hide()
        layout.addWidget(label)
        layout.addWidget(table)
        layout.addWidget(more)
        table.setProperty("sectionTitle", title)
        return table

    def _refresh_focus(self) -> None:
        """The focus list, compact, above the rest (hidden while it is empty)."""
        entries = focus_list()
        self.focus_model.set_records(entries)
        self.focus_table.setVisible(bool(entries))
        self.focus_table.fit_rows(most=20)
        label = self.findChild(QLabel, "focusTableLabel")
        label.setText(f"Focus ({len(entries)})")
        label.setVisible(bool(entries))

    def follow(self, session: Session) -> None:
        session.changed.connect(self.journal_changed)

    def journal_changed(self, changes: Changes, handler: object = None) -> None:
        """Read Today again when shown (the welcome at once: it may have to give way)."""
        del handler
        if not changes.touches(*TODAY_KINDS):
            return
        self.stale = True
        if self.isVisible() or self.is_welcome():
            self.refresh()

    def is_welcome(self) -> bool:
        return self._stack.currentWidget() is self.welcome

    def refresh(self) -> None:
        """Read Today again: a few queries, and rows only for the first SHOWN of each section.

        Before the page is first shown and painted, only welcome-or-not is decided here; the
        rest is read just after the first paint, so the window appears at once.
        """
        now = dt.datetime.now()
        self.day = now.date()
        if people.count_people() == 0:
            self.stale = False
            self._stack.setCurrentIndex(0)
            return
        self._stack.setCurrentIndex(1)
        if not self._painted and not self.isVisible():
            self.stale = True
            self.title.setText(f"Today, {self.day:%A %d %B}")
            self.nothing.hide()
            return
        self.stale = False
        self.whose.update_shown()
        view = today_view(limit=SHOWN, now=now, owner=self.whose.owner())
        view = dataclasses.replace(view, meetings=not_ended(view.meetings, now))
        self.title.setText(f"Today, {view.day:%A %d %B}")
        for model, table, records, total in (
            (self.reconnect_model, self.reconnect_table, view.reconnect, view.totals[0]),
            (self.revisit_model, self.revisit_table, view.revisit, view.totals[1]),
            (self.follow_up_model, self.follow_up_table, view.follow_ups, view.totals[2]),
        ):
            model.set_records(records)
            table.setVisible(bool(records))
            table.fit_rows()
            label = self.findChild(QLabel, f"{table.objectName()}Label")
            label.setText(f"{table.property('sectionTitle')} ({total})")
            label.setVisible(bool(records))
            self._show_more(table, total - len(records))
        self.meetings.show_day(view.meetings, view.write_up)
        self.nothing.setVisible(view.empty)
        self._refresh_focus()
        self._wind(view.meetings, now)

    def _wind(self, meetings: list[MeetingAgenda], now: dt.datetime) -> None:
        """Arm the clock for the next meeting start or end of the day, or midnight."""
        self.changes_at = next_change(meetings, now)
        self._wait()

    def _wait(self) -> None:
        if self.changes_at is None:
            return
        left = math.ceil((self.changes_at - dt.datetime.now()).total_seconds() * 1000)
        self.clock.start(min(max(0, left), LONGEST_WAIT_MS))

    def _time_passed(self) -> None:
        """A meeting began or ended, or a new day came: read Today again (once shown)."""
        if self.changes_at is not None and dt.datetime.now() < self.changes_at:
            self._wait()  # only a look in the meantime
            return
        self.changes_at = None
        self.stale = True
        if self.isVisible():
            self.refresh()

    def _show_more(self, table: PersonTable, more: int) -> None:
        label = self.findChild(QLabel, f"{table.objectName()}More")
        count = f"{more:,}".replace(",", "\N{THIN SPACE}")
        text = f"and {count} more"
        if table is self.reconnect_table:
            text = f'<a href="people-due">{text} (People, filtered by Due)</a>'
        label.setText(text)
        label.setVisible(more > 0)

    def showEvent(self, event) -> None:
        if not self._painted and self.stale:
            self._load_after_paint = True
        elif self.stale or self.day != dt.date.today():  # left open overnight
            self.refresh()
        super().showEvent(event)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        self._painted = True
        if self._load_after_paint:
            self._load_after_paint = False
            QTimer.singleShot(0, self.refresh)
