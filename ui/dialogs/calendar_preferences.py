"""Preferences for calendars and reminders: the seller's own addresses (kept in the journal) and
which reminders to show, and whether Rapport stays in the tray (kept on this computer)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from journal import preferences

from .. import reminders, settings
from ..person.widgets import named
from ..session import Session, run_write


def _check(parent: QWidget, name: str, text: str, checked: bool) -> QCheckBox:
    box = QCheckBox(text, parent)
    named(box, name, text)
    box.setChecked(checked)
    return box


class CalendarPreferences(QGroupBox):
    """A group of the Preferences dialog; `save()` writes what changed."""

    def __init__(self, session: Session | None, parent: QWidget | None = None) -> None:
        super().__init__("Calendars and reminders", parent)
        self.session = session
        self.setObjectName("calendarPreferences")
        self._own = preferences.own_emails()
        self.own_edit = QLineEdit(", ".join(self._own), self)
        self.own_edit.setObjectName("ownEmailsEdit")
        self.own_edit.setAccessibleName("Your own email addresses")
        self.own_edit.setPlaceholderText("you@example.com, you@work.example")
        own_hint = QLabel("Never a person on a meeting; guessed from your calendars.", self)
        self.own_edit.setToolTip(
            "Your addresses are never a person on a meeting. Rapport guesses them from the "
            "calendars you add; separate several with commas."
        )
        own_hint.setProperty("role", "hint")
        self.follow_ups_box = _check(
            self,
            "followUpRemindersBox",
            "Remind me of follow-ups due today (once a day)",
            reminders.follow_ups_on(),
        )
        self.meetings_box = _check(
            self,
            "meetingRemindersBox",
            "Remind me 10 minutes before a meeting with someone in the journal",
            reminders.meetings_on(),
        )
        self.tray_box = _check(
            self,
            "keepInTrayBox",
            "Keep Rapport in the tray when its window is closed",
            reminders.keep_in_tray(),
        )
        if not reminders.tray_available():
            self.tray_box.setEnabled(False)
            self.tray_box.setToolTip("This desktop has no system tray.")
        form = QFormLayout(self)
        form.addRow("Your own &email addresses", self.own_edit)
        form.addRow(own_hint)
        form.addRow(self.follow_ups_box)
        form.addRow(self.meetings_box)
        form.addRow(self.tray_box)

    def save(self) -> bool:
        """Write what changed; False if the journal refused the addresses."""
        settings.set_value(reminders.FOLLOW_UPS_KEY, self.follow_ups_box.isChecked())
        settings.set_value(reminders.MEETINGS_KEY, self.meetings_box.isChecked())
        settings.set_value(reminders.KEEP_IN_TRAY_KEY, self.tray_box.isChecked())
        wanted = [e.strip() for e in self.own_edit.text().replace(";", ",").split(",")]
        wanted = [e for e in wanted if e]
        if [e.lower() for e in wanted] == self._own:
            return True
        saved = run_write(
            self.session, self, "Saving your own addresses", preferences.set_own_emails, wanted
        )
        if saved is None:
            return False
        self._own = saved
        return True
