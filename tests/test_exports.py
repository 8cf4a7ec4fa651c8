"""Exports read back by other programs' parsers: vCard, iCalendar, CSV and a Markdown folder."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
import vobject
from hypothesis import given, settings
from hypothesis import strategies as st
from playhouse.test_utils import count_queries

from journal import decisions, followups, goals, notes, pains, people, referrals
from journal.errors import JournalError
from journal.exports import markdown as markdown_module
from journal.exports.csv_export import export_csv
from journal.exports.ics import export_ics
from journal.exports.markdown import export_markdown
from journal.exports.text import content, file_stem, fold
from journal.exports.vcard import card, export_vcards
from journal.records import PersonRecord
from journal.storage import Journal

pytestmark = pytest.mark.both_backends

TODAY = dt.date(2026, 11, 23)
ANA = "Ana María García"
DAVID = "דוד כהן"
ZOE = "Zoë 🚀 O'Neil; Jr, III"


def seed() -> SimpleNamespace:
    """People with every kind of record and awkward text; one of them in the trash."""
    ana = people.add_person(
        ANA,
        company="Boulangerie du Port, SARL; La Rochelle",
        role="Owner; head baker",
        emails=["ana@port.fr", "ana.garcia@example.com"],
        phones=["+33 6 12 34 56 78", "05 46 00 00 00, ext. 2"],
        location="La Rochelle, France",
        how_we_met="Bakers' fair",
        met_on="2025-03-03",
        about="Runs three shops, on the harbour;\nprefers visits before 10 am.",
        fit="good",
        focus=True,
        cadence_days=30,
        tags=["Owner; operator", "שלום", "🍞 bread, fresh"],
    )
    david = people.add_person(
        DAVID, company='חברה, בע"מ', emails=["david@example.co.il"], cadence_days=7
    )
    zoe = people.add_person(ZOE)
    gone = people.add_person("Gone Person", cadence_days=5, emails=["gone@example.com"])
    referrals.add_referral(david.id, ana.id, on="2025-03-01", context="Vouched for us, warmly")
    referrals.add_referral(ana.id, zoe.id, on="2025-09-10", context="Same stock problem")
    goals.add_goal(ana.id, "Open a fourth shop; by spring", why="Her daughter, Lucía, wants one.")
    goals.add_goal(ana.id, "Stop wasting bread", why="12% of flour spend")
    goals.add_goal(ana.id, "An attained goal", status="attained")
    pains.add_pain(ana.id, "Paper stock counts", ramifications="Two hours,\nevery night")
    pains.add_pain(ana.id, "A relieved pain", status="relieved")
    weak = decisions.record_decision(
        ana.id,
        "Stock tracking, full; package",
        "weak_no",
        decided_on="2025-06-12",
        reason="Timing is bad",
        lesson="Offer a one-shop pilot first",
        revisit_on="2026-12-01",
        objections=["Price, for three shops", "Staff; tablets", "Old worry"],
    )
    decisions.update_objection(weak.objections[2].id, addressed=True)
    decisions.record_decision(ana.id, "Price alerts", "yes", decided_on="2025-09-01")
    decisions.record_decision(
        david.id, "Audit", "undecided", decided_on="2026-01-10", revisit_on="2026-11-30"
    )
    decisions.record_decision(
        david.id, "Training", "strong_no", decided_on="2026-02-01", revisit_on="2026-12-24"
    )
    decisions.record_decision(gone.id, "Ghost offer", "weak_no", revisit_on="2026-12-05")
    open_follow_up = followups.add_follow_up(ana.id, "Send the pilot proposal, v2", "2026-11-20")
    done = followups.add_follow_up(ana.id, "Call back", "2026-11-01")
    followups.complete_follow_up(done.id)
    followups.add_follow_up(david.id, "שלח הצעה", "2026-12-02")
    followups.add_follow_up(gone.id, "Ghost follow-up", "2026-12-03")
    notes.add_note(ana.id, "Oldest note", kind="message", occurred_at="2025-03-05T10:00")
    notes.add_note(
        ana.id, "Middle note, with **bold**", kind="call", occurred_at="2026-10-02T08:30"
    )
    notes.add_note(
        ana.id, "Newest note\n\n- a list", kind="meeting", occurred_at="2026-11-18T09:15"
    )
    notes.add_note(david.id, "Met for coffee", occurred_at="2026-11-01T12:00")
    people.trash_person(gone.id)
    return SimpleNamespace(ana=ana, david=david, zoe=zoe, gone=gone, follow_up=open_follow_up)


@pytest.fixture
def seeded(journal: Journal) -> SimpleNamespace:
    return seed()


def grow() -> None:
    """More people with records, to show the exports' query counts do not grow with them."""
    for i in range(5):
        p = people.add_person(f"Extra {i}", cadence_days=10, tags=[f"t{i}"])
        goals.add_goal(p.id, "g")
        pains.add_pain(p.id, "p")
        decisions.record_decision(p.id, "o", "undecided", revisit_on="2026-12-10", objections=["x"])
        followups.add_follow_up(p.id, "f", "2026-12-01")
        notes.add_note(p.id, "n")


# -- vCard ------------------------------------------------------------------------------------


def cards_by_name(text: str) -> dict[str, vobject.base.Component]:
    return {c.fn.value: c for c in vobject.readComponents(text)}


def test_vcards_round_trip_through_vobject(seeded):
    cards = cards_by_name(export_vcards())
    assert set(cards) == {ANA, DAVID, ZOE}
    ana = cards[ANA]
    assert ana.version.value == "4.0"
    assert [e.value for e in ana.email_list] == ["ana@port.fr", "ana.garcia@example.com"]
    assert [t.value for t in ana.tel_list] == ["+33 6 12 34 56 78", "05 46 00 00 00, ext. 2"]
    assert ana.org.value == ["Boulangerie du Port, SARL; La Rochelle"]
    assert ana.title.value == "Owner; head baker"
    assert ana.categories.value == ["Owner; operator", "שלום", "🍞 bread, fresh"]
    assert ana.n.value.given == "Ana María" and ana.n.value.family == "García"
    assert ana.adr.value.city == "La Rochelle, France"
    assert ana.note.value.startswith("Runs three shops, on the harbour;\nprefers visits")
    assert "Bakers' fair" in ana.note.value
    assert cards[DAVID].org.value == ['חברה, בע"מ']
    assert not hasattr(cards[ZOE], "email")
    assert len({c.uid.value for c in cards.values()}) == 3


def test_vcard_text_is_crlf_folded_and_escaped(seeded):
    text = export_vcards()
    assert text.count("BEGIN:VCARD") == 3 and "Gone Person" not in text
    assert "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    assert r"ORG:Boulangerie du Port\, SARL\; La Rochelle" in text
    assert r"CATEGORIES:Owner\; operator,שלום,🍞 bread\, fresh" in text.replace("\r\n ", "")


def test_vcard_uids_are_stable_between_exports(seeded):
    first = {c.uid.value for c in vobject.readComponents(export_vcards())}
    people.update_person(seeded.ana.id, role="Owner")
    assert {c.uid.value for c in vobject.readComponents(export_vcards())} == first


def test_fold_keeps_utf8_characters_whole():
    line = "NOTE:" + "é🚀" * 60
    folded = fold(line + "\r\n")
    assert all(len(part.encode("utf-8")) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line + "\r\n"


typed = st.text(st.characters(blacklist_categories=["Cs"]), min_size=1).map(str.strip)


@settings(max_examples=150, deadline=None)
@given(name=typed.filter(bool), company=typed, about=typed, tags=st.lists(typed, max_size=3))
def test_any_typed_text_survives_a_vcard(name, company, about, tags):
    person = PersonRecord(
        id=7, name=name, company=company, about=about, tags=tuple(tags), emails=(name,)
    )
    text = fold(card(person).serialize())
    (parsed,) = vobject.readComponents(text)
    assert parsed.fn.value == content(name)
    assert parsed.email.value == content(name)
    assert parsed.org.value == [content(company)] if company else not hasattr(parsed, "org")
    expected_tags = [content(t) for t in tags if content(t)]
    assert getattr(parsed, "categories", SimpleNamespace(value=[])).value == expected_tags
    if content(about):
        assert parsed.note.value == content(about)
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))


@settings(max_examples=300)
@given(names=st.lists(st.text(), min_size=1, max_size=5))
def test_file_stems_are_always_safe_and_distinct(names):
    taken: set[str] = set()
    stems = [file_stem(n, taken) for n in names]
    assert len({s.casefold() for s in stems}) == len(stems)
    for stem in stems:
        assert stem and stem == stem.strip(" .") and len(stem.encode("utf-8")) <= 200
        assert not re.search(r'[<>:"/\\|?*\x00-\x1f]', stem)


# -- iCalendar --------------------------------------------------------------------------------


def parse_ics(text: str) -> vobject.base.Component:
    calendars = list(vobject.readComponents(text))
    assert len(calendars) == 1
    return calendars[0]


def test_ics_has_follow_ups_revisits_and_reconnects(seeded):
    cal = parse_ics(export_ics(today=TODAY))
    assert cal.prodid.value == "-//Rapport//Rapport//EN"
    todos = {t.summary.value: t for t in cal.vtodo_list}
    events = {e.summary.value: e for e in cal.vevent_list}
    assert set(todos) == {f"Send the pilot proposal, v2 ({ANA})", f"שלח הצעה ({DAVID})"}
    assert todos[f"Send the pilot proposal, v2 ({ANA})"].due.value == dt.date(2026, 11, 20)
    assert todos[f"Send the pilot proposal, v2 ({ANA})"].uid.value == (
        f"followup-{seeded.follow_up.id}@rapport"
    )
    assert set(events) == {
        f"Revisit: Stock tracking, full; package with {ANA}",
        f"Revisit: Audit with {DAVID}",
        f"Reconnect with {ANA}",
        f"Reconnect with {DAVID}",
    }
    revisit = events[f"Revisit: Stock tracking, full; package with {ANA}"]
    assert revisit.dtstart.value == dt.date(2026, 12, 1)
    assert revisit.dtend.value == dt.date(2026, 12, 2)
    description = revisit.description.value
    assert "Price, for three shops" in description and "Staff; tablets" in description
    assert "Old worry" not in description
    assert events[f"Reconnect with {ANA}"].dtstart.value == dt.date(2026, 12, 18)
    # David's reconnect (1 Nov + 7 days) has passed: it is due today.
    assert events[f"Reconnect with {DAVID}"].dtstart.value == TODAY
    uids = [c.uid.value for c in (*cal.vtodo_list, *cal.vevent_list)]
    assert len(uids) == len(set(uids)) == 6
    assert all(uid.endswith("@rapport") for uid in uids)


def test_ics_leaves_out_the_trash_and_finished_items(seeded):
    text = export_ics(today=TODAY)
    assert "Ghost" not in text and "Gone Person" not in text
    assert "Call back" not in text and "Training" not in text and "Price alerts" not in text
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))


def test_ics_uids_are_stable_between_exports(seeded):
    def uids() -> set[str]:
        cal = parse_ics(export_ics(today=TODAY))
        return {c.uid.value for c in cal.getChildren() if c.name in ("VTODO", "VEVENT")}

    first = uids()
    notes.add_note(seeded.zoe.id, "a new note")
    assert uids() == first


def test_empty_journal_exports_are_valid(journal):
    assert export_vcards() == ""
    cal = parse_ics(export_ics(today=TODAY))
    assert not hasattr(cal, "vevent") and not hasattr(cal, "vtodo")
    assert list(csv.reader(io.StringIO(export_csv().removeprefix("\ufeff"))))[1:] == []


# -- CSV --------------------------------------------------------------------------------------


def read_csv(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    decoded = text.encode("utf-8").decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(decoded, newline="")))


def test_csv_has_one_row_per_live_person_and_values_round_trip(seeded):
    rows = {r["name"]: r for r in read_csv(export_csv())}
    assert set(rows) == {ANA, DAVID, ZOE}
    ana = rows[ANA]
    assert ana["company"] == "Boulangerie du Port, SARL; La Rochelle"
    assert ana["emails"].split("; ") == ["ana@port.fr", "ana.garcia@example.com"]
    assert ana["phones"].split("; ") == ["+33 6 12 34 56 78", "05 46 00 00 00, ext. 2"]
    assert ana["location"] == "La Rochelle, France"
    assert (ana["fit"], ana["focus"], ana["cadence_days"]) == ("good", "yes", "30")
    assert ana["last_touch"] == "2026-11-18 09:15"
    assert ana["next_reconnect"] == "2026-12-18"
    assert ana["tags"] == "Owner; operator; שלום; 🍞 bread, fresh"
    assert ana["open_goals"] == "Open a fourth shop; by spring; Stop wasting bread"
    assert ana["open_pains"] == "Paper stock counts"
    zoe = rows[ZOE]
    assert (zoe["emails"], zoe["cadence_days"], zoe["last_touch"], zoe["focus"]) == (
        "",
        "",
        "",
        "no",
    )


def test_csv_keeps_newlines_and_quotes_inside_fields(journal):
    people.add_person('Line "one"\nline two', company="A,B;C")
    (row,) = read_csv(export_csv())
    assert row["name"] == 'Line "one"\nline two'
    assert row["company"] == "A,B;C"


# -- Markdown ---------------------------------------------------------------------------------


@pytest.fixture
def place(tmp_path: Path) -> Path:
    """A folder to export into, apart from the journal's own files."""
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def test_markdown_writes_a_page_per_person_and_an_index(seeded, place):
    target = place / "export"
    written = export_markdown(target)
    assert sorted(p.name for p in target.iterdir()) == sorted(p.name for p in written)
    assert {p.name for p in written} == {f"{ANA}.md", f"{DAVID}.md", f"{ZOE}.md", "index.md"}
    page = (target / f"{ANA}.md").read_text(encoding="utf-8")
    for heading in ("# Ana María García", "## About", "## Goals", "## Pains", "## Decisions"):
        assert f"\n{heading}\n" in f"\n{page}"
    for heading in ("## Referrals", "## Follow-ups", "## Notes"):
        assert f"\n{heading}\n" in page
    assert "Her daughter, Lucía, wants one." in page
    assert "- **Paper stock counts**  \n  Two hours,\n  every night" in page
    assert "- [ ] Price, for three shops" in page and "- [x] Old worry" in page
    assert "Offer a one-shop pilot first" in page
    assert f"Referred by [{DAVID}](<{DAVID}.md>)" in page
    assert "- [x] 1 Nov 2026: Call back" in page
    assert page.index("Newest note") < page.index("Middle note") < page.index("Oldest note")
    index = (target / "index.md").read_text(encoding="utf-8")
    assert all(f"(<{name}.md>)" in index for name in (ANA, DAVID, ZOE))
    assert "Gone Person" not in index


def test_file_names_are_safe_and_unique():
    taken: set[str] = set()
    names = [file_stem(n, taken) for n in ("Sam Lee", "sam lee", "Sam/Lee", "a:b*c?", "CON", "..")]
    assert names == ["Sam Lee", "sam lee (2)", "Sam Lee (3)", "a b c", "_CON", "Unnamed"]
    assert not any(re.search(r'[<>:"/\\|?*]', n) for n in names)


def test_markdown_file_names_of_awkward_names(journal, place):
    for name in ("Sam Lee", "Sam: Lee", "../etc/passwd", "index", "🚀" * 100):
        people.add_person(name)
    names = {p.name for p in export_markdown(place / "out")}
    rockets = "🚀" * 45 + ".md"
    assert names == {
        "Sam Lee.md",
        "Sam Lee (2).md",
        "etc passwd.md",
        "index (2).md",
        "index.md",
        rockets,
    }
    assert sorted(p.name for p in place.iterdir()) == ["out"]


def test_markdown_to_a_file_raises_and_leaves_nothing(seeded, place):
    target = place / "taken.md"
    target.write_text("mine", encoding="utf-8")
    with pytest.raises(JournalError, match="not a folder"):
        export_markdown(target)
    assert sorted(p.name for p in place.iterdir()) == ["taken.md"]
    assert target.read_text(encoding="utf-8") == "mine"


def test_markdown_refuses_a_folder_of_other_files(seeded, place):
    target = place / "documents"
    target.mkdir()
    (target / "letter.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(JournalError, match="not empty"):
        export_markdown(target)
    assert [p.name for p in target.iterdir()] == ["letter.txt"]
    assert sorted(p.name for p in place.iterdir()) == ["documents"]


def test_markdown_replaces_a_previous_export(seeded, place):
    target = place / "export"
    export_markdown(target)
    people.trash_person(seeded.zoe.id)
    written = export_markdown(target)
    assert sorted(p.name for p in target.iterdir()) == sorted(p.name for p in written)
    assert not (target / f"{ZOE}.md").exists()
    assert sorted(p.name for p in place.iterdir()) == ["export"]


def test_markdown_failure_midway_leaves_no_half_export(seeded, place, monkeypatch):
    target = place / "export"
    export_markdown(target)
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    people.update_person(seeded.ana.id, role="Changed")

    def full_disk(*args: object) -> str:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(markdown_module, "_index", full_disk)
    with pytest.raises(JournalError, match="No space left"):
        export_markdown(target)
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before
    assert sorted(p.name for p in place.iterdir()) == ["export"]


# -- a fixed number of queries ----------------------------------------------------------------


@pytest.mark.parametrize(
    "export",
    [
        lambda folder: export_vcards(),
        lambda folder: export_csv(),
        lambda folder: export_ics(today=TODAY),
        lambda folder: export_markdown(folder / "out"),
    ],
    ids=["vcard", "csv", "ics", "markdown"],
)
def test_exports_use_a_fixed_number_of_queries(seeded, export, tmp_path):
    with count_queries() as before:
        export(tmp_path)
    grow()
    with count_queries() as after:
        export(tmp_path)
    assert after.count == before.count


def test_markdown_keeps_a_previous_export_holding_other_files(seeded, place):
    target = place / "export"
    export_markdown(target)
    (target / "photo.jpg").write_bytes(b"\xff\xd8")
    with pytest.raises(JournalError, match="not empty"):
        export_markdown(target)
    assert (target / "photo.jpg").exists() and (target / "index.md").exists()
    assert sorted(p.name for p in place.iterdir()) == ["export"]


def test_markdown_into_an_empty_folder(seeded, place):
    target = place / "empty"
    target.mkdir()
    assert len(export_markdown(target)) == 4
    assert sorted(p.name for p in place.iterdir()) == ["empty"]


def test_markdown_into_a_missing_parent_raises(seeded, place):
    with pytest.raises(JournalError, match="is not a folder"):
        export_markdown(place / "missing" / "export")
    assert list(place.iterdir()) == []


def test_markdown_swap_failure_restores_the_previous_export(seeded, place, monkeypatch):
    target = place / "export"
    export_markdown(target)
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    real_replace = markdown_module.os.replace
    moves: list[object] = []

    def refuse_second_move(source: object, destination: object) -> None:
        moves.append(source)
        if len(moves) == 2:  # the new export into place, after the old one moved aside
            raise OSError(13, "Permission denied")
        real_replace(source, destination)

    monkeypatch.setattr(markdown_module.os, "replace", refuse_second_move)
    with pytest.raises(JournalError, match="Permission denied"):
        export_markdown(target)
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before
    assert sorted(p.name for p in place.iterdir()) == ["export"]


def test_ics_reconnects_follow_tag_cadences(journal):
    from journal import tags

    person = people.add_person("Tagged", tags=["Bakers"])
    notes.add_note(person.id, "hello", occurred_at="2026-11-20T10:00")
    tags.set_tag_cadence("Bakers", 14)
    cal = parse_ics(export_ics(today=TODAY))
    (event,) = cal.vevent_list
    assert event.summary.value == "Reconnect with Tagged"
    assert event.dtstart.value == dt.date(2026, 12, 4)
    assert event.description.value == "Keep in touch every 14 days."


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("She said **January is hell** every year", "She said January is hell every year"),
        ("asked what *good* looks like", "asked what good looks like"),
        ("# Call\n- item\n> quoted", "Call\nitem\nquoted"),
        ("cut in the middle of **board rev", "cut in the middle of board rev"),
        ("see [the site](https://example.org) and `code`", "see the site and code"),
        ("snake_case_name and 2 * 3 * 4 stay", "snake_case_name and 2 * 3 * 4 stay"),
        ("- [x] sent the \\*draft\\*", "sent the *draft*"),
        (
            "plain words: budget - tight, 10 > 9 (fine)",
            "plain words: budget - tight, 10 > 9 (fine)",
        ),
        ("first line\n   > quoted after spaces\n+ added", "first line\nquoted after spaces\nadded"),
        ("~~struck~~ out", "struck out"),
    ],
)
def test_markdown_read_as_plain_text(markdown: str, text: str) -> None:
    from journal.exports.md import plain

    assert plain(markdown) == text
