"""Preferences kept in the journal: the pause after a strong no; for each tag a cadence, and
whether it stands for a persona."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journal import preferences, tags

from ..session import Session, run_write
from . import passphrase_lock
from .calendar_preferences import CalendarPreferences
from .name_preferences import NamePreferences

MAX_DAYS = 3650
T = TypeVar("T")


def _days_box(parent: QWidget, name: str, accessible: str, none_text: str) -> QSpinBox:
    box = QSpinBox(parent)
    box.setObjectName(name)
    box.setAccessibleName(accessible)
    box.setRange(0, MAX_DAYS)
    box.setSpecialValueText(none_text)
    box.setSuffix(" days")
    return box


class PreferencesDialog(QDialog):
    """Saves on OK, through the session (so Today reads its preferences again)."""

    def __init__(self, session: Session | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("preferencesDialog")
        self.setWindowTitle("Preferences")
        self.setAccessibleName("Preferences")
        self.setMinimumWidth(420)
        self.cool_down = _days_box(self, "coolDownBox", "Cool-down after a strong no", "no pause")
        self.cool_down.setValue(preferences.cool_down_days())
        pause = QGroupBox("After a strong no", self)
        pause_form = QFormLayout(pause)
        pause_form.addRow("Pause reconnect suggestions &for", self.cool_down)
        explain = QLabel("A strong no deserves respect: Today leaves them be for a while.", pause)
        explain.setWordWrap(True)
        explain.setProperty("role", "hint")
        pause_form.addRow(explain)
        self._cadences = tags.tag_cadences()
        self._personas = {t.name for t in tags.tag_infos() if t.persona}
        names = sorted(
            set(tags.all_tags()) | set(self._cadences) | self._personas, key=str.casefold
        )
        self.cadence_boxes: dict[str, QSpinBox] = {}
        self.persona_boxes: dict[str, QCheckBox] = {}
        cadence = QGroupBox("Tags: keep in touch, personas", self)
        inner = QWidget(cadence)
        form = QFormLayout(inner)
        for name in names:
            box = _days_box(inner, f"cadence_{name}", f"Cadence for {name}", "no cadence")
            box.setPrefix("every ")
            box.setValue(self._cadences.get(name) or 0)
            self.cadence_boxes[name] = box
            persona = QCheckBox("a persona", inner)
            persona.setObjectName(f"persona_{name}")
            persona.setAccessibleName(f"{name} is a persona")
            persona.setToolTip("A kind of person you sell to: it gets a page in Personas")
            persona.setChecked(name in self._personas)
            self.persona_boxes[name] = persona
            row = QHBoxLayout()
            row.addWidget(box)
            row.addWidget(persona)
            row.addStretch(1)
            form.addRow(name, row)
        if not names:
            form.addRow(QLabel("No tags yet: tag people to give each persona a cadence.", inner))
        scroll = QScrollArea(cadence)
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setMaximumHeight(260)
        note = QLabel(
            "A person's own cadence overrides their tags'; with several tags the shortest applies.",
            cadence,
        )
        note.setWordWrap(True)
        note.setProperty("role", "hint")
        cadence_layout = QVBoxLayout(cadence)
        cadence_layout.addWidget(scroll)
        cadence_layout.addWidget(note)
        privacy = QGroupBox("Privacy", self)
        self.lock_box = QSpinBox(privacy)  # kept on this computer, not in the journal
        self.lock_box.setObjectName("lockMinutesBox")
        self.lock_box.setAccessibleName("Lock an encrypted journal after minutes without use")
        self.lock_box.setRange(0, passphrase_lock.MAX_MINUTES)
        self.lock_box.setSpecialValueText("never")
        self.lock_box.setSuffix(" minutes without use")
        self.lock_box.setValue(passphrase_lock.lock_minutes())
        QFormLayout(privacy).addRow("&Lock an encrypted journal after", self.lock_box)
        self.calendars = CalendarPreferences(session, self)
        self.you = NamePreferences(session, self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.you)
        layout.addWidget(pause)
        layout.addWidget(cadence)
        layout.addWidget(privacy)
        layout.addWidget(self.calendars)
        layout.addWidget(buttons)
        # setMinimumWidth alone would let the dialog be shorter than its rows need
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)

    def accept(self) -> None:
        if self.save():
            super().accept()

    def save(self) -> bool:
        """Write what changed; False (dialog stays open) if the journal refused something."""
        passphrase_lock.set_lock_minutes(self.lock_box.value())
        if not self.you.save():
            return False
        if not self.calendars.save():
            return False
        days = self.cool_down.value()
        if (
            days != preferences.cool_down_days()
            and self._write("Saving the cool-down", preferences.set_cool_down_days, days) is None
        ):
            return False
        for name, box in self.cadence_boxes.items():
            wanted = box.value() or None
            if wanted == self._cadences.get(name):
                continue
            try_it = self._write(f"Saving the cadence of {name}", _set_cadence, name, wanted)
            if try_it is None:
                return False
            self._cadences[name] = wanted
        for name, persona in self.persona_boxes.items():
            wanted = persona.isChecked()
            if wanted == (name in self._personas):
                continue
            if self._write(f"Marking {name}", tags.set_persona, name, wanted) is None:
                return False
            self._personas ^= {name}
        return True

    def _write(self, action: str, op: Callable[..., T], *args: Any) -> T | None:
        return run_write(self.session, self, action, op, *args)


def _set_cadence(name: str, days: int | None) -> bool:
    tags.set_tag_cadence(name, days)
    return True
