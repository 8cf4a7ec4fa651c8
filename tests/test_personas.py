"""Personas, objection themes, the questions after a no and the weak-no hint, on a real journal."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from peewee import SqliteDatabase
from playhouse.migrate import SqliteMigrator
from playhouse.test_utils import assert_query_count

from journal import decisions, goals, pains, people, personas, search, storage, tags
from journal.brief import brief_markdown
from journal.errors import JournalError
from journal.interchange import VERSION, export_journal, import_journal
from journal.lessons import lessons
from journal.migrations import all_migrations
from journal.storage import Journal, open_journal
from journal.themes import THEMES, caveat_in, suggest_theme

pytestmark = pytest.mark.both_backends

# Objections as sellers write them down, with the theme a person would give them.
PHRASINGS = [
    ("Costs more than her bookkeeper", "price"),
    ("Price: half a junior designer", "price"),
    ("Pricing per client vs. a flat fee", "price"),
    ("Too expensive for a shop our size", "price"),
    ("No budget left this year", "price"),
    ("Can't afford a retainer", "price"),
    ("Not now, maybe after Q3", "timing"),
    ("Busy with the move until spring", "timing"),
    ("Next year, once the second shop is open", "timing"),
    ("Tax season, ask again in May", "timing"),
    ("Board has to approve anything over £5k", "authority"),
    ("Her father still signs every cheque", "authority"),
    ("Not my call, the partners decide", "authority"),
    ("Co-partner not in the room", "authority"),
    ("Already has an in-house bookkeeper", "need"),
    ("Does it himself on a spreadsheet", "need"),
    ("We don't need monthly reports", "need"),
    ("Got burned by the last bookkeeper", "trust"),
    ("Doesn't know the quality of my reconciliations", "trust"),
    ("Worried about handing over client data", "trust"),
    ("Too small for a fractional CFO", "fit"),
    ("Uses different software (Sage), we work in Xero", "fit"),
    ("Zu teuer für uns", "price"),
    ("Nicht jetzt, vielleicht später", "timing"),
    ("Trop cher pour l'instant", "price"),
    ("Il faut demander au conseil", "authority"),
    ("Ahora no, el año que viene", "timing"),
    ("El precio es alto", "price"),
    ("Te duur voor ons", "price"),
    ("Niet nu, volgend jaar", "timing"),
    ("Liked the colours of the website", "other"),
]


@pytest.mark.parametrize(("text", "theme"), PHRASINGS, ids=[t for t, _ in PHRASINGS])
def test_theme_suggested_from_real_phrasings(text: str, theme: str) -> None:
    assert suggest_theme(text) == theme


@pytest.mark.parametrize(
    ("reason", "caveat"),
    [
        ("Not now, the shop is being refitted", "Not now"),
        ("No. Maybe later in the year", "Maybe"),
        ("Not unless the price comes down", "unless"),
        ("Nothing until the new CFO starts", "until"),
        ("There's no budget for it", "budget"),
        ("I need to think about it", "need to think"),
        ("Not sure it's for us", "Not sure"),
        ("Ask me after Christmas", "after Christmas"),
        ("Nein, vielleicht nächstes Jahr", "vielleicht"),
        ("We went with someone else", None),
        ("Does the books herself and loves it", None),
    ],
)
def test_caveats_in_a_reason(reason: str, caveat: str | None) -> None:
    assert caveat_in(reason) == caveat


def test_a_strong_no_with_a_caveat_looks_weak_and_is_never_changed(journal: Journal) -> None:
    ana = people.add_person("Ana")
    hedged = decisions.record_decision(ana.id, "Retainer", "strong_no", reason="Not this year")
    assert decisions.looks_like_weak_no(hedged) == "Not this year"
    assert decisions.get_decision(hedged.id).outcome == "strong_no"
    by_objection = decisions.record_decision(
        ana.id, "Audit", "strong_no", objections=["No budget until April"]
    )
    assert decisions.looks_like_weak_no(by_objection) == "budget"
    firm = decisions.record_decision(ana.id, "Payroll", "strong_no", reason="Happy with theirs")
    assert decisions.looks_like_weak_no(firm) is None
    weak = decisions.record_decision(ana.id, "Stock", "weak_no", reason="Not now")
    assert decisions.looks_like_weak_no(weak) is None
    revisit = dt.date.today() + dt.timedelta(days=60)
    changed = decisions.update_decision(hedged.id, outcome="weak_no", revisit_on=revisit)
    assert (changed.outcome, changed.revisit_on) == ("weak_no", revisit)


def test_objection_theme_suggested_then_changed(journal: Journal) -> None:
    ana = people.add_person("Ana")
    d = decisions.record_decision(ana.id, "Retainer", "weak_no", objections=["Too expensive"])
    assert d.objections[0].theme == "price"
    d = decisions.add_objection(d.id, "The board decides")
    assert d.objections[1].theme == "authority"
    d = decisions.add_objection(d.id, "Hmm", theme="trust")
    assert d.objections[2].theme == "trust"
    d = decisions.set_objection_theme(d.objections[0].id, "timing")
    assert [o.theme for o in d.objections] == ["timing", "authority", "trust"]
    with pytest.raises(JournalError, match=r"theme: 'cost' is not one of price, timing"):
        decisions.set_objection_theme(d.objections[0].id, "cost")
    with pytest.raises(JournalError, match="theme"):
        decisions.add_objection(d.id, "Something", theme="")
    assert [o.theme for o in decisions.get_decision(d.id).objections] == [
        "timing",
        "authority",
        "trust",
    ]


def test_the_three_answers_are_kept_searched_and_in_lessons(journal: Journal) -> None:
    ana = people.add_person("Ana")
    d = decisions.record_decision(
        ana.id,
        "Retainer",
        "strong_no",
        better_solution="A one-off clean-up of the ledger",
    )
    d = decisions.update_decision(d.id, better_fit="Quarterly, not monthly", expected="A quote")
    assert (d.better_solution, d.better_fit, d.expected) == (
        "A one-off clean-up of the ledger",
        "Quarterly, not monthly",
        "A quote",
    )
    assert [h.record_id for h in search.search("ledger")] == [d.id]
    assert [h.record_id for h in search.search("quarterly")] == [d.id]
    [row] = lessons()
    assert "How could we have been a better fit? Quarterly, not monthly" in row.text
    assert [r.decision_id for r in lessons("quote")] == [d.id]
    with pytest.raises(JournalError, match="better_price: not a field of a decision"):
        decisions.record_decision(ana.id, "X", "strong_no", better_price="no")
    with pytest.raises(JournalError, match="expected: expected text"):
        decisions.update_decision(d.id, expected=3)
    assert decisions.get_decision(d.id).expected == "A quote"


def persona_journal() -> dict[str, int]:
    """Three CFOs, an owner who is both, and someone in the trash."""
    ids = {}
    for name, tag_names in (
        ("Ana", ["CFO"]),
        ("Bruno", ["CFO", "founder"]),
        ("Carla", ["CFO"]),
        ("Dora", ["founder"]),
        ("Gone", ["CFO"]),
    ):
        ids[name] = people.add_person(name, tags=tag_names).id
    people.trash_person(ids["Gone"])
    tags.set_persona("CFO", True)
    tags.set_messaging("CFO", "Open with the **board pack**, never with software.")
    goals.add_goal(ids["Ana"], "Close the month in five days")
    goals.add_goal(ids["Bruno"], "close the month in 5 days!")
    goals.add_goal(ids["Carla"], "Close the month in five days.")
    goals.add_goal(ids["Carla"], "Hire a controller")
    goals.add_goal(ids["Carla"], "Done already", status="attained")
    goals.add_goal(ids["Gone"], "Close the month in five days")
    pains.add_pain(ids["Ana"], "Board asks questions she cannot answer")
    decisions.record_decision(ids["Ana"], "Monthly board pack", "yes", reason="Saves her a day")
    decisions.record_decision(
        ids["Bruno"],
        "Monthly board pack",
        "strong_no",
        objections=["Too expensive", "Partner decides"],
        lesson="Start with one pack",
        better_fit="Quarterly would do",
    )
    decisions.record_decision(ids["Carla"], "Monthly board pack.", "weak_no", objections=["Cost"])
    decisions.record_decision(ids["Carla"], "Cash-flow forecast", "undecided")
    decisions.record_decision(ids["Dora"], "Monthly board pack", "yes")
    return ids


def test_persona_gathers_its_people(journal: Journal) -> None:
    ids = persona_journal()
    [cfo] = personas.personas()
    assert cfo.name == "CFO" and cfo.messaging.startswith("Open with the **board pack**")
    assert [name for _, name in cfo.people] == ["Ana", "Bruno", "Carla"]
    assert [(g.text, g.people) for g in cfo.goals] == [
        ("Close the month in five days", ("Ana", "Bruno", "Carla")),
        ("Hire a controller", ("Carla",)),
    ]
    assert [g.text for g in cfo.pains] == ["Board asks questions she cannot answer"]
    assert [(m.person_name, m.text) for m in cfo.yes_reasons] == [("Ana", "Saves her a day")]
    themes = dict(cfo.objections)
    assert list(themes) == ["price", "authority"]
    assert [(m.person_name, m.text) for m in themes["price"]] == [
        ("Bruno", "Too expensive"),
        ("Carla", "Cost"),
    ]
    [lesson] = cfo.lessons
    assert (lesson.person_id, lesson.lesson) == (ids["Bruno"], "Start with one pack")
    assert lesson.answers == (("How could we have been a better fit?", "Quarterly would do"),)
    offers = {o.offer: dict(o.people_by_outcome) for o in cfo.offers}
    assert offers == {
        "Monthly board pack": {"yes": 1, "strong_no": 1, "weak_no": 1},
        "Cash-flow forecast": {"undecided": 1},
    }
    every_mention = [m for g in cfo.goals for m in g.mentions]
    assert ids["Gone"] not in {m.person_id for m in every_mention}
    assert all(m.person_id in {ids["Ana"], ids["Bruno"], ids["Carla"]} for m in every_mention)


@pytest.mark.parametrize(
    ("a", "b", "together"),
    [
        ("Close the month in five days", "close the month in 5 days!", True),
        ("Cash-flow, every month", "cash flow every month", True),
        ("Hire a controller", "Hire a bookkeeper", False),
        ("Open a second shop", "Open a third shop", False),
    ],
)
def test_near_identical_texts_are_one_group(a: str, b: str, together: bool) -> None:
    mentions = [
        personas.Mention(i, n, t, "goal", i) for i, (n, t) in enumerate([("A", a), ("B", b)])
    ]
    groups = personas.group_texts(mentions)
    assert len(groups) == (1 if together else 2)


def test_persona_page_reads_in_a_fixed_number_of_queries(journal: Journal) -> None:
    persona_journal()
    with assert_query_count(6):
        personas.personas()
    for i in range(30):
        pid = people.add_person(f"More {i}", tags=["CFO"]).id
        goals.add_goal(pid, f"Goal {i}")
        decisions.record_decision(pid, "Monthly board pack", "weak_no", objections=["Price"])
    with assert_query_count(6):
        [cfo] = personas.personas()
    assert len(cfo.people) == 33


def test_persona_flag_and_note_errors(journal: Journal) -> None:
    people.add_person("Ana", tags=["CFO"])
    with pytest.raises(JournalError, match="no tag called 'CEO'"):
        tags.set_persona("CEO", True)
    with pytest.raises(JournalError, match="persona: expected true or false"):
        tags.set_persona("CFO", "yes")
    with pytest.raises(JournalError, match="messaging: expected text"):
        tags.set_messaging("CFO", 42)
    assert personas.personas() == []
    info = tags.set_persona("cfo", True)
    assert (info.name, info.people, info.persona) == ("CFO", 1, True)
    assert personas.persona_names() == ["CFO"]


def test_brief_carries_the_messaging_note_and_the_answers(journal: Journal, qapp, tmp_path):
    ids = persona_journal()
    text = brief_markdown(ids["Bruno"])
    assert "## Talking to CFO\n\nOpen with the **board pack**, never with software." in text
    assert "How could we have been a better fit?* Quarterly would do" not in text
    assert "How could we have been a better fit? Quarterly would do" in text
    assert "Talking to" not in brief_markdown(ids["Dora"])
    tags.set_persona("CFO", False)
    assert "Talking to" not in brief_markdown(ids["Bruno"])
    tags.set_persona("CFO", True)
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed: the PDF's text cannot be read back")
    from ui.brief_pdf import write_brief_pdf

    path = tmp_path / "brief.pdf"
    write_brief_pdf(brief_markdown(ids["Bruno"]), path, "Meeting brief · Bruno")
    pdf_text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Talking to CFO" in pdf_text and "never with software" in pdf_text


def test_interchange_round_trip_keeps_personas(journal: Journal, tmp_path: Path) -> None:
    persona_journal()
    first = export_journal()
    assert first["version"] == VERSION
    assert {"name": "CFO", "cadence_days": None, "persona": True} | {
        "messaging": "Open with the **board pack**, never with software."
    } in first["tags"]
    bruno = next(p for p in first["people"] if p["name"] == "Bruno")
    assert bruno["decisions"][0]["better_fit"] == "Quarterly would do"
    assert [o["theme"] for o in bruno["decisions"][0]["objections"]] == ["price", "authority"]
    journal.close()
    other = open_journal(tmp_path / "copy.sqlite")
    import_journal(first)
    [cfo] = personas.personas()
    assert cfo.messaging.endswith("never with software.")
    second = export_journal()
    for doc in (first, second):
        doc.pop("exported_at")
        for p in doc["people"]:
            p.pop("id")
        doc.pop("referrals")
    assert second == first
    other.close()


def test_a_version_1_file_still_imports_with_themes_suggested(journal: Journal) -> None:
    doc = {
        "format": "rapport-journal",
        "version": 1,
        "tags": [{"name": "CFO", "cadence_days": 30}],
        "people": [
            {
                "name": "Ana",
                "tags": ["CFO"],
                "decisions": [
                    {
                        "offer": "Retainer",
                        "outcome": "weak_no",
                        "objections": [{"text": "Too expensive"}, {"text": "Ask the board"}],
                    }
                ],
            }
        ],
    }
    import_journal(doc)
    [d] = decisions.all_decisions()
    assert [o.theme for o in d.objections] == ["price", "authority"]
    assert (d.better_solution, d.better_fit, d.expected) == ("", "", "")
    [info] = tags.tag_infos()
    assert (info.persona, info.messaging, info.cadence_days) == (False, "", 30)


def test_a_bad_theme_in_a_file_writes_nothing(journal: Journal) -> None:
    doc = {
        "format": "rapport-journal",
        "version": 2,
        "people": [
            {
                "name": "Ana",
                "decisions": [{"offer": "R", "objections": [{"text": "x", "theme": "money"}]}],
            }
        ],
    }
    with pytest.raises(JournalError, match=r"people\[0\]\.decisions\[0\]\.objections\[0\]\.theme"):
        import_journal(doc)
    assert people.count_people(include_trashed=True) == 0


PERSONAS_VERSION = next(
    m.version for m in all_migrations() if m.name.endswith("_personas_and_themes")
)


def make_journal_from_before_personas(path: Path) -> None:
    """A journal as the version before personas left it, built by the migrations up to then."""
    db = SqliteDatabase(str(path), pragmas={"foreign_keys": 1})
    db.connect()
    migrator = SqliteMigrator(db)
    for migration in all_migrations()[: PERSONAS_VERSION - 1]:
        migration.module.up(migrator, db)
    db.execute_sql(f"PRAGMA user_version = {PERSONAS_VERSION - 1}")
    stamp = "'2025-01-01 09:00:00'"
    db.execute_sql(
        "INSERT INTO person (id, name, company, role, emails, phones, location, how_we_met,"
        f" about, fit, focus, created_at, updated_at) VALUES (1, 'Ana', '', '', '[]', '[]', '',"
        f" '', '', 'good', 0, {stamp}, {stamp})"
    )
    db.execute_sql("INSERT INTO tag (id, name) VALUES (1, 'CFO')")
    db.execute_sql("INSERT INTO person_tag (person_id, tag_id) VALUES (1, 1)")
    db.execute_sql(
        "INSERT INTO decision (id, person_id, offer, outcome, decided_on, reason, lesson,"
        f" created_at, updated_at) VALUES (1, 1, 'Retainer', 'strong_no', '2025-01-01',"
        f" 'Not now', 'Too early', {stamp}, {stamp})"
    )
    for i, text in enumerate(("Too expensive", "Her partner decides", "Hmm"), start=1):
        db.execute_sql(
            "INSERT INTO objection (id, decision_id, text, addressed, created_at)"
            f" VALUES ({i}, 1, ?, 0, {stamp})",
            (text,),
        )
    db.close()


def test_a_journal_from_before_personas_is_backed_up_and_migrated(journal_path: Path) -> None:
    make_journal_from_before_personas(journal_path)
    with storage.open_journal(journal_path) as journal:
        assert journal.migrated_from == PERSONAS_VERSION - 1
        assert journal.backup_path is not None and journal.backup_path.exists()
        [d] = decisions.all_decisions()
        assert [o.theme for o in d.objections] == ["price", "authority", "other"]
        assert (d.better_solution, d.better_fit, d.expected) == ("", "", "")
        assert decisions.looks_like_weak_no(d) == "Not now"
        assert [(t.name, t.persona, t.messaging) for t in tags.tag_infos()] == [("CFO", False, "")]
        assert storage.check(journal).ok
    backup = sqlite3.connect(journal.backup_path)
    assert backup.execute("PRAGMA user_version").fetchone()[0] == PERSONAS_VERSION - 1
    columns = {row[1] for row in backup.execute("PRAGMA table_info(objection)")}
    assert "theme" not in columns
    backup.close()


def test_every_theme_has_a_label() -> None:
    from journal.themes import RULES, THEME_LABELS

    assert set(THEME_LABELS) == set(THEMES)
    assert set(RULES) == set(THEMES) - {"other"}
