"""The Brief button on the person page: the brief in the window, saved as PDF or Markdown."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal import goals
from ui.dialogs import journal_files
from ui.dialogs.brief_dialog import BriefDialog, file_name

from .helpers import CTRL, press, sample_people


def open_brief(window, qtbot, person_id: int) -> BriefDialog:
    window.open_person(person_id)
    window.person.page.header.brief_button.click()
    qtbot.waitUntil(lambda: window.findChild(BriefDialog) is not None)
    dialog = window.findChild(BriefDialog)
    assert dialog.isVisible()
    return dialog


def test_the_brief_shows_the_person(window, qtbot) -> None:
    ids = sample_people()
    goals.add_goal(ids["Grace Hopper"], "Teach compilers to the fleet", why="Fewer errors")
    dialog = open_brief(window, qtbot, ids["Grace Hopper"])
    text = dialog.view.toPlainText()
    assert "Grace Hopper" in text
    assert "Teach compilers to the fleet" in text
    assert dialog.windowTitle() == "Brief: Grace Hopper"
    dialog.close()


def test_ctrl_b_opens_the_brief_of_the_person_on_screen(window, qtbot) -> None:
    ids = sample_people()
    window.open_person(ids["Alan Turing"])
    press(qtbot, window, Qt.Key.Key_B, CTRL)
    qtbot.waitUntil(lambda: window.findChild(BriefDialog) is not None)
    assert "Alan Turing" in window.findChild(BriefDialog).view.toPlainText()
    window.findChild(BriefDialog).close()


def test_without_a_person_the_status_bar_explains(window) -> None:
    window.show_page("today")
    window.registry["brief"].trigger()
    assert window.findChild(BriefDialog) is None
    assert "Ctrl+B" in window.statusBar().currentMessage()


def test_save_as_pdf_writes_a_pdf_in_the_background(window, qtbot, tmp_path) -> None:
    ids = sample_people()
    dialog = open_brief(window, qtbot, ids["Ada Lovelace"])
    target = tmp_path / "ada.pdf"
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        assert dialog.save_pdf(target)
        assert not dialog.pdf_button.isEnabled()
    assert target.read_bytes().startswith(b"%PDF")
    assert str(target) in window.statusBar().currentMessage()
    assert dialog.pdf_button.isEnabled() and not dialog.bar.isVisible()
    dialog.close()


def test_save_as_markdown_through_the_chooser(window, qtbot, tmp_path, monkeypatch) -> None:
    ids = sample_people()
    target = tmp_path / "ada.md"
    monkeypatch.setattr(journal_files, "choose_save_file", lambda *a: target)
    dialog = open_brief(window, qtbot, ids["Ada Lovelace"])
    dialog.md_button.click()
    assert target.read_text(encoding="utf-8") == dialog.markdown
    assert "Ada Lovelace" in dialog.markdown
    dialog.close()


def test_file_names_are_safe() -> None:
    assert file_name('A/B: "C"', ".pdf").startswith("Brief A B C ")
    assert file_name("...", ".md").startswith("Brief person ")
