"""The passphrase dialog: a wrong passphrase says so and asks again, the right one opens the
journal, Cancel opens nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from journal import crypto, people, storage
from ui import app as app_module
from ui.dialogs.passphrase import PassphraseDialog, open_or_unlock, unlock

PASSPHRASE = "blue heron at dawn"


@pytest.fixture
def encrypted(tmp_path: Path) -> Path:
    path = tmp_path / "secret.sqlite"
    with storage.open_journal(path):
        people.add_person("Zelda Quintessa", company="Hushwater")
    crypto.encrypt_journal(path, PASSPHRASE)
    return path


def opening(path: Path) -> PassphraseDialog:
    return PassphraseDialog(
        None,
        "Encrypted journal",
        f"{path.name} is encrypted.",
        attempt=lambda text: storage.open_journal(path, text),
    )


def type_and_ok(qtbot, dialog: PassphraseDialog, text: str) -> None:
    dialog.passphrase_edit.clear()
    qtbot.keyClicks(dialog.passphrase_edit, text)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def when_modal(handle: Callable[[QDialog], None]) -> None:
    """Run `handle` on the next modal dialog once it is showing."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and dialog.isVisible():
            handle(dialog)
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def test_wrong_passphrase_says_so_and_asks_again(qtbot, encrypted: Path):
    before = encrypted.read_bytes()
    dialog = opening(encrypted)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok_button.isEnabled()
    assert dialog.passphrase_edit.echoMode() == dialog.passphrase_edit.EchoMode.Password

    type_and_ok(qtbot, dialog, "red heron")
    assert dialog.isVisible()
    assert dialog.error_label.text() == "Wrong passphrase"
    assert dialog.value is None
    assert encrypted.read_bytes() == before

    qtbot.keyClicks(dialog.passphrase_edit, "x")
    assert dialog.error_label.text() == ""  # typing again clears the message

    type_and_ok(qtbot, dialog, PASSPHRASE)
    assert dialog.result() == QDialog.DialogCode.Accepted
    with dialog.value:
        assert people.resolve_person("Zelda").company == "Hushwater"


def test_cancel_opens_nothing(qtbot, encrypted: Path):
    dialog = opening(encrypted)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.value is None


def test_setting_a_passphrase_needs_it_twice(qtbot):
    dialog = PassphraseDialog(None, "Encrypt journal", "Choose a passphrase.", confirm=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.confirm_edit is not None
    qtbot.keyClicks(dialog.passphrase_edit, "one two three")
    qtbot.keyClicks(dialog.confirm_edit, "one two tree")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "The two passphrases differ"
    dialog.confirm_edit.clear()
    qtbot.keyClicks(dialog.confirm_edit, "one two three")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.passphrase() == "one two three"


def test_unlock_asks_until_it_opens(qtbot, encrypted: Path):
    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, PassphraseDialog)
        type_and_ok(qtbot, dialog, "wrong")
        assert dialog.error_label.text() == "Wrong passphrase"
        type_and_ok(qtbot, dialog, PASSPHRASE)

    when_modal(answer)
    journal = unlock(None, encrypted)
    assert journal is not None
    with journal:
        assert people.count_people() == 1


def test_the_environment_passphrase_opens_without_asking(qapp, encrypted: Path, monkeypatch):
    monkeypatch.setenv(crypto.ENV_VAR, PASSPHRASE)
    journal = open_or_unlock(None, encrypted)
    assert journal is not None
    journal.close()


def test_cancelling_at_start_quits_cleanly(qapp, encrypted: Path, monkeypatch):
    monkeypatch.delenv(crypto.ENV_VAR, raising=False)
    told: list[str] = []
    monkeypatch.setattr(app_module, "tell_cannot_open", told.append)
    when_modal(lambda dialog: dialog.reject())
    assert app_module.run_app(encrypted) == 0
    assert told == []
    assert not encrypted.with_name(encrypted.name + ".lock").exists()
