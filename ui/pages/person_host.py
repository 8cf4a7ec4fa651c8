"""Where the person page sits in the window. Until ui.person.page exists, a plain placeholder."""

from __future__ import annotations

import html
import importlib

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from journal import people
from journal.errors import JournalError


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
    """The person page in the stack; re-emits its signals with the window's vocabulary."""

    personChanged = Signal(int)
    statusMessage = Signal(str)
    openPerson = Signal(int, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personPage")
        self.setAccessibleName("Person")
        cls = _person_page_class()
        self.is_placeholder = cls is None
        self.page = (cls or PlaceholderPersonPage)(self)
        self.page.personChanged.connect(self.personChanged)
        self.page.statusMessage.connect(self.statusMessage)
        self.page.openPerson.connect(lambda pid: self.openPerson.emit(pid, None))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.page)

    def show_person(self, person_id: int, focus: tuple[str, int] | None = None) -> None:
        self.page.show_person(person_id, focus)

    def current_person_id(self) -> int | None:
        return self.page.current_person_id()

    def new_note(self) -> None:
        self.page.new_note()

    def flush(self) -> None:
        """Save any edit still waiting (before leaving the person, or the journal)."""
        flush = getattr(self.page, "flush", None)
        if flush is not None:
            flush()

    def reload(self) -> None:
        """Show the current person again (after a restore, or with another journal: nobody)."""
        pid = self.current_person_id()
        if pid is not None:
            self.page.show_person(pid, None)
