"""The window on a server journal: another writer's note shows up within 2 s (LISTEN/NOTIFY), and
a save made while the network is gone (a proxy between the window and the server, stopped for
real) keeps what was typed and lands, once, when the network is back."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from tcp_proxy import TcpProxy

from journal import faults, notes, people
from journal.changes import EVERYTHING, Changes
from ui import bugs, single_instance
from ui.app import build_window
from ui.auto_backup import DailyBackup
from ui.live_refresh import JournalWatch
from ui.main_window import MainWindow
from ui.pages.refresh_when_shown import READ_LATER
from ui.person.timeline_model import EntryRole
from ui.server_notice import AWAY, ServerNotice
from ui.write_queue import OFFLINE

pytestmark = pytest.mark.postgres

RAPPORT = str(Path(sys.executable).with_name("rapport"))


@pytest.fixture
def server_window(
    qtbot, proxy: TcpProxy, server_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    from journal.storage import open_journal

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # its backups go there
    journal = open_journal(proxy.url_for(server_url))
    window = build_window(journal)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.watch = JournalWatch(window.session)
    window.server_notice = ServerNotice(window, window.watch)  # as ui.app does
    assert window.watch.server is not None and window.watch.server.listener.listening.wait(10)
    yield window
    window.watch.stop()
    journal.close()


def typed_note(qtbot, window: MainWindow, text: str):  # type: ignore[no-untyped-def]
    """Ana, added, her page open, `text` typed in a new note; (her record, the note's box)."""
    ana = window.session.run(window, "Adding", people.add_person, "Ana")
    assert ana is not None
    window.open_person(ana.id)
    page = window.person.page
    page.new_note()
    body = page.journal.composer.body
    qtbot.keyClicks(body, text)
    return ana, body


def timeline(window: MainWindow) -> list[str]:
    model = window.person.page.journal.model
    return [model.index(row).data(EntryRole).body for row in range(model.rowCount())]


def test_a_note_written_elsewhere_shows_on_the_person_page_within_two_seconds(
    qtbot, server_window, server_url
):
    window = server_window
    heard: list[Changes] = []
    window.watch.server.heard.connect(heard.append)
    ana = window.session.run(window, "Adding", people.add_person, "Ana")
    assert ana is not None
    window.open_person(ana.id)
    assert timeline(window) == []
    window.person.page.new_note()
    composer = window.person.page.journal.composer
    qtbot.keyClicks(composer.body, "Half a thought")
    command = [RAPPORT, "--journal", server_url, "note", "Ana", "Wants the numbers by Friday"]
    subprocess.run(command, check=True, capture_output=True)
    qtbot.waitUntil(lambda: timeline(window) == ["Wants the numbers by Friday"], timeout=2000)
    assert composer.body.toPlainText() == "Half a thought"  # what this window was typing stays
    # the window's own write (Ana) was not heard back: only the other writer's note was
    assert len(heard) == 1 and "note" in heard[0].kinds and heard[0].person_ids == {ana.id}


def test_a_person_added_elsewhere_joins_people(qtbot, server_window, server_url):
    window = server_window
    window.show_page("people")
    rows = window.people.table.model().rowCount
    assert rows() == 0
    subprocess.run([RAPPORT, "--journal", server_url, "add", "Bruno"], check=True)
    qtbot.waitUntil(lambda: rows() == 1, timeout=2000)


def test_a_note_saved_while_the_server_is_away_is_kept_and_saved_once_it_is_back(
    qtbot, server_window, proxy, message_boxes
):
    window = server_window
    ana, body = typed_note(qtbot, window, "She wants the numbers by Friday")
    proxy.stop()
    qtbot.keyClick(body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert body.toPlainText() == "She wants the numbers by Friday"  # kept while away
    assert window.statusBar().currentMessage() == OFFLINE
    assert len(window.session.queue) == 1
    # a page read meanwhile says so plainly: no bug dialog
    window.people.stale = True
    window.people.catch_up()
    assert window.statusBar().currentMessage() == READ_LATER
    message_boxes.expect("cannot be reached")
    assert window.session.read(window, "Finding the person", people.get_person, ana.id) is None
    assert message_boxes.shown[-1].name == "errorDialog"
    assert message_boxes.shown[-1].says(faults.OFFLINE)
    proxy.start()
    qtbot.waitUntil(lambda: len(window.session.queue) == 0, timeout=15000)
    assert [n.body for n in notes.notes_of(ana.id)] == ["She wants the numbers by Friday"]
    qtbot.waitUntil(lambda: body.toPlainText() == "")
    assert timeline(window) == ["She wants the numbers by Friday"]
    assert window.statusBar().currentMessage() == "Saved: the journal's server is back."


def test_a_read_that_fails_outside_any_page_is_told_plainly_not_as_a_bug(
    qtbot, server_window, proxy, message_boxes, bug_log
):
    window = server_window
    proxy.stop()
    with pytest.raises(Exception) as raised:
        people.count_people()
    assert faults.classify(raised.value) is faults.Fault.OFFLINE
    message_boxes.expect("cannot be reached")
    bugs.excepthook(raised.type, raised.value, raised.tb)  # as Qt does for a slot's exception
    assert [box.name for box in message_boxes.shown] == ["offlineNotice"]
    assert message_boxes.shown[0].says(faults.OFFLINE)
    assert not bug_log.exists()
    proxy.start()
    assert people.count_people() == 0  # the next read reconnects by itself
    window.session.announce(EVERYTHING)


def test_a_second_start_on_the_same_server_journal_raises_this_window(
    qtbot, server_window, proxy, server_url
):
    raised: list[bool] = []
    server_window.watch.raiseRequested.connect(lambda: raised.append(True))
    through_proxy = proxy.url_for(server_url)
    assert single_instance.ask_running_to_raise(through_proxy.replace(":rapport_test@", "@"))
    qtbot.waitUntil(lambda: raised == [True])
    assert not single_instance.ask_running_to_raise(server_url)  # another address: not it


def test_the_daily_backup_of_a_server_journal_is_its_json_export(qtbot, server_window, tmp_path):
    window = server_window
    window.session.run(window, "Adding", people.add_person, "Ana")
    backup = DailyBackup(window.session, delay_ms=0)
    qtbot.waitUntil(lambda: backup.result is not None, timeout=10000)
    assert isinstance(backup.result, Path) and backup.result.suffix == ".json"
    assert tmp_path in backup.result.parents
    assert '"Ana"' in backup.result.read_text()
    assert str(backup.result) in window.statusBar().currentMessage()


def test_closing_while_the_server_is_away_waits_a_little_for_it(qtbot, server_window, proxy):
    window = server_window
    ana = window.session.run(window, "Adding", people.add_person, "Ana")
    assert ana is not None
    proxy.stop()
    assert window.session.run(window, "Saving", notes.add_note, ana.id, "Said at the door") is None
    assert len(window.session.queue) == 1
    back = threading.Timer(1.0, proxy.start)  # the network returns while the window closes
    back.start()
    try:
        window.session.queue.flush()
    finally:
        back.join()
    assert len(window.session.queue) == 0
    assert [n.body for n in notes.notes_of(ana.id)] == ["Said at the door"]


def test_a_note_whose_answer_was_lost_is_retried_by_the_queue_and_written_once(
    qtbot, server_window, proxy
):
    window = server_window
    ana, body = typed_note(qtbot, window, "She wants the numbers by Friday")
    proxy.lose_the_next_commit_answer()  # the server commits; the window hears nothing back
    qtbot.keyClick(body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not proxy.commit_answer_pending
    assert len(window.session.queue) == 1  # to the window it looked like the server was away
    qtbot.waitUntil(lambda: len(window.session.queue) == 0, timeout=15000)
    assert [n.body for n in notes.notes_of(ana.id)] == ["She wants the numbers by Friday"]
    qtbot.waitUntil(lambda: body.toPlainText() == "")
    assert timeline(window) == ["She wants the numbers by Friday"]


def test_the_status_bar_says_the_server_is_away_while_nothing_is_saved_and_stops_when_back(
    qtbot, server_window, proxy
):
    window = server_window
    notice = window.findChild(QLabel, "serverAway")
    assert notice is window.server_notice and notice.text() == AWAY
    assert not notice.isVisible()
    proxy.stop()  # the listening connection is cut; nobody is saving
    qtbot.waitUntil(notice.isVisible, timeout=10000)
    assert len(window.session.queue) == 0
    proxy.start()
    qtbot.waitUntil(lambda: not notice.isVisible(), timeout=15000)
    assert window.watch.server is not None and window.watch.server.listener.listening.is_set()
