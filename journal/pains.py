"""Pains: what hurts a person, and the ramifications of not changing."""

from __future__ import annotations

from typing import Any

from . import search
from .aspects import Aspect
from .models import PAIN_STATUSES, Pain
from .records import PainRecord
from .writing import writes

PAINS = Aspect("pain", Pain, "ramifications", PAIN_STATUSES, search.index_pain, PainRecord)


@writes("pain")
def add_pain(
    person_id: int, text: str, *, ramifications: str = "", status: str = "open"
) -> PainRecord:
    return PAINS.add(person_id, text, ramifications, status)


@writes("pain")
def update_pain(pain_id: int, **changes: Any) -> PainRecord:
    """Change a pain's text, ramifications or status (open, relieved)."""
    return PAINS.update(pain_id, changes)


@writes("pain")
def trash_pain(pain_id: int) -> PainRecord:
    """Move a pain to the trash (one that went away is better marked relieved)."""
    return PAINS.trash(pain_id)


@writes("pain")
def restore_pain(pain_id: int) -> PainRecord:
    """Take a pain out of the trash, as it was."""
    return PAINS.restore(pain_id)


def pains_of(person_id: int, *, status: str | None = None) -> list[PainRecord]:
    return PAINS.of(person_id, status)
