"""Writes made by the command line while the window is open show up in the window."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from journal import people
from journal.changes import EVERYTHING
from ui.live_refresh import JournalWatch


def test_a_write_by_another_process_refreshes_the_window(qtbot, window):
    people.add_person("Ana")
    window.session.announce(EVERYTHING)
    window.show_page("people")
    table = window.people.findChild(type(window.people.table), window.people.table.objectName())
    watch = JournalWatch(window.session, poll_ms=50)
    assert not watch.check()
    rapport = str(Path(sys.executable).with_name("rapport"))
    subprocess.run([rapport, "--journal", str(window.journal.path), "add", "Bruno"], check=True)
    qtbot.waitUntil(lambda: watch.refreshes >= 1, timeout=3000)
    qtbot.waitUntil(lambda: table.model().rowCount() == 2, timeout=3000)
    refreshes = watch.refreshes
    assert not watch.check()  # nothing new since: the next look refreshes nothing
    assert watch.refreshes == refreshes
    watch.timer.stop()
    watch.instance.close()
