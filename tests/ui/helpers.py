"""Small helpers for driving the window from tests."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from journal import decisions, followups, people

CTRL = Qt.KeyboardModifier.ControlModifier


def press(qtbot, widget: QWidget, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, key, modifiers)


def add_people(*names: str, **fields) -> list[int]:
    return [people.add_person(name, **fields).id for name in names]


def sample_people() -> dict[str, int]:
    """A few people with a decision to revisit and a follow-up due."""
    ids = {
        "Ada Lovelace": people.add_person("Ada Lovelace", company="Analytical", fit="good").id,
        "Grace Hopper": people.add_person("Grace Hopper", company="Navy", focus=True).id,
        "Alan Turing": people.add_person("Alan Turing", company="Bletchley", tags=["ops"]).id,
    }
    yesterday = dt.date.today() - dt.timedelta(days=1)
    decisions.record_decision(
        ids["Grace Hopper"],
        "Quarterly workshop",
        "weak_no",
        decided_on=dt.date.today() - dt.timedelta(days=30),
        revisit_on=yesterday,
        objections=["Budget is frozen until spring"],
    )
    followups.add_follow_up(ids["Alan Turing"], "Send the case study", yesterday)
    return ids
