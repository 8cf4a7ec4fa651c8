"""Values typed by hand: dates, times, lists, cadences. Anything gives a value or a clear error."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal import validate as v
from journal.errors import JournalError


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-11-23", dt.datetime(2026, 11, 23, 9, 0)),
        ("2026-11-23 14:05", dt.datetime(2026, 11, 23, 14, 5)),
        ("2026-11-23T14:05:59.123", dt.datetime(2026, 11, 23, 14, 5, 59)),
        (dt.date(2026, 1, 2), dt.datetime(2026, 1, 2, 9, 0)),
    ],
)
def test_datetimes_typed_by_hand(typed, expected):
    assert v.datetime(typed, "at") == expected


@pytest.mark.parametrize(
    "typed",
    ["", "tomorrow", "2026-13-01", "23/11/2026", "2026-02-30", 5, "0001-01-01T00:00+05:00"],
)
def test_bad_datetimes_are_named(typed):
    with pytest.raises(JournalError, match=r"^at: "):
        v.datetime(typed, "at")


@pytest.mark.parametrize("typed", ["2026-02-30", "2026-1-1", "20261123", "next week", 3.5])
def test_bad_dates_are_named(typed):
    with pytest.raises(JournalError, match=r"^on: .* is not a date"):
        v.date(typed, "on")


def test_text_list_trims_and_deduplicates():
    assert v.text_list([" a ", "A", "", "b"], "tags") == ["a", "b"]
    with pytest.raises(JournalError, match=r"tags\[1\]: expected text"):
        v.text_list(["a", 3], "tags")


@given(st.one_of(st.text(max_size=40), st.integers(), st.none(), st.floats(), st.booleans()))
def test_any_value_gives_a_date_or_a_clear_error(value):
    try:
        result = v.date(value, "on")
    except JournalError as exc:
        assert str(exc).startswith("on: ")
    else:
        assert result is None or isinstance(result, dt.date)


@given(st.text(max_size=40))
def test_any_text_gives_a_datetime_or_a_clear_error(value):
    try:
        result = v.datetime(value, "at")
    except JournalError as exc:
        assert str(exc).startswith("at: ")
    else:
        assert isinstance(result, dt.datetime) and result.tzinfo is None
