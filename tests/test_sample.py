"""The sample journal behind `rapport --demo`: it imports, and it looks alive on any day."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

from journal import credit, decisions, people, referrals
from journal.errors import JournalError
from journal.interchange import export_journal, import_journal
from journal.sample import create_sample_journal, latest_note, sample_data
from journal.storage import Journal, check, open_journal
from journal.today import today_view

DAYS = [dt.date.today(), dt.date(2029, 2, 28)]


def raw_text() -> str:
    return resources.files("resources").joinpath("sample_journal.json").read_text("utf-8")


@pytest.fixture(params=DAYS, ids=str)
def day(request: pytest.FixtureRequest) -> dt.date:
    return request.param


@pytest.fixture
def sample(tmp_path: Path, day: dt.date) -> Iterator[Journal]:
    journal = create_sample_journal(tmp_path / "demo.sqlite", today=day)
    yield journal
    journal.close()


def test_the_file_is_a_valid_export(journal: Journal) -> None:
    report = import_journal(json.loads(raw_text()), dry_run=True)
    assert report.people >= 20 and report.referrals >= 8 and report.notes >= 60
    assert people.count_people() == 0


def test_sample_imports_cleanly(sample: Journal) -> None:
    assert people.count_people() >= 20
    assert check(sample).ok


def test_dates_move_so_the_latest_note_is_two_days_old(day: dt.date) -> None:
    data = sample_data(day)
    assert latest_note(data).date() == day - dt.timedelta(days=2)
    original = json.loads(raw_text())
    offset = day - dt.timedelta(days=2) - latest_note(original).date()
    first, moved = original["people"][0], data["people"][0]
    assert dt.date.fromisoformat(moved["met_on"]) == dt.date.fromisoformat(first["met_on"]) + offset
    assert moved["name"] == first["name"]


def test_weak_nos_carry_lessons_and_objections(sample: Journal) -> None:
    weak = decisions.all_decisions(["weak_no"])
    assert len([d for d in weak if d.lesson]) >= 3
    assert any(d.open_objections for d in weak)
    assert any(o.addressed for d in weak for o in d.objections)
    outcomes = {d.outcome for d in decisions.all_decisions()}
    assert outcomes == {"yes", "strong_no", "weak_no", "undecided"}


def test_someone_who_never_said_yes_referred_three(sample: Journal) -> None:
    generous = [c for c in credit.referral_credit() if c.referred >= 3 and not c.said_yes]
    assert generous


def test_referral_chain(sample: Journal) -> None:
    """A referred B, who referred C and D."""
    assert any(
        referrals.referred_by(c.person_id) for c in credit.referral_credit() if c.referred >= 2
    )


def test_today_has_something_in_every_section(sample: Journal, day: dt.date) -> None:
    view = today_view(day)
    assert view.reconnect and view.revisit and view.follow_ups
    later = [d for d in decisions.all_decisions() if d.revisit_on and d.revisit_on > day]
    assert later, "some revisits should still be ahead"


def test_notes_of_every_kind_over_more_than_two_years() -> None:
    data = json.loads(raw_text())
    all_notes = [n for p in data["people"] for n in p["notes"]]
    assert {n["kind"] for n in all_notes} == {"meeting", "call", "message", "thought"}
    years = {n["occurred_at"][:4] for n in all_notes}
    assert {"2024", "2025", "2026"} <= years


def test_the_sample_speaks_the_products_language() -> None:
    words = re.findall(r"[a-z]+", raw_text().lower())
    banned = {"lead", "leads", "deal", "deals", "stage", "stages", "funnel", "pipeline"}
    assert not banned.intersection(words)
    assert "conversion" not in raw_text().lower()


def test_a_journal_with_people_is_not_overwritten(journal: Journal, journal_path: Path) -> None:
    people.add_person("Someone already here")
    journal.close()
    with pytest.raises(JournalError, match="already has people"):
        create_sample_journal(journal_path)


def test_sample_survives_a_round_trip(sample: Journal, tmp_path: Path) -> None:
    def without_ids(doc: dict) -> dict:
        position = {p["id"]: i for i, p in enumerate(doc["people"])}
        return {
            "tags": doc["tags"],
            "people": [{k: v for k, v in p.items() if k != "id"} for p in doc["people"]],
            "referrals": [
                {**r, "referrer": position[r["referrer"]], "referred": position[r["referred"]]}
                for r in doc["referrals"]
            ],
        }

    first = export_journal()
    sample.close()
    with open_journal(tmp_path / "copy.sqlite"):
        import_journal(first)
        assert without_ids(export_journal()) == without_ids(first)


def test_sample_shows_personas_themes_answers_and_a_hedged_no(sample: Journal) -> None:
    from journal import personas

    found = {p.name: p for p in personas.personas()}
    assert {"agency", "family-business", "founder", "trades"} <= set(found)
    assert all(p.messaging for p in found.values())
    assert len(dict(found["founder"].objections)) >= 4
    every = decisions.all_decisions()
    assert sum(1 for d in every if d.answers) >= 5
    hedged = [d for d in every if decisions.looks_like_weak_no(d)]
    assert [d.person_name for d in hedged] == ["Ben Carter"]
