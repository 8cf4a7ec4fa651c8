"""Asking for a journal's passphrase: once to open it (again after a wrong one), twice to
set one."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from journal import crypto
from journal.crypto import PassphraseNeeded, WrongPassphrase
from journal.errors import JournalError
from journal.storage import Journal, open_journal


class PassphraseDialog(QDialog):
    """A passphrase field (and, with `confirm`, a second one that must match).

    With `attempt`, OK runs it with the passphrase: a WrongPassphrase keeps the dialog open and
    says so; any other JournalError closes it (kept in `error`); a result closes it (`value`).
    """

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        message: str,
        *,
        confirm: bool = False,
        attempt: Callable[[str], Any] | None = None,
        ok_text: str = "OK",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(400)
        self._attempt = attempt
        self.value: Any = None
        self.error: JournalError | None = None

        self.message_label = QLabel(message, self)
        self.message_label.setWordWrap(True)
        self.passphrase_edit = self._field("passphraseEdit", "Passphrase")
        self.confirm_edit = self._field("confirmEdit", "Passphrase again") if confirm else None
        self.error_label = QLabel(self)
        self.error_label.setObjectName("passphraseError")
        self.error_label.setAccessibleName("Passphrase problem")
        self.error_label.setStyleSheet("font-weight: bold;")
        # Always there, one line high: the dialog keeps its size when a problem shows.
        self.error_label.setMinimumHeight(self.error_label.fontMetrics().height())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.ok_button.setObjectName("passphraseOk")
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout(self)
        form.addRow(self.message_label)
        form.addRow("&Passphrase", self.passphrase_edit)
        if self.confirm_edit is not None:
            form.addRow("&Again", self.confirm_edit)
        form.addRow(self.error_label)
        form.addRow(self.buttons)
        self.passphrase_edit.setFocus()

    def _field(self, name: str, label: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(label)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.textChanged.connect(self._changed)
        return edit

    def _changed(self) -> None:
        self.ok_button.setEnabled(bool(self.passphrase_edit.text()))
        self.error_label.clear()

    def passphrase(self) -> str:
        return self.passphrase_edit.text()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)

    def accept(self) -> None:
        text = self.passphrase()
        if not text:
            return
        if self.confirm_edit is not None and self.confirm_edit.text() != text:
            self.show_error("The two passphrases differ")
            self.confirm_edit.selectAll()
            self.confirm_edit.setFocus()
            return
        if self._attempt is not None:
            try:
                self.value = self._attempt(text)
            except WrongPassphrase:
                self.passphrase_edit.selectAll()
                self.passphrase_edit.setFocus()
                self.show_error("Wrong passphrase")
                return
            except JournalError as exc:
                self.error = exc
                super().reject()
                return
        super().accept()


def unlock(parent: QWidget | None, path: Path) -> Journal | None:
    """Ask for the passphrase of the encrypted journal at `path` until it opens it.

    Returns None if the person cancels; raises another JournalError (a damaged file, say).
    """
    dialog = PassphraseDialog(
        parent,
        "Encrypted journal",
        f"{path.name} is encrypted. Type its passphrase to open it.",
        attempt=lambda passphrase: open_journal(path, passphrase),
        ok_text="Open",
    )
    opened = dialog.exec() == QDialog.DialogCode.Accepted
    if dialog.error is not None:
        raise dialog.error
    return dialog.value if opened else None


def open_or_unlock(parent: QWidget | None, path: Path) -> Journal | None:
    """Open the journal at `path`; an encrypted one takes $RAPPORT_PASSPHRASE or asks for it.

    None means the person cancelled the passphrase dialog.
    """
    try:
        return open_journal(path, os.environ.get(crypto.ENV_VAR) or None)
    except (PassphraseNeeded, WrongPassphrase):
        return unlock(parent, Path(path))


class Cancelled(JournalError):
    """The person closed the passphrase dialog: there is nothing to open."""
