"""Changes made on a person page as undoable commands on the window's undo stack: a field edit
(consecutive edits of one field merge into one), a removal, an outcome change."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoCommand
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

FIELD_EDIT = 1  # QUndoCommand.id() of field edits: only those merge


def preview(text: str, width: int = 40) -> str:
    """A record's text shortened to name it in a menu or the status bar."""
    return textwrap.shorten(text, width, placeholder=" …")


class Saver(Protocol):
    """What a change needs of the page's saver (ui.person.autosave.Saver)."""

    def run(self, what: str, action: str, op: Callable[..., Any], *args: Any, **kw: Any) -> Any: ...

    def status(self, text: str) -> None: ...

    def shown_again(self, place: Place) -> None: ...


@dataclass(frozen=True)
class Step:
    """One journal operation and what the person is told it was doing if it fails."""

    action: str
    op: Callable[..., Any]
    args: tuple[Any, ...] = ()
    kwargs: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Place:
    """What a change touched, to show it again after an undo or a redo."""

    person_id: int
    kind: str  # "person", "goal", "pain", "decision", "objection", "note", "referral"
    record_id: int
    field: str | None = None


class PageChange(QUndoCommand):
    """A change made on a person page. Pushing it does it; undo and redo run the journal
    operations through the page's saver, then show the person and what changed.

    `result` is what the first run returned (None if it failed: the command is then dropped).
    """

    def __init__(
        self,
        saver: Saver,
        text: str,
        what: str,
        do: Step,
        undo: Step,
        place: Place,
        *,
        done: str | None = None,
    ) -> None:
        super().__init__(text)
        self._saver = saver
        self._what = what
        self._do, self._undo = do, undo
        self.place = place
        self._done = done
        self._first = True
        self.result: Any = None

    def id(self) -> int:
        return FIELD_EDIT if self.place.field is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Consecutive edits of one field are one change: undo goes back to before the first."""
        if not isinstance(other, PageChange) or other.place != self.place:
            return False
        self._do = other._do
        if dict(self._do.kwargs) == dict(self._undo.kwargs):
            self.setObsolete(True)  # edited back to where it was: nothing left to undo
        return True

    def redo(self) -> None:
        result = self._run(self._do)
        if self._first:
            self._first = False
            self.result = result
            if result is None:
                self.setObsolete(True)
            elif self._done:
                self._saver.status(self._done)
            return
        if result is not None:
            self._saver.shown_again(self.place)
            self._saver.status(f"Redone: {self.text()}.")

    def undo(self) -> None:
        if self._run(self._undo) is not None:
            self._saver.shown_again(self.place)
            self._saver.status(f"Undone: {self.text()}.")

    def _run(self, step: Step) -> Any:
        return self._saver.run(self._what, step.action, step.op, *step.args, **step.kwargs)


class Addition(PageChange):
    """Adding a record: undo moves it to the trash, redo brings the same record back."""

    def __init__(
        self,
        saver: Saver,
        text: str,
        what: str,
        add: Step,
        trash: Callable[[int], Any],
        restore: Callable[[int], Any],
        person_id: int,
        kind: str,
        *,
        id_of: Callable[[Any], int] = lambda record: int(record.id),
    ) -> None:
        super().__init__(saver, text, what, add, add, Place(person_id, kind, 0))
        self._trash, self._restore, self._id_of = trash, restore, id_of

    def redo(self) -> None:
        first = self._first
        super().redo()
        if first and self.result is not None:
            record_id = self._id_of(self.result)
            kind = self.place.kind
            self.place = Place(self.place.person_id, kind, record_id)
            self._do = Step(f"Bringing back the {kind}", self._restore, (record_id,))
            self._undo = Step(f"Removing the {kind}", self._trash, (record_id,))


class TypingFirst(QObject):
    """Ctrl+Z in a text field undoes its own typing while it has some; with none left it goes
    to the window (Edit → Undo), as a field just loaded or saved has nothing of its own."""

    def watch(self, root: QWidget) -> None:
        for kind in (QLineEdit, QPlainTextEdit):
            for text_field in root.findChildren(kind):
                text_field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        if event.matches(QKeySequence.StandardKey.Undo):
            return not _can(watched, "undo")
        if event.matches(QKeySequence.StandardKey.Redo):
            return not _can(watched, "redo")
        return False


def _can(field: QObject, what: str) -> bool:
    """Whether a text field has typing of its own to undo (or redo)."""
    if isinstance(field, QLineEdit):
        return field.isUndoAvailable() if what == "undo" else field.isRedoAvailable()
    if isinstance(field, QPlainTextEdit):
        document = field.document()
        return document.isUndoAvailable() if what == "undo" else document.isRedoAvailable()
    return True
