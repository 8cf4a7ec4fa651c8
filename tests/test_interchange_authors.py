"""Who wrote what in the JSON format (version 3): exported always, kept by an import, a copy and
a merge when the file names them, the importer stamped when it does not, bad names refused."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from test_interchange import TABLES, valid_document

from journal import (
    authorship,
    copying,
    decisions,
    export_compare,
    followups,
    goals,
    notes,
    pains,
    people,
    referrals,
)
from journal.errors import JournalError
from journal.interchange import VERSION, export_journal, import_journal, load_json
from journal.models import Note, Person
from journal.storage import Journal, open_journal

pytestmark = pytest.mark.both_backends

RAPPORT = str(Path(sys.executable).parent / "rapport")
VERSION_2 = Path(__file__).parent / "fixtures" / "interchange" / "version-2.json"


@pytest.fixture(autouse=True)
def nobody_named() -> Iterator[None]:
    """Each test names its writers; none is left for the next."""
    authorship.set_author("")
    yield
    authorship.set_author("")


def team_journal() -> None:
    """Dana adds Ana with one record of every kind; Eli adds Bo, edits Ana, notes a call and
    refers Bo."""
    authorship.set_author("Dana")
    ana = people.add_person("Ana Souza", company="Acme", tags=["founder"])
    goals.add_goal(ana.id, "Open a second shop", why="Demand")
    pains.add_pain(ana.id, "Books behind", ramifications="Fines")
    decisions.record_decision(
        ana.id, "Bookkeeping", "weak_no", decided_on="2025-03-05", objections=["Price"]
    )
    notes.add_note(ana.id, "Coffee at the market", occurred_at="2025-03-04 09:30")
    followups.add_follow_up(ana.id, "Send the checklist", "2025-03-10")
    authorship.set_author("Eli")
    bo = people.add_person("Bo Li")
    people.update_person(ana.id, company="Acme Ltd")
    notes.add_note(ana.id, "A call about the shop", kind="call", occurred_at="2025-03-08 16:00")
    referrals.add_referral(ana.id, bo.id, on="2025-03-06", context="Neighbours")
    authorship.set_author("")


TEAM_SIGNATURES = [
    ("Ana Souza", "owner", "Dana"),
    ("Ana Souza", "updated_by", "Eli"),
    ("Ana Souza", "goals", "Dana"),
    ("Ana Souza", "pains", "Dana"),
    ("Ana Souza", "decisions", "Dana"),
    ("Ana Souza", "objections", "Dana"),
    ("Ana Souza", "notes", "Dana"),
    ("Ana Souza", "notes", "Eli"),
    ("Ana Souza", "follow_ups", "Dana"),
    ("Bo Li", "owner", "Eli"),
    ("Bo Li", "updated_by", "Eli"),
    ("referral", "referrals", "Eli"),
]


def signatures(document: dict[str, Any]) -> list[tuple[str, str, Any]]:
    """Every name an export gives as who wrote, owns or last edited something, in its order."""
    found: list[tuple[str, str, Any]] = []
    for p in document["people"]:
        name = p["name"]
        found += [(name, "owner", p["owner"]), (name, "updated_by", p["updated_by"])]
        for kind in ("goals", "pains", "decisions"):
            found += [(name, kind, record["author"]) for record in p[kind]]
        for d in p["decisions"]:
            found += [(name, "objections", o["author"]) for o in d["objections"]]
        for kind in ("notes", "follow_ups"):
            found += [(name, kind, record["author"]) for record in p[kind]]
    return found + [("referral", "referrals", r["author"]) for r in document["referrals"]]


def without_ids(person: dict[str, Any]) -> dict[str, Any]:
    return {**person, "id": None}


def counts() -> tuple[int, ...]:
    return tuple(model.select().count() for model in TABLES)


def test_an_export_names_who_wrote_each_record(journal: Journal) -> None:
    team_journal()
    document = export_journal()
    assert document["version"] == VERSION == 3
    assert signatures(document) == TEAM_SIGNATURES


def test_an_import_keeps_who_wrote_what(journal: Journal) -> None:
    team_journal()
    first = export_journal()
    authorship.set_author("Ivy Importer")
    import_journal(first)
    second = export_journal()
    assert [without_ids(p) for p in second["people"][2:]] == [
        without_ids(p) for p in first["people"]
    ]
    assert [r["author"] for r in second["referrals"]] == ["Eli", "Eli"]
    assert "Ivy" not in json.dumps(second)
    assert signatures(second) == TEAM_SIGNATURES[:-1] * 2 + [TEAM_SIGNATURES[-1]] * 2


def hand_written() -> dict[str, Any]:
    """A version-3 document that names nobody: every record left unsigned."""
    return {
        "format": "rapport-journal",
        "version": VERSION,
        "people": [
            {
                "id": "a",
                "name": "Ana",
                "goals": [{"text": "Grow"}],
                "pains": [{"text": "Late books"}],
                "decisions": [{"offer": "Payroll", "objections": [{"text": "Price"}]}],
                "notes": [{"body": "Met at the fair"}],
                "follow_ups": [{"what": "Call back"}],
            },
            {"id": "b", "name": "Bo"},
        ],
        "referrals": [{"referrer": "a", "referred": "b"}],
    }


@pytest.mark.parametrize(
    "older",
    [
        pytest.param(hand_written, id="version-3-unsigned"),
        pytest.param(valid_document, id="version-1"),
    ],
)
def test_a_record_the_file_leaves_unsigned_is_the_importers(
    journal: Journal, older: Callable[[], dict[str, Any]]
) -> None:
    document = older()
    authorship.set_author("Ivy Importer")
    import_journal(document)
    found = signatures(export_journal())
    assert len(found) >= 5
    assert {who for _, _, who in found} == {"Ivy Importer"}


def test_the_real_version_2_export_imports_whole(journal: Journal) -> None:
    """tests/fixtures/interchange/version-2.json was exported by Rapport before version 3 (from
    the journal `team_journal` makes, but for Eli's call): a file that names no author."""
    authorship.set_author("Ivy Importer")
    import_journal(load_json(VERSION_2))
    document = export_journal()
    assert signatures(document) == [
        (name, kind, "Ivy Importer")
        for name, kind, who in TEAM_SIGNATURES
        if (kind, who) != ("notes", "Eli")  # Eli's call came after that file was written
    ]
    ana = document["people"][0]
    assert (ana["company"], ana["tags"], ana["notes"][0]["body"]) == (
        "Acme Ltd",
        ["founder"],
        "Coffee at the market",
    )


def test_a_name_the_file_gives_is_kept_and_an_empty_one_stays_empty(journal: Journal) -> None:
    document = hand_written()
    ana, bo = document["people"]
    ana.update(owner="  Dana ", updated_by="")
    bo.update(owner=None)  # Bo's last editor is left out: the importer
    ana["goals"][0]["author"] = ""
    ana["decisions"][0]["author"] = "Eli"
    ana["decisions"][0]["objections"][0]["author"] = None
    ana["notes"] = [
        {"body": "Signed", "author": "Dana"},
        {"body": "Unsigned", "author": ""},
        {"body": "Left out"},
    ]
    document["referrals"][0]["author"] = ""
    authorship.set_author("Ivy Importer")
    import_journal(document)

    assert signatures(export_journal()) == [
        ("Ana", "owner", "Dana"),
        ("Ana", "updated_by", ""),
        ("Ana", "goals", ""),
        ("Ana", "pains", "Ivy Importer"),
        ("Ana", "decisions", "Eli"),
        ("Ana", "objections", ""),
        ("Ana", "notes", "Dana"),
        ("Ana", "notes", ""),
        ("Ana", "notes", "Ivy Importer"),
        ("Ana", "follow_ups", "Ivy Importer"),
        ("Bo", "owner", ""),
        ("Bo", "updated_by", "Ivy Importer"),
        ("referral", "referrals", ""),
    ]
    stored = Note.select(Note.body, Note.author).order_by(Note.id).tuples()
    assert list(stored) == [("Signed", "Dana"), ("Unsigned", ""), ("Left out", "Ivy Importer")]
    assert Person.get(Person.name == "Ana").owner == "Dana"


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        target = document
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return change


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_set(("people", 1, "owner"), 3), r"^people\[1\]\.owner: expected text"),
        (_set(("people", 0, "updated_by"), ["Eli"]), r"^people\[0\]\.updated_by: expected text"),
        (_set(("people", 0, "notes", 1, "author"), True), r"^people\[0\]\.notes\[1\]\.author: "),
        (
            _set(("people", 0, "decisions", 0, "objections", 0, "author"), {"name": "Dana"}),
            r"^people\[0\]\.decisions\[0\]\.objections\[0\]\.author: expected text",
        ),
        (_set(("referrals", 0, "author"), 7), r"^referrals\[0\]\.author: expected text"),
        (
            _set(("people", 0, "goals", 0, "author"), "Dana\nEli"),
            r"^people\[0\]\.goals\[0\]\.author: must be one line",
        ),
        (
            _set(("people", 0, "follow_ups", 0, "author"), "D" * 81),
            r"^people\[0\]\.follow_ups\[0\]\.author: at most 80 characters",
        ),
        (
            _set(("people", 0, "pains", 0, "author"), "\ud800"),
            r"^people\[0\]\.pains\[0\]\.author: holds a character that is not valid text",
        ),
    ],
)
def test_a_bad_name_is_refused_and_nothing_written(
    journal: Journal, change: Callable[[dict[str, Any]], None], message: str
) -> None:
    team_journal()
    document = export_journal()
    change(document)
    before = counts()
    with pytest.raises(JournalError, match=message):
        import_journal(document)
    assert counts() == before


def test_the_export_comparison_catches_a_lost_author(journal: Journal) -> None:
    team_journal()
    source = export_journal()
    assert export_compare.first_difference(source, copy.deepcopy(source)) is None
    for change, where in (
        (
            _set(("people", 0, "notes", 1, "author"), "Copier"),
            "people[0] (Ana Souza).notes[1].author: 'Eli' in the source, 'Copier' in the copy",
        ),
        (
            _set(("people", 1, "owner"), "Copier"),
            "people[1] (Bo Li).owner: 'Eli' in the source, 'Copier' in the copy",
        ),
        (
            _set(("people", 0, "decisions", 0, "objections", 0, "author"), ""),
            "people[0] (Ana Souza).decisions[0].objections[0].author: 'Dana' in the source, "
            "'' in the copy",
        ),
        (
            _set(("referrals", 0, "author"), "Copier"),
            "referrals: people[0] referred people[1] (on 2025-03-06, written by 'Eli') is not "
            "in the copy",
        ),
    ):
        copied = copy.deepcopy(source)
        change(copied)
        assert export_compare.first_difference(source, copied) == where
        before = {"format": source["format"], "version": VERSION, "people": [], "referrals": []}
        assert export_compare.merge_difference(source, before, copied) == where


@pytest.fixture
def team_file(tmp_path: Path) -> Path:
    """A journal file written by Dana and Eli."""
    path = tmp_path / "team.sqlite"
    with open_journal(path):
        team_journal()
    return path


def export_of(where: str | Path) -> dict[str, Any]:
    with open_journal(where):
        return export_journal()


def test_a_copy_keeps_who_wrote_what(team_file: Path, journal_location: str | Path) -> None:
    authorship.set_author("Carl Copier")
    copying.copy_journal(team_file, journal_location)
    assert signatures(export_of(journal_location)) == TEAM_SIGNATURES


def test_a_merge_keeps_who_wrote_what_on_both_sides(
    team_file: Path, journal_location: str | Path
) -> None:
    with open_journal(journal_location):
        authorship.set_author("Zed")
        people.add_person("Zoe Already")
    authorship.set_author("Carl Copier")
    report = copying.copy_journal(team_file, journal_location, merge=True)
    assert report.checked == export_compare.MERGED
    assert signatures(export_of(journal_location)) == [
        ("Zoe Already", "owner", "Zed"),
        ("Zoe Already", "updated_by", "Zed"),
        *TEAM_SIGNATURES,
    ]


def test_a_copy_whose_source_leaves_an_author_out_is_not_kept(
    team_file: Path, tmp_path: Path, journal_location: str | Path
) -> None:
    """The note's author is stamped with whoever copies: not the source, so nothing is kept."""
    document = export_of(team_file)
    del document["people"][0]["notes"][0]["author"]
    unsigned = tmp_path / "unsigned.json"
    unsigned.write_text(json.dumps(document), encoding="utf-8")
    authorship.set_author("Carl Copier")
    with pytest.raises(copying.CopyDiffers) as raised:
        copying.copy_journal(unsigned, journal_location)
    assert (
        "people[0] (Ana Souza).notes[0].author: nothing in the source, 'Carl Copier' in the copy"
    ) in str(raised.value)
    if isinstance(journal_location, Path):
        assert not journal_location.exists()
    else:
        with open_journal(journal_location):
            assert Person.select().count() == 0


def rapport(*args: str, author: str) -> str:
    """The command line, run as someone else than who wrote the journal; its output."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RAPPORT_AUTHOR": author}
    env.pop("RAPPORT_JOURNAL", None)
    result = subprocess.run([RAPPORT, *args], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.postgres
def test_the_command_line_copies_a_file_to_a_server_and_back_keeping_authors(
    team_file: Path, server_url: str, tmp_path: Path
) -> None:
    said = rapport("copy", str(team_file), server_url, author="Carl Copier")
    assert "checked: the copy's export equals the source's" in said
    on_server = json.loads(rapport("--journal", server_url, "export", "json", author="Sam"))
    assert signatures(on_server) == TEAM_SIGNATURES

    back = tmp_path / "back.sqlite"
    rapport("copy", server_url, str(back), author="Bea Backagain")
    assert signatures(export_of(back)) == TEAM_SIGNATURES

    backup = tmp_path / "backup.json"
    rapport("--journal", server_url, "backup", "-o", str(backup), author="Sam")
    restored = tmp_path / "restored.sqlite"
    rapport("--journal", str(restored), "import", str(backup), author="Rita Restorer")
    assert signatures(export_of(restored)) == TEAM_SIGNATURES
    assert "Carl" not in backup.read_text(encoding="utf-8")
