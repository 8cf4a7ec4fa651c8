"""Possible duplicates among people already in the journal, and pairs marked "not the same"."""

from __future__ import annotations

import pytest

from journal import people
from journal.contacts import import_contacts, merge_people
from journal.contacts.review import (
    mark_not_the_same,
    not_the_same,
    possible_duplicates,
    still_to_review,
)
from journal.errors import JournalError
from journal.storage import Journal

pytestmark = pytest.mark.both_backends


@pytest.fixture
def close_names(journal: Journal) -> tuple[int, int]:
    jon = people.add_person("Jon Smith", company="Acme", emails=["jon@acme.example"])
    john = people.add_person("John Smith", emails=["john.smith@acme.example"])
    people.add_person("Mary Smith", emails=["mary@acme.example"])
    people.add_person("Jon Smith", emails=["jon@gmail.com"])  # a free mail domain says nothing
    return jon.id, john.id


def test_close_names_at_one_domain_are_listed_once(close_names) -> None:
    jon, john = close_names
    found = possible_duplicates()
    assert [(n.person_id, n.other_id) for n in found] == [(jon, john)]
    assert (found[0].name, found[0].other_name) == ("Jon Smith", "John Smith")


def test_a_pair_marked_not_the_same_is_not_listed_again(close_names) -> None:
    jon, john = close_names
    mark_not_the_same(john, jon)
    assert not_the_same() == {frozenset((jon, john))}
    assert possible_duplicates() == []
    mark_not_the_same(jon, john)  # twice is harmless
    assert not_the_same() == {frozenset((jon, john))}


def test_marking_needs_two_people(close_names) -> None:
    jon, _ = close_names
    with pytest.raises(JournalError):
        mark_not_the_same(jon, jon)
    with pytest.raises(JournalError):
        mark_not_the_same(jon, 9999)


def test_an_imports_pairs_still_to_review(journal: Journal) -> None:
    people.add_person("Jon Smith", emails=["jon@acme.example"])
    report = import_contacts(b"Name,Email\nJohn Smith,john@acme.example\nAda,ada@x.example\n")
    assert len(report.near_duplicates) == 1
    assert still_to_review(report.near_duplicates) == list(report.near_duplicates)
    pair = report.near_duplicates[0]
    merge_people(pair.other_id, pair.person_id)
    assert still_to_review(report.near_duplicates) == []
    assert possible_duplicates() == []
