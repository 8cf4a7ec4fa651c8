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


def stage(progress: Progress | None, start: int, end: int, whole: int) -> Progress | None:
    """A callback for one stage of longer work: its (done, total) is told to `progress` as the
    share from `start` to `end` of `whole` steps (planning an import, then writing it)."""
    if progress is None:
        return None
    outer = progress

    def inner(done: int, total: int) -> None:
        outer(start + (end - start) * done // max(total, 1), whole)

    return inner


def report(progress: Progress | None, done: int, total: int) -> None:
    """Tell `progress` (when there is one) how far the work got."""
    if progress is not None:
        progress(done, total)
