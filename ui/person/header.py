"""The top of the person page: name, company and role, fit, focus, tags, cadence, referrers."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journal import owners
from journal import tags as journal_tags
from journal.models import FITS
from journal.records import PersonRecord, ReferralRecord

from .autosave import Binder, bind_check, bind_combo, bind_line, bind_spin
from .widgets import Badge, ListCompleter, muted, named

Commit = Callable[[str, Any], bool]


def cadence_spin(object_name: str) -> QSpinBox:
    """Keep in touch every N days; 0 shows as "no cadence"."""
    spin = QSpinBox()
    named(spin, object_name, "Keep in touch every N days")
    spin.setRange(0, 3650)
    spin.setKeyboardTracking(False)  # typing "30" saves 30, not 3 and then 30
    spin.setSpecialValueText("no cadence")
    spin.setPrefix("every ")
    spin.setSuffix(" days")
    spin.setToolTip("How often to get back in touch (0: no cadence)")
    return spin


class OwnerCombo(QComboBox):
    """Whose person this is: one of the journal's known names, or another typed; empty is
    nobody's. The names are read when first wanted (the list opened, the field focused)."""

    def __init__(self, names: Callable[[], list[str]]) -> None:
        super().__init__()
        self._names = names
        self._stale = True
        named(self, "ownerCombo", "Owner")
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(10)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        line = self.lineEdit()
        assert line is not None  # an editable combo has its line edit
        line.setPlaceholderText("nobody")
        self.setToolTip("Whose person this is: People and Today can show only yours")

    def names_changed(self) -> None:
        self._stale = True

    def fill(self) -> None:
        """Offer the journal's known names (what is typed or chosen stays)."""
        if not self._stale:
            return
        self._stale = False
        text = self.currentText()
        blocked = self.blockSignals(True)
        try:
            self.clear()
            self.addItems(self._names())
            self.setCurrentText(text)
        finally:
            self.blockSignals(blocked)

    def showPopup(self) -> None:
        self.fill()
        super().showPopup()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.fill()
        super().focusInEvent(event)


def bind_owner(combo: QComboBox, commit: Callable[[str], bool]) -> Binder:
    """Saves the name chosen from the list, or typed and confirmed (Enter, or leaving it)."""
    binder = Binder(combo, lambda: combo.currentText().strip(), combo.setCurrentText, commit)
    combo.activated.connect(binder.edited)
    line = combo.lineEdit()
    assert line is not None  # an editable combo has its line edit
    line.editingFinished.connect(binder.edited)
    return binder


def split_tags(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


class PersonHeader(QFrame):
    """Editable header; every field saves through `commit(field, value)`."""

    openPerson = Signal(int)
    personaToggled = Signal(str, bool)  # a tag of theirs marked (or unmarked) as a persona

    def __init__(self, commit: Commit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "personHeader", "Person")
        self.name = QLineEdit()
        named(self.name, "nameEdit", "Name")
        self.name.setPlaceholderText("Name")
        self.name.setFrame(False)
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        self.name.setFont(font)
        self.company = QLineEdit()
        named(self.company, "companyEdit", "Company")
        self.company.setPlaceholderText("Company")
        self.role = QLineEdit()
        named(self.role, "roleEdit", "Role")
        self.role.setPlaceholderText("Role")
        self.fit = QComboBox()
        named(self.fit, "fitCombo", "Fit")
        for value in FITS:
            self.fit.addItem(f"{value} fit" if value != "unknown" else "fit unknown", value)
        self.focus = QCheckBox("On my focus list")
        named(self.focus, "focusCheck", "On the focus list")
        self.tags = QLineEdit()
        named(self.tags, "tagsEdit", "Tags")
        self.tags.setPlaceholderText("Tags, separated by commas")
        self.tag_completer = ListCompleter([], self.tags)
        self.tags.setCompleter(self.tag_completer)
        self.tags.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tags.customContextMenuRequested.connect(self._tags_menu)
        self.cadence = cadence_spin("headerCadenceSpin")
        self.owner = OwnerCombo(owners.names)
        self.owner_label = QLabel("Owner")  # no Alt+letter: O opens Profile
        self.owner_label.setBuddy(self.owner)
        self.last_edited = muted(QLabel())
        self.last_edited.setWordWrap(False)  # one short line beside "Referred by"
        named(self.last_edited, "lastEditedLabel", "Last edited by")
        self.referred_by = QLabel()
        named(self.referred_by, "referredByLabel", "Referred by")
        muted(self.referred_by)
        self.referred_by.linkActivated.connect(self._link)
        self.trashed = Badge("trashedBadge")
        self.brief_button = QToolButton()  # the window gives it the Meeting brief action
        named(self.brief_button, "briefButton", "Meeting brief")
        name_row = QHBoxLayout()
        name_row.addWidget(self.name, 1)
        name_row.addWidget(self.brief_button)

        company_row = QHBoxLayout()
        company_row.addWidget(self.company, 3)
        company_row.addWidget(self.role, 2)
        facts = QHBoxLayout()
        facts.setSpacing(12)
        facts.addWidget(self.fit)
        facts.addWidget(self.focus)
        keep = QLabel("Keep in touch")
        keep.setBuddy(self.cadence)
        facts.addWidget(keep)
        facts.addWidget(self.cadence)
        facts.addStretch(1)
        facts.addWidget(self.owner_label)
        facts.addWidget(self.owner)
        tags_row = QFormLayout()
        tags_row.setContentsMargins(0, 0, 0, 0)
        tags_row.addRow("Tags", self.tags)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(6)
        layout.addWidget(self.trashed)
        layout.addLayout(name_row)
        layout.addLayout(company_row)
        layout.addLayout(facts)
        layout.addLayout(tags_row)
        below = QHBoxLayout()
        below.addWidget(self.referred_by, 1)
        below.addWidget(self.last_edited)
        layout.addLayout(below)
        for first, second in (
            (self.name, self.company),
            (self.company, self.role),
            (self.role, self.fit),
            (self.fit, self.focus),
            (self.focus, self.cadence),
            (self.cadence, self.owner),
            (self.owner, self.tags),
        ):
            QWidget.setTabOrder(first, second)

        tags_binder = Binder(
            self.tags,
            lambda: split_tags(self.tags.text()),
            lambda v: self.tags.setText(", ".join(v or ())),
            lambda v: commit("tags", v),
        )
        self.tags.editingFinished.connect(tags_binder.edited)
        self.binders: dict[str, Binder] = {
            "name": bind_line(self.name, lambda v: commit("name", v)),
            "company": bind_line(self.company, lambda v: commit("company", v)),
            "role": bind_line(self.role, lambda v: commit("role", v)),
            "fit": bind_combo(self.fit, lambda v: commit("fit", v)),
            "focus": bind_check(self.focus, lambda v: commit("focus", v)),
            "cadence_days": bind_spin(self.cadence, lambda v: commit("cadence_days", v)),
            "tags": tags_binder,
            "owner": bind_owner(self.owner, lambda v: commit("owner", v)),
        }
        self.show_team(False)

    def show_referrers(self, referrals: list[ReferralRecord]) -> None:
        if not referrals:
            self.referred_by.setText("Nobody is recorded as having referred them.")
            return
        links = ", ".join(
            f'<a href="person:{r.referrer_id}">{html.escape(r.referrer_name)}</a>'
            for r in referrals
        )
        self.referred_by.setText(f"Referred by {links}")

    def show_team(self, shared: bool) -> None:
        """The owner field and "last edited by" only where several people write (or a server)."""
        for widget in (self.owner_label, self.owner):
            widget.setVisible(shared)
        self.last_edited.setVisible(shared and bool(self.last_edited.text()))
        self.owner.names_changed()

    def show_last_edited(self, editor: str) -> None:
        self.last_edited.setText(f"Last edited by {editor}" if editor else "")
        self.last_edited.setVisible(self.owner.isVisibleTo(self) and bool(editor))

    def set_tag_words(self, words: list[str]) -> None:
        self.tag_completer.set_words(words)

    def load(self, person: PersonRecord, *, keep_edits: bool = False) -> None:
        for field, binder in self.binders.items():
            value = getattr(person, field)
            binder.refresh(value) if keep_edits else binder.load(value)
        self.show_last_edited(person.updated_by)
        if person.trashed_at is not None:
            when = f"{person.trashed_at:%d %b %Y}"
            self.trashed.show_as("no", f"In the trash since {when}: restore them from the Trash.")
        else:
            self.trashed.show_as(None)

    def tags_menu(self) -> QMenu:
        """The Tags field's menu: the usual editing entries, then each tag as a persona or not."""
        menu = self.tags.createStandardContextMenu()
        known = {t.name.casefold(): t for t in journal_tags.tag_infos()}
        mine = [known[t.casefold()] for t in split_tags(self.tags.text()) if t.casefold() in known]
        if mine:
            menu.addSection("Personas")
        for tag in mine:
            action = menu.addAction(f"\u201c{tag.name}\u201d is a persona")
            action.setObjectName(f"persona_{tag.name}")
            action.setCheckable(True)
            action.setChecked(tag.persona)
            action.toggled.connect(lambda on, name=tag.name: self.personaToggled.emit(name, on))
        return menu

    def _tags_menu(self, position: QPoint) -> None:
        menu = self.tags_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.tags.mapToGlobal(position))

    def _link(self, href: str) -> None:
        if href.startswith("person:"):
            self.openPerson.emit(int(href.split(":", 1)[1]))
