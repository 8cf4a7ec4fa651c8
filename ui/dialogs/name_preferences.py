"""Your name, for the notes, decisions and edits you make: kept on this computer (Qt's
settings), not in the journal, and used for every journal this window opens."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QMessageBox, QWidget

from journal import authorship
from journal.changes import Changes
from journal.errors import JournalError

from .. import settings
from ..person.widgets import named
from ..session import Session

AUTHOR_KEY = "team/author"


def use_saved_name() -> str:
    """At start-up: the name set in Preferences, else $RAPPORT_AUTHOR (a name that is not
    one line, edited into the settings file by hand, is ignored)."""
    for name in (settings.value_str(AUTHOR_KEY), os.environ.get(authorship.ENVIRONMENT, "")):
        try:
            if authorship.set_author(name):
                break
        except JournalError:
            continue
    return authorship.chosen()


class NamePreferences(QGroupBox):
    """A group of the Preferences dialog; `save()` keeps the name and uses it from now on."""

    def __init__(self, session: Session | None, parent: QWidget | None = None) -> None:
        super().__init__("You", parent)
        self.session = session
        self.setObjectName("namePreferences")
        self.name_edit = QLineEdit(authorship.chosen(), self)
        named(self.name_edit, "authorNameEdit", "Your name")
        self.name_edit.setMaxLength(authorship.MAX_LENGTH)
        on_server = session is not None and session.journal.is_server
        self.name_edit.setPlaceholderText(
            "your server role" if on_server else "nobody (a journal of your own)"
        )
        hint = QLabel(
            "Notes, decisions and edits you make are marked with it, and the people you add are "
            "yours. On a server journal, your role is used when this is empty.",
            self,
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        form = QFormLayout(self)
        form.addRow("Your &name", self.name_edit)
        form.addRow(hint)

    def save(self) -> bool:
        """False (the dialog stays open) when the name is refused."""
        wanted = self.name_edit.text()
        if authorship.clean(wanted) == authorship.chosen():
            return True
        try:
            name = authorship.set_author(wanted)
        except JournalError as exc:
            QMessageBox.warning(self, "Your name", str(exc))
            return False
        settings.set_value(AUTHOR_KEY, name)
        if self.session is not None:  # "mine" on People and Today means someone else now
            self.session.announce(Changes.of("setting"))
        return True
