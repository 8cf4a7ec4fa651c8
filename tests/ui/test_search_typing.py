"""Search as you type runs in a thread of its own: a newer keystroke supersedes the older query
(interrupted, or its answer dropped), and only the newest results are shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from journal import notes, people
from ui.pages.search import SearchPage

pytestmark = pytest.mark.both_backends


@pytest.fixture
def page(qtbot, journal) -> SearchPage:
    widget = SearchPage()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_only_the_newest_keystrokes_results_are_shown(qtbot, page) -> None:
    grace = people.add_person("Grace Hopper")
    for i in range(200):
        notes.add_note(grace.id, f"Budget call {i}: the board wants a smaller first step")
    ada = people.add_person("Ada Lovelace")
    notes.add_note(ada.id, "Bunting for the fair")
    shown: list[str] = []
    page.shown.connect(shown.append)
    for text in ("bu", "bud", "budg", "budget", "bunting"):  # faster than any answer comes
        page.box.setText(text)
        page.run_search()
    qtbot.waitUntil(lambda: page.showing == "bunting", timeout=10000)
    assert shown == ["bunting"]
    assert page.model.hit_count() == 1
    assert page.model.hit(page.model.first_hit_row()).person_name == "Ada Lovelace"


def test_enter_before_the_answer_came_opens_what_was_typed(qtbot, page) -> None:
    grace = people.add_person("Grace Hopper")
    notes.add_note(grace.id, "Budget talk")
    opened: list[int] = []
    page.openPerson.connect(lambda pid, _focus: opened.append(pid))
    page.box.setText("budget")  # the debounce timer runs: nothing asked yet
    qtbot.keyClick(page.box, Qt.Key.Key_Return)
    assert opened == [grace.id] and page.showing == "budget"


def test_clearing_the_box_drops_an_answer_on_its_way(qtbot, page) -> None:
    grace = people.add_person("Grace Hopper")
    notes.add_note(grace.id, "Budget talk")
    shown: list[str] = []
    page.shown.connect(shown.append)
    page.box.setText("budget")
    page.run_search()
    page.box.clear()
    page.run_search()
    assert page.showing == "" and page.model.hit_count() == 0
    page.box.setText("grace")  # answers come in order: "budget"'s, if any, before this one
    page.run_search()
    qtbot.waitUntil(lambda: page.showing == "grace", timeout=10000)
    assert shown == ["", "grace"]


def test_the_names_show_alone_until_the_rest_comes_then_stay_first(qtbot, page) -> None:
    carla = people.add_person("Carla Mendes", company="Harbour Foods")
    writer = people.add_person("Bo Lind")
    for i in range(80):  # notes enough to fill the results on their own
        notes.add_note(writer.id, f"Carla called about the harbour, call {i}")
    page.run_search()  # nothing typed: the two searches' threads are ready
    page.box.setText("carla")
    page.names_worker.ask("carla")  # the names alone: the full-text search not yet asked
    qtbot.waitUntil(lambda: page.names_showing == "carla", timeout=10000)
    assert page.showing != "carla" and page.status.text() == "Searching notes…"
    assert page.model.hit_count() == 1
    assert page.model.hit(page.model.first_hit_row()).person_id == carla.id
    page.run_search()
    qtbot.waitUntil(lambda: page.showing == "carla", timeout=10000)
    hits = [page.model.hit(r) for r in range(page.model.rowCount())]
    found = [h for h in hits if h is not None]
    assert len(found) >= 50 and [h.person_id for h in found if h.kind == "person"] == [carla.id]
    first = page.model.hit(page.model.first_hit_row())
    assert (first.person_id, first.kind) == (carla.id, "person")
    assert "\x02Carla\x03" in first.snippet
