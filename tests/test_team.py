"""A journal for a team: who made each record, who owns a person, "mine" on People and Today."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from journal import (
    authorship,
    decisions,
    followups,
    goals,
    listing,
    notes,
    owners,
    pains,
    people,
    referrals,
)
from journal.errors import JournalError
from journal.listing import PeopleFilter
from journal.storage import Journal
from journal.today import today_view

pytestmark = pytest.mark.both_backends

LATER = dt.date.today() + dt.timedelta(days=30)  # everyone added today is due by then


@pytest.fixture(autouse=True)
def nobody_named() -> Iterator[None]:
    """The name is process-wide (set once by the window or the command line): reset after."""
    authorship.set_author("")
    yield
    authorship.set_author("")


def _role(journal: Journal) -> str:
    """Who a server journal's records are by when no name is set: its role; nobody on a file."""
    return urlsplit(journal.url).username or "" if journal.url else ""


def _everything_by(person_id: int, other_id: int) -> set[str]:
    decision = decisions.record_decision(
        person_id, "Audit", "weak_no", decided_on="2026-03-01", objections=["too soon"]
    )
    decision = decisions.add_objection(decision.id, "no budget")
    return {
        notes.add_note(person_id, "Coffee at the market").author,
        decision.author,
        *(o.author for o in decision.objections),
        goals.add_goal(person_id, "Open a second shop").author,
        pains.add_pain(person_id, "Slow Mondays").author,
        followups.add_follow_up(person_id, "Send the plan", "2026-03-12").author,
        referrals.add_referral(person_id, other_id).author,
    }


def test_a_file_journal_with_no_name_records_nobody_and_a_server_its_role(journal):
    ana, bo = people.add_person("Ana"), people.add_person("Bo")
    expected = _role(journal)
    assert _everything_by(ana.id, bo.id) == {expected}
    assert (ana.owner, ana.updated_by) == (expected, expected)
    assert notes.notes_of(ana.id)[0].author == expected


def test_every_record_is_by_the_name_set_and_kept_when_another_edits_it(journal):
    authorship.set_author("  Dana  ")
    ana, bo = people.add_person("Ana"), people.add_person("Bo")
    assert _everything_by(ana.id, bo.id) == {"Dana"}
    note = notes.notes_of(ana.id)[0]
    decision = decisions.decisions_of(ana.id)[0]
    assert decision.author == "Dana" and {o.author for o in decision.objections} == {"Dana"}
    assert goals.goals_of(ana.id)[0].author == "Dana"
    assert pains.pains_of(ana.id)[0].author == "Dana"
    assert followups.follow_ups_of(ana.id)[0].author == "Dana"
    assert referrals.referrals_from(ana.id)[0].author == "Dana"

    authorship.set_author("Eli")
    edited = notes.update_note(note.id, body="Coffee and cake")
    assert edited.author == "Dana"  # the note is still Dana's: Eli only changed its words
    assert decisions.update_decision(decision.id, reason="later").author == "Dana"


def test_a_person_is_owned_by_who_added_them_and_remembers_who_edited_last(journal):
    authorship.set_author("Dana")
    ana = people.add_person("Ana", company="Acme")
    assert (ana.owner, ana.updated_by) == ("Dana", "Dana")
    authorship.set_author("Eli")
    ana = people.update_person(ana.id, role="Owner")
    assert (ana.owner, ana.updated_by, ana.role) == ("Dana", "Eli", "Owner")
    ana = people.update_person(ana.id, owner=" Eli ")
    assert ana.owner == "Eli"
    assert people.add_person("Bo", owner="").owner == ""  # added for nobody in particular


@pytest.mark.parametrize(
    ("name", "message"),
    [("Dana\nEli", "one line"), ("x" * 81, "at most 80"), (7, "expected text")],
)
def test_a_bad_name_or_owner_is_refused_and_nothing_changes(journal, name, message):
    authorship.set_author("Dana")
    ana = people.add_person("Ana")
    with pytest.raises(JournalError, match=message):
        authorship.set_author(name)
    with pytest.raises(JournalError, match=f"owner: .*{message}"):
        people.update_person(ana.id, owner=name)
    assert authorship.author() == "Dana"
    assert people.get_person(ana.id).owner == "Dana"


def test_people_and_today_show_mine_or_everyones(journal):
    authorship.set_author("Dana")
    ana = people.add_person("Ana", cadence_days=7)
    decisions.record_decision(ana.id, "Audit", "weak_no", revisit_on=dt.date.today())
    followups.add_follow_up(ana.id, "Send Ana the plan", dt.date.today())
    authorship.set_author("Eli")
    bo = people.add_person("Bo", cadence_days=7)
    decisions.record_decision(bo.id, "Audit", "undecided", revisit_on=dt.date.today())
    followups.add_follow_up(bo.id, "Call Bo back", LATER)
    cy = people.add_person("Cy", owner="")

    assert listing.person_ids(PeopleFilter()) == [ana.id, bo.id, cy.id]
    assert listing.person_ids(PeopleFilter(owner="Eli")) == [bo.id]
    assert listing.person_ids(PeopleFilter(owner="")) == [cy.id]
    assert listing.person_ids(PeopleFilter(owner="Nobody")) == []
    assert listing.person_rows([bo.id])[0].owner == "Eli"

    def names(view) -> tuple[list[str], list[str], list[str]]:
        return (
            [p.name for p in view.reconnect],
            [d.person_name for d in view.revisit],
            [f.what for f in view.follow_ups],
        )

    every = today_view(LATER)
    assert names(every) == (["Ana", "Bo"], ["Ana", "Bo"], ["Send Ana the plan", "Call Bo back"])
    assert names(today_view(LATER, owner="Dana")) == (["Ana"], ["Ana"], ["Send Ana the plan"])
    short = today_view(LATER, owner="Eli", limit=1)
    assert names(short) == (["Bo"], ["Bo"], ["Call Bo back"])
    assert short.totals == (1, 1, 1)
    assert today_view(LATER, limit=1).totals == (2, 2, 2)


def test_the_known_names_and_whether_the_journal_is_shared(journal):
    server = journal.is_server
    assert owners.shared() is server  # nobody at all on a file journal
    people.add_person("Ana")
    assert owners.shared() is server
    assert owners.names() == ([_role(journal)] if server else [])
    authorship.set_author("Dana")
    assert owners.shared()  # Ana is nobody's (or the role's), Dana writes now
    ana = people.find_people("Ana")[0]
    assert owners.shared_among([ana.id]) and owners.shared_among([]) is server
    assert owners.mine() == "Dana"
    bo = people.add_person("Bo")
    assert owners.shared_among([bo.id]) is server  # Bo is Dana's, and Dana writes
    authorship.set_author("eli")
    people.update_person(bo.id, about="Bakes")
    assert owners.names() == sorted({"Dana", "eli", _role(journal)} - {""}, key=str.casefold)


def test_a_journal_from_before_authors_is_migrated_with_nobody_as_author(journal_location):
    from journal import storage
    from journal.models import Note, Person

    with storage.open_journal(journal_location) as journal:
        ana = people.add_person("Ana")
        notes.add_note(ana.id, "Met at the fair")
        _forget_authors(journal)
    with storage.open_journal(journal_location) as journal:
        assert journal.migrated_from == _version_before_authors()
        assert Person.get_by_id(ana.id).owner == ""
        assert Note.get(Note.person == ana.id).author == ""
        assert [n.body for n in notes.notes_of(ana.id)] == ["Met at the fair"]


def _forget_authors(journal: Journal) -> None:
    """Take the journal back to version 7: the columns version 8 added dropped, data kept (and
    the table version 9 added, made again with the rest)."""
    from journal import dialect
    from journal.migrations import v0008_authors_and_owners as v8

    db = journal.db
    with db.atomic():
        db.execute_sql('DROP TABLE "applied_write"')
        db.execute_sql('DROP INDEX "person_owner"')
        db.execute_sql('DROP INDEX "person_updated_by"')
        for table in v8.AUTHORED:
            db.execute_sql(f'ALTER TABLE "{table}" DROP COLUMN "author"')
        for column in ("owner", "updated_by"):
            db.execute_sql(f'ALTER TABLE "person" DROP COLUMN "{column}"')
        dialect.set_schema_version(db, _version_before_authors())


def _version_before_authors() -> int:
    from journal import migrations
    from journal.migrations import v0008_authors_and_owners as v8

    return next(m.version for m in migrations.all_migrations() if m.module is v8) - 1
