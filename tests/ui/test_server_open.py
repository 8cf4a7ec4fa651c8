"""Opening a server journal in the window: File → Open a server journal… (recent URLs kept without
their passwords), a password asked only when the server wants one, and one plain message for
each way opening can fail at start."""

from __future__ import annotations

import html
import socket
from collections.abc import Iterator

import pg_server
import psycopg
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit

from journal import migrations, people, storage
from ui import app as app_module
from ui import settings
from ui.app import build_window
from ui.dialogs.info import SERVER_ACCESS, AboutDialog
from ui.dialogs.server_journal import ServerJournalDialog
from ui.main_window import MainWindow

from .test_passphrase import when_modal

pytestmark = pytest.mark.postgres

PASSWORD = "rapport_test"


@pytest.fixture
def no_saved_password(monkeypatch, tmp_path) -> None:
    """Neither ~/.pgpass nor PGPASSWORD gives the password: the server has to ask."""
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))


def without_password(url: str) -> str:
    return url.replace(f":{PASSWORD}@", "@", 1)


@pytest.fixture
def file_window(qtbot, tmp_path) -> Iterator[MainWindow]:
    journal = storage.open_journal(tmp_path / "mine.sqlite")
    window = build_window(journal)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.session.journal.close()


def fill_and_open(url: str):
    def handle(dialog: QDialog) -> None:
        assert isinstance(dialog, ServerJournalDialog)
        dialog.url_box.setEditText(url)
        dialog.open_button.click()

    return handle


def then(first, after):
    """Handle the next modal dialog with `first`, and the one it opens with `after`."""

    def handle(dialog: QDialog) -> None:
        first(dialog)
        when_modal(after)

    return handle


def type_password(text: str, seen: list[str]):
    def handle(dialog: QDialog) -> None:
        assert isinstance(dialog, QInputDialog)
        assert dialog.textEchoMode() == QLineEdit.EchoMode.Password
        seen.append(dialog.labelText())
        dialog.setTextValue(text)
        dialog.accept()

    return handle


def test_file_open_server_journal_opens_it_and_remembers_the_url_without_password(
    qtbot, file_window, server_url, isolated_settings
):
    window = file_window
    people.add_person("Only in the file")
    when_modal(fill_and_open(server_url))
    window.registry["open_server"].trigger()
    assert window.journal.is_server
    assert window.windowTitle() == f"{window.journal.location} — Rapport"
    assert f":{PASSWORD}@" not in window.windowTitle()
    assert people.count_people() == 0  # the server journal, not the file
    about = AboutDialog(window.journal, window)
    assert window.journal.location in about.label.text()
    assert html.escape(SERVER_ACCESS) in about.label.text()
    assert window.session.lock is None  # the file's lock was let go
    assert settings.recent_servers() == [without_password(server_url)]
    QSettings().sync()
    stored = "".join(p.read_text() for p in isolated_settings.rglob("*") if p.is_file())
    assert without_password(server_url) in stored and f":{PASSWORD}@" not in stored


def test_the_dialog_offers_recent_servers_and_opens_only_a_server_address(qtbot):
    settings.remember_server("postgresql://ana:secret@team-server:5432/journal")
    dialog = ServerJournalDialog()
    qtbot.addWidget(dialog)
    box = dialog.url_box
    assert [box.itemText(i) for i in range(box.count())] == [
        "postgresql://ana@team-server:5432/journal"
    ]
    assert dialog.url() == "postgresql://ana@team-server:5432/journal"  # the newest, ready
    box.setEditText("/home/ana/journal.sqlite")
    assert not dialog.open_button.isEnabled()
    assert "postgresql://" in dialog.problem.text()
    box.setEditText("postgresql://ana@team-server/journal")
    assert dialog.open_button.isEnabled() and dialog.problem.text() == ""


def test_a_password_is_asked_for_only_when_the_server_wants_it_and_kept_nowhere(
    qtbot, file_window, server_url, no_saved_password, isolated_settings
):
    window = file_window
    asked: list[str] = []
    when_modal(
        then(
            fill_and_open(without_password(server_url)),
            then(type_password("not it", asked), type_password(PASSWORD, asked)),
        )
    )
    window.registry["open_server"].trigger()
    assert window.journal.is_server
    assert "asks for a password" in asked[0]
    assert "refused that password" in asked[1]
    QSettings().sync()
    stored = "".join(p.read_text() for p in isolated_settings.rglob("*") if p.is_file())
    # the role is called like its password: only the URL without a password may name it
    assert f":{PASSWORD}@" not in stored and "not it" not in stored
    assert stored.count(PASSWORD) == stored.count(without_password(server_url)) * 2


def test_a_server_journal_says_what_it_does_instead_of_restore_and_encryption(
    qtbot, file_window, server_url, message_boxes
):
    window = file_window
    when_modal(fill_and_open(server_url))
    window.registry["open_server"].trigger()
    assert window.journal.is_server
    for name, words in (
        ("restore", "pg_restore"),
        ("encrypt", "encryption at rest is the server's job"),
        ("decrypt", "encryption at rest is the server's job"),
    ):
        message_boxes.expect(words)
        window.registry[name].trigger()
        assert message_boxes.shown[-1].name == "serverJournalNote"
    assert len(message_boxes.shown) == 3


# --- refusals at start: one plain message each --------------------------------------------------
def start_refused(url: str, message_boxes) -> str:
    message_boxes.expect("")
    assert app_module.run_app(url) == 1
    box = message_boxes.only()
    assert box.name == "openErrorDialog"
    assert f":{PASSWORD}@" not in box.informative
    return box.informative


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_start_with_the_server_down(qapp, message_boxes):
    url = f"postgresql://rapport_test:{PASSWORD}@127.0.0.1:{free_port()}/journal"
    assert "cannot be reached" in start_refused(url, message_boxes)


def test_start_with_a_wrong_password(qapp, server_url, message_boxes):
    url = server_url.replace(f":{PASSWORD}@", ":wrong@", 1)
    assert "refused the role or its password" in start_refused(url, message_boxes)


def test_start_with_an_unknown_database(qapp, message_boxes):
    url = pg_server.url_for("rapport_test_no_such_database")
    assert "has no database named 'rapport_test_no_such_database'" in start_refused(
        url, message_boxes
    )


def test_start_on_a_database_holding_something_else_leaves_it_untouched(qapp, message_boxes):
    pg_server.require_server()
    url = pg_server.create_database()
    try:
        with psycopg.connect(url, autocommit=True) as con:
            con.execute("CREATE TABLE invoices (id int)")
        assert "not a Rapport journal" in start_refused(url, message_boxes)
        with psycopg.connect(url, autocommit=True) as con:
            tables = con.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
            ).fetchall()
        assert tables == [("invoices",)]
    finally:
        pg_server.drop_database(url)


def test_start_on_a_journal_from_a_newer_rapport(qapp, message_boxes):
    pg_server.require_server()
    url = pg_server.create_database()
    try:
        storage.open_journal(url).close()
        newer = migrations.LATEST_VERSION + 1
        with psycopg.connect(url, autocommit=True) as con:
            con.execute("UPDATE rapport_schema SET version = %s", (newer,))
        assert "written by a newer Rapport" in start_refused(url, message_boxes)
        with psycopg.connect(url, autocommit=True) as con:
            assert con.execute("SELECT version FROM rapport_schema").fetchall() == [(newer,)]
    finally:
        pg_server.drop_database(url)


def test_start_cancelled_at_the_password_prompt_quits_quietly(
    qapp, server_url, no_saved_password, message_boxes
):
    when_modal(lambda dialog: dialog.reject())
    assert app_module.run_app(without_password(server_url)) == 0
    assert message_boxes.shown == []


def test_the_keyboard_reaches_the_server_dialog(qtbot, file_window):
    dialog = ServerJournalDialog(file_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.url_box.lineEdit(), "postgresql://ana@team/journal")
    assert dialog.open_button.isEnabled()
    qtbot.keyClick(dialog.url_box.lineEdit(), Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_from_a_server_journal_back_to_the_file_and_the_same_server_again(
    qtbot, file_window, server_url, tmp_path
):
    window = file_window
    assert window.files.switch_to_server(server_url)
    assert window.files.switch_to_server(without_password(server_url))  # the same journal
    assert window.statusBar().currentMessage().endswith("is the journal already open.")
    assert window.files.switch_journal(tmp_path / "mine.sqlite")
    assert not window.journal.is_server and window.session.lock is not None
    assert window.windowTitle() == "mine — Rapport"
