"""File → Restore from backup…: the list of backups, the confirmation, the window reloaded, and
the journal before the restore saved so it can be undone."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from journal import backups, people
from journal.changes import EVERYTHING
from ui.dialogs import restore_dialog
from ui.dialogs.restore_model import BackupsModel, reason_label


def test_backups_are_listed_restored_after_confirmation_and_undoable(
    qtbot, window, monkeypatch, message_boxes
):
    monkeypatch.delenv(backups.ENV_VAR, raising=False)
    people.add_person("Ana")
    backups.backup(window.journal.path, reason="daily")
    people.add_person("Bruno")
    window.session.announce(EVERYTHING)
    window.registry["restore"].trigger()
    dialog = window.restore_dialog
    assert dialog.isVisible()
    model = dialog.model
    assert model.rowCount() == 1
    assert model.index(0, 1).data() == "Daily backup"
    assert model.index(0, 2).data() == "counting…"  # each backup is opened off the GUI thread
    qtbot.waitUntil(lambda: model.index(0, 2).data() == "1 person")
    message_boxes.expect("Restore the backup from", answer="Restore")
    message_boxes.expect("The backup was restored.")
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: not window.session.tasks.busy())  # restored in the task runner
    assert [n for _, n in people.person_names()] == ["Ana"]
    assert "saved as" in window.statusBar().currentMessage()
    asked, told = message_boxes.shown
    assert asked.icon == QMessageBox.Icon.Question and "1 person" in asked.informative
    assert told.icon == QMessageBox.Icon.Information and "To undo" in told.informative
    [safety] = [
        b for b in backups.list_backups(window.journal.path) if b.reason == "before-restore"
    ]
    assert backups.count_people(safety.path) == 2
    message_boxes.expect("The backup was restored.")
    assert restore_dialog.restore_in_window(window, safety.path)
    qtbot.waitUntil(lambda: not window.session.tasks.busy())
    assert [n for _, n in people.person_names()] == ["Ana", "Bruno"]
    assert window.people.isVisible() or window.today.isVisible()


def test_cancelling_the_confirmation_restores_nothing(qtbot, window, monkeypatch, message_boxes):
    monkeypatch.delenv(backups.ENV_VAR, raising=False)
    people.add_person("Ana")
    backups.backup(window.journal.path)
    people.add_person("Bruno")
    dialog = restore_dialog.open_restore(window)
    message_boxes.expect("Restore the backup from", answer="Cancel")
    dialog.confirm()
    assert people.count_people() == 2
    dialog.close()


def test_no_backups_says_so(qtbot, window, monkeypatch):
    monkeypatch.delenv(backups.ENV_VAR, raising=False)
    dialog = restore_dialog.open_restore(window)
    assert "no backups" in dialog.findChild(type(dialog.where), "restoreIntro").text()
    assert not dialog.restore_button.isEnabled()
    dialog.close()


def test_backups_model_passes_the_model_tester(qtmodeltester, journal, monkeypatch):
    monkeypatch.delenv(backups.ENV_VAR, raising=False)
    people.add_person("Ana")
    backups.backup(journal.path, reason="before-import")
    backups.backup(journal.path, reason="before-v4")
    model = BackupsModel(backups.list_backups(journal.path))
    qtmodeltester.check(model)
    assert {model.index(r, 1).data() for r in range(2)} == {
        "Before an import",
        "Before updating Rapport",
    }


def test_reason_labels() -> None:
    assert reason_label("before-import-2") == "Before an import"
    assert reason_label("before-restore") == "Before a restore"
    assert reason_label("odd-one") == "Odd one"
