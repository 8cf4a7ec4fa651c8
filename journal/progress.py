"""How long work reports how far it got, and how it is stopped: all or nothing.

A slow operation (import, export, copy, backup) takes `progress: Progress | None` and calls it
with (rows done, rows in all) as it goes. The caller may raise `Cancelled` from inside the
callback: the operation's transaction rolls back, so nothing of it is kept.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]


class Cancelled(Exception):
    """The person stopped the work; nothing of it was kept."""


def report(progress: Progress | None, done: int, total: int) -> None:
    """Tell `progress` (when there is one) how far the work got."""
    if progress is not None:
        progress(done, total)
