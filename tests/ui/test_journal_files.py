"""Journals in the window: switching, the lock, recent journals, importing in the background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMenu, QMessageBox

from journal import interchange, people
from journal.lock import JournalLock
from journal.storage import open_journal
from ui import settings
from ui.actions import fill_recent
from ui.dialogs import journal_files

from .helpers import add_people


def test_switching_journals_and_back(window, tmp_path: Path) -> None:
    first = window.journal.path
    add_people("Ada")
    other = tmp_path / "other.sqlite"
    assert window.files.switch_journal(other)
    assert window.journal.path == other
    assert window.lock is not None and window.lock.held
    assert window.today.is_welcome()
    assert settings.recent_journals()[:2] == [other.resolve(), first.resolve()]
    menu = QMenu()
    fill_recent(window, menu)
    assert [a.text() for a in menu.actions()][:2] == [str(other.resolve()), str(first.resolve())]
    menu.actions()[1].trigger()
    assert window.journal.path == first.resolve()
    assert people.count_people() == 1
    assert not window.today.is_welcome()


def test_a_journal_open_elsewhere_is_refused(window, tmp_path: Path, message_boxes) -> None:
    other = tmp_path / "busy.sqlite"
    open_journal(other).close()
    elsewhere = JournalLock(other)
    assert elsewhere.acquire()
    # flock is per open file: a second lock in this process conflicts like another process
    try:
        before = window.journal.path
        message_boxes.expect("another Rapport window")
        assert not window.files.switch_journal(other)
        assert message_boxes.only().icon == QMessageBox.Icon.Warning
        assert window.journal.path == before
    finally:
        elsewhere.release()


def test_a_file_that_is_not_a_journal_is_refused_in_the_window(
    window, tmp_path, message_boxes
) -> None:
    bogus = tmp_path / "photo.sqlite"
    bogus.write_bytes(b"\x89PNG not a journal")
    before = window.journal.path
    message_boxes.expect("not a Rapport journal")
    assert not window.files.switch_journal(bogus)
    assert message_boxes.only().name == "errorDialog"
    assert window.journal.path == before
    assert not JournalLock(bogus).path.exists()


def import_through_preview(window, qtbot, path: Path, monkeypatch) -> None:
    monkeypatch.setattr(journal_files, "choose_import_file", lambda _: path)
    window.registry["import"].trigger()
    flow = window.files.imports
    qtbot.waitUntil(lambda: flow.preview is not None and flow.preview.isVisible())
    flow.preview.import_button.click()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Imported:"))


def test_a_rapport_json_file_imports_in_the_background(window, qtbot, tmp_path, monkeypatch):
    source = tmp_path / "source.sqlite"
    own = window.journal.path
    with open_journal(source):
        add_people("Grace Hopper", "Alan Turing")
        interchange.dump_json(tmp_path / "contacts.json")
    window.session.switch(open_journal(own))  # the export above had to open another journal
    monkeypatch.setattr(journal_files, "choose_import_file", lambda _: tmp_path / "contacts.json")
    assert window.today.is_welcome()
    window.today.import_button.click()
    flow = window.files.imports
    qtbot.waitUntil(lambda: flow.preview is not None and flow.preview.isVisible())
    assert "Rapport JSON" in flow.preview.summary.text()
    assert flow.preview.models["added"].column_texts(0) == ["Grace Hopper", "Alan Turing"]
    assert people.count_people() == 0  # the preview wrote nothing
    flow.preview.import_button.click()
    qtbot.waitUntil(lambda: "2 added" in window.statusBar().currentMessage())
    assert not window.today.is_welcome()
    window.show_page("people")
    assert window.people.model.rowCount() == 2


def test_import_a_csv_of_contacts(window, qtbot, tmp_path, monkeypatch) -> None:
    (ada,) = add_people("Ada Lovelace", company="Analytical")
    csv = tmp_path / "contacts.csv"
    csv.write_text(
        "Name,Company,Email\nGrace Hopper,US Navy,grace@navy.example\n"
        "Ada Lovelace,Analytical,ada@engines.example\n",
        encoding="utf-8",
    )
    import_through_preview(window, qtbot, csv, monkeypatch)
    assert "1 added, 1 merged" in window.statusBar().currentMessage()
    window.show_page("people")
    assert window.people.model.rowCount() == 2
    assert people.get_person(ada).emails == ("ada@engines.example",)


def test_one_job_at_a_time(window, qtbot, tmp_path, monkeypatch) -> None:
    csv = tmp_path / "contacts.csv"
    csv.write_text("Name\nGrace Hopper\n", encoding="utf-8")
    monkeypatch.setattr(journal_files, "choose_import_file", lambda _: csv)
    window.registry["backup"].trigger()
    assert window.files.busy()
    window.registry["import"].trigger()
    assert "Still busy" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: not window.files.busy())
    qtbot.waitUntil(lambda: "Backup saved" in window.statusBar().currentMessage())
