"""File → Encrypt journal… and Decrypt journal…: confirm, ask for the passphrase, convert the
journal (and its backups) and open it again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from journal import crypto
from journal.crypto import WrongPassphrase
from journal.storage import open_journal

from ..guard import attempt, tell_failure
from .passphrase import PassphraseDialog

if TYPE_CHECKING:
    from ..shell import Shell

ENCRYPT_WARNING = (
    "Anyone who opens the file will need the passphrase, and so will you: if it is forgotten, "
    "nothing can open the journal or its backups again. Its backups are encrypted too."
)
DECRYPT_WARNING = (
    "The journal and its backups will be readable by anyone who can open the files on this "
    "computer."
)


def is_encrypted(window: Shell) -> bool:
    return crypto.passphrase_of(window.session.journal.db) is not None


def confirm(parent: QWidget, title: str, text: str, details: str, yes: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setObjectName("encryptConfirm")
    box.setInformativeText(details)
    go = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is go


def encrypt_journal(window: Shell) -> None:
    if is_encrypted(window):
        window.status("This journal is already encrypted.")
        return
    if not confirm(window, "Encrypt journal", "Encrypt this journal?", ENCRYPT_WARNING, "&Encrypt"):
        return
    dialog = PassphraseDialog(
        window,
        "Encrypt journal",
        "Choose a passphrase: a few words only you know, typed twice.",
        confirm=True,
        ok_text="Encrypt",
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    passphrase = dialog.passphrase()
    convert(
        window,
        "Encrypting the journal",
        lambda path: crypto.encrypt_journal(path, passphrase),
        passphrase,
        "The journal is encrypted: it opens only with its passphrase.",
    )


def decrypt_journal(window: Shell) -> None:
    current = crypto.passphrase_of(window.session.journal.db)
    if current is None:
        window.status("This journal is not encrypted.")
        return
    if not confirm(window, "Decrypt journal", "Decrypt this journal?", DECRYPT_WARNING, "&Decrypt"):
        return

    def same(typed: str) -> str:
        if typed != current:
            raise WrongPassphrase("wrong passphrase")
        return typed

    dialog = PassphraseDialog(
        window,
        "Decrypt journal",
        "Type the journal's passphrase to decrypt it.",
        attempt=same,
        ok_text="Decrypt",
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    convert(
        window,
        "Decrypting the journal",
        lambda path: crypto.decrypt_journal(path, current),
        None,
        "The journal is no longer encrypted.",
    )


def convert(
    window: Shell,
    action: str,
    job: Callable[[Path], Any],
    new_key: str | None,
    done: str,
) -> None:
    """Close the journal, run `job` on its file in the task runner, and open it again (with
    `new_key` if it worked).

    Rewriting the file needs it to itself, so the journal stays closed and the window inert
    until the job is over (a journal of 3 000 people and 15 000 notes takes a few seconds).
    """
    session = window.session
    path = session.journal.path
    old_key = crypto.passphrase_of(session.journal.db)
    session.tasks.wait()
    window.flush_edits()
    inert(window, True)
    session.journal.close()

    def finish(converted: list[Path] | None, failure: BaseException | None = None) -> None:
        inert(window, False)
        if failure is not None:
            tell_failure(window, action, failure)
        key = new_key if converted is not None else old_key
        journal = attempt(window, "Opening the journal again", open_journal, path, key)
        if journal is None:
            window.close()
            return
        session.switch(journal)
        if converted is not None:
            count = len(converted)
            also = f" ({count} backup{'s' if count > 1 else ''} too)" if count else ""
            window.status(done + also)

    session.tasks.run(
        action,
        lambda _progress: job(path),
        finish,
        parent=window,
        failed=lambda exc: finish(None, exc),
    )


def inert(window: Shell, on: bool) -> None:
    """The window takes no input while its journal is closed to be rewritten."""
    for part in (window.centralWidget(), window.menuBar()):
        if part is not None:
            part.setEnabled(not on)
