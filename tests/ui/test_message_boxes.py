"""The message-box fixture itself: boxes are answered as expected, never left waiting."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from .messageboxes import MessageBoxes


def test_an_expected_box_is_answered_with_the_button_named(message_boxes):
    box = QMessageBox(QMessageBox.Icon.Question, "Rapport", "Restore the backup?")
    go = box.addButton("&Restore", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    message_boxes.expect("Restore the backup", answer="Restore")
    box.exec()
    assert box.clickedButton() is go
    assert message_boxes.only().icon == QMessageBox.Icon.Question


def test_the_static_helpers_are_answered_too(message_boxes):
    message_boxes.expect("Quit?", answer="No")
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    assert QMessageBox.question(None, "Rapport", "Quit?", buttons) == QMessageBox.StandardButton.No
    assert message_boxes.only().title == "Rapport"


def test_an_unexpected_box_or_a_missing_one_is_reported(monkeypatch):
    boxes = MessageBoxes()
    boxes.install(monkeypatch)
    QMessageBox.warning(None, "Rapport", "Something nobody expected")
    assert [b.text for b in boxes.unexpected] == ["Something nobody expected"]
    boxes.unexpected.clear()
    boxes.expect("never shown")
    try:
        boxes.check()
    except BaseException as failed:  # pytest.fail raises Failed, an OutcomeException
        assert "never shown" in str(failed)
    else:
        raise AssertionError("a missing box went unnoticed")
