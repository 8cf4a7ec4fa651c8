"""The names section of a search: people whose name, company or role holds every typed word,
found without the full-text index, then kept above the full-text search's hits."""

from __future__ import annotations

import pytest

from journal import notes, people, search
from journal.name_search import names_first, names_matching

pytestmark = pytest.mark.both_backends


def test_every_typed_word_is_in_the_name_company_or_role(journal) -> None:
    carla = people.add_person("Carla Müller", company="Harbour Foods", role="CFO")
    people.add_person("Carlos Diaz", company="Quarry Lane")
    found = names_matching("harbour mül")
    assert [h.person_id for h in found] == [carla.id]
    assert found[0].snippet == "Carla \x02Müller\x03 \x02Harbour\x03 Foods CFO"
    aaron = people.add_person("Aaron Best", company="Carlton Cafe")
    found = [h.person_id for h in names_matching("carl")]
    assert found[2] == aaron.id  # names first, then a company's, though "Aaron" sorts first
    assert [h.person_name for h in names_matching("carl")][:2] == ["Carla Müller", "Carlos Diaz"]
    assert names_matching("CARLA mul")[0].person_id == carla.id  # any case, ü read as u
    assert names_matching("cfo carl")[0].person_id == carla.id
    assert names_matching("carl food") == []  # a word before the last is a whole word
    assert names_matching("arla") == []  # a word starts with what was typed


def test_a_single_letter_or_nothing_finds_no_names(journal) -> None:
    people.add_person("C Ng")
    assert names_matching("c") == [] and names_matching("  ") == [] and names_matching("") == []


def test_people_in_the_trash_are_not_found(journal) -> None:
    gone = people.add_person("Carla Müller")
    people.trash_person(gone.id)
    assert names_matching("carla") == []


def test_names_stay_first_and_are_not_listed_twice(journal) -> None:
    carla = people.add_person("Carla Müller", about="met at the harbour fair")
    bo = people.add_person("Bo Lind", tags=["harbour"])
    notes.add_note(bo.id, "Carla called about the harbour")
    names = names_matching("carla")
    hits = search.search("carla")
    merged = names_first(names, hits)
    assert merged[0] == names[0]
    assert [h.person_id for h in merged if h.kind == "person"] == [carla.id]
    assert [h.kind for h in merged[1:]] == [h.kind for h in hits if h.kind != "person"]


def test_names_come_in_name_order_any_case_and_a_literal_underscore(journal) -> None:
    zed = people.add_person("zed Harbo")
    ann = people.add_person("Ann Harbo")
    bea = people.add_person("bea Harbo")
    cal = people.add_person("Cal Harbo")
    ida = people.add_person("Ida Lind", company="Harbo Ltd")
    found = [h.person_id for h in names_matching("harbo")]
    assert found == [ann.id, bea.id, cal.id, zed.id, ida.id]  # as People sorts, case ignored
    snake = people.add_person("Al snake_case")
    people.add_person("Al snakexcase")  # "_" is no wildcard here
    assert [h.person_id for h in names_matching("snake_ca")] == [snake.id]
