"""A write sent twice is made once: the answer to its COMMIT lost on the way back (a real proxy
cuts the connection after the server got it), then the same write retried with the same id."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from tcp_proxy import TcpProxy

from journal import applied_writes, faults, notes, people, storage
from journal.errors import JournalError
from journal.storage import Journal


@pytest.fixture
def through_proxy(proxy: TcpProxy, server_url: str) -> Iterator[Journal]:
    journal = storage.open_journal(proxy.url_for(server_url))
    yield journal
    journal.close()


def lose_the_answer(proxy: TcpProxy, write) -> BaseException:  # type: ignore[no-untyped-def]
    """Run `write` while the answer to its COMMIT is lost; the error the client saw."""
    proxy.lose_the_next_commit_answer()
    with pytest.raises(Exception) as lost:
        write()
    assert not proxy.commit_answer_pending  # the COMMIT did go through the proxy
    assert faults.classify(lost.value) is faults.Fault.OFFLINE  # what the window queues
    return lost.value


@pytest.mark.postgres
def test_without_an_id_a_write_retried_after_a_lost_answer_is_made_twice(proxy, through_proxy):
    ana = people.add_person("Ana").id
    lose_the_answer(proxy, lambda: notes.add_note(ana, "Wants the numbers by Friday"))
    notes.add_note(ana, "Wants the numbers by Friday")  # the retry the client had to make
    assert [n.body for n in notes.notes_of(ana)] == ["Wants the numbers by Friday"] * 2


@pytest.mark.postgres
def test_with_its_id_a_write_retried_after_a_lost_answer_is_made_once(proxy, through_proxy):
    ana = people.add_person("Ana").id
    write_id = applied_writes.new_id()

    def save() -> object:
        return applied_writes.once(write_id, lambda: notes.add_note(ana, "Wants the numbers"))

    lose_the_answer(proxy, save)
    again = save()
    (note,) = notes.notes_of(ana)
    assert note.body == "Wants the numbers"
    assert again == note  # what the first try wrote, read back: no second row
    assert save() == note


@pytest.mark.both_backends
def test_a_write_that_failed_keeps_no_id_and_runs_again(journal):
    ana = people.add_person("Ana").id
    write_id = applied_writes.new_id()
    with pytest.raises(JournalError, match="must not be empty"):
        applied_writes.once(write_id, lambda: notes.add_note(ana, "   "))
    kept = applied_writes.once(write_id, lambda: notes.add_note(ana, "Second go"))
    assert [n.body for n in notes.notes_of(ana)] == ["Second go"]
    assert applied_writes.once(write_id, lambda: notes.add_note(ana, "Third")) == kept
    assert [n.body for n in notes.notes_of(ana)] == ["Second go"]


@pytest.mark.both_backends
def test_what_a_write_returned_is_read_back_as_it_was(journal):
    first = applied_writes.once("a", lambda: people.add_person("Ana", emails=["ana@x.example"]))
    assert applied_writes.once("a", lambda: people.add_person("Ana")) == first
    assert people.count_people() == 1
    for write_id, value in (("n", None), ("t", True), ("s", "ok"), ("d", dt.date(2026, 5, 1))):
        assert applied_writes.once(write_id, lambda v=value: v) == value
        assert applied_writes.once(write_id, lambda: "not run") == value
    pair = applied_writes.once("l", lambda: [people.get_person(first.id), (1, "x")])
    assert applied_writes.once("l", list) == pair


@pytest.mark.both_backends
def test_ids_older_than_thirty_days_are_forgotten_on_open(journal, journal_location):
    applied_writes.once("old", lambda: None)
    applied_writes.once("new", lambda: None)
    later = dt.datetime.now() + dt.timedelta(days=applied_writes.KEEP_DAYS)
    applied_writes.AppliedWrite.update(at=later).where(
        applied_writes.AppliedWrite.id == "new"
    ).execute()
    assert applied_writes.prune(later + dt.timedelta(minutes=1)) == 1
    assert [w.id for w in applied_writes.AppliedWrite.select()] == ["new"]
    journal.close()
    with storage.open_journal(journal_location):
        assert [w.id for w in applied_writes.AppliedWrite.select()] == ["new"]
