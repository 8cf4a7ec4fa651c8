"""Two people editing the same person: each field is its own write, the last write wins, and
no note is lost, with the other editor a separate process on the same journal."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from journal import authorship, notes, people
from journal.records import PersonRecord

pytestmark = pytest.mark.both_backends

EDITOR = Path(__file__).with_name("person_editor.py")


@pytest.fixture(autouse=True)
def dana() -> Iterator[None]:
    authorship.set_author("Dana")
    yield
    authorship.set_author("")


class OtherEditor:
    """Eli, in another process, in the middle of saving the person's company and a note."""

    def __init__(self, location: object, person_id: int) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(EDITOR), str(location), str(person_id)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline() == "holding\n"

    def commit(self) -> None:
        out, _ = self.process.communicate("commit\n", timeout=60)
        assert out == "committed\n" and self.process.returncode == 0


def _both_kept(person: PersonRecord) -> None:
    assert (person.company, person.role) == ("Acme (Eli's)", "Owner")
    assert sorted(n.body for n in notes.notes_of(person.id)) == [
        "Dana met her at the fair",
        "Eli called about the invoice",
    ]


def test_an_edit_made_from_a_stale_page_keeps_the_other_persons_field(journal, journal_location):
    ana = people.add_person("Ana", company="Acme")
    shown = people.get_person(ana.id)  # Dana's page, read before Eli saves
    OtherEditor(journal_location, ana.id).commit()
    assert shown.company == "Acme"
    person = people.update_person(ana.id, role="Owner")
    notes.add_note(ana.id, "Dana met her at the fair")
    _both_kept(person)
    assert person.updated_by == "Dana"  # the last write wins: Dana's edit came last


def _waiting_for_a_lock(url: str) -> bool:
    """True once a Rapport connection of this database waits for a lock another holds."""
    with psycopg.connect(url, autocommit=True) as con:
        row = con.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND application_name = 'Rapport' AND wait_event_type = 'Lock'"
        ).fetchone()
    return bool(row and row[0])


@pytest.mark.postgres
def test_saves_at_the_same_moment_on_a_server_keep_both_fields_and_both_notes(server_url):
    from journal.storage import open_journal

    with open_journal(server_url) as journal:
        ana = people.add_person("Ana", company="Acme")
        eli = OtherEditor(server_url, ana.id)  # Eli's save is under way, not yet committed
        saved: list[PersonRecord] = []

        def save_role() -> None:  # Dana's window saving the role, on a connection of its own
            try:
                saved.append(people.update_person(ana.id, role="Owner"))
            finally:
                journal.db.close()

        dana_saves = threading.Thread(target=save_role)
        dana_saves.start()
        deadline = time.monotonic() + 30
        while not _waiting_for_a_lock(server_url):  # Dana's save waits for Eli's row lock
            assert time.monotonic() < deadline, "Dana's save never met Eli's"
            assert dana_saves.is_alive(), "Dana's save did not wait for Eli's"
            time.sleep(0.05)
        eli.commit()
        dana_saves.join(timeout=60)
        assert saved and not dana_saves.is_alive()
        notes.add_note(ana.id, "Dana met her at the fair")
        person = people.get_person(ana.id)
        _both_kept(person)
        assert person.updated_by == "Dana"
