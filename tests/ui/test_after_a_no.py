"""The decision editor after a no: the three questions, the weak-no offer, objection themes."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPlainTextEdit

from journal import decisions, people, search

pytestmark = pytest.mark.both_backends


def choose(qtbot, combo: QComboBox, value: str) -> None:
    """Pick an item as a person would: focus the combo, then move to it with the arrow keys."""
    combo.setFocus()
    target = combo.findData(value)
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, key)


def test_the_questions_show_for_a_no_and_not_for_a_yes(qtbot, page, journal) -> None:
    ann = people.add_person("Ann")
    d = decisions.record_decision(ann.id, "Retainer", "yes", reason="Saw the value")
    page.show_person(ann.id, focus=("decision", d.id))
    editor = page.decisions.editor
    assert not editor.questions_shown()
    assert not editor.findChild(QPlainTextEdit, "better_fitEdit").isVisible()
    choose(qtbot, editor.outcome, "strong_no")
    qtbot.waitUntil(lambda: decisions.get_decision(d.id).outcome == "strong_no")
    assert editor.questions_shown()
    fit = editor.findChild(QPlainTextEdit, "better_fitEdit")
    assert fit.isVisible()
    qtbot.keyClicks(fit, "Quarterly, not monthly")
    editor.findChild(QPlainTextEdit, "expectedEdit").setFocus()  # leaving saves
    qtbot.waitUntil(lambda: decisions.get_decision(d.id).better_fit == "Quarterly, not monthly")
    assert [h.record_id for h in search.search("quarterly")] == [d.id]
    choose(qtbot, editor.outcome, "weak_no")
    qtbot.waitUntil(lambda: decisions.get_decision(d.id).outcome == "weak_no")
    assert editor.questions_shown()
    choose(qtbot, editor.outcome, "yes")
    qtbot.waitUntil(lambda: decisions.get_decision(d.id).outcome == "yes")
    assert not editor.questions_shown() and not fit.isVisible()
    assert decisions.get_decision(d.id).better_fit == "Quarterly, not monthly"  # kept, not shown


def test_a_hedged_strong_no_is_offered_as_weak_never_changed_silently(qtbot, page) -> None:
    ann = people.add_person("Ann")
    d = decisions.record_decision(ann.id, "Retainer", "strong_no", reason="Not now, after Easter")
    firm = decisions.record_decision(ann.id, "Payroll", "strong_no", reason="Does it herself")
    page.show_person(ann.id, focus=("decision", firm.id))
    editor = page.decisions.editor
    assert not editor.weak_offer.isVisible()
    page.show_person(ann.id, focus=("decision", d.id))
    assert editor.weak_offer.isVisible()
    assert "Not now" in editor.weak_text.text()
    assert decisions.get_decision(d.id).outcome == "strong_no"
    revisit = dt.date.today() + dt.timedelta(days=30)
    editor.weak_revisit.setDate(revisit)
    qtbot.mouseClick(editor.weak_button, Qt.MouseButton.LeftButton)
    changed = decisions.get_decision(d.id)
    assert (changed.outcome, changed.revisit_on) == ("weak_no", revisit)
    assert editor.outcome.currentData() == "weak_no"
    assert editor.revisit.value() == revisit
    assert not editor.weak_offer.isVisible()
    assert "not finished" in editor.badge.text()


def test_an_objection_theme_is_shown_and_changed_in_one_go(qtbot, page) -> None:
    ann = people.add_person("Ann")
    d = decisions.record_decision(
        ann.id, "Plan", "weak_no", objections=["Too expensive", "Her partner decides"]
    )
    page.show_person(ann.id, focus=("decision", d.id))
    editor = page.decisions.editor
    view = editor.objection_view
    assert view.model().index(0, 0).data() == "Too expensive  ·  Price"
    view.setCurrentIndex(view.model().index(1, 0))
    assert editor.objection_theme.currentData() == "authority"
    choose(qtbot, editor.objection_theme, "trust")  # each key press picks and saves
    qtbot.waitUntil(
        lambda: [o.theme for o in decisions.get_decision(d.id).objections] == ["price", "trust"]
    )
    assert view.model().index(1, 0).data() == "Her partner decides  ·  Trust"
    assert view.currentIndex().row() == 1


def test_the_decisions_page_filters_by_objection_theme(window, qtbot) -> None:
    ann = people.add_person("Ann")
    bob = people.add_person("Bob")
    decisions.record_decision(ann.id, "Retainer", "weak_no", objections=["Too expensive"])
    decisions.record_decision(bob.id, "Audit", "undecided", objections=["The board decides"])
    decisions.record_decision(bob.id, "Payroll", "yes")
    window.show_page("decisions")
    decisions_page = window.decisions
    model = decisions_page.model

    def people_shown() -> list[str]:
        return [model.index(r, 0).data() for r in range(model.rowCount())]

    assert sorted(people_shown()) == ["Ann", "Bob", "Bob"]
    choose(qtbot, decisions_page.theme_combo, "authority")
    assert people_shown() == ["Bob"] and model.index(0, 1).data() == "Audit"
    choose(qtbot, decisions_page.theme_combo, "price")
    assert people_shown() == ["Ann"]
    choose(qtbot, decisions_page.theme_combo, "fit")
    assert people_shown() == []


def test_the_glance_strip_shows_what_is_open_and_opens_it(qtbot, page) -> None:
    from journal import goals, pains

    ann = people.add_person("Ann")
    page.show_person(ann.id)
    assert not page.glance.isVisible()  # nothing open: no strip
    goal = goals.add_goal(ann.id, "Open a second shop")
    goals.add_goal(ann.id, "Done already", status="attained")
    pains.add_pain(ann.id, "Payroll by hand")
    d = decisions.record_decision(
        ann.id,
        "Payroll service",
        "weak_no",
        revisit_on=dt.date(2027, 3, 4),
        objections=["Too expensive", "Her brother does it"],
    )
    decisions.update_objection(d.objections[1].id, addressed=True)
    decisions.record_decision(ann.id, "Audit", "strong_no", objections=["Never"])
    page.show_person(ann.id)
    glance = page.glance
    assert glance.isVisible() and page.tabs.currentWidget() is page.journal
    assert glance.text("goals") == "Open a second shop"
    assert glance.text("pains") == "Payroll by hand"
    assert glance.text("unfinished") == "Payroll service (weak no, revisit 4 Mar): Too expensive"
    glance.rows["goals"][1].linkActivated.emit(f"goal:{goal.id}")
    assert page.tabs.currentWidget() is page.goals
    glance.rows["unfinished"][1].linkActivated.emit(f"decision:{d.id}")
    assert page.decisions.editor.decision.id == d.id
    for i in range(5):
        goals.add_goal(ann.id, f"Goal {i}")
    decisions.add_objection(d.id, "Timing")  # a change made on the page itself
    page.show_person(ann.id)
    assert glance.text("goals").endswith("and 2 more")
    assert glance.text("unfinished").endswith("Too expensive; Timing")


def test_the_weak_no_offer_and_a_theme_change_are_undone_with_ctrl_z(window, qtbot) -> None:
    ann = people.add_person("Ann")
    d = decisions.record_decision(
        ann.id, "Retainer", "strong_no", reason="Not now", objections=["Too expensive"]
    )
    window.open_person(ann.id, ("decision", d.id))
    editor = window.person.page.decisions.editor
    qtbot.mouseClick(editor.weak_button, Qt.MouseButton.LeftButton)
    assert decisions.get_decision(d.id).outcome == "weak_no"
    editor.objection_view.setCurrentIndex(editor.objections.index(0))
    choose(qtbot, editor.objection_theme, "need")  # through timing and authority: one step
    assert decisions.get_decision(d.id).objections[0].theme == "need"
    undo = window.registry["undo"]
    undo.trigger()
    assert decisions.get_decision(d.id).objections[0].theme == "price"
    undo.trigger()
    back = decisions.get_decision(d.id)
    assert (back.outcome, back.revisit_on) == ("strong_no", None)
    assert editor.weak_offer.isVisible()
