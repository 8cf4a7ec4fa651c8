"""A window save while another process holds the journal's write lock: typing never waits on it,
the status bar says so, nothing typed is lost, and the save lands once the other one commits."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from PySide6.QtCore import Qt

from journal import notes, people
from ui.write_queue import WAITING

HOLDER = textwrap.dedent(
    """
    import sqlite3, sys
    con = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
    con.execute("BEGIN IMMEDIATE")
    print("holding", flush=True)
    sys.stdin.readline()
    con.execute("COMMIT")
    print("done", flush=True)
    """
)


def hold_write_lock(path) -> subprocess.Popen:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
    return holder


def release(holder: subprocess.Popen) -> None:
    assert holder.stdin is not None and holder.stdout is not None
    out, _ = holder.communicate("\n", timeout=10)
    assert out.strip() == "done"


def test_a_save_waits_behind_another_writer_and_lands_when_it_commits(window, qtbot):
    ana = people.add_person("Ana").id
    window.open_person(ana)
    name = window.person.page.header.name
    holder = hold_write_lock(window.journal.path)
    try:
        name.setFocus()
        qtbot.keyClicks(name, " Souza")
        qtbot.keyClick(name, Qt.Key.Key_Return)
        assert window.statusBar().currentMessage() == WAITING
        assert len(window.session.queue) == 1
        qtbot.keyClicks(name, " Lima")  # the window goes on taking keys meanwhile
        assert name.text() == "Ana Souza Lima"
        assert people.get_person(ana).name == "Ana"
    finally:
        release(holder)
    qtbot.waitUntil(lambda: people.get_person(ana).name == "Ana Souza", timeout=5000)
    assert len(window.session.queue) == 0
    assert "finished writing" in window.statusBar().currentMessage()
    assert name.text() == "Ana Souza Lima"  # what was typed after it stays
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert people.get_person(ana).name == "Ana Souza Lima"


def test_a_note_saved_while_the_journal_is_busy_is_saved_once(window, qtbot):
    ana = people.add_person("Ana").id
    window.open_person(ana)
    page = window.person.page
    page.new_note()
    body = page.journal.composer.body
    qtbot.keyClicks(body, "She wants the numbers by Friday")
    holder = hold_write_lock(window.journal.path)
    try:
        qtbot.keyClick(body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert body.toPlainText() == "She wants the numbers by Friday"  # kept while waiting
        assert notes.notes_of(ana) == []
    finally:
        release(holder)
    qtbot.waitUntil(lambda: len(notes.notes_of(ana)) == 1, timeout=5000)
    qtbot.waitUntil(lambda: body.toPlainText() == "")
    assert [n.body for n in notes.notes_of(ana)] == ["She wants the numbers by Friday"]
