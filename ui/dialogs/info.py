"""Help dialogs: the keyboard shortcuts (read from the action registry) and About."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from journal import backups, private
from journal.storage import Journal


def app_version() -> str:
    from importlib import metadata  # ~20 ms of email parsing modules: not at start-up

    try:
        return metadata.version("rapport")
    except metadata.PackageNotFoundError:
        return "development"


SERVER_ACCESS = (
    "Who may read and write a server journal is the server's business: its roles, grants "
    "and pg_hba.conf, not file permissions."
)


class _TextDialog(QDialog):
    def __init__(self, parent: QWidget | None, name: str, title: str, text: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(title)
        self.setWindowTitle(title)
        self.label = QLabel(text, self)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(buttons)


class ShortcutsDialog(_TextDialog):
    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        lines = "".join(
            f"<tr><td>{html.escape(what)}</td><td>&nbsp;&nbsp;<b>{html.escape(keys)}</b></td></tr>"
            for what, keys in rows
        )
        extra = "".join(
            f"<tr><td>{what}</td><td>&nbsp;&nbsp;<b>{keys}</b></td></tr>"
            for what, keys in (
                ("Save the note (in the composer)", "Ctrl+Enter"),
                ("Open the selected person", "Enter"),
                ("Move from a search or filter box into the list", "Down"),
            )
        )
        super().__init__(
            parent, "shortcutsDialog", "Keyboard shortcuts", f"<table>{lines}{extra}</table>"
        )


class AboutDialog(_TextDialog):
    def __init__(self, journal: Journal | None, parent: QWidget | None = None) -> None:
        where = html.escape(journal.location) if journal else "no journal open"
        kept = "on the team's server" if journal and journal.is_server else "on this computer only"
        text = (
            f"<h3>Rapport {html.escape(app_version())}</h3>"
            "<p>A relationship journal for independent salespeople: people, what they want, "
            f"what they decided and why, kept {kept}.</p>"
            f"<p>Journal: <code>{where}</code></p>"
        )
        if journal and journal.is_server:
            text += f"<p>{html.escape(SERVER_ACCESS)}</p>"
        elif journal and private.readable_by_others(journal.path, backups.backup_dir(journal.path)):
            command = html.escape(private.fix_command(journal.path))
            text += (
                f"<p><b>{html.escape(private.WARNING.capitalize())}.</b> To make it readable "
                f"by you only, run:</p><pre>{command}</pre>"
            )
        super().__init__(parent, "aboutDialog", "About Rapport", text)
