"""A journal for a team in the window: "by …" on the timeline, the owner field and "Last edited
by", "Everyone's / Mine" on People and Today, and your name in Preferences."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit

from journal import authorship, decisions, notes, people
from ui.dialogs.name_preferences import AUTHOR_KEY, use_saved_name
from ui.person.timeline_model import EntryRole, heading


@pytest.fixture(autouse=True)
def nobody_named() -> Iterator[None]:
    authorship.set_author("")
    yield
    authorship.set_author("")


def headings(page) -> list[str]:
    model = page.journal.model
    return [heading(model.index(r).data(EntryRole)) for r in range(model.rowCount())]


def test_the_timeline_says_who_wrote_a_note_or_a_decision_only_when_someone_did(page, journal):
    ann = people.add_person("Ann Archer")
    notes.add_note(ann.id, "Written by nobody in particular", occurred_at="2026-03-01 09:00")
    authorship.set_author("Dana")
    notes.add_note(ann.id, "Coffee", occurred_at="2026-03-02 09:00")
    decisions.record_decision(ann.id, "Audit", "weak_no", decided_on="2026-03-03")
    page.show_person(ann.id)
    assert headings(page) == [
        "Tue 03 Mar 2026 · Decision · by Dana",
        "Mon 02 Mar 2026 · 09:00 · meeting · by Dana",
        "Sun 01 Mar 2026 · 09:00 · meeting",  # nobody: no "by"
    ]


def test_the_owner_field_shows_only_when_several_people_write_and_saves_a_name(
    qtbot, page, journal
):
    ann = people.add_person("Ann Archer")
    page.show_person(ann.id)
    owner = page.findChild(QComboBox, "ownerCombo")
    edited = page.findChild(QLabel, "lastEditedLabel")
    assert not owner.isVisible() and not edited.isVisible()  # a journal of one's own

    authorship.set_author("Dana")
    people.update_person(ann.id, role="Buyer")
    page.show_person(ann.id)
    assert owner.isVisible() and owner.currentText() == ""  # added by nobody: nobody's
    assert owner.lineEdit().placeholderText() == "nobody"
    assert owner.count() == 0  # the names are read when first wanted
    owner.setFocus()
    qtbot.waitUntil(lambda: owner.count() == 1)
    assert owner.itemText(0) == "Dana"
    assert edited.isVisible() and edited.text() == "Last edited by Dana"

    authorship.set_author("Eli")
    owner.setFocus()
    owner.lineEdit().selectAll()
    qtbot.keyClicks(owner.lineEdit(), "Fay")
    with qtbot.waitSignal(page.personChanged):
        qtbot.keyClick(owner.lineEdit(), Qt.Key.Key_Return)
    saved = people.get_person(ann.id)
    assert (saved.owner, saved.updated_by) == ("Fay", "Eli")
    assert edited.text() == "Last edited by Eli"

    owner.fill()  # as opening its list does
    assert [owner.itemText(i) for i in range(owner.count())] == ["Eli", "Fay"]
    owner.setCurrentIndex(owner.findText("Eli"))
    with qtbot.waitSignal(page.personChanged):
        owner.activated.emit(owner.currentIndex())  # as a click on a name in the list does
    assert people.get_person(ann.id).owner == "Eli"


def people_names(window) -> list[str]:
    model = window.people.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_people_shows_everyones_or_mine_and_remembers_the_choice(qtbot, make_window, journal):
    authorship.set_author("Dana")
    people.add_person("Ann Archer")
    window = make_window()
    window.show_page("people")
    whose = window.people.findChild(QComboBox, "peopleWhose")
    assert not whose.isVisible()  # everyone is Dana's, and Dana writes: nothing to choose

    authorship.set_author("Eli")  # Eli, in another window, adds someone
    bob = people.add_person("Bob Baker")
    authorship.set_author("Dana")
    window.people.people_changed(frozenset({bob.id}))  # as the session says after the add
    assert whose.isVisible() and whose.currentText() == "Everyone's"
    assert people_names(window) == ["Ann Archer", "Bob Baker"]
    whose.setCurrentIndex(whose.findText("Mine"))
    assert people_names(window) == ["Ann Archer"]
    assert window.people.title.text() == "People — 1 person (yours)"
    window.close()

    again = make_window()
    again.show_page("people")
    again.people.refresh()
    assert again.people.findChild(QComboBox, "peopleWhose").currentText() == "Mine"
    assert people_names(again) == ["Ann Archer"]


def test_a_new_name_in_preferences_offers_mine_on_people(qtbot, window, journal):
    from .test_preferences import open_preferences

    people.add_person("Ann Archer")
    window.show_page("people")
    whose = window.people.findChild(QComboBox, "peopleWhose")
    assert not whose.isVisible()
    dialog = open_preferences(window, qtbot)
    name = dialog.findChild(QLineEdit, "authorNameEdit")
    qtbot.keyClicks(name, "Dana")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(whose.isVisible)  # Ann is nobody's, and Dana writes now
    whose.setCurrentIndex(whose.findText("Mine"))
    assert people_names(window) == []


def reconnect_names(window) -> list[str]:
    model = window.today.reconnect_model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_today_shows_everyones_or_mine(qtbot, window, journal):
    long_ago = dt.datetime.now() - dt.timedelta(days=40)
    authorship.set_author("Dana")
    ann = people.add_person("Ann Archer", cadence_days=30)
    notes.add_note(ann.id, "Lunch", occurred_at=long_ago)
    authorship.set_author("Eli")
    bob = people.add_person("Bob Baker", cadence_days=30)
    notes.add_note(bob.id, "Call", occurred_at=long_ago)
    window.show_page("today")
    window.today.refresh()
    whose = window.today.findChild(QComboBox, "todayWhose")
    assert whose.isVisible() and whose.currentText() == "Everyone's"
    assert reconnect_names(window) == ["Ann Archer", "Bob Baker"]
    whose.setCurrentIndex(whose.findText("Mine"))
    assert reconnect_names(window) == ["Bob Baker"]
    assert QSettings().value("today/mine") in (True, "true")


def test_your_name_is_set_in_preferences_kept_on_this_computer_and_used_at_once(
    qtbot, window, journal
):
    from .test_preferences import open_preferences

    ann = people.add_person("Ann Archer")
    dialog = open_preferences(window, qtbot)
    name = dialog.findChild(QLineEdit, "authorNameEdit")
    assert name.text() == "" and name.isVisible()
    qtbot.keyClicks(name, "  Dana Reyes ")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert authorship.chosen() == "Dana Reyes"
    assert QSettings().value(AUTHOR_KEY) == "Dana Reyes"
    assert notes.add_note(ann.id, "Coffee").author == "Dana Reyes"

    authorship.set_author("")
    assert use_saved_name() == "Dana Reyes"  # as the next start of the window does
