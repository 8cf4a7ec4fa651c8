"""Bad input for the parsers the other property tests leave out: JSON bytes, typed cadences and
lists, person fields, and whole contact files, which leave the journal unchanged when refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal import interchange, people, storage
from journal import validate as v
from journal.contacts import import_contacts
from journal.errors import JournalError

ANY_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=10,
)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=500))
def test_any_bytes_load_as_a_document_or_a_clear_error(data: bytes):
    try:
        loaded = interchange.load_json(data)
    except JournalError as exc:
        assert str(exc)
    else:
        assert isinstance(loaded, dict)


@settings(max_examples=200, deadline=None)
@given(ANY_VALUE)
def test_any_json_value_loads_or_is_refused_clearly(value):
    try:
        loaded = interchange.load_json(json.dumps(value))
    except JournalError as exc:
        assert str(exc)
    else:
        assert loaded == value


@settings(max_examples=200, deadline=None)
@given(ANY_VALUE)
def test_any_cadence_is_a_number_of_days_or_a_clear_error(value):
    try:
        days = v.cadence(value)
    except JournalError as exc:
        assert "cadence_days" in str(exc)
    else:
        assert days is None or 1 <= days <= 3650


@settings(max_examples=200, deadline=None)
@given(ANY_VALUE)
def test_any_list_of_text_is_cleaned_or_refused(value):
    try:
        cleaned = v.text_list(value, "emails")
    except JournalError as exc:
        assert "emails" in str(exc)
    else:
        assert all(isinstance(s, str) and s == s.strip() and s for s in cleaned)
        assert len({s.casefold() for s in cleaned}) == len(cleaned)


FIELDS = st.sampled_from(
    ["name", "company", "about", "emails", "phones", "fit", "focus", "cadence_days", "met_on"]
)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.dictionaries(FIELDS, ANY_VALUE, max_size=4))
def test_any_person_fields_give_a_person_or_a_clear_error_and_no_change(journal, fields):
    before = people.count_people()
    try:
        record = people.add_person(fields.pop("name", "Someone"), **fields)
    except JournalError as exc:
        assert str(exc)
        assert people.count_people() == before
    else:
        assert record.name.strip()
        assert people.count_people() == before + 1


def _snapshot(journal) -> tuple:
    db = journal.db
    return tuple(
        db.execute_sql(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        for table in ("person", "note", "goal", "pain", "decision", "tag")
    )


CSV_PIECES = st.sampled_from(
    ["name", "email", "Name,Email\n", ",", ";", "\t", '"', "\n", "\r\n", "Ann", "@", "x" * 50]
)


@pytest.fixture
def filled(journal):
    people.add_person("Ana", emails=["ana@example.com"])
    return journal


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(st.one_of(CSV_PIECES, st.text(max_size=10)), max_size=30))
def test_a_refused_contacts_file_leaves_the_journal_unchanged(filled, tmp_path: Path, pieces):
    source = tmp_path / "contacts.csv"
    source.write_text("".join(pieces), encoding="utf-8", errors="surrogatepass")
    before = _snapshot(filled)
    try:
        import_contacts(source)
    except JournalError as exc:
        assert str(exc)
        assert _snapshot(filled) == before
    assert storage.check(filled).ok
