"""File → Import…: the file is read and planned off the GUI thread, previewed, then imported."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from journal import notes, people
from ui.dialogs import journal_files
from ui.dialogs.import_preview import ImportPreviewDialog
from ui.item_models.import_plan import plan_models

from .helpers import add_people

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "contacts"


def preview_of(window, qtbot, path: Path, monkeypatch) -> ImportPreviewDialog:
    monkeypatch.setattr(journal_files, "choose_import_file", lambda _: path)
    window.registry["import"].trigger()
    flow = window.files.imports
    qtbot.waitUntil(lambda: flow.preview is not None and flow.preview.isVisible())
    return flow.preview


def texts(dialog: ImportPreviewDialog, name: str, column: int) -> list[str]:
    return dialog.models[name].column_texts(column)


def test_linkedin_preview_shows_added_merged_and_skipped(window, qtbot, monkeypatch) -> None:
    (priya,) = add_people("Priya Raman", emails=["priya.raman@northwind.example"])
    dialog = preview_of(window, qtbot, FIXTURES / "Connections.csv", monkeypatch)
    assert "LinkedIn CSV" in dialog.summary.text()
    assert texts(dialog, "added", 0) == ["Tom O'Neil", "Léa Fontaine"]
    assert texts(dialog, "added", 1) == ["Contoso, Ltd", "Fabrikam"]
    assert texts(dialog, "added", 3) == ["line 6", "line 8"]
    assert dialog.models["merged"].row_texts(0) == (
        "Priya Raman",
        "Priya Raman",
        "company, role, how we met, date met",
        "line 5",
    )
    assert dialog.models["skipped"].row_texts(0) == ("line 7", "no name")
    assert [dialog.tabs.tabText(i) for i in range(3)] == [
        "To add (2)",
        "To merge (1)",
        "Skipped (1)",
    ]
    assert people.count_people() == 1 and people.get_person(priya).company == ""


def test_cancel_writes_nothing(window, qtbot, monkeypatch) -> None:
    dialog = preview_of(window, qtbot, FIXTURES / "vcard-4.0.vcf", monkeypatch)
    assert texts(dialog, "added", 0) == ["Sofía Castañeda"]
    dialog.cancel_button.click()
    assert window.files.imports.preview is None
    assert people.count_people() == 0
    assert window.today.is_welcome()


def test_import_writes_and_people_refreshes(window, qtbot, monkeypatch) -> None:
    window.show_page("people")
    assert window.people.model.rowCount() == 0
    dialog = preview_of(window, qtbot, FIXTURES / "vcard-4.0.vcf", monkeypatch)
    assert "vCard" in dialog.summary.text()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Imported:"))
    assert "1 added, 0 merged, 0 skipped (vCard)" in window.statusBar().currentMessage()
    assert window.files.imports.preview is None
    assert window.people.model.rowCount() == 1
    (sofia,) = people.find_people("Sofía Castañeda")
    assert sofia.company == "Andes Logística"
    assert "Prefers calls" in notes.notes_of(sofia.id)[0].body


def test_a_vcard_with_a_bad_card_lists_it(window, qtbot, monkeypatch) -> None:
    dialog = preview_of(window, qtbot, FIXTURES / "one-bad-card.vcf", monkeypatch)
    assert texts(dialog, "added", 0) == ["First Good", "Second Good"]
    assert texts(dialog, "added", 3) == ["card 1", "card 3"]
    assert dialog.models["skipped"].row_texts(0)[0] == "card 2"
    assert not dialog.tabs.isTabEnabled(1)  # nobody to merge


@pytest.mark.parametrize("content", [os.urandom(2048), b"", b"Date,Amount\n2024-01-02,12.50\n"])
def test_a_file_that_is_not_contacts_is_refused(
    window, qtbot, tmp_path, monkeypatch, content, message_boxes
):
    junk = tmp_path / "junk.csv"
    junk.write_bytes(content)
    monkeypatch.setattr(journal_files, "choose_import_file", lambda _: junk)
    message_boxes.expect("junk.csv cannot be imported: ")
    window.registry["import"].trigger()
    flow = window.files.imports
    qtbot.waitUntil(lambda: len(message_boxes.shown) == 1)
    refusal = message_boxes.only()
    assert refusal.text.startswith("junk.csv cannot be imported: ")
    assert "\n" not in refusal.text
    assert refusal.informative == "Nothing was changed in the journal."
    assert flow.preview is None
    assert people.count_people() == 0
    assert flow.refusal is None  # answered: the flow let go of it


def test_a_file_already_imported_has_nothing_to_import(window, qtbot, monkeypatch) -> None:
    add_people("Sofía Castañeda", emails=["sofia@andes-logistica.example"])
    dialog = preview_of(window, qtbot, FIXTURES / "vcard-4.0.vcf", monkeypatch)
    dialog_merged = dialog.models["merged"].row_texts(0)
    assert dialog_merged[:2] == ("Sofía Castañeda", "Sofía Castañeda")
    assert dialog.import_button.isEnabled()  # it fills the company and more
    dialog.import_button.click()
    qtbot.waitUntil(lambda: window.files.imports.preview is None)
    again = preview_of(window, qtbot, FIXTURES / "vcard-4.0.vcf", monkeypatch)
    assert again.models["merged"].row_texts(0)[2] == "nothing new"
    assert not again.import_button.isEnabled()


def test_the_plan_models_pass_the_model_tester(window, qtbot, monkeypatch, qtmodeltester):
    add_people("Priya Raman", emails=["priya.raman@northwind.example"])
    dialog = preview_of(window, qtbot, FIXTURES / "Connections.csv", monkeypatch)
    for model in plan_models(dialog.plan, dialog).values():
        qtmodeltester.check(model)


def test_near_duplicates_are_offered_after_the_import(window, qtbot, tmp_path, monkeypatch):
    add_people("Jon Smith", emails=["jon@acme.example"])
    csv = tmp_path / "team.csv"
    csv.write_text("Name,Email\nJohn Smith,john@acme.example\n", encoding="utf-8")
    dialog = preview_of(window, qtbot, csv, monkeypatch)
    assert "1 possible duplicate to review" in dialog.summary.text()
    dialog.import_button.click()
    flow = window.files.imports
    qtbot.waitUntil(lambda: flow.duplicates is not None and flow.duplicates.isVisible())
    assert flow.duplicates.model.row_texts(0)[0] == "John Smith"
    assert flow.duplicates.model.row_texts(0)[3] == "Jon Smith"
    flow.duplicates.close()
