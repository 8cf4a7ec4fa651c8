"""A one-page meeting brief about a person, as Markdown: what to remember before walking in."""

from __future__ import annotations

import datetime as dt

from . import (
    credit,
    decisions,
    followups,
    goals,
    listing,
    notes,
    pains,
    people,
    referrals,
    tags,
)
from .decisions import OUTCOME_LABELS
from .exports.md import block, document, inline, item, when
from .exports.text import day
from .records import DecisionRecord, PersonRecord, PersonRow

LAST_NOTES = 3
FIT_LABELS = {"good": "Good fit", "poor": "Poor fit", "unknown": "Fit not known yet"}


def _profile(p: PersonRecord, row: PersonRow, today: dt.date) -> str:
    lines = [f"# {inline(p.name)}"]
    facts = []
    if p.role:
        at = f" at {inline(p.company)}" if p.company else ""
        facts.append(f"- **Works as:** {inline(p.role)}{at}")
    elif p.company:
        facts.append(f"- **Works at:** {inline(p.company)}")
    if p.location:
        facts.append(f"- **Location:** {inline(p.location)}")
    fit = FIT_LABELS.get(p.fit, inline(p.fit))
    facts.append(f"- **Fit:** {fit}" + (" · on the focus list" if p.focus else ""))
    if p.tags:
        facts.append(f"- **Tags:** {', '.join(inline(t) for t in p.tags)}")
    if p.how_we_met:
        met_on = f" ({day(p.met_on)})" if p.met_on else ""
        facts.append(f"- **How we met:** {inline(p.how_we_met)}{met_on}")
    elif p.met_on:
        facts.append(f"- **Met on:** {day(p.met_on)}")
    touch = [f"last note {day(row.last_touch)}"] if row.last_touch else ["no notes yet"]
    due = row.next_reconnect
    if row.cadence_days and due:
        when_due = f"due since {day(due)}" if due < today else f"next by {day(due)}"
        touch.append(f"keep in touch every {row.cadence_days} days, {when_due}")
    facts.append(f"- **In touch:** {'; '.join(touch)}")
    if p.trashed_at:
        facts.append("- **In the trash** (restore to keep this person)")
    lines.append("\n".join(facts))
    if p.about:
        lines.append(block(p.about))
    return "\n\n".join(lines)


def _referrals(person_id: int) -> str:
    into = referrals.referred_by(person_id)
    out = referrals.referrals_from(person_id)
    if not into and not out:
        return ""
    lines = []
    for r in into:
        on = f", {day(r.on)}" if r.on else ""
        lines.append(item(f"Referred by **{inline(r.referrer_name)}**{on}", inline(r.context)))
    for r in out:
        on = f", {day(r.on)}" if r.on else ""
        lines.append(item(f"Introduced **{inline(r.referred_name)}**{on}", inline(r.context)))
    text = "## Referrals\n\n" + "\n".join(lines)
    c = credit.credit_of(person_id)
    if c.referred:
        people_word = "person" if c.referred == 1 else "people"
        if c.served_without_buying:
            note = "without ever saying yes: give them credit for the trust"
        else:
            note = "and has said yes to an offer"
        text += f"\n\n**Referral credit:** introduced {c.referred} {people_word}, {note}."
    return text


def _decision(d: DecisionRecord) -> str:
    head = f"**{inline(d.offer)}**: {OUTCOME_LABELS[d.outcome].lower()}, {day(d.decided_on)}"
    if d.unfinished and d.revisit_on:
        head += f"; revisit {day(d.revisit_on)}"
    return item(head, d.reason)


def _decisions(records: list[DecisionRecord]) -> list[str]:
    if not records:
        return []
    sections = ["## Decisions\n\n" + "\n".join(_decision(d) for d in records)]
    still_open = [
        item(inline(o.text), f"*{inline(d.offer)}*") for d in records for o in d.open_objections
    ]
    if still_open:
        sections.append("## Objections still open\n\n" + "\n".join(still_open))
    lessons = [item(f"*{inline(d.offer)}*", d.lesson, ": ") for d in records if d.lesson]
    for d in records:
        lessons.extend(
            item(f"*{inline(d.offer)}*: {inline(question)}", answer, " ")
            for question, answer in d.answers
        )
    if lessons:
        sections.append("## Lessons\n\n" + "\n".join(lessons))
    return sections


def brief_markdown(person_id: int, *, today: dt.date | None = None) -> str:
    """Who they are, how we met, what they want and fear, what they decided, what we promised."""
    today = today or dt.date.today()
    person = people.get_person(person_id)
    recent = notes.notes_of(person_id, limit=LAST_NOTES)
    open_goals = goals.goals_of(person_id, status="open")
    open_pains = pains.pains_of(person_id, status="open")
    past = decisions.decisions_of(person_id)
    promised = followups.follow_ups_of(person_id)
    row = listing.person_rows([person_id])[0]
    sections = [_profile(person, row, today)]
    sections.extend(
        f"## Talking to {inline(persona)}\n\n{block(note)}"
        for persona, note in tags.messaging_for(person_id)
    )
    sections.append(_referrals(person_id))
    if open_goals:
        lines = [item(f"**{inline(g.text)}**", g.why) for g in open_goals]
        sections.append("## Open goals\n\n" + "\n".join(lines))
    if open_pains:
        lines = [item(f"**{inline(p.text)}**", p.ramifications) for p in open_pains]
        sections.append("## Open pains\n\n" + "\n".join(lines))
    sections.extend(_decisions(past))
    if promised:
        lines = [
            item(
                f"**{day(f.due_on)}**" + (" (overdue)" if f.due_on < today else ""), inline(f.what)
            )
            for f in promised
        ]
        sections.append("## Follow-ups promised\n\n" + "\n".join(lines))
    if recent:
        entries = [f"### {when(n.occurred_at)} · {n.kind}\n\n{block(n.body)}" for n in recent]
        sections.append("## Last notes\n\n" + "\n\n".join(entries))
    if len([s for s in sections if s]) == 1:
        sections.append("*Nothing recorded yet.*")
    return document(sections)
