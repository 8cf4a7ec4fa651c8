"""The Lessons page on a real journal: grouping by offer and by tag, the filter, the themes."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from journal import decisions, people
from journal.lessons import group_lessons, lessons
from ui.item_models.lessons_model import LessonsModel

from .helpers import CTRL

pytestmark = pytest.mark.both_backends


def record_lessons() -> dict[str, int]:
    ids = {
        "Tom": people.add_person("Tom Reed", tags=["CFO"]).id,
        "Lena": people.add_person("Lena Park", tags=["founder"]).id,
        "Omar": people.add_person("Omar Haddad", tags=["CFO"]).id,
    }
    week_ago = dt.date.today() - dt.timedelta(days=7)
    decisions.record_decision(
        ids["Tom"],
        "Bookkeeping",
        "weak_no",
        decided_on=week_ago,
        lesson="Start with a smaller first step",
        objections=["Too expensive right now"],
    )
    decisions.record_decision(
        ids["Lena"], "Bookkeeping", "strong_no", decided_on=week_ago, lesson="Ask about the partner"
    )
    decisions.record_decision(
        ids["Omar"],
        "Payroll",
        "undecided",
        decided_on=week_ago,
        lesson="Show the dashboard, not the price list",
        objections=["too expensive", "Bad timing"],
    )
    decisions.record_decision(ids["Lena"], "Payroll", "yes", decided_on=week_ago)
    return ids


def groups(page) -> list[str]:
    model = page.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def children(page, row: int) -> list[str]:
    model = page.model
    parent = model.index(row, 0)
    return [model.index(r, 1, parent).data() for r in range(model.rowCount(parent))]


def test_lessons_grouped_by_offer_and_by_tag(window, qtbot) -> None:
    record_lessons()
    qtbot.keyClick(window, Qt.Key.Key_6, CTRL)
    page = window.lessons_page
    assert window.stack.currentWidget() is page
    assert groups(page) == ["Bookkeeping (2)", "Payroll (1)"]
    assert sorted(children(page, 0)) == ["Lena Park", "Tom Reed"]
    page.by_tag.click()
    assert page.grouping() == "tag"
    assert groups(page) == ["CFO (2)", "founder (1)"]
    assert sorted(children(page, 0)) == ["Omar Haddad", "Tom Reed"]
    page.by_offer.click()
    assert groups(page) == ["Bookkeeping (2)", "Payroll (1)"]


def test_lessons_filter_and_open_the_decision(window, qtbot) -> None:
    ids = record_lessons()
    window.show_page("lessons")
    page = window.lessons_page
    qtbot.keyClicks(page.filter_box, "dashboard")
    qtbot.waitUntil(lambda: groups(page) == ["Payroll (1)"])
    assert page.count.text() == "1 lesson"
    lesson = page.model.index(0, 0, page.model.index(0, 0))
    page.tree.doubleClicked.emit(lesson)
    assert window.person.current_person_id() == ids["Omar"]
    window.go_back()
    page.filter_box.setText('"AND ( *')
    qtbot.waitUntil(lambda: page.count.text() == "No lessons match.")


def test_objections_by_theme_and_the_chart(window, qtbot) -> None:
    ids = record_lessons()
    window.show_page("lessons")
    page = window.lessons_page
    themes = page.themes
    assert [themes.index(r, 0).data() for r in range(themes.rowCount())] == [
        "Price — 2 people",
        "Timing — 1 person",
    ]
    price = themes.index(0, 0)
    said = [
        [themes.index(r, c, price).data() for c in range(2)] for r in range(themes.rowCount(price))
    ]
    assert said == [["Too expensive right now", "Tom Reed"], ["too expensive", "Omar Haddad"]]
    omar = themes.index(1, 0, price)
    page.themes_tree.doubleClicked.emit(omar)
    assert window.person.current_person_id() == ids["Omar"]
    window.go_back()
    months = page.chart.months
    assert len(months) == 12
    assert sum(m.informed for m in months) == 2 and sum(m.unfinished for m in months) == 2
    assert "%" not in page.chart.accessibleDescription()
    page.chart.grab()  # paints without complaint


def test_lessons_model_passes_the_model_tester(qtmodeltester, journal) -> None:
    record_lessons()
    model = LessonsModel()
    model.set_groups(group_lessons(lessons(), by="tag"))
    qtmodeltester.check(model)
    model.set_groups({})
    qtmodeltester.check(model)
