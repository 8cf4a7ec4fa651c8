"""The Profile section: contact details, where and how we met, about, cadence."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from journal.records import PersonRecord

from .autosave import Binder, bind_date, bind_line, bind_lines, bind_spin, bind_text
from .header import Commit, cadence_spin
from .widgets import OptionalDate, muted, named


def _area(object_name: str, accessible: str, lines: int, placeholder: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    named(edit, object_name, accessible)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    line = edit.fontMetrics().lineSpacing()
    edit.setMinimumHeight(line * lines + 16)
    edit.setMaximumHeight(line * lines * 2 + 16)
    return edit


class ProfileSection(QScrollArea):
    """Each field saves as it is edited (text areas after a short pause or on leaving them)."""

    def __init__(self, commit: Commit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "profileSection", "Profile")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.emails = _area("emailsEdit", "Emails", 2, "one email address a line")
        self.phones = _area("phonesEdit", "Phones", 2, "one phone number a line")
        self.location = QLineEdit()
        named(self.location, "locationEdit", "Location")
        self.how_we_met = QLineEdit()
        named(self.how_we_met, "howWeMetEdit", "How we met")
        self.how_we_met.setPlaceholderText("e.g. introduced by a client at a trade fair")
        self.met_on = OptionalDate("Met on", "metOn")
        self.about = _area("aboutEdit", "About", 6, "Who they are, what they care about (Markdown)")
        self.cadence = cadence_spin("profileCadenceSpin")

        body = QWidget()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("Emails", self.emails)
        form.addRow("Phones", self.phones)
        form.addRow("Location", self.location)
        form.addRow("How we met", self.how_we_met)
        form.addRow("", self.met_on)
        form.addRow("About", self.about)
        form.addRow("Keep in touch", self.cadence)
        hint = muted(QLabel("Changes are saved as you make them."))
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addStretch(1)
        body.setMaximumWidth(900)
        self.setWidget(body)

        self.binders: dict[str, Binder] = {
            "emails": bind_lines(self.emails, lambda v: commit("emails", v)),
            "phones": bind_lines(self.phones, lambda v: commit("phones", v)),
            "location": bind_line(self.location, lambda v: commit("location", v)),
            "how_we_met": bind_line(self.how_we_met, lambda v: commit("how_we_met", v)),
            "met_on": bind_date(self.met_on, lambda v: commit("met_on", v)),
            "about": bind_text(self.about, lambda v: commit("about", v)),
            "cadence_days": bind_spin(self.cadence, lambda v: commit("cadence_days", v)),
        }

    def load(self, person: PersonRecord, *, keep_edits: bool = False) -> None:
        for field, binder in self.binders.items():
            value = getattr(person, field)
            value = list(value) if isinstance(value, tuple) else value
            binder.refresh(value) if keep_edits else binder.load(value)
