"""Where the person page sits in the window. Until ui.person.page exists, a plain placeholder."""

from __future__ import annotations

import html
import importlib
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from journal import people
from journal.changes import Changes
from journal.errors import JournalError

if TYPE_CHECKING:
    from ..session import Session


def _person_page_class() -> type[QWidget] | None:
    try:
        module = importlib.import_module("ui.person.page")
    except ImportError:
        return None
    return getattr(module, "PersonPage", None)


class PlaceholderPersonPage(QWidget):
    """Shows who is open; stands in for the real person page with the same signals and methods."""

    personChanged = Signal(int)
    statusMessage = Signal(str)
    openPerson = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._person_id: int | None = None
        self.label = QLabel(self)
        self.label.setObjectName("personPlaceholder")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)

    def show_person(self, person_id: int, focus: tuple[str, int] | None = None) -> None:
        self._person_id = person_id
        try:
            person = people.get_person(person_id)
        except JournalError as exc:
            self.label.setText(html.escape(str(exc)))
            return
        details = " · ".join(x for x in (person.role, person.company) if x)
        gone = " <i>(in the trash)</i>" if person.trashed_at else ""
        self.label.setText(
            f"<h2>{html.escape(person.name)}{gone}</h2><p>{html.escape(details)}</p>"
        )

    def current_person_id(self) -> int | None:
        return self._person_id

    def new_note(self) -> None:
        self.statusMessage.emit("Notes are written on the person page (coming soon).")

    def save_note(self) -> None:
        """Nothing to save in the placeholder."""


class PersonHost(QWidget):
    """The person page in the stack; re-emits its signals with the window's vocabulary and
    shows again the person on screen when someone else (a dialog, another page, the command
    line) changed them; the page's own saves are not echoed back."""

    statusMessage = Signal(str)
    openPerson = Signal(int, object)

    def __init__(self, parent: QWidget | None = None, session: Session | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personPage")
        self.setAccessibleName("Person")
        cls = _person_page_class()
        self.is_placeholder = cls is None
        self.page = cls(self, session=session) if cls else PlaceholderPersonPage(self)
        self.stale = False
        self.page.statusMessage.connect(self.statusMessage)
        self.page.openPerson.connect(lambda pid: self.openPerson.emit(pid, None))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.page)

    def use_undo_stack(self, stack: QUndoStack) -> None:
        """Changes made on the person page go on the window's undo stack."""
        set_stack = getattr(self.page, "set_undo_stack", None)
        if set_stack is not None:
            set_stack(stack)

    def follow(self, session: Session) -> None:
        session.changed.connect(self.journal_changed)

    def journal_changed(self, changes: Changes, handler: object = None) -> None:
        pid = self.current_person_id()
        touched = changes.touches_person(pid) if pid is not None else False
        if handler is self.page or pid is None or not (touched or changes.touches("meeting")):
            return
        if self.isVisible():
            self.reload()
        else:
            self.stale = True

    def show_person(self, person_id: int, focus: tuple[str, int] | None = None) -> None:
        self.stale = False
        self.page.show_person(person_id, focus)

    def current_person_id(self) -> int | None:
        return self.page.current_person_id()

    def new_note(self) -> None:
        self.page.new_note()

    def start_note(self, kind: str, when: object) -> bool:
        """Open the composer on a new note of `kind` that happened `when` (False if it cannot)."""
        start = getattr(self.page, "start_note", None)
        return bool(start(kind, when)) if start is not None else False

    def flush(self) -> None:
        """Save any edit still waiting (before leaving the person, or the journal)."""
        flush = getattr(self.page, "flush", None)
        if flush is not None:
            flush()

    def forget(self) -> None:
        """Show nobody, writing nothing (another journal is shown)."""
        forget = getattr(self.page, "forget", None)
        if forget is not None:
            forget()

    def showEvent(self, event) -> None:
        if self.stale:
            self.reload()
        super().showEvent(event)

    def reload(self) -> None:
        """Show the current person again (after a restore, or with another journal: nobody)."""
        self.stale = False
        pid = self.current_person_id()
        if pid is not None:
            self.page.show_person(pid, None)
