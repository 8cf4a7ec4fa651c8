"""Where damage met anywhere in the window is reported: the running window's DamageWatch
registers itself here (ui/damage_watch.py), and the guard and the daily backup report to it."""

from __future__ import annotations

from collections.abc import Callable

from journal import faults
from journal.errors import JournalDamaged

_handlers: list[Callable[[BaseException], None]] = []


def register(handler: Callable[[BaseException], None]) -> Callable[[], None]:
    """`handler(exc)` hears of damage from now on; returns what unregisters it."""
    _handlers.append(handler)
    return lambda: _handlers.remove(handler) if handler in _handlers else None


def report(exc: BaseException) -> bool:
    """Hand damage met by `exc` to the registered handler; False when `exc` is not damage, or
    nobody listens (a page tested on its own)."""
    if not _handlers:
        return False
    if isinstance(exc, JournalDamaged) or faults.damaged(exc):
        _handlers[-1](exc)
        return True
    return False
