"""File → Export…: every format written off the GUI thread, and each one parses back."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
import vobject
from shiboken6 import isValid

from journal import followups, interchange, people
from ui.dialogs import journal_files
from ui.dialogs.export_dialog import ExportDialog

from .helpers import sample_people


def export_dialog(window) -> ExportDialog:
    window.registry["export"].trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def run_export(window, qtbot, kind: str, target: Path) -> None:
    dialog = export_dialog(window)
    dialog.set_format(kind)
    dialog.set_target(target)
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        assert dialog.start()
        assert dialog.bar.isVisible() and not dialog.export_button.isEnabled()
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible())
    assert window.statusBar().currentMessage() == f"Exported 3 people to {target}"


@pytest.fixture
def journal_with_people(window) -> dict[str, int]:
    ids = sample_people()
    people.update_person(ids["Ada Lovelace"], emails=["ada@engines.example"], cadence_days=30)
    followups.add_follow_up(ids["Ada Lovelace"], "Send the notes", dt.date.today())
    return ids


def test_json_parses_back(window, qtbot, tmp_path, journal_with_people) -> None:
    target = tmp_path / "journal.json"
    run_export(window, qtbot, "json", target)
    document = interchange.load_json(target)
    assert sorted(p["name"] for p in document["people"]) == [
        "Ada Lovelace",
        "Alan Turing",
        "Grace Hopper",
    ]


def test_vcard_parses_back(window, qtbot, tmp_path, journal_with_people) -> None:
    target = tmp_path / "people.vcf"
    run_export(window, qtbot, "vcard", target)
    cards = list(vobject.readComponents(target.read_text(encoding="utf-8")))
    assert sorted(c.fn.value for c in cards) == ["Ada Lovelace", "Alan Turing", "Grace Hopper"]
    ada = next(c for c in cards if c.fn.value == "Ada Lovelace")
    assert ada.email.value == "ada@engines.example"


def test_csv_parses_back(window, qtbot, tmp_path, journal_with_people) -> None:
    target = tmp_path / "people.csv"
    run_export(window, qtbot, "csv", target)
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 3
    assert {r["name"] for r in rows} == {"Ada Lovelace", "Alan Turing", "Grace Hopper"}
    assert next(r for r in rows if r["name"] == "Ada Lovelace")["emails"] == "ada@engines.example"


def test_ics_parses_back(window, qtbot, tmp_path, journal_with_people) -> None:
    target = tmp_path / "dates.ics"
    run_export(window, qtbot, "ics", target)
    (calendar,) = vobject.readComponents(target.read_text(encoding="utf-8"))
    summaries = [c.summary.value for c in calendar.getChildren() if hasattr(c, "summary")]
    assert any("Send the notes" in s for s in summaries)
    assert any("Send the case study" in s for s in summaries)
    assert any("Quarterly workshop" in s for s in summaries)


def test_markdown_folder_has_a_page_per_person(window, qtbot, tmp_path, journal_with_people):
    target = tmp_path / "notes"
    run_export(window, qtbot, "markdown", target)
    pages = sorted(p.name for p in target.iterdir())
    assert len(pages) == 4  # three people and the index
    assert any("Grace Hopper" in (target / p).read_text(encoding="utf-8") for p in pages)


def test_the_target_follows_the_format(window, tmp_path) -> None:
    dialog = export_dialog(window)
    dialog.set_format("json")
    dialog.set_target(tmp_path / "mine.json")
    dialog.set_format("vcard")
    assert dialog.target_path() == tmp_path / "mine.vcf"
    dialog.set_format("markdown")
    assert dialog.target_path() == tmp_path / "mine"
    assert "new folder" in dialog.note.text()
    (tmp_path / "mine.csv").write_text("x")
    dialog.set_format("csv")
    assert dialog.target_path() == tmp_path / "mine.csv"
    assert "replaces it" in dialog.note.text()
    dialog.set_target(tmp_path / "nowhere" / "mine.csv")
    assert "is not a folder" in dialog.note.text()
    assert not dialog.export_button.isEnabled()
    dialog.reject()


def test_a_chosen_file_becomes_the_target(window, tmp_path, monkeypatch) -> None:
    chosen = tmp_path / "picked.ics"
    monkeypatch.setattr(journal_files, "choose_save_file", lambda *a: chosen)
    dialog = export_dialog(window)
    dialog.set_format("ics")
    dialog.choose.click()
    assert dialog.target_path() == chosen
    dialog.reject()


def test_a_refused_target_says_why_and_the_dialog_stays(window, qtbot, tmp_path, monkeypatch):
    said: list[str] = []
    monkeypatch.setattr("ui.guard._tell", lambda parent, action, what, _: said.append(what))
    busy = tmp_path / "full"
    busy.mkdir()
    (busy / "keep.txt").write_text("mine")
    dialog = export_dialog(window)
    dialog.set_format("markdown")
    dialog.set_target(busy)
    dialog.start()
    qtbot.waitUntil(lambda: bool(said))
    assert "not empty" in said[0]
    assert dialog.isVisible() and dialog.export_button.isEnabled()
    assert (busy / "keep.txt").read_text() == "mine"
    dialog.reject()
