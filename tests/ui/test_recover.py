"""A damaged journal at start, or found after the first paint: said plainly, the newest good
backup offered and restored with the damaged file kept aside; and the daily backup taken off the
GUI thread after the window shows."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from journal import backups, notes, people, recovery
from journal.errors import JournalDamaged, NotAJournal
from journal.storage import open_journal
from ui import app as app_module
from ui import damage
from ui.app import build_window
from ui.auto_backup import DailyBackup
from ui.damage_watch import DamageWatch
from ui.dialogs import recover_dialog
from ui.guard import attempt


def _damaged_journal_with_a_backup(path):
    with open_journal(path) as journal:
        people.add_person("Ana")
        backups.backup(journal.path, reason="daily")
        journal.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    return bytes(data)


def test_the_newest_good_backup_is_offered_and_restored(
    qtbot, journal_path, monkeypatch, message_boxes
):
    monkeypatch.delenv(backups.ENV_VAR, raising=False)
    damaged = _damaged_journal_with_a_backup(journal_path)
    message_boxes.expect("it is damaged", answer="Restore the backup")
    assert recover_dialog.offer_recovery(journal_path, "it is damaged") is True
    assert message_boxes.only().icon == QMessageBox.Icon.Warning
    [aside] = journal_path.parent.glob("journal.sqlite.damaged-*")
    assert aside.read_bytes() == damaged
    with open_journal(journal_path):
        assert [n for _, n in people.person_names()] == ["Ana"]


def test_saying_no_leaves_the_file_alone(qtbot, journal_path, monkeypatch, message_boxes):
    monkeypatch.delenv(backups.ENV_VAR, raising=False)
    damaged = _damaged_journal_with_a_backup(journal_path)
    message_boxes.expect("it is damaged", answer="Quit")
    assert recover_dialog.offer_recovery(journal_path, "it is damaged") is False
    assert journal_path.read_bytes() == damaged
    assert not list(journal_path.parent.glob("*.damaged-*"))


def test_the_question_says_what_happened_in_plain_words(qtbot, journal_path, monkeypatch):
    monkeypatch.delenv(backups.ENV_VAR, raising=False)
    _damaged_journal_with_a_backup(journal_path)
    good = recovery.newest_good_backup(journal_path)
    box, restore = recover_dialog.recovery_box(journal_path, "it is damaged", good)
    qtbot.addWidget(box)
    assert "damaged, or it is not a Rapport journal" in box.text()
    assert "did not change the file" in box.informativeText()
    assert "1 person" in box.informativeText()
    assert restore.objectName() == "restoreBackupButton"


def test_at_start_a_refused_recovery_exits_1_and_changes_nothing(journal_path, monkeypatch, qapp):
    monkeypatch.delenv(backups.ENV_VAR, raising=False)
    damaged = _damaged_journal_with_a_backup(journal_path)
    asked: list[str] = []
    monkeypatch.setattr(
        recover_dialog, "offer_recovery", lambda path, problem: asked.append(problem) or False
    )
    assert app_module.run_app(journal_path) == 1
    assert "damaged" in asked[0] or "not" in asked[0]
    assert journal_path.read_bytes() == damaged


class _NoLoop:
    def exec(self) -> int:
        return 0


def test_at_start_a_recovered_journal_opens_in_the_window(journal_path, monkeypatch, qapp):
    monkeypatch.delenv(backups.ENV_VAR, raising=False)
    _damaged_journal_with_a_backup(journal_path)
    monkeypatch.setattr(
        recover_dialog,
        "offer_recovery",
        lambda path, problem: bool(
            recovery.restore_into(path, recovery.newest_good_backup(path).path)
        ),
    )
    monkeypatch.setattr(app_module, "application", _NoLoop)
    shown: list[QWidget] = []
    monkeypatch.setattr(app_module, "DailyBackup", lambda session: shown.append(session))
    assert app_module.run_app(journal_path) == 0
    [session] = shown
    assert session.journal.path == journal_path
    [window] = [w for w in QApplication.topLevelWidgets() if getattr(w, "session", 0) is session]
    window.watch.timer.stop()
    window.watch.instance.close()
    window.close()
    window.deleteLater()


def test_the_daily_backup_runs_in_a_thread_after_the_window_shows(qtbot, window, monkeypatch):
    monkeypatch.delenv(backups.ENV_VAR, raising=False)
    people.add_person("Ana")
    daily = DailyBackup(window.session, delay_ms=10)
    qtbot.waitUntil(lambda: daily.result is not None, timeout=5000)
    assert daily.result.exists()
    assert "Daily backup saved" in window.statusBar().currentMessage()
    [taken] = backups.list_backups(window.journal.path)
    assert taken.reason == "daily"


def test_another_journal_opened_in_the_window_gets_its_daily_backup(
    qtbot, window, tmp_path, monkeypatch
):
    monkeypatch.delenv(backups.ENV_VAR, raising=False)
    people.add_person("Ana")
    daily = DailyBackup(window.session, delay_ms=10)
    qtbot.waitUntil(lambda: daily.result is not None, timeout=5000)
    other_path = tmp_path / "other" / "second.sqlite"
    with open_journal(other_path):
        people.add_person("Bruno")
    assert window.files.switch_journal(other_path)
    qtbot.waitUntil(lambda: daily._for is window.journal and not daily.running, timeout=5000)
    qtbot.waitUntil(lambda: bool(backups.list_backups(window.journal.path)), timeout=5000)
    window.session.release_lock()


def _journal_damaged_inside_with_a_backup(path):
    """A journal whose notes table is broken (page 1 whole, so it opens), with a good backup."""
    with open_journal(path) as journal:
        ana = people.add_person("Ana")
        for i in range(300):
            notes.add_note(ana.id, f"Note {i} about the harbour warehouse.")
        backups.backup(journal.path, reason="daily")
        journal.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        root = journal.db.execute_sql("SELECT rootpage FROM sqlite_master WHERE name='note'")
        page = root.fetchone()[0]
    data = bytearray(path.read_bytes())
    data[(page - 1) * 4096] = 0x07  # no b-tree page has this type
    path.write_bytes(bytes(data))
    return bytes(data)


def test_damage_found_after_the_first_paint_offers_the_backup(
    qtbot, journal_path, monkeypatch, message_boxes
):
    monkeypatch.delenv(backups.ENV_VAR, raising=False)
    damaged = _journal_damaged_inside_with_a_backup(journal_path)
    window = build_window(open_journal(journal_path))  # the light checks at opening pass
    qtbot.addWidget(window)
    window.show()
    message_boxes.expect("damaged", answer="Restore the backup")
    watch = DamageWatch(window.session, window)
    qtbot.waitUntil(lambda: watch.problem is not None, timeout=10000)
    window.session.tasks.wait()
    assert "damaged" in message_boxes.only().text
    [aside] = journal_path.parent.glob("journal.sqlite.damaged-*")
    assert aside.read_bytes() == damaged  # kept, never written
    assert len(notes.notes_of(people.person_names()[0][0])) == 300  # the backup, whole
    assert window.journal.path == journal_path and not window.journal.db.is_closed()
    watch.unregister()
    window.session.release_lock()


def test_damage_met_by_a_read_with_no_backup_taken_ends_and_changes_nothing(
    qtbot, journal_path, monkeypatch, message_boxes
):
    monkeypatch.delenv(backups.ENV_VAR, raising=False)
    damaged = _journal_damaged_inside_with_a_backup(journal_path)
    window = build_window(open_journal(journal_path))
    qtbot.addWidget(window)
    window.show()
    watch = DamageWatch(window.session, window, delay_ms=60_000)  # a read finds it, not the check
    message_boxes.expect("damaged", answer="Quit")
    message_boxes.expect("cannot be used")
    ana = people.person_names()[0][0]
    with qtbot.waitSignal(watch.gave_up, timeout=10000):
        assert attempt(window.people, "Saving the note", notes.add_note, ana, "Hello") is None
    assert journal_path.read_bytes() == damaged
    assert not list(journal_path.parent.glob("*.damaged-*"))
    with pytest.raises(Exception, match=r"not opened|closed"):
        people.count_people()  # the connection stays closed: nothing can write
    watch.unregister()


def test_only_the_open_journals_damage_goes_to_the_watch(qtbot, window):
    watch = DamageWatch(window.session, window, delay_ms=60_000)
    backup = window.journal.path.parent / "backup.sqlite"
    assert not damage.report(JournalDamaged(f"{backup} is damaged (page 3)"))  # said, not handled
    assert not damage.report(NotAJournal(f"{backup} is not a Rapport journal"))
    assert watch.problem is None and not window.journal.db.is_closed()
    watch.unregister()
