"""The note composer under the timeline: kind, when, and the body (Ctrl+Enter saves); and the
keeper that saves what is typed as a draft in the journal, so a crash loses at most a second."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDateTime, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal import drafts as stored
from journal.models import NOTE_KINDS

from .widgets import muted, named


@dataclass
class Draft:
    """What was in the composer when the person was left."""

    body: str = ""
    kind: str = "meeting"
    when: dt.datetime | None = None  # None: "now" when saved
    note_id: int | None = None  # the note being edited, if any


def _qdatetime(when: dt.datetime) -> QDateTime:
    return QDateTime.fromString(when.strftime("%Y-%m-%dT%H:%M:%S"), Qt.DateFormat.ISODate)


def _datetime(when: QDateTime) -> dt.datetime:
    """The local time shown, to the second."""
    return dt.datetime.fromisoformat(when.toString(Qt.DateFormat.ISODate))


class Composer(QWidget):
    """Widgets only; the Journal section does the saving when `submitted` fires."""

    submitted = Signal()
    cancelled = Signal()
    changed = Signal()  # the person typed, or changed the kind or time (not set_draft)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "noteComposer", "Write a note")
        self.kind = QComboBox()
        named(self.kind, "noteKindCombo", "Kind of note")
        for kind in NOTE_KINDS:
            self.kind.addItem(kind.capitalize(), kind)
        self.when = QDateTimeEdit()
        named(self.when, "noteWhenEdit", "When it happened")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("d MMM yyyy HH:mm")
        self._when_touched = False
        self.when.dateTimeChanged.connect(self._touched)
        self._loading = False
        self.body = QPlainTextEdit()
        named(self.body, "noteBodyEdit", "Note")
        self.body.setPlaceholderText("What happened, what they said, what to remember… (Markdown)")
        self.body.setTabChangesFocus(True)
        self.body.setMinimumHeight(self.body.fontMetrics().lineSpacing() * 4 + 16)
        self.body.installEventFilter(self)
        self.body.textChanged.connect(self._changed)
        self.kind.currentIndexChanged.connect(self._changed)
        self.notice = muted(QLabel())
        named(self.notice, "composerNotice", "Recovered draft")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.mode = muted(QLabel())
        named(self.mode, "composerModeLabel", "Composer mode")
        self.save_button = QPushButton("Add note")
        named(self.save_button, "saveNoteButton", "Save the note")
        self.save_button.setToolTip("Save the note (Ctrl+Enter)")
        self.save_button.clicked.connect(self.submitted)
        self.cancel_button = QPushButton("Cancel editing")
        named(self.cancel_button, "cancelEditButton", "Cancel editing the note")
        self.cancel_button.clicked.connect(self.cancelled)
        self.cancel_button.hide()

        top = QHBoxLayout()
        top.addWidget(self.kind)
        top.addWidget(self.when)
        top.addWidget(self.mode, 1)
        top.addWidget(self.cancel_button)
        top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.body)
        self.set_draft(Draft())

    def _touched(self) -> None:
        self._when_touched = True
        self._changed()

    def _changed(self) -> None:
        if not self._loading:
            self.changed.emit()

    def show_notice(self, text: str) -> None:
        """A line above the body (a recovered draft); set_draft hides it."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def draft(self, note_id: int | None) -> Draft:
        when = _datetime(self.when.dateTime()) if self._when_touched or note_id else None
        return Draft(self.body.toPlainText(), self.kind.currentData(), when, note_id)

    def set_draft(self, draft: Draft) -> None:
        self._loading = True
        try:
            self.body.setPlainText(draft.body)
            self.kind.setCurrentIndex(max(0, self.kind.findData(draft.kind)))
        finally:
            self._loading = False
        self.notice.hide()
        self.when.blockSignals(True)
        self.when.setDateTime(_qdatetime(draft.when or dt.datetime.now()))
        self.when.blockSignals(False)
        self._when_touched = draft.when is not None
        editing = draft.note_id is not None
        self.save_button.setText("Save changes" if editing else "Add note")
        self.cancel_button.setVisible(editing)
        self.mode.setText("Editing a note" if editing else "Ctrl+Enter saves")

    def show_now(self) -> None:
        """Bring the time shown up to date, unless the person chose one."""
        if not self._when_touched:
            self.when.blockSignals(True)
            self.when.setDateTime(_qdatetime(dt.datetime.now()))
            self.when.blockSignals(False)

    def occurred_at(self) -> dt.datetime | None:
        """The chosen time, or None to mean "now" (the person did not change it)."""
        if not self._when_touched:
            return None
        return _datetime(self.when.dateTime())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.body and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.submitted.emit()
                return True
        return False


DRAFT_DELAY_MS = 500
RETRY_MS = 1000


def recovered_notice(saved_at: dt.datetime) -> str:
    return (
        f"Recovered the note you were writing on {saved_at.day} {saved_at:%b %Y} at "
        f"{saved_at:%H:%M}. Save it, or clear the text to drop it."
    )


def stored_draft(person_id: int) -> tuple[Draft, str] | None:
    """The draft a person's composer was left with (by an earlier run), and its notice."""
    try:
        found = stored.draft_of(person_id)
    except Exception:  # a journal that cannot be read now: no draft to offer
        return None
    if found is None:
        return None
    return Draft(found.body, found.kind, found.occurred_at), recovered_notice(found.saved_at)


def drafts_left_message() -> str | None:
    """One line naming the people whose note was left unsaved, or None."""
    try:
        left = stored.all_drafts()
    except Exception:
        return None
    if not left:
        return None
    names = ", ".join(d.person_name for d in left[:5])
    more = f" and {len(left) - 5} more" if len(left) > 5 else ""
    return f"Unsaved notes were kept for {names}{more}: open the person to finish them."


class DraftKeeper(QObject):
    """Saves the composer's new note as a draft in the journal a moment after each change.

    Paused while an existing note is edited. A failed write (a full disk) is not retried until
    the text changes again, and never interrupts the person: the text stays in the window.
    """

    def __init__(self, composer: Composer) -> None:
        super().__init__(composer)
        self.composer = composer
        self.person_id: int | None = None
        self.paused = False
        self.failed = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DRAFT_DELAY_MS)
        self.timer.timeout.connect(self.write)
        composer.changed.connect(self._edited)

    def track(self, person_id: int | None, *, paused: bool = False) -> None:
        """Keep the drafts of another person from now on (a pending change is dropped)."""
        self.timer.stop()
        self.person_id = person_id
        self.paused = paused

    def _edited(self) -> None:
        if self.person_id is not None and not self.paused:
            self.timer.start(DRAFT_DELAY_MS)

    def flush(self) -> None:
        """Write a pending change now (before the person is left or the window closes)."""
        if self.timer.isActive():
            self.write()

    def cancel(self) -> None:
        self.timer.stop()

    def write(self) -> None:
        self.timer.stop()
        if self.person_id is None or self.paused:
            return
        draft = self.composer.draft(None)
        try:
            stored.save_draft_quickly(self.person_id, draft.kind, draft.when, draft.body)
        except Exception as exc:
            self.failed = True
            if "locked" in str(exc) or "busy" in str(exc):  # another writer: try again soon
                self.timer.start(RETRY_MS)
        else:
            self.failed = False
