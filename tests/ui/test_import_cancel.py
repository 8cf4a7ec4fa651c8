"""A long import in the window: its progress bar moves, and Stop keeps nothing of it."""

from __future__ import annotations

from pathlib import Path

from journal import people
from ui import tasks
from ui.dialogs import journal_files

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def linkedin_csv(path: Path, rows: int) -> Path:
    lines = (
        f"Ada{i},Byron{i},,ada{i}@example.org,Firm {i % 7},Buyer,12 Mar 2024\n" for i in range(rows)
    )
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    return path


def preview(window, qtbot, monkeypatch, path: Path):
    monkeypatch.setattr(journal_files, "choose_import_file", lambda _: path)
    window.registry["import"].trigger()
    flow = window.files.imports
    qtbot.waitUntil(lambda: flow.preview is not None and flow.preview.isVisible(), timeout=20000)
    return flow.preview


def test_stopping_an_import_keeps_nothing_and_the_dialog_stays(
    window, qtbot, monkeypatch, tmp_path
):
    people.add_person("Already here")
    dialog = preview(window, qtbot, monkeypatch, linkedin_csv(tmp_path / "big.csv", 10_000))
    dialog.import_button.click()
    assert dialog.busy and dialog.cancel_button.text() == "&Stop the import"
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not window.session.tasks.busy(), timeout=30000)
    assert people.count_people() == 1
    assert "nothing was imported" in window.statusBar().currentMessage()
    assert dialog.isVisible() and not dialog.busy and dialog.import_button.isEnabled()


def test_the_progress_bar_shows_how_far_the_import_got(window, qtbot, monkeypatch, tmp_path):
    # Every report reaches the bar (the runner otherwise sends at most twenty a second, and a
    # quick import may finish between two of them).
    monkeypatch.setattr(tasks, "REPORT_EVERY_S", 0.0)
    dialog = preview(window, qtbot, monkeypatch, linkedin_csv(tmp_path / "some.csv", 1500))
    seen: list[tuple[int, int]] = []
    dialog.bar.valueChanged.connect(lambda value: seen.append((value, dialog.bar.maximum())))
    dialog.import_button.click()
    qtbot.waitUntil(lambda: not window.session.tasks.busy(), timeout=30000)
    assert people.count_people() == 1500
    total = seen[-1][1]
    assert total > 0 and all(of == total for _, of in seen)  # determinate from the start
    assert len(seen) > 2 and seen[-1] == (total, total)
