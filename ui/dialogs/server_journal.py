"""Opening a journal on a PostgreSQL server: its URL (the recent ones offered, never with a
password) and, only when the server asks and neither ~/.pgpass nor PGPASSWORD gives it, a
password typed for this time (never written anywhere)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QWidget,
)

from journal import server
from journal.server import PasswordNeeded, WrongPassword
from journal.storage import Journal, open_journal

from .. import settings

EXAMPLE = "postgresql://ana@team-server:5432/journal"
EXPLAINED = (
    "A journal your team shares on a PostgreSQL server. Its address names the role, the "
    f"server and the database, as in {EXAMPLE}.\n\n"
    "The password comes from ~/.pgpass or PGPASSWORD; if neither has it, Rapport asks for it "
    "each time and keeps it nowhere."
)
NOT_A_URL = "The address starts with postgresql:// (the role, the server, then the database)."


class ServerJournalDialog(QDialog):
    """The server journal's address, typed or chosen among the recent ones."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serverJournalDialog")
        self.setWindowTitle("Open a server journal")
        self.setAccessibleName("Open a server journal")
        self.setMinimumWidth(680)  # a whole address shows, host and database names included
        explained = QLabel(EXPLAINED, self)
        explained.setWordWrap(True)
        self.url_box = QComboBox(self)
        self.url_box.setObjectName("serverUrl")
        self.url_box.setAccessibleName("Server journal address")
        self.url_box.setEditable(True)
        self.url_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        edit = QLineEdit(self.url_box)
        edit.setPlaceholderText(EXAMPLE)
        edit.setClearButtonEnabled(True)
        self.url_box.setLineEdit(edit)
        self.url_box.addItems(settings.recent_servers())
        self.problem = QLabel(self)
        self.problem.setObjectName("serverUrlProblem")
        self.problem.setWordWrap(True)
        self.problem.setMinimumHeight(self.problem.fontMetrics().height())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.open_button = self.buttons.button(QDialogButtonBox.StandardButton.Open)
        self.open_button.setObjectName("serverOpen")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.url_box.currentTextChanged.connect(self._changed)
        form = QFormLayout(self)
        form.addRow(explained)
        form.addRow("&Address", self.url_box)
        form.addRow(self.problem)
        form.addRow(self.buttons)
        self._changed(self.url_box.currentText())
        self.url_box.setFocus()

    def url(self) -> str:
        return self.url_box.currentText().strip()

    def _changed(self, text: str) -> None:
        valid = server.is_server_location(text.strip())
        self.open_button.setEnabled(valid)
        self.problem.setText("" if valid or not text.strip() else NOT_A_URL)

    def accept(self) -> None:
        if server.is_server_location(self.url()):
            super().accept()


def choose_server_journal(parent: QWidget | None) -> str | None:
    """The address the person chose, or None if they cancelled."""
    dialog = ServerJournalDialog(parent)
    return dialog.url() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_password(parent: QWidget | None, url: str, again: bool = False) -> str | None:
    """The server's password, typed (None: cancelled); it is used for this opening only."""
    where = server.redacted(url)
    text = f"The server at {where} asks for a password."
    if again:
        text = f"The server at {where} refused that password. Type it again."
    password, ok = QInputDialog.getText(
        parent, "Server password", text, QLineEdit.EchoMode.Password
    )
    return password if ok and password else None


def open_server_journal(parent: QWidget | None, url: str) -> Journal | None:
    """Open the journal at `url`, asking for a password when the server wants one that
    ~/.pgpass and PGPASSWORD do not give (again after a refused one); None if the person
    cancelled. The server's other refusals are raised (JournalError, in plain words)."""
    try:
        journal = open_journal(url)
    except PasswordNeeded:
        journal = None
    again = False
    while journal is None:
        password = ask_password(parent, url, again)
        if password is None:
            return None
        try:
            journal = open_journal(url, password=password)
        except WrongPassword:
            again = True
    settings.remember_server(url)
    return journal
