"""Pages that follow the session's changes and re-read only what a change touches, and only when
they are (or next become) visible (Anki's `op_executed` and `refresh_if_needed`)."""

from __future__ import annotations

from collections.abc import Callable, Set
from typing import Any, TypeVar

from PySide6.QtGui import QShowEvent

from journal import faults
from journal.changes import KINDS, Changes

from ..session import Session, run_write

T = TypeVar("T")
READ_LATER = (
    "The journal's server cannot be reached: this page shows what was read before, and is read "
    "again when the server is back."
)


class RefreshWhenShown:
    """Mixin for a page (list it before QWidget).

    `follow(session)` subscribes the page to `session.changed`. A change the page `shows` marks
    it: the whole page is read again (`refresh`) when the journal changed as a whole, else
    `people_changed(ids)` runs for the people touched; now if the page is showing, else the next
    time it is shown. A change the page itself made (`handler is self`) is not echoed back.
    The page sets `self.stale = False` in its `refresh`.
    """

    stale: bool = True
    kinds: Set[str] = KINDS - {"draft"}  # the kinds of record the page shows
    session: Session | None = None
    _pending: frozenset[int] = frozenset()

    def refresh(self) -> None:  # pragma: no cover - every page defines its own
        raise NotImplementedError

    def follow(self, session: Session) -> None:
        self.session = session
        session.changed.connect(self.journal_changed)

    def write(self, action: str, op: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """Run a write through the session (this page is its handler: no echo comes back)."""
        return run_write(self.session, self, action, op, *args, handler=self, **kwargs)  # type: ignore[arg-type]

    def shows(self, changes: Changes) -> bool:
        """True when `changes` touches what this page shows (pages narrow it further)."""
        return changes.touches(*self.kinds)

    def journal_changed(self, changes: Changes, handler: object = None) -> None:
        if handler is self or not self.shows(changes):
            return
        if changes.everything or not changes.person_ids:
            self.stale = True
        else:
            self._pending = self._pending | changes.person_ids
        if self.isVisible():  # type: ignore[attr-defined]
            self.catch_up()

    def people_changed(self, person_ids: frozenset[int]) -> None:
        """These people changed: by default the whole page is read again."""
        del person_ids
        self.refresh()

    def person_changed(self, person_id: int) -> None:
        """One person changed (said by hand, outside the session): as `people_changed`."""
        self._pending = self._pending | {person_id}
        if self.isVisible():  # type: ignore[attr-defined]
            self.catch_up()

    def catch_up(self) -> None:
        """Read what changed since the page last looked."""
        pending, self._pending = self._pending, frozenset()
        try:
            if self.stale:
                self.refresh()
            elif pending:
                self.people_changed(pending)
        except Exception as exc:
            if faults.classify(exc) is not faults.Fault.OFFLINE:
                raise
            self.stale = True  # read again when the server is back (it says so: everything)
            if self.session is not None:
                self.session.status(READ_LATER)

    def showEvent(self, event: QShowEvent) -> None:
        self.catch_up()
        super().showEvent(event)  # type: ignore[misc]
