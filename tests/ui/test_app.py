"""Starting the app: the journal it opens, and a clear refusal when it cannot."""

from __future__ import annotations

from pathlib import Path

from journal import sample_folder
from ui import app as app_module
from ui import settings


def test_a_file_that_is_not_a_journal_is_refused(tmp_path: Path, monkeypatch, qapp) -> None:
    told: list[str] = []
    monkeypatch.setattr(app_module, "tell_cannot_open", told.append)
    bogus = tmp_path / "notes.sqlite"
    bogus.write_text("not a database at all")
    assert app_module.run_app(bogus) == 1
    assert "not a Rapport journal" in told[0]


def test_default_path_is_in_app_data(qapp) -> None:
    path = app_module.default_path()
    assert path.name == "journal.sqlite"


def test_sample_journal_opens_in_the_window(window) -> None:
    window.files.open_sample()
    path = window.journal.path
    assert path.name == "sample.sqlite"
    assert not window.today.is_welcome()
    assert path.resolve() not in settings.recent_journals()  # a throwaway copy
    window.close()
    window.journal.close()
    sample_folder.remove_own()
    assert not path.parent.exists()


def test_the_window_carries_the_application_icon_and_its_desktop_entry(qapp) -> None:
    application = app_module.application()
    assert not application.windowIcon().isNull()
    image = application.windowIcon().pixmap(64, 64).toImage()  # resources/icons/rapport.svg
    assert any(image.pixelColor(x, y).alpha() for x in range(64) for y in range(64))
    assert application.desktopFileName() == "rapport"  # packaging/rapport.desktop.in, installed
