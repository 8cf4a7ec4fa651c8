"""A large import goes in many rows to a statement: progress is told as it goes, a cancel keeps
nothing, and importing into a journal that already has people gives them ids of their own."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from test_interchange import fill

from journal import notes, people, referrals, search
from journal.interchange import export_json_text, import_journal, load_json
from journal.models import Note, Person
from journal.progress import Cancelled
from journal.storage import Journal, open_journal

pytestmark = pytest.mark.both_backends


def _document(path: Path, copies: int) -> dict[str, Any]:
    """The export of `fill()`'s three people, repeated `copies` times (off the focus list)."""
    with open_journal(path):
        fill()
        one = load_json(export_json_text())
    doc = {**one, "people": [], "referrals": []}
    for n in range(copies):
        for person in one["people"]:
            doc["people"].append(
                {**copy.deepcopy(person), "id": f"{n}-{person['id']}", "focus": False}
            )
        for r in one["referrals"]:
            doc["referrals"].append(
                {**r, "referrer": f"{n}-{r['referrer']}", "referred": f"{n}-{r['referred']}"}
            )
    return doc


def test_progress_is_told_as_rows_go_in(
    journal: Journal, journal_location: str | Path, tmp_path: Path
) -> None:
    doc = _document(tmp_path / "source.sqlite", 60)  # ~2 000 rows: several statements
    open_journal(journal_location)
    told: list[tuple[int, int]] = []
    report = import_journal(doc, progress=lambda done, total: told.append((done, total)))
    assert len(told) > 3
    assert [d for d, _ in told] == sorted(d for d, _ in told)
    total = told[-1][1]
    assert told[-1] == (total, total) and {t for _, t in told} == {total}
    assert report.people == 180 == people.count_people()


def test_a_cancelled_import_keeps_nothing(
    journal: Journal, journal_location: str | Path, tmp_path: Path
) -> None:
    doc = _document(tmp_path / "source.sqlite", 60)
    open_journal(journal_location)
    ada = people.add_person("Ada Before")
    notes.add_note(ada.id, "Written before the import")

    def cancel_midway(done: int, total: int) -> None:
        if done > total // 2:
            raise Cancelled

    with pytest.raises(Cancelled):
        import_journal(doc, progress=cancel_midway)
    assert [name for _, name in people.person_names()] == ["Ada Before"]
    assert Note.select().count() == 1
    assert [h.person_name for h in search.search("shops")] == []
    import_journal(doc)  # and the journal takes the same import afterwards, whole
    assert people.count_people() == 181


def test_an_import_into_a_journal_with_people_gives_new_ids_and_indexes_only_them(
    journal: Journal, journal_location: str | Path, tmp_path: Path
) -> None:
    doc = _document(tmp_path / "source.sqlite", 1)
    open_journal(journal_location)
    import_journal(doc)
    import_journal(doc)
    assert Person.select().count() == 6
    hits = search.search("Malmö")
    assert len(hits) == 2 and len({h.person_id for h in hits}) == 2  # each note indexed once
    pairs = {(r.referrer_id, r.referred_id) for r in referrals.all_referrals()}
    assert len(pairs) == 6


@pytest.mark.sqlite_only
def test_the_index_is_filled_with_a_larger_buffer_then_given_back_its_own(
    journal: Journal, tmp_path: Path
) -> None:
    """FTS5 stores its buffer's size with the index: an import's larger one is put back, and
    everything imported is found."""
    from journal.models import database

    doc = _document(tmp_path / "source.sqlite", 3)
    open_journal(journal.path)
    import_journal(doc)
    sizes = database.execute_sql("SELECT v FROM search_index_config WHERE k = 'hashsize'")
    assert sizes.fetchall() == [(1024 * 1024,)]
    found = {hit.person_id for hit in search.search("shops", limit=100)}
    assert len(found) == 3
