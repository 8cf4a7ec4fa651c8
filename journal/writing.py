"""How a write operation runs: one transaction that takes the write lock first, a record of the
kinds and people it changed, and a patient wait while another Rapport is writing."""

from __future__ import annotations

import functools
import inspect
import time
from collections.abc import Callable, Iterator
from typing import ParamSpec, TypeVar

from . import dialect, faults
from .changes import Changes, add
from .errors import JournalBusy
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
            dialect.revive()
            with db.atomic():
                result = operation(*args, **kwargs)
            person_ids = set(people_in(result))
            if takes_person:
                person_ids.add(signature.bind(*args, **kwargs).arguments["person_id"])
            add(Changes(frozenset(kinds), frozenset(p for p in person_ids if p is not None)))
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


def patiently(
    operation: Callable[[], R],
    *,
    on_wait: Callable[[], None] | None = None,
    first: float = 1.0,
    limit: float = 60.0,
) -> R:
    """Run `operation`, waiting while another connection holds the journal's write lock.

    SQLite waits (and writes as soon as the lock is free) for `first` seconds; then `on_wait` is
    told, once, and the wait goes on up to `limit` seconds in all; past that JournalBusy is
    raised. Every write takes the lock when its transaction begins, so a busy operation has
    written nothing and running it again is safe.
    """
    started = time.monotonic()
    told = False
    wait = min(first, limit)
    while True:
        try:
            with dialect.lock_wait(wait):
                return operation()
        except Exception as exc:
            if faults.classify(exc) is not faults.Fault.BUSY or isinstance(exc, JournalBusy):
                raise
            left = limit - (time.monotonic() - started)
            if left <= 0:
                raise JournalBusy(
                    f"the journal is still busy after {limit:g} s: another Rapport (a window, an "
                    "import or a command) is writing to it; nothing was written"
                ) from exc
            if on_wait is not None and not told:
                on_wait()
                told = True
            wait = left
