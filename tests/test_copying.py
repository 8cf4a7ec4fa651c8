"""Copying a whole journal: into a file or a server database (each test's destination runs on
both), all or nothing, refusing a journal already there unless merging, checked by exports."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from test_interchange import comparable, fill

from journal import copying, export_compare, notes, people, referrals, tags
from journal.errors import JournalError
from journal.interchange import VERSION, export_journal
from journal.models import Note, Person
from journal.progress import Cancelled
from journal.storage import open_journal

pytestmark = pytest.mark.both_backends
RAPPORT = str(Path(sys.executable).parent / "rapport")


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """A journal file with every kind of record, and some in the trash (never copied)."""
    path = tmp_path / "source.sqlite"
    with open_journal(path):
        ids = fill(2)
        people.trash_person(people.add_person("Gone Away").id)
        notes.trash_note(notes.add_note(ids[0], "a note in the trash").id)
        tags.set_persona("CFO", True)
        tags.set_messaging("CFO", "Talk about **cash**, not features.")
    return path


def export_of(where: str | Path) -> dict[str, Any]:
    with open_journal(where):
        return export_journal()


def many_notes(path: Path, count: int) -> Path:
    """A journal of one person with `count` notes: several chunks of rows to write."""
    with open_journal(path):
        pid = people.add_person("Dana Many").id
        for i in range(count):
            notes.add_note(pid, f"Note {i}", occurred_at=f"2025-01-01 10:{i % 60:02d}")
    return path


def test_a_copy_holds_what_the_source_holds(source: Path, journal_location: str | Path) -> None:
    heard: list[tuple[int, int]] = []
    steps: list[str] = []
    report = copying.copy_journal(
        source, journal_location, progress=lambda d, t: heard.append((d, t)), on_step=steps.append
    )
    assert report.checked == export_compare.SAME and report.merged_into == 0
    assert (report.written.people, report.written.notes, report.written.referrals) == (6, 10, 6)
    assert heard[-1][0] == heard[-1][1] > 0
    assert [s.split()[0] for s in steps] == ["reading", "writing", "checking"]
    copied = export_of(journal_location)
    assert comparable(copied) == comparable(export_of(source))
    assert "Gone Away" not in json.dumps(copied) and "in the trash" not in json.dumps(copied)
    assert {t["name"]: t["persona"] for t in copied["tags"]}["CFO"] is True


@pytest.mark.postgres
def test_a_server_journal_copies_back_to_a_file(source: Path, server_url: str, tmp_path: Path):
    copying.copy_journal(source, server_url)
    back = tmp_path / "back.sqlite"
    report = copying.copy_journal(server_url, back)
    assert report.written.people == 6
    assert comparable(export_of(back)) == comparable(export_of(source))


def test_a_journal_already_there_is_refused_and_left_as_it_was(
    source: Path, journal_location: str | Path
) -> None:
    with open_journal(journal_location):
        people.trash_person(people.add_person("Only In The Trash").id)
    with pytest.raises(copying.DestinationNotEmpty, match=r"\(1 person, counting the trash\)"):
        copying.copy_journal(source, journal_location)
    with open_journal(journal_location):
        assert people.count_people() == 0
        assert [p.name for p in Person.select()] == ["Only In The Trash"]


def test_a_cancelled_copy_leaves_the_destination_as_it_was(
    tmp_path: Path, journal_location: str | Path
) -> None:
    big = many_notes(tmp_path / "big.sqlite", 1300)
    heard: list[int] = []

    def stop_half_way(done: int, total: int) -> None:
        heard.append(done)
        if done >= total // 2 > 0:
            raise Cancelled("stopped")

    with pytest.raises(Cancelled):
        copying.copy_journal(big, journal_location, progress=stop_half_way)
    assert 0 < heard[-1] < 1301  # stopped with rows written in its transaction
    if isinstance(journal_location, Path):
        assert not journal_location.exists()  # the file made for the copy is gone again
    else:
        with open_journal(journal_location):
            assert Person.select().count() == 0
            assert Note.select().count() == 0


@pytest.mark.sqlite_only("a file made for the copy is removed after Ctrl+C")
def test_an_interrupted_copy_removes_the_file_it_made(tmp_path: Path) -> None:
    big = many_notes(tmp_path / "big.sqlite", 600)
    target = tmp_path / "new.sqlite"

    def interrupt(done: int, total: int) -> None:
        if done:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        copying.copy_journal(big, target, progress=interrupt)
    assert list(tmp_path.glob("new.sqlite*")) == []


def test_merge_adds_the_sources_people_to_those_there(
    tmp_path: Path, journal_location: str | Path
) -> None:
    source = tmp_path / "source.sqlite"
    with open_journal(source):
        ada = people.add_person("Ada Source", tags=["vip"]).id
        bo = people.add_person("Bo Source").id
        notes.add_note(ada, "Met at the harbour", occurred_at="2025-05-05 09:00")
        referrals.add_referral(ada, bo, on="2025-05-06", context="Her cousin")
        tags.set_tag_cadence("vip", 14)
    with open_journal(journal_location):
        cy = people.add_person("Cy Here", tags=["VIP"]).id
        people.trash_person(people.add_person("Dee Trashed").id)
        notes.add_note(cy, "Already here", occurred_at="2024-01-01 08:00")
        before = export_journal()
    report = copying.copy_journal(source, journal_location, merge=True)
    assert report.checked == export_compare.MERGED and report.merged_into == 1
    after = export_of(journal_location)
    assert [p["name"] for p in after["people"]] == ["Cy Here", "Ada Source", "Bo Source"]
    assert after["people"][0] == before["people"][0]
    assert after["people"][1]["tags"] == ["VIP"]  # the spelling already there
    assert after["tags"] == [{"name": "VIP", "cadence_days": 14, "persona": False, "messaging": ""}]
    assert [(r["context"]) for r in after["referrals"]] == ["Her cousin"]


@pytest.mark.postgres
def test_a_teammate_writing_meanwhile_is_neither_lost_nor_taken_for_a_difference(
    source: Path, server_url: str
) -> None:
    with open_journal(server_url):
        people.add_person("Sam Teammate")
    teammate: list[subprocess.CompletedProcess[str]] = []

    def a_teammate_adds_someone(done: int, total: int) -> None:
        if done and not teammate:  # another process, committing while the copy writes
            command = [RAPPORT, "--journal", server_url, "add", "Kim Meanwhile"]
            teammate.append(subprocess.run(command, capture_output=True, text=True, timeout=60))

    report = copying.copy_journal(source, server_url, merge=True, progress=a_teammate_adds_someone)
    assert teammate[0].returncode == 0, teammate[0].stderr
    assert report.checked == export_compare.MERGED and report.merged_into == 1
    names = [p["name"] for p in export_of(server_url)["people"]]
    assert names.count("Kim Meanwhile") == 1 and len(names) == 1 + 6 + 1


def test_a_copy_that_differs_from_its_source_is_not_kept(
    tmp_path: Path, journal_location: str | Path
) -> None:
    """A hand-written file whose times lack their seconds reads back with them: not the same."""
    document = {
        "format": "rapport-journal",
        "version": VERSION,
        "people": [
            {"id": "a", "name": "Ana", "notes": [{"body": "Hi", "occurred_at": "2025-01-02T10:00"}]}
        ],
    }
    hand_made = tmp_path / "hand.json"
    hand_made.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(copying.CopyDiffers) as raised:
        copying.copy_journal(hand_made, journal_location)
    assert "people[0] (Ana).notes[0].occurred_at: '2025-01-02T10:00' in the source, " in str(
        raised.value
    )
    if isinstance(journal_location, Path):
        assert not journal_location.exists()
    else:
        with open_journal(journal_location):
            assert Person.select().count() == 0


def test_a_json_export_is_a_source(source: Path, tmp_path: Path, journal_location: str | Path):
    exported = tmp_path / "backup.json"
    exported.write_text(json.dumps(export_of(source)), encoding="utf-8")
    copying.copy_journal(exported, journal_location)
    assert comparable(export_of(journal_location)) == comparable(export_of(source))


@pytest.mark.sqlite_only("the places are checked before any journal opens")
def test_impossible_places_are_refused_before_anything_opens(source: Path, tmp_path: Path):
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"format": "rapport-journal", "version": 1}), encoding="utf-8")
    for src, dest, message in [
        (tmp_path / "missing.sqlite", tmp_path / "d.sqlite", "missing.sqlite: no such file"),
        (source, tmp_path / "out.json", "'rapport export json -o FILE' writes a JSON export"),
        (source, source.parent / "." / source.name, "is both the source and the destination"),
        (old, tmp_path / "d.sqlite", "'rapport import' reads it into a journal instead"),
    ]:
        with pytest.raises(JournalError, match=message):
            copying.copy_journal(src, dest)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.json", "source.sqlite"]


@pytest.mark.sqlite_only("the comparison itself, on exports")
def test_the_comparison_names_the_first_difference(source: Path) -> None:
    first = export_of(source)
    second = copy.deepcopy(first)
    for i, p in enumerate(second["people"]):  # other ids, other export time: the same journal
        p["id"] = f"x{i}"
    for r in second["referrals"]:
        r["referrer"], r["referred"] = f"x{int(r['referrer']) - 1}", f"x{int(r['referred']) - 1}"
    second["exported_at"] = "2000-01-01T00:00:00+00:00"
    second["tags"].reverse()
    assert export_compare.first_difference(first, second) is None
    second["people"][0]["decisions"][0]["objections"].pop()
    assert export_compare.first_difference(first, second) == (
        "people[0] (Ana Ruiz 0).decisions[0].objections: 2 in the source, 1 in the copy"
    )
    second["people"][0]["decisions"][0]["objections"] = first["people"][0]["decisions"][0][
        "objections"
    ]
    second["people"][4]["notes"][0]["body"] = "Coffee in Malmo"
    assert export_compare.first_difference(first, second) == (
        "people[4] (Bo Lindqvist 1).notes[0].body: 'Coffee in Malmö' in the source, "
        "'Coffee in Malmo' in the copy"
    )
    third = copy.deepcopy(first)
    third["referrals"][0]["referred"] = third["referrals"][0]["referrer"]
    assert export_compare.first_difference(first, third).startswith("referrals: people[0]")
    assert export_compare.first_difference(first, {**first, "people": []}) == (
        "people: 6 expected in the copy, 0 found"
    )
