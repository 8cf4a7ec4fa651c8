"""How a write operation runs: one transaction, and a record of the kinds and people it changed."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterator
from typing import ParamSpec, TypeVar

from .changes import record
from .models import database as db
from .records import PersonRecord

P = ParamSpec("P")
R = TypeVar("R")


def writes(*kinds: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Run the operation in one transaction; once it succeeded, record `kinds` for the people
    its result names (a record's person, a referral's two people) and its `person_id` argument."""

    def decorate(operation: Callable[P, R]) -> Callable[P, R]:
        signature = inspect.signature(operation)
        takes_person = "person_id" in signature.parameters

        @functools.wraps(operation)
        def run(*args: P.args, **kwargs: P.kwargs) -> R:
            with db.atomic():
                result = operation(*args, **kwargs)
            person_ids = set(people_in(result))
            if takes_person:
                person_ids.add(signature.bind(*args, **kwargs).arguments["person_id"])
            for kind in kinds:
                record(kind, *person_ids)
            return result

        run.writes = kinds  # type: ignore[attr-defined]
        return run

    return decorate


def people_in(result: object) -> Iterator[int]:
    """The person ids a returned record (or a list of them) belongs to."""
    if isinstance(result, list | tuple):
        for item in result:
            yield from people_in(item)
        return
    for name in ("person_id", "referrer_id", "referred_id"):
        if isinstance(value := getattr(result, name, None), int):
            yield value
    if isinstance(result, PersonRecord):
        yield result.id
