"""The meeting brief: every section for a full person, none for an empty one, and its PDF."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from journal import decisions, followups, goals, notes, pains, people, referrals
from journal.brief import brief_markdown
from journal.records import PersonRecord
from journal.storage import Journal

pytestmark = pytest.mark.both_backends

TODAY = dt.date(2026, 11, 23)
SECTIONS = (
    "## Referrals",
    "## Open goals",
    "## Open pains",
    "## Decisions",
    "## Objections still open",
    "## Lessons",
    "## Follow-ups promised",
    "## Last notes",
)


def headings(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("## ")]


def full_person() -> PersonRecord:
    """A person with every kind of record, including finished ones the brief leaves out."""
    bob = people.add_person("Bob Martin")
    ana = people.add_person(
        "Ana María García",
        company="Boulangerie du Port, SARL",
        role="Owner; head baker",
        how_we_met="Bakers' fair",
        met_on="2025-03-03",
        about="Hates *long* calls.",
        fit="good",
        focus=True,
        cadence_days=30,
        tags=["Owner-operator", "שלום"],
    )
    carla = people.add_person("Carla 🍞 Nüñez")
    referrals.add_referral(bob.id, ana.id, on="2025-03-01", context="Vouched for us")
    referrals.add_referral(ana.id, carla.id, on="2025-09-10", context="Same stock problem")
    goals.add_goal(ana.id, "Open a fourth shop", why="Her daughter wants one.")
    goals.add_goal(ana.id, "Attained goal", status="attained")
    pains.add_pain(ana.id, "Paper stock counts", ramifications="Two hours every night.")
    pains.add_pain(ana.id, "Relieved pain", status="relieved")
    weak = decisions.record_decision(
        ana.id,
        "Stock tracking",
        "weak_no",
        decided_on="2025-06-12",
        reason="Timing",
        lesson="Offer a pilot first",
        revisit_on="2026-12-01",
        objections=["Price for three shops", "Addressed worry"],
    )
    decisions.update_objection(weak.objections[1].id, addressed=True)
    decisions.record_decision(ana.id, "Price alerts", "yes", decided_on="2025-09-01")
    followups.add_follow_up(ana.id, "Send the pilot proposal", "2026-11-20")
    done = followups.add_follow_up(ana.id, "Finished follow-up", "2026-11-01")
    followups.complete_follow_up(done.id)
    for i, day in enumerate(("2025-03-05", "2026-09-20", "2026-10-02", "2026-11-18"), start=1):
        notes.add_note(ana.id, f"Note number {i}", kind="call", occurred_at=f"{day}T09:15")
    return ana


def test_full_person_has_every_section_in_order(journal: Journal):
    text = brief_markdown(full_person().id, today=TODAY)
    assert text.startswith("# Ana María García\n")
    assert headings(text) == list(SECTIONS)
    assert "Nothing recorded yet" not in text
    assert "Owner; head baker at Boulangerie du Port, SARL" in text
    assert "Good fit · on the focus list" in text
    assert "**Tags:** Owner-operator, שלום" in text
    assert "**How we met:** Bakers' fair (3 Mar 2025)" in text
    assert "Hates *long* calls." in text
    assert (
        "**In touch:** last note 18 Nov 2026; keep in touch every 30 days, next by 18 Dec 2026"
        in text
    )


def test_full_person_section_contents(journal: Journal):
    text = brief_markdown(full_person().id, today=TODAY)
    sections = dict(zip(SECTIONS, re.split(r"^## .*$", text, flags=re.M)[1:], strict=True))
    assert "Referred by **Bob Martin**, 1 Mar 2025 — Vouched for us" in sections["## Referrals"]
    assert "Introduced **Carla 🍞 Nüñez**, 10 Sep 2025" in sections["## Referrals"]
    assert "**Referral credit:** introduced 1 person" in sections["## Referrals"]
    assert "**Open a fourth shop** — Her daughter wants one." in sections["## Open goals"]
    assert "Attained goal" not in text
    assert "**Paper stock counts** — Two hours every night." in sections["## Open pains"]
    assert "Relieved pain" not in text
    assert "weak no, 12 Jun 2025; revisit 1 Dec 2026 — Timing" in sections["## Decisions"]
    assert "**Price alerts**: yes, 1 Sep 2025" in sections["## Decisions"]
    assert "Price for three shops" in sections["## Objections still open"]
    assert "Addressed worry" not in text
    assert "Offer a pilot first" in sections["## Lessons"]
    assert "**20 Nov 2026** (overdue) — Send the pilot proposal" in text
    assert "Finished follow-up" not in text


def test_only_the_last_three_notes_newest_first(journal: Journal):
    text = brief_markdown(full_person().id, today=TODAY)
    last = text.split("## Last notes", 1)[1]
    assert "Note number 1" not in text
    assert last.index("Note number 4") < last.index("Note number 3") < last.index("Note number 2")
    assert "### 18 Nov 2026, 09:15 · call" in last


def test_referral_credit_for_someone_who_never_said_yes(journal: Journal):
    full_person()
    bob = people.find_people("Bob Martin")[0]
    text = brief_markdown(bob.id, today=TODAY)
    assert "introduced 1 person, without ever saying yes" in text
    assert headings(text) == ["## Referrals"]


def test_person_without_history_says_so(journal: Journal):
    person = people.add_person("New Person", company="Acme")
    text = brief_markdown(person.id, today=TODAY)
    assert headings(text) == []
    assert text.rstrip().endswith("*Nothing recorded yet.*")
    assert "**Fit:** Fit not known yet" in text
    assert "**Works at:** Acme" in text and "**In touch:** no notes yet" in text


def test_empty_sections_are_left_out(journal: Journal):
    person = people.add_person("Only Notes")
    notes.add_note(person.id, "Just one note")
    text = brief_markdown(person.id, today=TODAY)
    assert headings(text) == ["## Last notes"]
    assert "Nothing recorded yet" not in text


def test_names_and_offers_cannot_break_the_layout(journal: Journal):
    person = people.add_person("# Not *a* heading [x]")
    decisions.record_decision(person.id, "- not a list", "undecided", objections=["1. no"])
    text = brief_markdown(person.id, today=TODAY)
    assert text.startswith(r"# \# Not \*a\* heading \[x\]")
    assert r"- \1. no" in text
    assert r"**\- not a list**" in text


def test_long_text_is_never_cut(journal: Journal):
    person = people.add_person("Long")
    body = "word " * 3000
    goals.add_goal(person.id, "A goal", why=body)
    notes.add_note(person.id, body)
    text = brief_markdown(person.id, today=TODAY)
    assert text.count(body.strip()) == 2


# -- PDF --------------------------------------------------------------------------------------


def pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def test_brief_pdf_is_one_or_two_pages(journal: Journal, qapp, tmp_path: Path):
    from ui.brief_pdf import write_brief_pdf

    ana = full_person()
    path = tmp_path / "brief.pdf"
    write_brief_pdf(brief_markdown(ana.id, today=TODAY), path, f"Meeting brief · {ana.name}")
    pdf = path.read_bytes()
    assert pdf.startswith(b"%PDF")
    assert 1 <= pages(pdf) <= 2
    assert pdf.rstrip().endswith(b"%%EOF")
    assert b"/Title" in pdf
    assert not list(tmp_path.glob(".*"))  # no temporary file left


def test_brief_pdf_of_a_long_brief_has_more_pages(journal: Journal, qapp, tmp_path: Path):
    from ui.brief_pdf import write_brief_pdf

    person = people.add_person("Long")
    goals.add_goal(person.id, "A goal", why="word " * 3000)
    path = tmp_path / "long.pdf"
    write_brief_pdf(brief_markdown(person.id, today=TODAY), path, "Meeting brief · Long")
    assert pages(path.read_bytes()) >= 2


def test_brief_pdf_to_an_unwritable_place_raises(qapp, tmp_path: Path):
    from ui.brief_pdf import write_brief_pdf

    with pytest.raises(OSError):
        write_brief_pdf("# Title", tmp_path / "missing" / "brief.pdf", "Brief")


def test_headings_typed_in_notes_do_not_outrank_the_brief(journal: Journal):
    person = people.add_person("Notes With Headings")
    body = "# Big title\n\n```\n# not a heading, code\n```\n\n## Smaller ##"
    notes.add_note(person.id, body)
    text = brief_markdown(person.id, today=TODAY)
    assert headings(text) == ["## Last notes"]
    assert "**Big title**" in text and "**Smaller**" in text
    assert "```\n# not a heading, code\n```" in text
