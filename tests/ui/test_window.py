"""The real window on a real journal: pages, keyboard, adding, filtering, Today, search, trash."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu

from journal import people
from ui.dialogs.new_person import NewPersonDialog
from ui.dialogs.trash import TrashDialog

from .helpers import CTRL, add_people, sample_people

pytestmark = pytest.mark.both_backends


def test_empty_journal_shows_the_welcome(window) -> None:
    assert window.stack.currentWidget() is window.today
    assert window.today.is_welcome()
    welcome = window.findChild(type(window.today.welcome), "welcome")
    assert welcome.isVisible()
    for name in ("addPersonButton", "importButton", "sampleButton"):
        button = window.today.findChild(type(window.today.add_button), name)
        assert button.isVisible() and button.accessibleName()


def test_ctrl_n_adds_a_person_from_the_keyboard(window, qtbot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    dialog = window.findChild(NewPersonDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.name_edit, "Ada Lovelace")
    qtbot.keyClicks(dialog.company_edit, "Analytical Engines")
    qtbot.keyClick(dialog.company_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    (ada,) = people.find_people("Ada Lovelace")
    assert ada.company == "Analytical Engines"
    assert window.stack.currentWidget() is window.person
    assert window.person.current_person_id() == ada.id
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    assert window.stack.currentWidget() is window.people
    assert window.people.model.index(0, 0).data() == "Ada Lovelace"
    assert not window.today.is_welcome()


def test_new_person_needs_a_name(window, qtbot) -> None:
    window.registry["new_person"].trigger()
    dialog = window.findChild(NewPersonDialog)
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    dialog.reject()
    assert people.count_people() == 0


def test_filter_narrows_people_as_you_type(window, qtbot) -> None:
    sample_people()
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    window.people.refresh()
    table = window.people.table
    assert table.model().rowCount() == 3
    box = window.people.filter_box
    assert box.objectName() == "peopleFilter" and box.accessibleName()
    qtbot.keyClicks(box, "gra")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    assert table.model().index(0, 0).data() == "Grace Hopper"
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is table
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.person.current_person_id() == table.model().person_id(0)
    window.go_back()
    box.clear()
    qtbot.waitUntil(lambda: table.model().rowCount() == 3)
    window.people.good_fit_button.click()
    assert table.model().rowCount() == 1
    assert table.model().index(0, 0).data() == "Ada Lovelace"
    window.people.good_fit_button.click()
    window.people.tag_combo.setCurrentText("ops")
    window.people.tag_combo.activated.emit(1)
    assert [table.model().index(0, 0).data()] == ["Alan Turing"]


def test_today_shows_a_weak_no_to_revisit_and_a_follow_up(window, qtbot) -> None:
    ids = sample_people()
    window.today.refresh()
    assert not window.today.is_welcome()
    revisit = window.today.revisit_model
    assert revisit.rowCount() == 1
    assert revisit.index(0, 0).data() == "Grace Hopper"
    assert revisit.index(0, 2).data() == "● Weak no"
    assert "Budget is frozen" in revisit.index(0, 3).data()
    follow_ups = window.today.follow_up_model
    assert follow_ups.rowCount() == 1
    assert follow_ups.index(0, 1).data() == "Send the case study"
    table = window.today.follow_up_table
    table.setFocus()
    table.setCurrentIndex(follow_ups.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.person
    assert window.person.current_person_id() == ids["Alan Turing"]


def test_todays_columns_fit_their_content_and_one_takes_the_room(window, qtbot) -> None:
    sample_people()
    people.add_person("Maximiliana Oyelaran-Featherstonehaugh", cadence_days=7)
    window.show_page("today")
    window.today.refresh()
    for table in (
        window.today.reconnect_table,
        window.today.revisit_table,
        window.today.follow_up_table,
    ):
        header = table.horizontalHeader()
        model = table.model()
        for column in range(model.columnCount()):
            needed = max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
            if header.sectionResizeMode(column) == header.ResizeMode.Stretch:
                assert header.sectionSize(column) >= needed, (table.objectName(), column)
            else:
                assert header.sectionSize(column) == needed, (table.objectName(), column)
    reconnect = window.today.reconnect_table.horizontalHeader()
    assert reconnect.sectionResizeMode(0) != reconnect.ResizeMode.Stretch  # names fit, no gap


def test_search_as_you_type_and_open_a_result(window, qtbot) -> None:
    ids = sample_people()
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    assert window.stack.currentWidget() is window.search
    box = window.findChild(QLineEdit, "searchBox")
    assert QApplication.focusWidget() is box
    qtbot.keyClicks(box, "budget")
    qtbot.waitUntil(lambda: window.search.model.hit_count() == 1)
    assert "<b>" in window.search.model.index(1, 0).data(Qt.ItemDataRole.UserRole + 10)
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is window.search.results
    qtbot.keyClick(window.search.results, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.person
    assert window.person.current_person_id() == ids["Grace Hopper"]
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentWidget() is window.search


def test_search_survives_odd_input(window, qtbot) -> None:
    sample_people()
    window.focus_search()
    for text in ['"', "*", "AND (", "🙂", "x" * 10_000]:
        window.search.box.setText(text)
        window.search.run_search()
        qtbot.waitUntil(lambda text=text: window.search.showing == text)
        assert window.search.model.hit_count() == 0


def test_delete_trashes_the_person_and_undo_restores(window, qtbot) -> None:
    (ada, _bob) = add_people("Ada", "Bob")
    window.open_person(ada)
    qtbot.keyClick(window, Qt.Key.Key_Delete)
    assert people.get_person(ada).trashed_at is not None
    assert window.stack.currentWidget() is not window.person
    window.show_page("people")
    assert window.people.model.rowCount() == 1
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert people.get_person(ada).trashed_at is None
    assert window.people.model.rowCount() == 2
    window.registry["redo"].trigger()
    assert people.get_person(ada).trashed_at is not None


def test_restore_from_the_trash_dialog(window, qtbot) -> None:
    (ada,) = add_people("Ada")
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    window.people.table.setFocus()
    window.people.select_person(ada)
    qtbot.keyClick(window.people.table, Qt.Key.Key_Delete)
    assert people.get_person(ada).trashed_at is not None
    assert window.people.model.rowCount() == 0
    window.registry["trash"].trigger()
    dialog = window.findChild(TrashDialog)
    assert dialog.isVisible() and dialog.model.rowCount() == 1
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert people.get_person(ada).trashed_at is None
    assert window.people.model.rowCount() == 1
    assert dialog.model.rowCount() == 0


def test_show_trashed_lists_trashed_people(window, qtbot) -> None:
    (ada, _bob) = add_people("Ada", "Bob")
    people.trash_person(ada)
    window.registry["show_trashed"].trigger()
    assert window.stack.currentWidget() is window.people
    assert window.people.model.rowCount() == 1
    assert window.people.model.index(0, 0).data() == "Ada"


def test_ctrl_number_switches_pages(window, qtbot) -> None:
    for key, page in (
        (Qt.Key.Key_2, window.people),
        (Qt.Key.Key_3, window.decisions),
        (Qt.Key.Key_4, window.search),
        (Qt.Key.Key_1, window.today),
    ):
        qtbot.keyClick(window, key, CTRL)
        assert window.stack.currentWidget() is page
        assert page.objectName() and page.accessibleName()
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Down)
    assert window.stack.currentWidget() is window.people


def test_decisions_page_puts_unfinished_first(window, qtbot) -> None:
    from journal import decisions

    ids = sample_people()
    decisions.record_decision(ids["Ada Lovelace"], "Training", "yes")
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    model = window.decisions.model
    assert [model.index(r, 2).data() for r in range(2)] == ["● Weak no", "Yes"]
    window.decisions.set_outcomes(("yes",))
    assert model.rowCount() == 1
    window.decisions.table.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(window.decisions.table, Qt.Key.Key_Return)
    assert window.person.current_person_id() == ids["Ada Lovelace"]


def test_window_remembers_its_page(make_window, qtbot) -> None:
    first = make_window()
    first.show_page("decisions")
    first.close()
    second = make_window()
    assert second.stack.currentWidget() is second.decisions


@pytest.mark.sqlite_only("a file journal's backup is a copy of the file")
def test_backup_now_runs_in_the_background_and_says_where(window, qtbot, tmp_path) -> None:
    add_people("Ada")
    window.registry["backup"].trigger()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Backup saved to "))
    (copy,) = (tmp_path / "backups").glob("*.sqlite")
    assert str(copy) in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: not window.files.busy())


def test_shortcuts_dialog_lists_the_registry(window) -> None:
    rows = dict(window.registry.shortcut_table())
    assert rows["New person"] == "Ctrl+N"
    assert rows["Find in the journal"].startswith("Ctrl+K")
    assert rows["Move person to trash"] == "Del"
    assert rows["Back"] == "Alt+Left"
    window.registry["shortcuts"].trigger()
    window.registry["about"].trigger()


def test_every_action_is_in_a_menu(window) -> None:
    in_menus = {
        action.objectName()
        for menu in window.menuBar().findChildren(QMenu)
        for action in menu.actions()
    }
    missing = [a.objectName() for a in window.registry.actions() if a.objectName() not in in_menus]
    assert missing == []


def test_new_note_opens_the_selected_person(window, qtbot) -> None:
    (ada,) = add_people("Ada")
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert "Open a person first" in window.statusBar().currentMessage()
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    window.people.select_person(ada)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.stack.currentWidget() is window.person
    assert window.person.current_person_id() == ada


def test_ctrl_k_works_from_inside_a_text_box(window, qtbot) -> None:
    window.show_page("people")
    box = window.people.filter_box
    box.setFocus()
    qtbot.keyClicks(box, "abc")
    qtbot.keyClick(box, Qt.Key.Key_K, CTRL)
    assert window.stack.currentWidget() is window.search
    assert QApplication.focusWidget() is window.search.box


def test_delete_in_a_text_box_deletes_text_not_the_person(window, qtbot) -> None:
    (ada,) = add_people("Ada")
    window.show_page("people")
    window.people.select_person(ada)
    box = window.people.filter_box
    box.setFocus()
    qtbot.keyClicks(box, "Ad")
    qtbot.keyClick(box, Qt.Key.Key_Home)
    qtbot.keyClick(box, Qt.Key.Key_Delete)
    assert box.text() == "d"
    assert people.get_person(ada).trashed_at is None
