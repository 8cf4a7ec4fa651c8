"""The three tables of the Today page: people to reconnect with, decisions, follow-ups."""

from __future__ import annotations

from .decisions_model import objections_text, outcome_text
from .format import cadence, day
from .records_model import Column, RecordsModel


def reconnect_model(parent=None) -> RecordsModel:
    columns = (
        Column("Person", lambda p: p.name),
        Column("Company", lambda p: p.company),
        Column("Last touch", lambda p: day(p.last_touch) or "never"),
        Column("Cadence", lambda p: cadence(p.cadence_days)),
    )
    return RecordsModel(columns, lambda p: p.id, parent=parent)


def revisit_model(parent=None) -> RecordsModel:
    columns = (
        Column("Person", lambda d: d.person_name),
        Column("Offer", lambda d: d.offer, lambda d: d.reason),
        Column("Outcome", outcome_text),
        Column("Open objections", objections_text, objections_text),
    )
    return RecordsModel(columns, lambda d: d.person_id, parent=parent)


def follow_up_model(parent=None) -> RecordsModel:
    columns = (
        Column("Person", lambda f: f.person_name),
        Column("What", lambda f: f.what, lambda f: f.what),
        Column("Due", lambda f: day(f.due_on)),
    )
    return RecordsModel(columns, lambda f: f.person_id, parent=parent)
