"""Preferences: a cadence per tag and the cool-down after a strong no change who is in Today."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from journal import decisions, notes, people, preferences, tags
from ui.dialogs.preferences import PreferencesDialog


def reconnect_names(window) -> set[str]:
    model = window.today.reconnect_model
    return {model.index(r, 0).data() for r in range(model.rowCount())}


def open_preferences(window, qtbot) -> PreferencesDialog:
    window.registry["preferences"].trigger()
    dialog = window.preferences_dialog
    assert isinstance(dialog, PreferencesDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_a_tag_cadence_brings_people_into_today(window, qtbot) -> None:
    carla = people.add_person("Carla Costa", tags=["CFO"]).id
    people.add_person("Other Person", tags=["founder"], cadence_days=365)
    notes.add_note(carla, "Lunch", occurred_at=dt.datetime.now() - dt.timedelta(days=40))
    notes.add_note(people.find_people("Other Person")[0].id, "Call")
    window.show_page("today")
    assert "Carla Costa" not in reconnect_names(window)
    dialog = open_preferences(window, qtbot)
    assert set(dialog.cadence_boxes) == {"CFO", "founder"}
    box = dialog.cadence_boxes["CFO"]
    assert box.value() == 0 and box.text() == "no cadence"
    box.setValue(30)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert tags.tag_cadences() == {"CFO": 30}
    assert "Carla Costa" in reconnect_names(window)
    assert "Other Person" not in reconnect_names(window)


def test_the_cool_down_after_a_strong_no(window, qtbot) -> None:
    dan = people.add_person("Dan Novak", cadence_days=30).id
    notes.add_note(dan, "Pitched", occurred_at=dt.datetime.now() - dt.timedelta(days=40))
    decisions.record_decision(
        dan, "Payroll", "strong_no", decided_on=dt.date.today() - dt.timedelta(days=10)
    )
    window.show_page("today")
    assert "Dan Novak" not in reconnect_names(window)  # 90 days of quiet by default
    dialog = open_preferences(window, qtbot)
    assert dialog.cool_down.value() == preferences.DEFAULT_COOL_DOWN_DAYS
    dialog.cool_down.setValue(7)
    dialog.accept()
    assert preferences.cool_down_days() == 7
    assert "Dan Novak" in reconnect_names(window)
    dialog = open_preferences(window, qtbot)
    dialog.cool_down.setValue(30)
    dialog.reject()
    assert preferences.cool_down_days() == 7


def test_no_tags_yet_says_so(window, qtbot) -> None:
    dialog = open_preferences(window, qtbot)
    assert dialog.cadence_boxes == {}
    dialog.reject()
