"""A person's timeline: notes, decisions, goals and pains in date order, and the calendar's
meetings with them (past and upcoming)."""

from __future__ import annotations

import datetime as dt

from . import decisions, goals, notes, pains
from .calendar.meetings import meetings_of
from .decisions import OUTCOME_LABELS
from .records import NoteRecord, TimelineEntry


def _at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0, 0))


def note_entry(note: NoteRecord) -> TimelineEntry:
    """A note as the timeline shows it (a note just saved joins the timeline without a re-read)."""
    detail: dict[str, object] = {"kind": note.kind, "author": note.author}
    return TimelineEntry("note", note.id, note.occurred_at, note.kind, note.body, detail)


def order(entry: TimelineEntry) -> tuple[dt.datetime, str, int]:
    """The timeline's order (oldest first)."""
    return (entry.when, entry.kind, entry.id)


def timeline(person_id: int, *, newest_first: bool = True) -> list[TimelineEntry]:
    """Everything that happened with a person (live records only)."""
    entries = [note_entry(n) for n in notes.notes_of(person_id)]
    for d in decisions.decisions_of(person_id):
        entries.append(
            TimelineEntry(
                "decision",
                d.id,
                _at(d.decided_on),
                f"{OUTCOME_LABELS[d.outcome]}: {d.offer}",
                d.reason,
                {
                    "outcome": d.outcome,
                    "lesson": d.lesson,
                    "revisit_on": d.revisit_on,
                    "open_objections": [o.text for o in d.open_objections],
                    "author": d.author,
                },
            )
        )
    for g in goals.goals_of(person_id):
        entries.append(
            TimelineEntry(
                "goal", g.id, g.created_at, g.text, g.why, {"status": g.status, "author": g.author}
            )
        )
    for p in pains.pains_of(person_id):
        entries.append(
            TimelineEntry(
                "pain",
                p.id,
                p.created_at,
                p.text,
                p.ramifications,
                {"status": p.status, "author": p.author},
            )
        )
    for m in meetings_of(person_id):
        entries.append(
            TimelineEntry(
                "meeting",
                m.id,
                m.starts_at,
                m.summary or "Meeting",
                "",
                {"ends_at": m.ends_at, "all_day": m.all_day},
            )
        )
    entries.sort(key=order, reverse=newest_first)
    return entries
