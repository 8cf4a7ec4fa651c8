"""Where the person page sits in the window: built when a person is first opened, not at
start-up (it is the window's largest page: ~0.1 s and a dozen models)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QVBoxLayout, QWidget

from journal.changes import Changes

if TYPE_CHECKING:
    from ..person.page import PersonPage
    from ..session import Session


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
        self.session = session
        self.stale = False
        self._page: PersonPage | None = None
        self._undo_stack: QUndoStack | None = None
        self._brief: QAction | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def page(self) -> PersonPage:
        """The person page, made the first time it is asked for."""
        if self._page is None:
            from ..person.page import PersonPage

            page = PersonPage(self, session=self.session)
            page.statusMessage.connect(self.statusMessage)
            page.openPerson.connect(lambda pid: self.openPerson.emit(pid, None))
            if self._undo_stack is not None:
                page.set_undo_stack(self._undo_stack)
            if self._brief is not None:
                page.header.brief_button.setDefaultAction(self._brief)
            self._layout.addWidget(page)
            page.show()  # now: a layout shows a new child of a shown widget only later (queued)
            self._page = page
        return self._page

    def use_undo_stack(self, stack: QUndoStack) -> None:
        """Changes made on the person page go on the window's undo stack."""
        self._undo_stack = stack
        if self._page is not None:
            self._page.set_undo_stack(stack)

    def use_brief_action(self, action: QAction) -> None:
        """The header's Brief button runs the window's Brief action."""
        self._brief = action
        if self._page is not None:
            self._page.header.brief_button.setDefaultAction(action)

    def follow(self, session: Session) -> None:
        session.changed.connect(self.journal_changed)

    def journal_changed(self, changes: Changes, handler: object = None) -> None:
        pid = self.current_person_id()
        touched = changes.touches_person(pid) if pid is not None else False
        if pid is None or handler is self._page or not (touched or changes.touches("meeting")):
            return
        if self.isVisible():
            self.reload()
        else:
            self.stale = True

    def show_person(self, person_id: int, focus: tuple[str, int] | None = None) -> None:
        self.stale = False
        self.page.show_person(person_id, focus)

    def current_person_id(self) -> int | None:
        return None if self._page is None else self._page.current_person_id()

    def new_note(self) -> None:
        self.page.new_note()

    def start_note(self, kind: str, when: object) -> bool:
        """Open the composer on a new note of `kind` that happened `when` (False if it cannot)."""
        return bool(self.page.start_note(kind, when))

    def flush(self) -> None:
        """Save any edit still waiting (before leaving the person, or the journal)."""
        if self._page is not None:
            self._page.flush()

    def forget(self) -> None:
        """Show nobody, writing nothing (another journal is shown)."""
        if self._page is not None:
            self._page.forget()

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
