"""Where damage met anywhere in the window is reported: the running window's DamageWatch
registers itself here (ui/damage_watch.py), and the guard and the daily backup report to it."""

from __future__ import annotations

from collections.abc import Callable

from journal import faults
from journal.errors import JournalDamaged, JournalError

_handlers: list[Callable[[BaseException], bool]] = []


def register(handler: Callable[[BaseException], bool]) -> Callable[[], None]:
    """`handler(exc)` hears of damage from now on (True: it was the open journal's, and is
    handled); returns what unregisters it."""
    _handlers.append(handler)
    return lambda: _handlers.remove(handler) if handler in _handlers else None


def report(exc: BaseException) -> bool:
    """Hand damage met by `exc` to the registered handler; False when `exc` is not damage, or
    nobody listens (a page tested on its own)."""
    if not _handlers:
        return False
    if isinstance(exc, JournalDamaged):  # the open journal's, or another file's (a backup)
        return _handlers[-1](exc)
    if isinstance(exc, JournalError) or not faults.damaged(exc):
        return False  # a mistake, or a file that is not a journal: said as such
    return _handlers[-1](exc)
