"""Saving as you edit: a Saver that runs journal operations through the session, and Binders
that tie one widget to one field and commit when the person has finished editing it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from ui.session import run_write

if TYPE_CHECKING:
    from ui.session import Session

    from .undo import PageChange, Place

DEBOUNCE_MS = 800


class Saver(QObject):
    """Runs a write through the session (the page is its handler, so the change it broadcasts
    is not echoed back to the page); announces each success with `saved`."""

    saved = Signal(str)  # what was saved: "person", "note", "goal", "decision", …
    message = Signal(str)  # for the status bar
    showAgain = Signal(object)  # an undo or redo changed this Place: show it

    def __init__(self, parent_widget: QWidget, session: Session | None = None) -> None:
        super().__init__(parent_widget)
        self._widget = parent_widget
        self.session = session
        self.undo_stack: QUndoStack | None = None
        self._replaying = False

    def push(self, command: PageChange) -> Any:
        """Make an undoable change (on the window's undo stack, when there is one); returns
        what its operation returned, or None if it failed."""
        if self.undo_stack is None or self._replaying:  # no push inside an undo or a redo
            command.redo()
        else:
            self.undo_stack.push(command)
        return command.result

    def status(self, text: str) -> None:
        self.message.emit(text)

    def after_queued(self, later: Callable[[Any], None]) -> bool:
        """When the write just asked for waits behind another Rapport's, run `later(result)`
        once it is in; False if it is not waiting (it failed, and the person was told)."""
        queued = self.session.queue.last() if self.session is not None else None
        if queued is None:
            return False
        queued.later = later
        return True

    def shown_again(self, place: Place) -> None:
        self._replaying = True
        try:
            self.showAgain.emit(place)
        finally:
            self._replaying = False

    def run(
        self,
        what: str,
        action: str,
        op: Callable[..., Any],
        *args: Any,
        later: Callable[[Any], None] | None = None,
        **kw: Any,
    ) -> Any:
        """The operation's result, or None if it failed (the person was told why) or waits
        behind another Rapport's write (then `later(result)` once it is in)."""
        widget = self._widget
        result = run_write(
            self.session, widget, action, op, *args, handler=widget, later=later, **kw
        )
        if result is not None:
            self.saved.emit(what)
        return result


class Binder(QObject):
    """One widget bound to one field: `commit(value) -> bool` runs when editing is finished.

    A value equal to the last loaded or saved one is not written again; a failed write keeps
    what was typed in the widget and is not retried until the value changes.
    """

    def __init__(
        self,
        widget: QWidget,
        get: Callable[[], Any],
        put: Callable[[Any], None],
        commit: Callable[[Any], bool],
        *,
        debounce: bool = False,
    ) -> None:
        super().__init__(widget)
        self.widget = widget
        self._get, self._put, self._commit = get, put, commit
        self._saved: Any = None
        self._failed: Any = object()
        self._busy = False
        self._timer: QTimer | None = None
        if debounce:
            self._timer = QTimer(self)
            self._timer.setSingleShot(True)
            self._timer.setInterval(DEBOUNCE_MS)
            self._timer.timeout.connect(self.commit_now)
            widget.installEventFilter(self)

    def value(self) -> Any:
        """What the widget holds now, as the field's value."""
        return self._get()

    def load(self, value: Any) -> None:
        """Show a stored value (no write)."""
        if self._timer is not None:
            self._timer.stop()
        blocked = self.widget.blockSignals(True)
        try:
            self._put(value)
        finally:
            self.widget.blockSignals(blocked)
        self._saved = self._get()
        self._failed = object()

    def refresh(self, value: Any) -> None:
        """Show a stored value again, unless the person is editing this widget (focus, or an
        edit not saved yet): what they typed wins over a reload."""
        focus = QApplication.focusWidget()
        if focus is not None and (focus is self.widget or self.widget.isAncestorOf(focus)):
            return
        if self._get() != self._saved:
            return
        self.load(value)

    def edited(self, *_: Any) -> None:
        """The widget changed: commit now, or after a pause for text areas."""
        if self._timer is not None:
            self._timer.start()
        else:
            self.commit_now()

    def cancel(self) -> None:
        """Drop a pending edit without writing it (the journal it belongs to is gone)."""
        if self._timer is not None:
            self._timer.stop()

    def flush(self) -> None:
        """Write a pending debounced edit now (before the person or record is switched)."""
        if self._timer is not None and self._timer.isActive():
            self._timer.stop()
            self.commit_now()

    def commit_now(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        value = self._get()
        if self._busy or value == self._saved or value == self._failed:
            return
        self._busy = True
        try:
            if self._commit(value):
                self._saved = value
            else:
                self._failed = value
        finally:
            self._busy = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.flush()
        return False


def bind_line(edit: QLineEdit, commit: Callable[[str], bool]) -> Binder:
    binder = Binder(edit, edit.text, lambda v: edit.setText(v or ""), commit)
    edit.editingFinished.connect(binder.edited)
    return binder


def bind_text(edit: QPlainTextEdit, commit: Callable[[str], bool]) -> Binder:
    binder = Binder(
        edit, edit.toPlainText, lambda v: edit.setPlainText(v or ""), commit, debounce=True
    )
    edit.textChanged.connect(binder.edited)
    return binder


def bind_lines(edit: QPlainTextEdit, commit: Callable[[list[str]], bool]) -> Binder:
    """A text area holding a list, one item a line (emails, phones)."""

    def get() -> list[str]:
        return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]

    def put(value: list[str] | None) -> None:
        edit.setPlainText("\n".join(value or ()))

    binder = Binder(edit, get, put, commit, debounce=True)
    edit.textChanged.connect(binder.edited)
    return binder


def bind_combo(combo: QComboBox, commit: Callable[[Any], bool]) -> Binder:
    """A combo whose items carry their stored value as item data."""
    binder = Binder(
        combo, combo.currentData, lambda v: combo.setCurrentIndex(combo.findData(v)), commit
    )
    combo.currentIndexChanged.connect(binder.edited)
    return binder


def bind_check(box: QCheckBox, commit: Callable[[bool], bool]) -> Binder:
    binder = Binder(box, box.isChecked, lambda v: box.setChecked(bool(v)), commit)
    box.toggled.connect(binder.edited)
    return binder


def bind_spin(spin: QSpinBox, commit: Callable[[int | None], bool]) -> Binder:
    """A spin box where its minimum means "none"."""

    def get() -> int | None:
        return None if spin.value() == spin.minimum() else spin.value()

    binder = Binder(spin, get, lambda v: spin.setValue(v or spin.minimum()), commit)
    spin.valueChanged.connect(binder.edited)
    return binder


def bind_date(widget: Any, commit: Callable[[dt.date | None], bool]) -> Binder:
    """An `OptionalDate` (or anything with value/setValue/changed)."""
    binder = Binder(widget, widget.value, widget.setValue, commit)
    widget.changed.connect(binder.edited)
    return binder
