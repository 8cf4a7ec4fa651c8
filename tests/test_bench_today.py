"""Today on a large journal: only the first rows of each section are read, the rest counted."""

from __future__ import annotations

import datetime as dt

from journal import people
from journal.models import Person
from journal.today import TodayShortlist, today_view


def test_a_limited_today_reads_the_first_rows_and_counts_the_rest(journal) -> None:
    long_ago = dt.datetime(2020, 1, 1)
    for i in range(12):
        record = people.add_person(f"Person {i:02d}", cadence_days=30)
        Person.update(created_at=long_ago + dt.timedelta(days=i)).where(
            Person.id == record.id
        ).execute()
    full = today_view()
    short = today_view(limit=5)
    assert isinstance(short, TodayShortlist)
    assert [p.id for p in short.reconnect] == [p.id for p in full.reconnect][:5]
    assert short.more == (7, 0, 0)
    assert short.totals == full.totals == (12, 0, 0)
    assert not short.empty
    assert today_view(limit=50).more == (0, 0, 0)
