"""The focus list: its page, its limit (the journal's message, in a dialog), and Today's top."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from journal import goals, notes, pains, people
from journal.changes import Changes
from journal.focus import FOCUS_LIMIT, focus_list
from ui.item_models.focus_models import focus_model

from .helpers import CTRL

pytestmark = pytest.mark.both_backends


def test_focus_page_lists_goals_pains_and_days_since_touch(window, qtbot) -> None:
    ada = people.add_person("Ada Lovelace", focus=True).id
    people.add_person("Not Focused")
    goals.add_goal(ada, "Open a second office")
    pains.add_pain(ada, "Month-end close slips")
    notes.add_note(ada, "Coffee", occurred_at=dt.datetime.now() - dt.timedelta(days=12))
    qtbot.keyClick(window, Qt.Key.Key_7, CTRL)
    page = window.focus_page
    assert window.stack.currentWidget() is page
    row = [page.model.index(0, c).data() for c in range(4)]
    assert row == ["Ada Lovelace", "Open a second office", "Month-end close slips", "12 days"]
    assert page.model.rowCount() == 1
    assert page.title.text() == f"Focus — 1 of {FOCUS_LIMIT}"


def test_a_21st_person_is_refused_with_the_journals_message(window, qtbot, message_boxes) -> None:
    for i in range(FOCUS_LIMIT):
        people.add_person(f"Focus {i:02d}", focus=True)
    extra = people.add_person("Extra Person").id
    window.show_page("focus")
    page = window.focus_page
    page.add_box.setText("Extra Person")
    message_boxes.expect("focus list is full")
    page.add_button.click()
    assert message_boxes.only().name == "errorDialog"
    assert not people.get_person(extra).focus
    assert page.model.rowCount() == FOCUS_LIMIT
    assert page.add_box.text() == "Extra Person"  # what was typed stays


def test_adding_and_removing_on_the_focus_page_updates_today(window, qtbot) -> None:
    ada = people.add_person("Ada Lovelace").id
    window.show_page("focus")
    page = window.focus_page
    page.add_box.setText("ada")
    qtbot.keyClick(page.add_box, Qt.Key.Key_Return)
    assert people.get_person(ada).focus and page.model.rowCount() == 1
    assert page.add_box.text() == ""
    window.show_page("today")
    assert window.today.focus_table.isVisible()
    page.table.selectRow(0)
    page.remove_selected()
    assert not people.get_person(ada).focus
    window.show_page("today")
    assert not window.today.focus_table.isVisible()


def test_today_shows_the_focus_list_at_the_top_only_when_there_is_one(window, qtbot) -> None:
    people.add_person("Somebody")
    window.today.refresh()
    assert not window.today.focus_table.isVisible()
    grace = people.add_person("Grace Hopper", focus=True).id
    goals.add_goal(grace, "Ship the compiler")
    window.session.announce(Changes.of("person", [grace]))
    window.show_page("today")
    table = window.today.focus_table
    assert table.isVisible()
    assert [table.model().index(0, c).data() for c in range(3)] == [
        "Grace Hopper",
        "never",
        "Ship the compiler",
    ]
    assert table.y() < window.today.reconnect_table.y()
    table.openRow.emit(0)
    assert window.person.current_person_id() == grace


def test_focus_model_passes_the_model_tester(qtmodeltester, journal) -> None:
    people.add_person("Ada", focus=True)
    model = focus_model()
    model.set_records(focus_list())
    qtmodeltester.check(model)
