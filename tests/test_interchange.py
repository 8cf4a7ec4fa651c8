"""The JSON interchange format: round trip, dry run, all-or-nothing import of bad documents."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playhouse.test_utils import count_queries

from journal import (
    authorship,
    decisions,
    followups,
    goals,
    notes,
    pains,
    people,
    referrals,
    search,
    tags,
)
from journal.errors import JournalError
from journal.interchange import (
    VERSION,
    ImportReport,
    dump_json,
    export_journal,
    export_json_text,
    import_journal,
    load_json,
)
from journal.interchange_export import json_pieces
from journal.models import (
    Decision,
    FollowUp,
    Goal,
    Note,
    Objection,
    Pain,
    Person,
    PersonTag,
    Referral,
    Tag,
    database,
)
from journal.storage import Journal, check, open_journal

pytestmark = pytest.mark.both_backends

TABLES = (Person, Tag, PersonTag, Goal, Pain, Decision, Objection, Referral, Note, FollowUp)


def snapshot() -> tuple[int, ...]:
    """Row counts of every table and of the search index."""
    index_rows = database.execute_sql("SELECT count(*) FROM search_index").fetchone()[0]
    return (*(model.select().count() for model in TABLES), index_rows)


def comparable(document: dict[str, Any]) -> dict[str, Any]:
    """An export without what differs between journals: people ids become positions."""
    doc = copy.deepcopy(document)
    doc.pop("exported_at")
    position = {p["id"]: i for i, p in enumerate(doc["people"])}
    for p in doc["people"]:
        p.pop("id")
    for r in doc["referrals"]:
        r["referrer"] = position[r["referrer"]]
        r["referred"] = position[r["referred"]]
    return doc


def fill(count: int = 1) -> list[int]:
    """Add people with every kind of record; returns their ids."""
    ids = []
    for n in range(count):
        ana = people.add_person(
            f"Ana Ruiz {n}",
            company="Ruiz & Hijos",
            role="Founder",
            emails=["ana@ruiz.example", "ana.r@example.org"],
            phones=["+34 600 000 000"],
            location="Sevilla",
            how_we_met="Chamber of commerce breakfast",
            met_on="2024-03-02",
            about="Runs a family bakery chain; **hates** spreadsheets. 🥐",
            fit="good",
            focus=True,
            cadence_days=30,
            tags=["founder", "retail"],
        )
        bo = people.add_person(f"Bo Lindqvist {n}", company="Nordlys", fit="poor", tags=["CFO"])
        cy = people.add_person(f"Cy Okafor {n}")
        goals.add_goal(ana.id, "Open a fourth shop", why="Her daughter wants to run one")
        goal = goals.add_goal(ana.id, "Close the year without a tax surprise", why="Sleep")
        goals.update_goal(goal.id, status="attained")
        pains.add_pain(ana.id, "Books are three months behind", ramifications="Late VAT fines")
        pains.add_pain(bo.id, "Cash flow blind spots", ramifications="Missed payroll once")
        weak = decisions.record_decision(
            ana.id,
            "Monthly bookkeeping",
            "weak_no",
            decided_on="2025-02-10",
            reason="Wants to wait until after the season",
            lesson="Offer a smaller start: a quarterly clean-up",
            revisit_on="2025-09-01",
            objections=["Price", "Timing"],
        )
        decisions.update_objection(weak.objections[0].id, addressed=True)
        decisions.record_decision(ana.id, "Quarterly clean-up", "yes", decided_on="2025-10-01")
        decisions.record_decision(bo.id, "Fractional CFO", "strong_no", decided_on="2025-03-03")
        decisions.record_decision(cy.id, "Cash-flow forecast", "undecided", decided_on="2025-04-04")
        kinds = ("meeting", "call", "message", "thought")
        for i, kind in enumerate(kinds):
            notes.add_note(
                ana.id,
                f"A {kind} about the *shops* ({i})",
                kind=kind,
                occurred_at=f"2025-0{i + 1}-05 10:15",
            )
        notes.add_note(bo.id, "Coffee in Malmö", kind="meeting", occurred_at="2024-11-30 08:00")
        followups.add_follow_up(ana.id, "Send the clean-up checklist", "2025-10-05")
        done = followups.add_follow_up(bo.id, "Introduce him to a payroll firm", "2025-03-10")
        followups.complete_follow_up(done.id)
        referrals.add_referral(ana.id, bo.id, on="2024-06-01", context="Her brother-in-law")
        referrals.add_referral(bo.id, cy.id, on="2024-07-01", context="Same coworking")
        referrals.add_referral(ana.id, cy.id, on="2024-07-02", context="")
        ids += [ana.id, bo.id, cy.id]
    tags.set_tag_cadence("founder", 21)
    return ids


def valid_document() -> dict[str, Any]:
    """A small hand-written document with four people, the fourth with a decision."""
    return {
        "format": "rapport-journal",
        "version": 1,
        "people": [
            {"id": "a", "name": "Ana"},
            {"id": 2, "name": "Bo", "fit": "good", "met_on": "2024-01-02"},
            {"id": "c", "name": "Cy", "notes": [{"body": "Met at the fair", "kind": "thought"}]},
            {
                "id": "d",
                "name": "Di",
                "decisions": [{"offer": "Payroll", "outcome": "weak_no", "objections": []}],
            },
        ],
        "referrals": [{"referrer": "a", "referred": 2, "on": "2024-02-02"}],
    }


@pytest.fixture
def other(tmp_path: Path) -> Callable[[], Journal]:
    """Opens a second, empty journal (and makes it the current one)."""
    return lambda: open_journal(tmp_path / "other.sqlite")


def test_round_trip_keeps_every_record(journal: Journal, other: Callable[[], Journal]) -> None:
    ids = fill()
    people.trash_person(people.add_person("Gone").id)
    notes.trash_note(notes.add_note(ids[0], "trashed note").id)
    decisions.trash_decision(decisions.record_decision(ids[0], "Trashed offer", "yes").id)
    first = load_json(export_json_text())

    assert [p["name"] for p in first["people"]] == ["Ana Ruiz 0", "Bo Lindqvist 0", "Cy Okafor 0"]
    ana = first["people"][0]
    assert {n["kind"] for n in ana["notes"]} == {"meeting", "call", "message", "thought"}
    assert "trashed note" not in json.dumps(first)
    assert "Trashed offer" not in json.dumps(first)
    me = authorship.author()  # the server's role, or nobody on a file
    assert ana["decisions"][0]["objections"] == [
        {"text": "Price", "addressed": True, "theme": "price", "author": me},
        {"text": "Timing", "addressed": False, "theme": "timing", "author": me},
    ]
    assert len(first["referrals"]) == 3
    assert first["tags"] == [
        {"name": "founder", "cadence_days": 21, "persona": False, "messaging": ""}
    ]

    journal.close()
    copy_journal = other()
    report = import_journal(first)
    assert report == ImportReport(
        people=3, notes=5, goals=2, pains=2, decisions=4, referrals=3, follow_ups=2
    )
    second = export_journal()
    assert comparable(second) == comparable(first)
    assert check(copy_journal).ok
    assert {h.kind for h in search.search("shops")} == {"note"}
    assert [h.kind for h in search.search("Timing")] == ["objection"]
    copy_journal.close()


def test_timestamps_survive_import(journal: Journal) -> None:
    doc = valid_document()
    doc["people"][0]["goals"] = [{"text": "Grow", "created_at": "2023-05-06T07:08:09"}]
    doc["people"][0]["notes"] = [{"body": "Hi", "occurred_at": "2022-01-02 03:04"}]
    import_journal(doc)
    ana = people.resolve_person("Ana")
    assert goals.goals_of(ana.id)[0].created_at == dt.datetime(2023, 5, 6, 7, 8, 9)
    assert notes.notes_of(ana.id)[0].occurred_at == dt.datetime(2022, 1, 2, 3, 4)


def test_only_names_are_required(journal: Journal) -> None:
    report = import_journal({"format": "rapport-journal", "version": 1, "people": [{"name": "X"}]})
    assert report.people == 1 and report.notes == 0
    person = people.resolve_person("X")
    assert (person.fit, person.focus, person.cadence_days, person.tags) == (
        "unknown",
        False,
        None,
        (),
    )


def test_tags_match_whatever_their_case(journal: Journal) -> None:
    people.add_person("Existing", tags=["founder"])
    doc = valid_document()
    doc["people"][0]["tags"] = ["Founder", "CFO"]
    doc["people"][1]["tags"] = ["cfo", "Agency", "agency"]
    import_journal(doc)
    assert people.resolve_person("Ana").tags == ("CFO", "founder")
    assert people.resolve_person("Bo").tags == ("Agency", "CFO")
    assert Tag.select().count() == 3


def test_import_adds_to_a_journal_that_has_people(journal: Journal) -> None:
    fill()
    before = people.count_people()
    import_journal(valid_document())
    assert people.count_people() == before + 4
    assert [r.context for r in referrals.referrals_from(people.resolve_person("Ana").id)] == [""]


def test_dry_run_writes_nothing(journal: Journal) -> None:
    fill()
    document = export_journal()
    before = snapshot()
    report = import_journal(document, dry_run=True)
    assert report.dry_run and report.people == 3 and report.referrals == 3
    assert snapshot() == before


def test_dump_json_to_path_and_file(journal: Journal, tmp_path: Path) -> None:
    fill()
    target = tmp_path / "out" / "export.json"
    target.parent.mkdir()
    dump_json(target)
    text = target.read_text(encoding="utf-8")
    assert "🥐" in text and "Malmö" in text  # not escaped
    assert text.startswith('{\n  "format": "rapport-journal"')
    assert comparable(load_json(target)) == comparable(export_journal())
    assert load_json(target.read_bytes())["version"] == VERSION
    buffer = io.StringIO()
    dump_json(buffer)
    assert comparable(json.loads(buffer.getvalue())) == comparable(export_journal())
    raw = io.BytesIO()
    dump_json(raw)
    assert json.loads(raw.getvalue().decode("utf-8"))["format"] == "rapport-journal"
    assert [p.name for p in target.parent.iterdir()] == ["export.json"]


def test_export_takes_a_fixed_number_of_queries(journal: Journal) -> None:
    fill(1)
    with count_queries() as few:
        export_journal()
    fill(5)
    with count_queries() as many:
        export_journal()
    assert many.count == few.count


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """A mutation that sets `a.b[0].c` (ints index lists) in a document."""

    def mutate(doc: dict[str, Any]) -> None:
        parts: list[Any] = [int(p) if p.isdigit() else p for p in path.split(".")]
        target: Any = doc
        for part in parts[:-1]:
            target = target[part]
        target[parts[-1]] = value

    return mutate


INVALID = {
    "empty name": (_set("people.1.name", "   "), r"^people\[1\]\.name: must not be empty$"),
    "unknown outcome": (
        _set("people.3.decisions.0.outcome", "maybe"),
        r"^people\[3\]\.decisions\[0\]\.outcome: 'maybe' is not one of yes, strong_no, "
        r"weak_no, undecided$",
    ),
    "bad fit": (_set("people.0.fit", "great"), r"^people\[0\]\.fit: 'great' is not one of"),
    "bad date": (_set("people.1.met_on", "2024-02-30"), r"^people\[1\]\.met_on: .*not a date"),
    "bad time": (
        _set("people.2.notes.0.occurred_at", "yesterday"),
        r"^people\[2\]\.notes\[0\]\.occurred_at: 'yesterday' is not a date and time",
    ),
    "time out of range": (
        _set("people.2.notes.0.occurred_at", "0001-01-01T00:00:00+14:00"),
        r"^people\[2\]\.notes\[0\]\.occurred_at: ",
    ),
    "wrong type": (_set("people.1.focus", "yes"), r"^people\[1\]\.focus: expected true or false"),
    "cadence as text": (_set("people.1.cadence_days", "30"), r"^people\[1\]\.cadence_days: "),
    "emails not a list": (
        _set("people.0.emails", "a@b.c"),
        r"^people\[0\]\.emails: expected a list",
    ),
    "tag not text": (_set("people.0.tags", ["ok", 3]), r"^people\[0\]\.tags\[1\]: expected text"),
    "empty note": (_set("people.2.notes.0.body", ""), r"^people\[2\]\.notes\[0\]\.body: must not"),
    "bad note kind": (_set("people.2.notes.0.kind", "email"), r"^people\[2\]\.notes\[0\]\.kind: "),
    "objection not an object": (
        _set("people.3.decisions.0.objections", ["too dear"]),
        r"^people\[3\]\.decisions\[0\]\.objections\[0\]: expected an object, got text$",
    ),
    "lone surrogate": (_set("people.0.about", "bad \ud800 text"), r"^people\[0\]\.about: holds"),
    "referral to a missing id": (
        _set("referrals.0.referred", "zz"),
        r"^referrals\[0\]\.referred: no person with id 'zz' in this file$",
    ),
    "referral to self": (
        _set("referrals.0.referred", "a"),
        r"^referrals\[0\]: Ana cannot refer themselves$",
    ),
    "duplicate referral": (
        _set("referrals.1", {"referrer": "a", "referred": "2"}),
        r"^referrals\[1\]: Ana referring Bo is already listed at referrals\[0\]$",
    ),
    "referral without referrer": (
        _set("referrals.0.referrer", None),
        r"^referrals\[0\]\.referrer: a person id is required$",
    ),
    "duplicate person id": (
        _set("people.2.id", "a"),
        r"^people\[2\]\.id: 'a' is already the id of people\[0\]$",
    ),
    "number and text ids collide": (
        _set("people.0.id", "2"),
        r"^people\[1\]\.id: '2' is already the id of people\[0\]$",
    ),
    "float id": (_set("people.0.id", 1.5), r"^people\[0\]\.id: expected text or a whole number"),
    "wrong format": (_set("format", "other-app"), r"^format: 'other-app' is not 'rapport-journal'"),
    "no format": (lambda d: d.pop("format"), r"^format: missing"),
    "version too new": (
        _set("version", VERSION + 1),
        rf"^version: {VERSION + 1} is newer than this Rapport reads",
    ),
    "version as text": (_set("version", "1"), r"^version: expected a whole number"),
    "version 0": (_set("version", 0), r"^version: 0 is not a version"),
    "people not a list": (
        _set("people", {"name": "Ana"}),
        r"^people: expected a list, got an object",
    ),
    "no people": (lambda d: d.pop("people"), r"^people: missing"),
    "person not an object": (
        _set("people.2", "Cy"),
        r"^people\[2\]: expected an object, got text$",
    ),
    "goals not a list": (_set("people.0.goals", {}), r"^people\[0\]\.goals: expected a list"),
    "referrals not a list": (_set("referrals", "none"), r"^referrals: expected a list"),
    "referral not an object": (_set("referrals.0", 7), r"^referrals\[0\]: expected an object"),
    "tags not a list": (_set("tags", {"founder": 3}), r"^tags: expected a list, got an object$"),
    "tag cadence too long": (
        _set("tags", [{"name": "CFO", "cadence_days": 4000}]),
        r"^tags\[0\]\.cadence_days: must be between 1 and 3650 days",
    ),
    "tag listed twice": (
        _set("tags", [{"name": "cfo"}, {"name": "CFO", "cadence_days": 7}]),
        r"^tags\[1\]\.name: 'CFO' is already listed at tags\[0\]$",
    ),
    "too many in focus": (  # the journal holds one focused person already
        lambda d: d.update(
            people=[{"name": f"P{i}", "focus": True} for i in range(21)], referrals=[]
        ),
        r"^people\[19\]\.focus: the focus list is full \(20 people",
    ),
}


@pytest.mark.parametrize("case", list(INVALID), ids=list(INVALID))
def test_an_invalid_value_anywhere_writes_nothing(journal: Journal, case: str) -> None:
    fill()
    mutate, message = INVALID[case]
    doc = valid_document()
    doc["referrals"].append({"referrer": "c", "referred": "d"})
    mutate(doc)
    before, count = snapshot(), people.count_people(include_trashed=True)
    with pytest.raises(JournalError, match=message):
        import_journal(doc)
    with pytest.raises(JournalError, match=message):
        import_journal(doc, dry_run=True)
    assert people.count_people(include_trashed=True) == count
    assert snapshot() == before


def test_tag_cadences_are_imported(journal: Journal) -> None:
    tags.set_tag_cadence(people.add_person("X", tags=["agency"]).tags[0], 90)
    doc = valid_document()
    doc["tags"] = [{"name": "Agency", "cadence_days": 30}, {"name": "CFO", "cadence_days": 14}]
    import_journal(doc)
    assert tags.tag_cadences() == {"agency": 30, "CFO": 14}


def test_focus_limit_counts_who_is_already_on_the_list(journal: Journal) -> None:
    for i in range(people.FOCUS_LIMIT - 1):
        people.add_person(f"Focused {i}", focus=True)
    doc = valid_document()
    doc["people"][1]["focus"] = doc["people"][3]["focus"] = True
    before = snapshot()
    with pytest.raises(JournalError, match=r"^people\[3\]\.focus: the focus list is full"):
        import_journal(doc, dry_run=True)
    assert snapshot() == before
    doc["people"][3]["focus"] = False
    assert import_journal(doc).people == 4


def test_document_not_an_object(journal: Journal) -> None:
    with pytest.raises(JournalError, match=r"^document: expected an object, got a list$"):
        import_journal([])  # type: ignore[arg-type]


def test_error_after_many_good_people_writes_none_of_them(journal: Journal) -> None:
    doc = valid_document()
    doc["people"] += [{"id": f"p{i}", "name": f"Person {i}"} for i in range(50)]
    doc["people"].append({"name": "Last", "decisions": [{"offer": "x", "decided_on": "soon"}]})
    with pytest.raises(JournalError, match=r"^people\[54\]\.decisions\[0\]\.decided_on: "):
        import_journal(doc)
    assert people.count_people(include_trashed=True) == 0


TEXT = json.dumps(valid_document(), indent=2)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (TEXT[: len(TEXT) // 2], r"^truncated file"),
        (TEXT[:-1], r"^truncated file"),
        ('{"format": "rapport-journal", "people": [{"name": "Ana', r"^truncated file"),
        (TEXT.encode("utf-8")[:1] + "é".encode()[:1], r"^truncated file"),
        ('{"format": 1,\n "version": 1\n "people": []}', r"^not JSON: line 3 column 2: "),
        ("people: [Ana]", r"^not JSON: line 1 column 1: Expecting value"),
        ('{"version": NaN}', r"^not JSON: NaN is not allowed"),
        ("", r"^empty file"),
        ("[1, 2]", r"^document: expected a JSON object, the file holds a list"),
        (b"\xff\xfe{}", r"^not UTF-8 text: byte 0"),
        ("[" * 100_000 + "]" * 100_000, r"nested too deeply"),
    ],
    ids=["half", "last brace", "in a string", "mid character", "comma", "not json", "nan",
         "empty", "list", "utf-16", "deep"],
)  # fmt: skip
def test_load_json_errors(source: str | bytes, message: str) -> None:
    with pytest.raises(JournalError, match=message):
        load_json(source)


def test_load_json_reads_a_path_and_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    assert load_json(path)["people"][0]["name"] == "Ana"
    with pytest.raises(JournalError, match=r"^cannot read"):
        load_json(tmp_path / "missing.json")


# --- random documents -------------------------------------------------------------------------
# Mostly plausible values, and now and then anything JSON can hold, so that failures happen at
# every depth of the document and some documents import.

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-5, max_value=4000)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8)
    | st.sampled_from(["", "  ", "2023-02-29", "2025-13-01", "0001-01-01T00:00+05:00", "maybe"])
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=12,
)


def mostly(good: st.SearchStrategy[Any], odds: int = 15) -> st.SearchStrategy[Any]:
    """`good`, except about once in `odds` draws any JSON value at all."""
    return st.integers(0, odds - 1).flatmap(lambda n: values if n == 0 else good)


words = st.text(st.characters(codec="utf-8"), min_size=1, max_size=12).filter(str.strip)
days = st.dates(dt.date(1990, 1, 1), dt.date(2040, 1, 1)).map(dt.date.isoformat)
times = st.datetimes(dt.datetime(1990, 1, 1), dt.datetime(2040, 1, 1)).map(dt.datetime.isoformat)
ids = st.sampled_from(["a", "b", "c", 1, 2, "2"])
GOOD: dict[str, st.SearchStrategy[Any]] = {
    "id": ids,
    "name": words,
    "company": words,
    "emails": st.lists(words, max_size=2),
    "tags": st.lists(st.sampled_from(["founder", "CFO", "agency", "Founder", " x "]), max_size=3),
    "met_on": days,
    "fit": st.sampled_from(["good", "poor", "unknown"]),
    "focus": st.booleans(),
    "cadence_days": st.integers(1, 400) | st.none(),
    "text": words,
    "why": words,
    "ramifications": words,
    "status": st.sampled_from(["open", "relieved"]),
    "created_at": times,
    "offer": words,
    "outcome": st.sampled_from(["yes", "strong_no", "weak_no", "undecided"]),
    "decided_on": days,
    "revisit_on": days | st.none(),
    "addressed": st.booleans(),
    "occurred_at": times,
    "kind": st.sampled_from(["meeting", "call", "message", "thought"]),
    "body": words,
    "due_on": days,
    "what": words,
    "done": st.booleans(),
    "referrer": ids,
    "referred": ids,
    "on": days,
    "context": words,
}


def rec(required: tuple[str, ...], optional: tuple[str, ...] = (), **nested: Any) -> Any:
    """An object with these fields, mostly plausible; nested lists of records as keywords."""
    return mostly(
        st.fixed_dictionaries(
            {f: mostly(GOOD[f]) for f in required},
            optional={
                **{f: mostly(GOOD[f]) for f in optional},
                **{k: mostly(st.lists(v, max_size=2)) for k, v in nested.items()},
            },
        )
    )


person = rec(
    ("name",),
    ("id", "company", "emails", "tags", "met_on", "fit", "focus", "cadence_days"),
    goals=rec(("text",), ("why", "status", "created_at")),
    pains=rec(("text",), ("ramifications", "status", "created_at")),
    decisions=rec(
        ("offer",),
        ("outcome", "decided_on", "revisit_on"),
        objections=rec(("text",), ("addressed",)),
    ),
    notes=rec(("body",), ("occurred_at", "kind")),
    follow_ups=rec(("what",), ("due_on", "done")),
)
document = st.fixed_dictionaries(
    {
        "format": mostly(st.just("rapport-journal")),
        "version": mostly(st.just(1)),
        "people": mostly(st.lists(person, max_size=4)),
    },
    optional={
        "referrals": mostly(st.lists(rec(("referrer", "referred"), ("on",)), max_size=3)),
        "tags": mostly(st.lists(rec(("name",), ("cadence_days",)), max_size=2)),
    },
)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=mostly(document, odds=10))
def test_random_documents_import_or_fail_cleanly(journal: Journal, data: Any) -> None:
    before = snapshot()
    try:
        report = import_journal(data)
    except JournalError as exc:
        assert str(exc)
        assert snapshot() == before
    else:
        assert people.count_people() >= report.people
        assert check(journal).ok


def test_the_json_written_in_pieces_is_the_same_text(journal, tmp_path):
    from journal import interchange as ix
    from journal import people as pp

    pp.add_person("Ana Souza", company='Ünïcode & "quotes"')
    path = tmp_path / "export.json"
    ix.dump_json(path)
    text = ix.export_json_text()
    # The two exports may straddle a second: only their time of export may differ.
    stamp = re.compile(r'"exported_at": "[^"]*"')
    assert stamp.sub("", path.read_text(encoding="utf-8")) == stamp.sub("", text)


def test_the_text_is_what_the_standard_encoder_writes(journal: Journal) -> None:
    """orjson writes the file, a person at a time: the text is byte for byte what
    `json.dumps(indent=2, ensure_ascii=False)` makes of the same document (non-ASCII, quotes,
    backslashes, newlines and control characters in text, empty lists, null, nesting)."""
    fill(2)
    people.add_person(
        'Zoë "Zed" \\ Ørsted',
        about="line one\nline two\ttabbed \x07 bell \u2028 separator 👋",
        emails=[],
    )
    document = export_journal()
    expected = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    assert b"".join(json_pieces(copy.deepcopy(document))).decode("utf-8") == expected
    stamp = re.compile(r'"exported_at": "[^"]*"')
    assert stamp.sub("", export_json_text()) == stamp.sub("", expected)


def test_the_collector_is_paused_while_exporting_and_on_again_after(
    journal: Journal, tmp_path: Path
) -> None:
    """The cycle collector's full passes over the export's rows stalled the window: it is
    paused while the pieces are made, and on again when they are written or given up."""
    import gc

    from journal.interchange import export_json_pieces

    fill(1)
    assert gc.isenabled()
    pieces = export_json_pieces()
    next(pieces)
    assert not gc.isenabled()
    pieces.close()
    assert gc.isenabled()
    dump_json(tmp_path / "export.json")
    assert gc.isenabled()
    assert load_json(tmp_path / "export.json")["people"][0]["name"] == "Ana Ruiz 0"
