"""People: adding, validating, editing, tags, finding by name, trash and restore."""

from __future__ import annotations

import datetime as dt

import pytest

from journal import people, tags
from journal.errors import JournalError, NotFound

pytestmark = pytest.mark.both_backends


def test_add_person_trims_and_keeps_every_field(journal):
    person = people.add_person(
        "  Ana Souza ",
        company="Acme Bakery",
        role="Owner",
        emails=["ana@acme.test", "ANA@acme.test", " "],
        phones=["+55 11 5555"],
        location="São Paulo",
        how_we_met="Chamber breakfast",
        met_on="2024-03-12",
        about="Runs three shops.",
        fit="good",
        focus=True,
        cadence_days=30,
        tags=["founder", "Founder", "retail"],
    )
    assert person.name == "Ana Souza"
    assert person.emails == ("ana@acme.test",)
    assert person.met_on == dt.date(2024, 3, 12)
    assert person.tags == ("founder", "retail")
    assert people.get_person(person.id) == person


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": ""}, "name: must not be empty"),
        ({"name": "   \t"}, "name: must not be empty"),
        ({"name": "A", "fit": "great"}, "fit: 'great' is not one of good, poor, unknown"),
        ({"name": "A", "cadence_days": 0}, "cadence_days: must be between 1 and 3650"),
        ({"name": "A", "cadence_days": "often"}, "cadence_days: expected a whole number"),
        ({"name": "A", "met_on": "12/03/2024"}, "met_on: '12/03/2024' is not a date"),
        ({"name": "A", "emails": "a@b.test"}, "emails: expected a list of text"),
        ({"name": "A", "focus": "yes"}, "focus: expected true or false"),
        ({"name": "A", "stage": "won"}, "stage: is not a field of a person"),
    ],
)
def test_add_person_rejects_bad_input_and_writes_nothing(journal, fields, message):
    fields = dict(fields)  # the parameter is shared by the runs on both backends
    name = fields.pop("name")
    with pytest.raises(JournalError, match=message):
        people.add_person(name, **fields)
    assert people.count_people() == 0


def test_update_person_changes_only_what_is_given(journal):
    person = people.add_person("Ana", company="Acme")
    updated = people.update_person(person.id, role="CFO", tags=["CFO"])
    assert (updated.company, updated.role, updated.tags) == ("Acme", "CFO", ("CFO",))
    assert updated.updated_at >= person.updated_at
    with pytest.raises(JournalError, match="name: must not be empty"):
        people.update_person(person.id, name=" ")
    assert people.get_person(person.id).name == "Ana"


def test_missing_person_is_a_clear_error(journal):
    with pytest.raises(NotFound, match="no person with id 99"):
        people.update_person(99, company="x")


def test_tags_are_shared_and_listed(journal):
    a = people.add_person("Ana", tags=["founder"])
    people.add_person("Bruno", tags=["FOUNDER", "agency"])
    assert tags.all_tags() == ["agency", "founder"]
    assert tags.tags_of([a.id]) == {a.id: ("founder",)}
    assert tags.set_tags(a.id, []) == ()
    assert tags.all_tags() == ["agency", "founder"]


def test_find_and_resolve_by_exact_name_or_unique_prefix(journal):
    ana = people.add_person("Ana Souza")
    people.add_person("Ana Lima", company="Lima & Co")
    people.add_person("Bruno")
    assert people.resolve_person("ana souza").id == ana.id
    assert people.resolve_person("Bru").name == "Bruno"
    with pytest.raises(
        JournalError, match=r"could be several people: Ana Lima \(Lima & Co\), Ana Souza"
    ):
        people.resolve_person("Ana")
    with pytest.raises(JournalError, match="no person called 'Zed'"):
        people.resolve_person("Zed")
    assert people.find_people("%") == []


def test_trash_hides_and_restore_brings_back(journal):
    ana = people.add_person("Ana")
    trashed = people.trash_person(ana.id)
    assert trashed.trashed_at is not None
    assert people.count_people() == 0
    assert people.find_people("Ana") == []
    assert people.restore_person(ana.id).trashed_at is None
    assert people.count_people() == 1


def test_any_unicode_is_kept_unchanged(journal):
    name = "محمد 🤝 Ōtsuka-Łukasz"
    about = "x" * 20_000 + " שלום 👋"
    person = people.add_person(name, about=about)
    assert people.get_person(person.id).name == name
    assert people.get_person(person.id).about == about
