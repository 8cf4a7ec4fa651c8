"""Columns of the Decisions table and of Today's "decisions to revisit" section."""

from __future__ import annotations

from journal.decisions import OUTCOME_LABELS
from journal.records import DecisionRecord

from .format import day
from .records_model import Column, RecordsModel


def outcome_text(d: DecisionRecord) -> str:
    label = OUTCOME_LABELS.get(d.outcome, d.outcome)
    return f"● {label}" if d.unfinished else label


def objections_text(d: DecisionRecord) -> str:
    return "; ".join(o.text for o in d.open_objections)


def _revisit(d: DecisionRecord) -> str:
    return day(d.revisit_on) if d.unfinished else ""


def _outcome_tip(d: DecisionRecord) -> str:
    return "Not finished yet: worth a revisit" if d.unfinished else ""


DECISION_COLUMNS = (
    Column("Person", lambda d: d.person_name),
    Column("Offer", lambda d: d.offer, lambda d: d.reason),
    Column("Outcome", outcome_text, _outcome_tip),
    Column("Decided", lambda d: day(d.decided_on)),
    Column("Revisit", _revisit),
    Column("Open objections", objections_text, objections_text),
)


def decisions_model(parent=None) -> RecordsModel:
    """A table of decisions; unfinished ones (weak no, undecided) are bold and marked ●."""
    return RecordsModel(
        DECISION_COLUMNS, lambda d: d.person_id, lambda d: d.unfinished, parent=parent
    )
