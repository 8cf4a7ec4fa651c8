"""Small widgets the person page is built from: an optional date, a tag completer, a badge."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

DATE_FORMAT = "d MMM yyyy"

# Translucent tints read on light and dark palettes alike.
BADGE_STYLES = {
    "unfinished": "background: rgba(230, 160, 20, 0.28); border-radius: 4px; padding: 2px 6px;",
    "done": "background: rgba(60, 170, 90, 0.25); border-radius: 4px; padding: 2px 6px;",
    "no": "background: rgba(150, 150, 150, 0.25); border-radius: 4px; padding: 2px 6px;",
}


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def named(widget: QWidget, object_name: str, accessible: str) -> QWidget:
    """Give a widget the names tests and assistive technology look for."""
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible)
    return widget


def date_edit(object_name: str, accessible: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setKeyboardTracking(False)  # save the date typed, not each digit on the way
    edit.setDate(to_qdate(dt.date.today()))
    named(edit, object_name, accessible)
    return edit


class OptionalDate(QWidget):
    """A date that may be absent: a check box switches the date edit on and off."""

    changed = Signal()

    def __init__(self, label: str, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, object_name, label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(label)
        named(self.check, f"{object_name}Set", f"{label}: set a date")
        self.edit = date_edit(f"{object_name}Date", label)
        self.edit.setEnabled(False)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(self.changed)
        self.edit.dateChanged.connect(self.changed)

    def value(self) -> dt.date | None:
        return from_qdate(self.edit.date()) if self.check.isChecked() else None

    def setValue(self, day: dt.date | None) -> None:
        for w in (self.check, self.edit):
            w.blockSignals(True)
        self.check.setChecked(day is not None)
        self.edit.setEnabled(day is not None)
        self.edit.setDate(to_qdate(day or dt.date.today()))
        for w in (self.check, self.edit):
            w.blockSignals(False)


class ListCompleter(QCompleter):
    """Completes the last item of a comma-separated list (tags)."""

    def __init__(self, words: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(QStringListModel(words, self))
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_words(self, words: list[str]) -> None:
        model = self.model()
        assert isinstance(model, QStringListModel)
        model.setStringList(words)

    def splitPath(self, path: str) -> list[str]:
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index) -> str:
        widget = self.widget()
        current = widget.text() if isinstance(widget, QLineEdit) else ""
        head = [part.strip() for part in current.split(",")[:-1] if part.strip()]
        return ", ".join([*head, str(index.data())])


class Badge(QLabel):
    """A small tinted label: "Unfinished", "Attained", …"""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, object_name, "Status")
        self.setWordWrap(True)
        self.hide()

    def show_as(self, kind: str | None, text: str = "") -> None:
        if kind is None or not text:
            self.hide()
            return
        self.setStyleSheet(BADGE_STYLES.get(kind, ""))
        self.setText(text)
        self.show()


def muted(label: QLabel) -> QLabel:
    """A secondary label (hints, dates) in the palette's placeholder colour."""
    label.setForegroundRole(label.palette().ColorRole.PlaceholderText)
    label.setWordWrap(True)
    return label
