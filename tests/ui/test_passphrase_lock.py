"""An encrypted journal's window locks after the minutes set in Preferences: the journal is
hidden until the passphrase is typed again; a plain journal never locks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from journal import people
from ui.dialogs import encrypt, passphrase_lock
from ui.dialogs.passphrase import PassphraseDialog
from ui.dialogs.passphrase_lock import IdleLock
from ui.dialogs.preferences import PreferencesDialog

from .test_passphrase import when_modal

PASSPHRASE = "quiet library"


@pytest.fixture
def encrypted_window(qtbot, window, monkeypatch):
    monkeypatch.setattr(encrypt, "confirm", lambda *args: True)
    people.add_person("Zelda Quintessa")

    def twice(dialog) -> None:
        qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
        qtbot.keyClicks(dialog.confirm_edit, PASSPHRASE)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_modal(twice)
    window.registry["encrypt"].trigger()
    qtbot.waitUntil(lambda: not window.session.tasks.busy())
    assert encrypt.is_encrypted(window)
    return window


def test_the_lock_hides_the_journal_until_the_passphrase(qtbot, encrypted_window):
    window = encrypted_window
    passphrase_lock.set_lock_minutes(5)
    lock = IdleLock(window)
    assert lock.timer.isActive() and lock.timer.interval() == 5 * 60_000
    seen: dict[str, object] = {}

    def unlock(dialog) -> None:
        assert isinstance(dialog, PassphraseDialog) and dialog.objectName() == "lockDialog"
        seen["hidden"] = not window.centralWidget().isVisible()
        seen["menus"] = window.menuBar().isEnabled()
        qtbot.keyClicks(dialog.passphrase_edit, "guess")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        seen["wrong"] = dialog.error_label.text()
        dialog.passphrase_edit.clear()
        qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_modal(unlock)
    assert lock.lock()
    assert seen == {"hidden": True, "menus": False, "wrong": "Wrong passphrase"}
    assert window.centralWidget().isVisible() and window.menuBar().isEnabled()
    assert window.isVisible() and lock.timer.isActive()
    assert people.count_people() == 1


def test_cancel_closes_the_window(qtbot, encrypted_window):
    passphrase_lock.set_lock_minutes(1)
    lock = IdleLock(encrypted_window)
    when_modal(lambda dialog: dialog.reject())
    assert lock.lock()
    assert not encrypted_window.isVisible()


def test_a_plain_journal_never_locks(window):
    passphrase_lock.set_lock_minutes(1)
    lock = IdleLock(window)
    assert not lock.lock()
    assert window.centralWidget().isVisible()


def test_the_minutes_are_set_in_preferences(qtbot, window):
    lock = IdleLock(window)
    assert passphrase_lock.lock_minutes() == 0 and not lock.timer.isActive()
    dialog = PreferencesDialog(window.session, window)
    qtbot.addWidget(dialog)
    assert dialog.lock_box.text() == "never"
    dialog.lock_box.setValue(15)
    dialog.accept()
    assert passphrase_lock.lock_minutes() == 15
    qtbot.keyClick(window, Qt.Key.Key_Shift)  # any input starts the count again
    assert lock.timer.isActive() and lock.timer.interval() == 15 * 60_000
