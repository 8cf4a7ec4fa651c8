"""The note composer under the timeline: kind, when, and the body (Ctrl+Enter saves)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDateTime, QEvent, QObject, Qt, Signal
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


class Composer(QWidget):
    """Widgets only; the Journal section does the saving when `submitted` fires."""

    submitted = Signal()
    cancelled = Signal()

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
        self.body = QPlainTextEdit()
        named(self.body, "noteBodyEdit", "Note")
        self.body.setPlaceholderText("What happened, what they said, what to remember… (Markdown)")
        self.body.setTabChangesFocus(True)
        self.body.setMinimumHeight(self.body.fontMetrics().lineSpacing() * 4 + 16)
        self.body.installEventFilter(self)
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
        layout.addWidget(self.body)
        self.set_draft(Draft())

    def _touched(self) -> None:
        self._when_touched = True

    def draft(self, note_id: int | None) -> Draft:
        when = self.when.dateTime().toPython() if self._when_touched or note_id else None
        return Draft(self.body.toPlainText(), self.kind.currentData(), when, note_id)

    def set_draft(self, draft: Draft) -> None:
        self.body.setPlainText(draft.body)
        self.kind.setCurrentIndex(max(0, self.kind.findData(draft.kind)))
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
        return self.when.dateTime().toPython().replace(microsecond=0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.body and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.submitted.emit()
                return True
        return False
