"""Goals: what a person is trying to achieve, and why it matters to them."""

from __future__ import annotations

from typing import Any

from . import search
from .aspects import Aspect
from .models import GOAL_STATUSES, Goal
from .records import GoalRecord
from .writing import writes

GOALS = Aspect("goal", Goal, "why", GOAL_STATUSES, search.index_goal, GoalRecord)


@writes("goal")
def add_goal(person_id: int, text: str, *, why: str = "", status: str = "open") -> GoalRecord:
    return GOALS.add(person_id, text, why, status)


@writes("goal")
def update_goal(goal_id: int, **changes: Any) -> GoalRecord:
    """Change a goal's text, why or status (open, attained, dropped)."""
    return GOALS.update(goal_id, changes)


@writes("goal")
def trash_goal(goal_id: int) -> GoalRecord:
    """Move a goal to the trash (one that no longer matters is better marked dropped)."""
    return GOALS.trash(goal_id)


@writes("goal")
def restore_goal(goal_id: int) -> GoalRecord:
    """Take a goal out of the trash, as it was."""
    return GOALS.restore(goal_id)


def goals_of(person_id: int, *, status: str | None = None) -> list[GoalRecord]:
    return GOALS.of(person_id, status)
