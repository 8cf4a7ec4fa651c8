"""The Personas page over a real journal: marking tags, what a persona shares, its note."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from journal import decisions, goals, people, tags
from ui.item_models.records_model import PERSON_ID_ROLE

from .helpers import CTRL

pytestmark = pytest.mark.both_backends


def cfo_people() -> dict[str, int]:
    ids = {
        name: people.add_person(name, tags=tag_names).id
        for name, tag_names in (
            ("Ana Ruiz", ["CFO"]),
            ("Bruno Lima", ["CFO", "founder"]),
            ("Dora Shah", ["founder"]),
        )
    }
    goals.add_goal(ids["Ana Ruiz"], "Close the month in five days")
    goals.add_goal(ids["Bruno Lima"], "close the month in five days!")
    decisions.record_decision(
        ids["Bruno Lima"],
        "Board pack",
        "strong_no",
        objections=["Too expensive"],
        better_fit="Quarterly would do",
    )
    return ids


def rows(model, parent=None) -> list[str]:
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def test_the_page_explains_personas_until_a_tag_is_marked(window, qtbot) -> None:
    cfo_people()
    qtbot.keyClick(window, Qt.Key.Key_8, CTRL)
    page = window.personas_page
    assert window.stack.currentWidget() is page
    assert page.empty.isVisible() and "Preferences" in page.empty.text()
    window.session.run(window, "Marking", tags.set_persona, "CFO", True)
    assert not page.empty.isVisible()
    assert page.names.stringList() == ["CFO"]


def test_a_persona_shows_what_its_people_share_and_opens_them(window, qtbot) -> None:
    ids = cfo_people()
    tags.set_persona("CFO", True)
    window.show_page("personas")
    page = window.personas_page
    assert page.title.text() == "CFO · 2 people"
    model = page.model
    assert rows(model) == [
        "People (2)",
        "Open goals (1)",
        "Objections about price — 1 person",
        "Lessons from the nos (1)",
        "Offers made, and what people decided (1)",
    ]
    goals_section = model.index(1, 0)
    goal = model.index(0, 0, goals_section)
    assert goal.data() == "Close the month in five days"
    assert model.index(0, 1, goals_section).data() == "Ana Ruiz, Bruno Lima"
    assert rows(model, goal) == ["Close the month in five days", "close the month in five days!"]
    lesson = model.index(0, 0, model.index(3, 0))
    assert lesson.data() == "How could we have been a better fit? Quarterly would do"
    offer_section = model.index(4, 0)
    assert model.index(0, 1, offer_section).data() == "1 strong no"
    assert "%" not in model.index(0, 1, offer_section).data()
    bruno = model.index(1, 0, goal)
    assert bruno.data(PERSON_ID_ROLE) == ids["Bruno Lima"]
    page.tree.setFocus()
    page.tree.setCurrentIndex(bruno)
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    assert window.person.current_person_id() == ids["Bruno Lima"]
    window.go_back()
    objection = model.index(0, 0, model.index(2, 0))
    page.tree.doubleClicked.emit(objection)
    assert window.person.current_person_id() == ids["Bruno Lima"]
    editor = window.person.page.decisions.editor
    assert editor.decision is not None and editor.decision.offer == "Board pack"


def test_the_messaging_note_saves_as_it_is_typed_and_reaches_the_brief(window, qtbot) -> None:
    ids = cfo_people()
    tags.set_persona("CFO", True)
    window.show_page("personas")
    page = window.personas_page
    page.messaging.setFocus()
    qtbot.keyClicks(page.messaging, "Open with the **board pack**")
    qtbot.waitUntil(
        lambda: tags.messaging_for(ids["Ana Ruiz"]) == [("CFO", "Open with the **board pack**")]
    )
    window.open_person(ids["Ana Ruiz"])
    window.show_brief()
    dialog = window.brief_dialog
    assert "## Talking to CFO" in dialog.markdown
    assert "Open with the board pack" in dialog.view.toPlainText()  # rendered, not raw
    dialog.reject()


def test_preferences_and_the_tags_menu_mark_personas(window, qtbot) -> None:
    ids = cfo_people()
    window.registry["preferences"].trigger()
    dialog = window.preferences_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert set(dialog.persona_boxes) == {"CFO", "founder"}
    dialog.persona_boxes["founder"].setChecked(True)
    dialog.accept()
    assert [t.name for t in tags.tag_infos() if t.persona] == ["founder"]
    window.open_person(ids["Bruno Lima"])
    header = window.person.page.header
    menu = header.tags_menu()
    marks = {a.text(): a for a in menu.actions() if a.isCheckable()}
    assert {k: a.isChecked() for k, a in marks.items()} == {
        "“CFO” is a persona": False,
        "“founder” is a persona": True,
    }
    marks["“CFO” is a persona"].trigger()
    assert {t.name for t in tags.tag_infos() if t.persona} == {"CFO", "founder"}
    window.show_page("personas")
    assert window.personas_page.names.stringList() == ["CFO", "founder"]
    menu.deleteLater()
