"""File → Encrypt journal… and Decrypt journal… in the real window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from journal import crypto, people
from ui.dialogs import encrypt
from ui.dialogs.passphrase import PassphraseDialog

from .test_passphrase import when_modal

PASSPHRASE = "harbour lights"


@pytest.fixture(autouse=True)
def confirmed(monkeypatch):
    monkeypatch.setattr(encrypt, "confirm", lambda *args: True)


def answer_twice(qtbot, text: str):
    def handle(dialog) -> None:
        assert isinstance(dialog, PassphraseDialog) and dialog.confirm_edit is not None
        qtbot.keyClicks(dialog.passphrase_edit, text)
        qtbot.keyClicks(dialog.confirm_edit, text)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    return handle


def test_encrypt_then_decrypt_from_the_window(qtbot, window):
    people.add_person("Zelda Quintessa", company="Hushwater")
    path = window.journal.path
    when_modal(answer_twice(qtbot, PASSPHRASE))
    window.registry["encrypt"].trigger()
    qtbot.waitUntil(lambda: not window.session.tasks.busy())
    assert crypto.is_encrypted(path)
    assert b"Zelda" not in path.read_bytes()
    assert encrypt.is_encrypted(window)
    assert people.count_people() == 1  # open again, with the passphrase
    people.add_person("Ana Souza")
    assert b"Ana Souza" not in path.read_bytes()

    def wrong_then_right(dialog) -> None:
        assert isinstance(dialog, PassphraseDialog) and dialog.confirm_edit is None
        qtbot.keyClicks(dialog.passphrase_edit, "nope")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert dialog.error_label.text() == "Wrong passphrase"
        dialog.passphrase_edit.clear()
        qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_modal(wrong_then_right)
    window.registry["decrypt"].trigger()
    qtbot.waitUntil(lambda: not window.session.tasks.busy())
    assert not crypto.is_encrypted(path)
    assert not encrypt.is_encrypted(window)
    assert people.count_people() == 2


def test_cancel_leaves_the_journal_plain(qtbot, window):
    people.add_person("Zelda Quintessa")
    when_modal(lambda dialog: dialog.reject())
    window.registry["encrypt"].trigger()
    assert not crypto.is_encrypted(window.journal.path)
    assert people.count_people() == 1
