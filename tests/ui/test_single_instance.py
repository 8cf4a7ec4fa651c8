"""One window per journal: a second start brings the first forward; a lock left by a killed
window does not block; a journal held elsewhere with no window to ask is said plainly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QObject

from journal.lock import JournalLock
from journal.storage import open_journal
from ui import app as app_module
from ui import single_instance
from ui.app import build_window
from ui.live_refresh import JournalWatch

HOLDER = textwrap.dedent(
    """
    import sys, time
    from journal.lock import JournalLock
    lock = JournalLock(sys.argv[1])
    print("held" if lock.acquire() else "busy", flush=True)
    time.sleep(60)
    """
)


@pytest.fixture
def watched(qtbot, journal):
    lock = JournalLock(journal.path)
    assert lock.acquire()
    window = build_window(journal, lock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    watch = JournalWatch(window.session)
    watch.raiseRequested.connect(lambda: single_instance.bring_forward(window))
    yield window, watch
    watch.timer.stop()
    watch.instance.close()
    window.session.release_lock()


def test_the_server_name_is_the_same_for_every_spelling_of_the_path(tmp_path, monkeypatch):
    journal = tmp_path / "journal.sqlite"
    link = tmp_path / "link.sqlite"
    journal.touch()
    link.symlink_to(journal)
    monkeypatch.chdir(tmp_path)
    name = single_instance.server_name(journal)
    assert single_instance.server_name("journal.sqlite") == name
    assert single_instance.server_name(link) == name
    assert single_instance.server_name(tmp_path / "other.sqlite") != name


@pytest.mark.qt_log_ignore("This plugin does not support (raise|propagateSizeHints)")
def test_a_second_start_brings_the_first_window_forward(qtbot, watched, capsys):
    window, watch = watched
    assert watch.instance.server.isListening()
    window.showMinimized()
    with qtbot.waitSignal(watch.instance.raiseRequested, timeout=3000):
        assert app_module.run_app(window.journal.path) == 0
    assert not window.isMinimized()
    assert "brought forward" in capsys.readouterr().out


def test_nobody_listening_means_no_window_to_raise(tmp_path, qapp):
    assert not single_instance.ask_running_to_raise(tmp_path / "journal.sqlite", timeout_ms=200)


def test_a_socket_left_by_a_killed_window_is_replaced(qtbot, tmp_path):
    path = tmp_path / "journal.sqlite"
    owner = QObject()
    first = single_instance.InstanceServer(owner)
    assert first.listen(path)
    second = single_instance.InstanceServer(owner)  # the first went without closing, as if killed
    assert second.listen(path)
    with qtbot.waitSignal(second.raiseRequested, timeout=3000):
        assert single_instance.ask_running_to_raise(path)
    first.close()
    second.close()
    owner.deleteLater()
    qtbot.wait(50)


def _hold_in_another_process(path: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert holder.stdout.readline().strip() == "held"
    return holder


def test_held_elsewhere_with_no_window_to_ask_is_said_plainly(journal_path, monkeypatch, qapp):
    told: list[str] = []
    monkeypatch.setattr(app_module, "tell_cannot_open", told.append)
    holder = _hold_in_another_process(journal_path)
    try:
        assert app_module.run_app(journal_path) == 1
    finally:
        holder.kill()
        holder.wait(10)
        holder.stdout.close()
    assert "already open in another Rapport window" in told[0]


def test_a_lock_left_by_a_killed_window_does_not_block_the_next_start(journal_path, qapp):
    holder = _hold_in_another_process(journal_path)
    holder.send_signal(signal.SIGKILL)
    holder.wait(10)
    holder.stdout.close()
    journal, lock = app_module.open_for_window(journal_path, demo=False)
    try:
        assert lock.held
    finally:
        journal.close()
        lock.release()


@pytest.mark.qt_log_ignore("This plugin does not support (raise|propagateSizeHints)")
def test_opening_in_a_window_a_journal_open_in_another_brings_that_one_forward(
    qtbot, watched, tmp_path
):
    first, watch = watched
    other = open_journal(tmp_path / "other.sqlite")
    second = build_window(other)
    qtbot.addWidget(second)
    with qtbot.waitSignal(watch.instance.raiseRequested, timeout=3000):
        assert not second.files.switch_journal(first.journal.path)
    assert "brought forward" in second.statusBar().currentMessage()
    assert second.journal is other


def test_a_server_journal_is_known_by_its_url_without_the_password():
    url = "postgresql://ana@db.example:5432/team"
    name = single_instance.server_name(url)
    assert single_instance.server_name("postgresql://ana:secret@db.example:5432/team") == name
    assert single_instance.server_name(" postgres://ana@db.example:5432/team ") == name
    assert single_instance.server_name("postgresql://ana@DB.example/team") == name  # port 5432
    assert single_instance.server_name("postgresql://ana@db.example:5433/team") != name
    assert single_instance.server_name("postgresql://ana@db.example:5432/other") != name
    assert "secret" not in single_instance.location_key("postgresql://ana:secret@h/team")
