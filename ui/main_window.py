"""The main window: a sidebar of pages, the stack that shows them, menus and a status bar.

Pages, dialogs, models and actions live in their own modules; this one only wires them.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QSplitter, QStackedWidget, QWidget

from journal import people
from journal.changes import EVERYTHING
from journal.errors import JournalError
from journal.lock import JournalLock
from journal.storage import Journal

from . import settings
from .actions import TrashPersonCommand, build_actions, build_menus
from .calendar_watch import CalendarWatch
from .dialogs import journal_files
from .dialogs.info import AboutDialog, ShortcutsDialog
from .dialogs.journal_commands import JournalCommands
from .dialogs.new_person import NewPersonDialog
from .dialogs.trash import TrashDialog
from .item_models.sidebar_model import PAGES
from .pages.decisions import DecisionsPage
from .pages.focus import FocusPage
from .pages.lessons import LessonsPage
from .pages.network import NetworkPage
from .pages.people import PeoplePage
from .pages.person_host import PersonHost
from .pages.personas import PersonasPage
from .pages.search import SearchPage
from .pages.sidebar import Sidebar
from .pages.today import TodayPage
from .person.composer import drafts_left_message
from .reminders import Tray, keep_in_tray
from .session import Session
from .shell import Shell

Place = tuple[str, int | None]  # ("today", None) … or ("person", person_id)


class MainWindow(Shell):
    """The window over one session: it shows the session's journal and follows its changes."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.session = session
        self.undo_stack = QUndoStack(self)
        self._history: list[Place] = []
        self.tray: Tray | None = None  # run_app makes one where the desktop has a tray
        self._quitting = False
        self.today = TodayPage(self)
        self.people = PeoplePage(self)
        self.decisions = DecisionsPage(self)
        self.search = SearchPage(self)
        self.network_page = NetworkPage(self)
        self.lessons_page = LessonsPage(self)
        self.focus_page = FocusPage(self)
        self.personas_page = PersonasPage(self)
        self.person = PersonHost(self, session)
        self.person.use_undo_stack(self.undo_stack)
        self.pages: dict[str, QWidget] = {
            "today": self.today,
            "people": self.people,
            "decisions": self.decisions,
            "search": self.search,
            "network": self.network_page,
            "lessons": self.lessons_page,
            "focus": self.focus_page,
            "personas": self.personas_page,
            "person": self.person,
        }
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("pages")
        for page in self.pages.values():
            self.stack.addWidget(page)
            page.follow(session)
        self.sidebar = Sidebar(self)
        self.sidebar.pageChosen.connect(self.show_page)
        self.splitter = QSplitter(self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([170, 900])
        self.setCentralWidget(self.splitter)
        self.statusBar().setObjectName("statusBar")
        self.files = JournalCommands(self)
        self.calendars = CalendarWatch(self)
        self.registry = build_actions(self)
        build_menus(self, self.registry)
        for page in (self.today, self.people, self.decisions, self.search, self.person):
            page.openPerson.connect(self.open_person)
        for page in self.relationship_pages():
            page.openPerson.connect(self.open_person)
        self.person.statusMessage.connect(self.status)
        session.statusMessage.connect(self.status)
        session.closing.connect(self.flush_edits)
        session.opened.connect(self._journal_switched)
        self.today.addPersonRequested.connect(self.new_person)
        self.today.importRequested.connect(self.files.import_contacts)
        self.today.sampleRequested.connect(self.files.open_sample)
        self.today.duePeopleRequested.connect(self.show_due_people)
        self.today.briefRequested.connect(self.show_brief_of)
        self.today.addAttendee.connect(self.add_attendee)
        self.today.writeUpRequested.connect(self.write_up)
        self.today.import_button.setToolTip("Import a vCard, CSV or Rapport JSON file")
        self.person.use_brief_action(self.registry["brief"])
        self.resize(1280, 800)
        self._restore()
        self._journal_opened()
        session.announce(EVERYTHING)

    @property
    def journal(self) -> Journal:
        return self.session.journal

    @property
    def lock(self) -> JournalLock | None:
        return self.session.lock

    # --- navigation ---------------------------------------------------------------------
    @staticmethod
    def page_names() -> tuple[tuple[str, str], ...]:
        return PAGES

    def current_place(self) -> Place:
        name = next(n for n, w in self.pages.items() if w is self.stack.currentWidget())
        return (name, self.person.current_person_id() if name == "person" else None)

    def _go(self, place: Place, remember: bool = True) -> None:
        if self.stack.currentWidget() is self.person:
            self.person.flush()
        if remember and place != self.current_place():
            self._history = [*self._history[-49:], self.current_place()]
        name, _ = place
        self.stack.setCurrentWidget(self.pages[name])
        self.sidebar.select_page(name)
        self.registry["back"].setEnabled(bool(self._history))

    def show_page(self, name: str) -> None:
        self._go((name, None))

    def show_due_people(self) -> None:
        self.people.due_button.setChecked(True)
        self.show_page("people")

    def open_person(self, person_id: int, focus: tuple[str, int] | None = None) -> None:
        self._go(("person", person_id))
        self.person.show_person(person_id, focus)

    def go_back(self) -> None:
        while self._history:
            name, pid = self._history.pop()
            if name != "person":
                self._go((name, None), remember=False)
                return
            if pid is not None and people.count_people() and self._live(pid):
                self._go(("person", pid), remember=False)
                self.person.show_person(pid)
                return
        self.registry["back"].setEnabled(False)

    @staticmethod
    def _live(person_id: int) -> bool:
        try:
            return people.get_person(person_id).trashed_at is None
        except JournalError:
            return False

    def focus_search(self) -> None:
        self.show_page("search")
        self.search.focus_box()

    def current_person_id(self) -> int | None:
        """The person on screen: the open person page, else the person selected in People."""
        if self.stack.currentWidget() is self.person:
            return self.person.current_person_id()
        if self.stack.currentWidget() is self.people:
            return self.people.current_person()
        if self.stack.currentWidget() is self.today:
            return self.today.meetings.current_person()
        return None

    def flush_edits(self) -> None:
        self.person.flush()

    # --- commands -----------------------------------------------------------------------
    def new_person(self) -> None:
        dialog = NewPersonDialog(self)
        dialog.accepted.connect(lambda: self._add_person(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _add_person(self, dialog: NewPersonDialog) -> None:
        record = self.session.run(self, "Adding the person", people.add_person, **dialog.fields())
        if record is None:
            return
        self.open_person(record.id)
        # What is typed next is the first note about them: the window takes the keyboard back
        # from the closed dialog (not every desktop gives it back) and the composer has it.
        self.activateWindow()
        self.person.new_note()
        self.status(f"Added {record.name}. Write what was said; Ctrl+Enter saves it.")

    def new_note(self) -> None:
        pid = self.current_person_id()
        if pid is None:
            self.status("Open a person first, then Ctrl+Shift+N writes a note about them.")
            return
        if self.stack.currentWidget() is not self.person:
            self.open_person(pid)
        self.person.new_note()

    def write_up(self, person_id: int, when: dt.datetime) -> None:
        """Open the person's composer on a note of the meeting that began `when`."""
        self.open_person(person_id)
        if not self.person.start_note("meeting", when):
            self.status("Finish editing the note first (or cancel), then write up the meeting.")

    def add_attendee(self, name: str, email: str) -> None:
        """Add someone on a meeting to the journal, in one click."""
        emails = [email] if email else []
        record = self.session.run(self, "Adding the person", people.add_person, name, emails=emails)
        if record is None:
            return
        self.status(f"Added {record.name}. Open them from Meetings today to say more.")

    def show_brief(self) -> None:
        pid = self.current_person_id()
        if pid is None:
            self.status("Open or select a person first, then Ctrl+B shows their meeting brief.")
            return
        self.show_brief_of(pid)

    def show_brief_of(self, pid: int) -> None:
        self.person.flush()
        from .dialogs.brief_dialog import BriefDialog  # loaded on first use, not at start

        dialog = BriefDialog(pid, self.session.tasks, self)
        dialog.saved.connect(self.status)
        dialog.finished.connect(dialog.deleteLater)
        self.brief_dialog = dialog
        dialog.open()

    def trash_current_person(self) -> None:
        pid = self.current_person_id()
        if pid is None:
            self.status("Select a person to move to the trash.")
            return
        record = self.session.read(self, "Finding the person", people.get_person, pid)
        if record is None or record.trashed_at is not None:
            return
        on_person_page = self.stack.currentWidget() is self.person
        self.undo_stack.push(TrashPersonCommand(self.session, self, pid, record.name))
        if on_person_page and not self._live(pid):
            self.go_back() if self._history else self.show_page("people")

    def show_trash(self) -> None:
        self.trash_dialog = TrashDialog(self.session, self)
        self.trash_dialog.open()

    def set_show_trashed(self, show: bool) -> None:
        self.people.set_show_trashed(show)
        self.show_page("people")

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self.registry.shortcut_table(), self).open()

    def show_about(self) -> None:
        AboutDialog(self.journal, self).open()

    def show_preferences(self) -> None:
        from .dialogs.preferences import PreferencesDialog

        self.preferences_dialog = PreferencesDialog(self.session, self)
        self.preferences_dialog.finished.connect(self.preferences_dialog.deleteLater)
        self.preferences_dialog.open()

    def relationship_pages(self) -> tuple[NetworkPage, LessonsPage, FocusPage, PersonasPage]:
        return (self.network_page, self.lessons_page, self.focus_page, self.personas_page)

    # --- journals ---------------------------------------------------------------------
    def _journal_switched(self) -> None:
        """The session shows another journal: nothing of the last one stays on screen."""
        self.person.forget()
        self.undo_stack.clear()
        self._history.clear()
        self._journal_opened()
        self.show_page("today")

    def _journal_opened(self) -> None:
        if self.journal.url is not None:
            settings.remember_server(self.journal.url)
            self.setWindowTitle(f"{self.journal.location} — Rapport")
        else:
            if not journal_files.is_sample(self.journal.path):
                settings.remember_journal(self.journal.path)
            self.setWindowTitle(f"{self.journal.path.stem} — Rapport")
        self.calendars.follow_all()
        if left := drafts_left_message():
            self.status(left)

    # --- settings -----------------------------------------------------------------------
    def _restore(self) -> None:
        if geometry := settings.value_bytes("window/geometry"):
            self.restoreGeometry(geometry)
        if sizes := settings.value_bytes("window/splitter"):
            self.splitter.restoreState(sizes)
        page = settings.value_str("window/page", "today")
        self.show_page(page if page in dict(PAGES) else "today")
        self._history.clear()
        self.registry["back"].setEnabled(False)

    def quit(self) -> bool:
        """Close the window and end Rapport (also when it would stay in the tray)."""
        self._quitting = True
        return self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.tray is not None and keep_in_tray() and not self._quitting:
            self.person.flush()
            self.hide()  # reminders go on; the tray's menu brings the window back or quits
            event.ignore()
            return
        self.calendars.stop()
        self.session.tasks.wait()
        self.person.flush()
        self.session.release_lock()
        settings.set_value("window/geometry", self.saveGeometry())
        settings.set_value("window/splitter", self.splitter.saveState())
        name, _ = self.current_place()
        settings.set_value("window/page", name if name in dict(PAGES) else "people")
        super().closeEvent(event)
        if self.tray is not None:
            self.tray.hide()
            QApplication.quit()
