"""Rows written in bulk (an import, a copy: COPY on a server) keep awkward text exactly: tabs,
newlines, backslashes, COPY's own markers, any script, empty text apart from no value."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from journal import bulk, copying, dialect, people
from journal.interchange import export_journal, import_journal
from journal.models import Decision, Note, Person, database
from journal.storage import Journal, open_journal

pytestmark = pytest.mark.both_backends

AWKWARD = [
    "a\ttab, then a new\nline, a\r\nWindows one and a lone\rreturn",
    "back\\slash, \\N, \\. and \\t as typed",
    "\\N",
    "\\.",
    "Åsa Öberg — Ωμέγα, 北京, مرحبا, 🙂 e\u0301 (a combining accent)",
    "quotes ' \" and a comma, a | pipe, a ; semicolon",
]


def _document_with(texts: list[str]) -> dict[str, object]:
    person = {
        "id": "1",
        "name": "Dana Awkward",
        "company": "",
        "role": texts[0],
        "about": texts[1],
        "how_we_met": "",
        "met_on": None,
        "cadence_days": None,
        "notes": [
            {"occurred_at": f"2025-01-0{i + 1}T10:00:00", "kind": "meeting", "body": text}
            for i, text in enumerate(texts)
        ],
        "decisions": [
            {
                "offer": "Audit",
                "outcome": "undecided",
                "decided_on": "2025-02-01",
                "reason": texts[4],
                "revisit_on": None,
                "objections": [],
            }
        ],
    }
    return {"format": "rapport-journal", "version": 2, "people": [person], "referrals": []}


def test_awkward_text_is_written_and_read_back_exactly(journal: Journal) -> None:
    import_journal(_document_with(AWKWARD))
    bodies = [body for (body,) in Note.select(Note.body).order_by(Note.occurred_at).tuples()]
    assert bodies == AWKWARD
    dana = Person.get()
    assert (dana.role, dana.about, dana.company, dana.met_on) == (AWKWARD[0], AWKWARD[1], "", None)
    decision = Decision.get()
    assert (decision.reason, decision.revisit_on, decision.lesson) == (AWKWARD[4], None, "")
    assert dana.cadence_days is None


def test_awkward_text_survives_a_copy_there_and_back(
    journal_location: str | Path, tmp_path: Path
) -> None:
    source = tmp_path / "source.sqlite"
    with open_journal(source):
        import_journal(_document_with(AWKWARD))
        before = export_journal()
    copying.copy_journal(source, journal_location)
    back = tmp_path / "back.sqlite"
    copying.copy_journal(journal_location, back)
    with open_journal(back):
        after = export_journal()
    assert after["people"] == before["people"]
    assert [n["body"] for n in after["people"][0]["notes"]] == AWKWARD


def test_a_nul_in_imported_text_is_dropped_as_everywhere_else(journal: Journal) -> None:
    """PostgreSQL's text cannot hold a NUL: text is cleaned of it before any backend sees it,
    as a note typed in the window is."""
    import_journal(_document_with(["before\x00after", *AWKWARD[1:]]))
    assert Note.select(Note.body).order_by(Note.occurred_at).first().body == "beforeafter"


def test_a_nul_reaching_a_bulk_write_on_a_server_writes_nothing(journal: Journal) -> None:
    if not dialect.is_postgres():
        pytest.skip("a journal file stores a NUL as it is given")
    pid = people.add_person("Dana Nul").id
    at = "2025-01-01 10:00:00"
    rows = [
        {"id": note_id, "person": pid, "body": body, "occurred_at": at, "created_at": at}
        for note_id, body in zip(dialect.reserve_ids(Note, 2), ["fine", "bad\x00byte"], strict=True)
    ]
    with pytest.raises(psycopg.DataError, match="NUL"), database.atomic():
        bulk.insert(Note, [{**row, "updated_at": at} for row in rows])
    assert Note.select().count() == 0


def test_an_import_on_a_server_leaves_the_planner_statistics_of_what_it_wrote(
    journal: Journal,
) -> None:
    """Without them the rows an import wrote look like an empty table to the planner, and the
    copy's check joined 5 000 goals to 10 000 people by a nested loop."""
    if not dialect.is_postgres():
        pytest.skip("SQLite plans without statistics")
    import_journal(_document_with(AWKWARD))
    (tuples,) = database.execute_sql(
        "SELECT reltuples FROM pg_class WHERE relname = 'note' AND relkind = 'r'"
    ).fetchone()
    assert tuples == len(AWKWARD)  # -1 (never analysed) before
