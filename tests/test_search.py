"""Search: what is found, ranked and marked; kept current on every write; any typed text is safe."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal import decisions, goals, notes, pains, people, search

pytestmark = pytest.mark.both_backends


@pytest.fixture
def ana(journal):
    return people.add_person("Ana Souza", company="Padaria Central", tags=["founder"])


def test_finds_every_kind_of_record(ana):
    notes.add_note(ana.id, "She worries about **cash flow** before Christmas")
    goals.add_goal(ana.id, "Open a second bakery", why="cash flow freedom")
    pains.add_pain(ana.id, "Payroll by hand", ramifications="weekends lost to cash flow")
    decisions.record_decision(
        ana.id, "Cash flow review", "weak_no", objections=["cash flow is fine"]
    )
    kinds = {hit.kind for hit in search.search("cash flow")}
    assert kinds == {"note", "goal", "pain", "decision", "objection"}
    assert {h.person_name for h in search.search("cash")} == {"Ana Souza"}


def test_prefix_matching_and_marked_snippet(ana):
    notes.add_note(ana.id, "Talked about the budget for next year")
    hits = search.search("budg")
    assert [h.kind for h in hits] == ["note"]
    assert "[budget]" in hits[0].marked("[", "]")


def test_person_fields_and_tags_are_searchable(ana):
    assert [h.kind for h in search.search("padaria")] == ["person"]
    assert [h.record_id for h in search.search("founder")] == [ana.id]
    people.update_person(ana.id, tags=["accountant"])
    assert search.search("founder") == []
    assert [h.record_id for h in search.search("accountant")] == [ana.id]


def test_names_rank_above_passing_mentions(ana):
    other = people.add_person("Bruno")
    notes.add_note(other.id, "Bruno mentioned Souza once, and Souza again, Souza Souza")
    assert search.search("Souza")[0].kind == "person"


def test_edits_and_trash_keep_the_index_current(ana):
    note = notes.add_note(ana.id, "pineapple")
    notes.update_note(note.id, body="mango")
    assert search.search("pineapple") == []
    assert len(search.search("mango")) == 1
    notes.trash_note(note.id)
    assert search.search("mango") == []
    notes.restore_note(note.id)
    assert len(search.search("mango")) == 1
    people.trash_person(ana.id)
    assert search.search("mango") == [] and search.search("Souza") == []
    people.restore_person(ana.id)
    assert len(search.search("mango")) == 1


def test_diacritics_are_folded(journal):
    people.add_person("José Müller")
    assert len(search.search("jose muller")) == 1


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "*",
        "AND (",
        "-",
        "NOT",
        "OR",
        "a OR",
        "NEAR(",
        "^",
        ":",
        "title:x",
        "'",
        "🤝🎉",
        "\x00",
        "",
        "   ",
        "x" * 10_000,
        "ana " * 3_000,
        '"unbalanced',
        "(((",
        "a*b*",
    ],
)
def test_hostile_queries_never_fail(ana, query):
    notes.add_note(ana.id, "A normal note with AND and OR and NOT in it")
    result = search.search(query)
    assert isinstance(result, list)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_any_text_is_a_valid_query(ana, query):
    assert isinstance(search.search(query), list)


def test_rebuilt_index_matches_the_one_kept_on_each_write(ana, journal):
    notes.add_note(ana.id, "Coffee, then cash flow")
    goals.add_goal(ana.id, "Second bakery", why="freedom")
    pains.add_pain(ana.id, "Payroll", ramifications="weekends")
    decisions.record_decision(
        ana.id, "Review", "weak_no", reason="r", lesson="l", objections=["price"]
    )
    gone = notes.add_note(ana.id, "trashed words")
    notes.trash_note(gone.id)
    people.update_person(ana.id, emails=["ana@padaria.test"], about="Bakes", location="Porto")
    rows = "SELECT rowid, kind, record_id, person_id, title, body FROM search_index ORDER BY 1"
    kept = journal.db.execute_sql(rows).fetchall()
    search.rebuild_index()
    assert journal.db.execute_sql(rows).fetchall() == kept


def test_a_term_in_very_many_records_ranks_only_the_newest_of_them(journal) -> None:
    ana = people.add_person("Ana")
    old = notes.add_note(ana.id, "budget budget budget budget budget")  # the best match, oldest
    newer = [
        notes.add_note(ana.id, f"a long note {i} that mentions the budget once") for i in range(12)
    ]
    everything = [h.record_id for h in search.search("budget")]
    assert everything[0] == old.id and len(everything) == 13
    bounded = [h.record_id for h in search.search("budget", rank_at_most=5)]
    assert sorted(bounded) == sorted(n.id for n in newer[-5:])  # the newest five, ranked
    assert old.id not in bounded
    assert len(search.search("budget", rank_at_most=13)) == 13  # as many as there are: all
