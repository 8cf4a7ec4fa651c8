"""The person page: an editable header over sections (Journal, Goals, Pains, Decisions,
Referrals, Follow-ups, Profile). Every edit saves as it is made."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from journal import owners, people, referrals, tags
from journal.records import PersonRecord
from ui.guard import attempt

from .aspects_section import GOALS, PAINS, AspectSection
from .autosave import Binder, Saver
from .decisions_section import DecisionsSection
from .followups_section import FollowUpsSection
from .glance import Glance
from .header import PersonHeader
from .journal_section import JournalSection
from .profile import ProfileSection
from .referrals_section import ReferralsSection
from .undo import PageChange, Place, Step, TypingFirst
from .widgets import named

if TYPE_CHECKING:
    from ui.session import Session

FIELD_LABELS = {
    "name": "name",
    "how_we_met": "how we met",
    "met_on": "date you met",
    "cadence_days": "cadence",
    "emails": "email addresses",
    "phones": "phone numbers",
}
# Section and its tab title; Alt+letter opens it (the menus use F, E, V, H).
SECTIONS = {
    "journal": "&Journal",
    "goals": "&Goals",
    "pains": "&Pains",
    "decisions": "&Decisions",
    "referrals": "&Referrals",
    "followups": "Follo&w-ups",
    "profile": "Pr&ofile",
}


class PersonPage(QWidget):
    """Shows one person; `show_person(id, focus=("note", 12))` opens them at a given record."""

    personChanged = Signal(int)
    statusMessage = Signal(str)
    openPerson = Signal(int)

    def __init__(self, parent: QWidget | None = None, session: Session | None = None) -> None:
        super().__init__(parent)
        named(self, "personPage", "Person")
        self._person: PersonRecord | None = None
        self._changed_id: int | None = None
        self._saver = Saver(self, session)
        self._saver.saved.connect(self._saved)
        self._saver.message.connect(self.statusMessage)
        self._saver.showAgain.connect(self._show_again)

        self.header = PersonHeader(self._commit)
        self.header.openPerson.connect(self.openPerson)
        self.header.personaToggled.connect(self._mark_persona)
        self.journal = JournalSection(self._saver)
        self.journal.openRecord.connect(self.focus_on)
        self.goals = AspectSection(GOALS, self._saver)
        self.pains = AspectSection(PAINS, self._saver)
        self.decisions = DecisionsSection(self._saver)
        self.referrals = ReferralsSection(self._saver)
        self.referrals.openPerson.connect(self.openPerson)
        self.followups = FollowUpsSection(self._saver)
        self.profile = ProfileSection(self._commit)
        self.glance = Glance()
        self.glance.openRecord.connect(self.focus_on)

        self.tabs = QTabWidget()
        named(self.tabs, "personSections", "Sections")
        self.tabs.setDocumentMode(True)
        for section, title in SECTIONS.items():
            self.tabs.addTab(getattr(self, section), title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(8)
        layout.addWidget(self.header)
        layout.addWidget(self.glance)
        layout.addWidget(self.tabs, 1)
        self._binders: dict[str, list[Binder]] = {}
        for part in (self.header, self.profile):
            for field, binder in part.binders.items():
                self._binders.setdefault(field, []).append(binder)
        self._titles_timer = QTimer(self)
        self._titles_timer.setSingleShot(True)
        self._titles_timer.setInterval(0)
        self._titles_timer.timeout.connect(self._update_tab_titles)
        # Announced once the operation is over, so a window that reloads the page on
        # personChanged never does so in the middle of a save.
        self._changed_timer = QTimer(self)
        self._changed_timer.setSingleShot(True)
        self._changed_timer.setInterval(0)
        self._changed_timer.timeout.connect(self._announce_change)
        self.setEnabled(False)

    # -- the contract the main window uses ---------------------------------------------------
    def current_person_id(self) -> int | None:
        return None if self._person is None else self._person.id

    def show_person(self, person_id: int, focus: tuple[str, int] | None = None) -> None:
        """Show a person; `focus` ("note", 12), ("goal", 5), … opens the section holding it."""
        self.flush()
        person = attempt(self, "Opening the person", people.get_person, person_id)
        if person is None:
            return
        again = self._person is not None and self._person.id == person_id
        self._person = person
        self.setEnabled(True)
        self.header.show_team(owners.shared())
        self.header.load(person, keep_edits=again)
        self.header.set_tag_words(tags.all_tags())
        self.header.show_referrers(referrals.referred_by(person_id))
        self.profile.load(person, keep_edits=again)
        self.journal.show_person(person_id)
        self.goals.show_person(person_id)
        self.pains.show_person(person_id)
        self.decisions.show_person(person_id)
        self.referrals.show_person(person_id)
        self.followups.show_person(person_id)
        self.glance.set_person(person_id)
        self._update_tab_titles()
        if focus is not None:
            self.focus_on(*focus)

    def set_undo_stack(self, stack: QUndoStack) -> None:
        """Changes made here go on the window's undo stack (Edit → Undo, Ctrl+Z)."""
        self._saver.undo_stack = stack
        self._typing_first = TypingFirst(self)
        self._typing_first.watch(self)

    def _show_again(self, place: Place) -> None:
        """After an undo or a redo: show the person, with what changed selected."""
        if self.current_person_id() != place.person_id:
            self.openPerson.emit(place.person_id)  # the window shows the page with them
        focus = None if place.kind == "person" else (place.kind, place.record_id)
        self.show_person(place.person_id, focus=focus)
        if place.field is None or self._person is None:
            return
        if place.kind == "person":
            for binder in self._binders.get(place.field, []):
                binder.load(getattr(self._person, place.field))
        elif place.kind == "decision":
            self.decisions.show_field(place.field)

    def focus_on(self, kind: str, record_id: int) -> None:
        """Switch to the section holding a record and select it."""
        if kind == "note":
            self.tabs.setCurrentWidget(self.journal)
            self.journal.highlight("note", record_id)
        elif kind in ("goal", "pain"):
            section = self.goals if kind == "goal" else self.pains
            self.tabs.setCurrentWidget(section)
            section.highlight(record_id)
        elif kind == "decision":
            self.tabs.setCurrentWidget(self.decisions)
            self.decisions.highlight(record_id)
        elif kind == "objection":
            self.tabs.setCurrentWidget(self.decisions)
            self.decisions.highlight_objection(record_id)
        elif kind == "person":
            self.tabs.setCurrentWidget(self.profile)
        elif kind == "followup":
            self.tabs.setCurrentWidget(self.followups)
            self.followups.highlight(record_id)
        elif kind == "referral":
            self.tabs.setCurrentWidget(self.referrals)
            self.referrals.highlight(record_id)

    def forget(self) -> None:
        """Show nobody and drop every draft, writing nothing (another journal was opened;
        call `flush()` before closing the previous one)."""
        for binders in self._binders.values():
            for binder in binders:
                binder.cancel()
        self._person = None
        self._changed_id = None
        self.journal.forget()
        self.glance.set_person(None)
        self.glance.refresh()
        for section in (self.goals, self.pains, self.decisions, self.referrals, self.followups):
            section.forget()
        self.setEnabled(False)

    def new_note(self) -> None:
        self.tabs.setCurrentWidget(self.journal)
        self.journal.focus_composer()

    def start_note(self, kind: str, when: dt.datetime) -> bool:
        """Open the composer on a new note of `kind` that happened `when`."""
        self.tabs.setCurrentWidget(self.journal)
        return self.journal.start_note(kind, when)

    def save_note(self) -> None:
        self.journal.save_note()

    def flush(self) -> None:
        """Write any edit still waiting for its pause (before leaving the person)."""
        for binders in self._binders.values():
            for binder in binders:
                binder.flush()
        self.decisions.flush()
        self.journal.flush()

    # -- saving -------------------------------------------------------------------------------
    def _commit(self, field: str, value: Any) -> bool:
        if self._person is None:
            return False
        pid = self._person.id
        label = FIELD_LABELS.get(field, field)
        old = getattr(self._person, field)
        old = list(old) if isinstance(old, tuple) else old
        action = f"Saving the {label}"
        text, done = f"Edit the {label}", None
        gone = [t for t in old if t not in value] if field == "tags" else []
        if gone and set(value) <= set(old):
            text = f"Remove the tag {', '.join(gone)}"
            done = f"Tag {', '.join(gone)} removed. Undo with Ctrl+Z."
        record = self._saver.push(
            PageChange(
                self._saver,
                text,
                "person",
                Step(action, people.update_person, (pid,), {field: value}),
                Step(action, people.update_person, (pid,), {field: old}),
                Place(pid, "person", pid, field),
                done=done,
            )
        )
        if record is None:
            return False
        self._person = record
        self.header.show_last_edited(record.updated_by)
        for binder in self._binders.get(field, []):
            if binder.value() != value:  # the same field shown twice (cadence)
                binder.load(value)
        if field == "tags":
            self.header.set_tag_words(tags.all_tags())
        return True

    def _mark_persona(self, name: str, persona: bool) -> None:
        verb = "Marking" if persona else "Unmarking"
        self._saver.run("tag", f"{verb} {name} as a persona", tags.set_persona, name, persona)

    def _saved(self, what: str) -> None:
        if self._person is None:
            return
        self.statusMessage.emit(f"Saved at {dt.datetime.now():%H:%M}")
        self._changed_id = self._person.id
        self._changed_timer.start()
        if what != "note":  # the journal section refreshes itself after writing a note
            self.journal.refresh()
        if what == "referral":
            self.header.show_referrers(referrals.referred_by(self._person.id))
        if what != "note":  # no tab counts a note, nor does the glance show one
            self._titles_timer.start()  # after the section has shown what changed

    def _announce_change(self) -> None:
        if self._changed_id is not None:
            changed, self._changed_id = self._changed_id, None
            self.personChanged.emit(changed)

    def _update_tab_titles(self) -> None:
        self.glance.refresh()
        counts = {
            "goals": self.goals.count(),
            "pains": self.pains.count(),
            "decisions": self.decisions.count(),
            "referrals": self.referrals.count(),
            "followups": self.followups.count(),
        }
        for i, (section, title) in enumerate(SECTIONS.items()):
            n = counts.get(section)
            self.tabs.setTabText(i, f"{title} ({n})" if n else title)
