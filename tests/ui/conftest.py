"""The real window on a real journal file in tmp_path, with settings kept in tmp_path too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from journal.storage import Journal

from .messageboxes import MessageBoxes

# The offscreen platform says this whenever a window is shown; it is not about Rapport.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, qapp: QApplication) -> Iterator[Path]:
    folder = tmp_path / "settings"
    folder.mkdir()
    QCoreApplication.setOrganizationName("RapportTest")
    QCoreApplication.setApplicationName("RapportTest")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[MessageBoxes]:
    """Message boxes are recorded and answered, never left waiting; an unexpected one fails."""
    boxes = MessageBoxes()
    boxes.install(monkeypatch)
    yield boxes
    boxes.check()


@pytest.fixture(autouse=True)
def bug_log(tmp_path: Path) -> Iterator[Path]:
    """Bugs are logged in tmp_path, not in the app-data folder."""
    from ui import bugs

    folder = tmp_path / "logs"
    bugs.use_log_folder(folder)
    yield folder / bugs.LOG_NAME
    bugs.dismiss()
    bugs.use_log_folder(None)


@pytest.fixture
def make_window(qtbot, journal: Journal):
    from ui.app import build_window

    def make():
        window = build_window(journal)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def window(make_window):
    return make_window()


@pytest.fixture
def page(qtbot, journal: Journal):  # -> ui.person.page.PersonPage
    """The person page on its own, at the window's size."""
    from ui.person.page import PersonPage

    widget = PersonPage()
    qtbot.addWidget(widget)
    # Like the main window: after a saved edit, the person is shown again.
    widget.personChanged.connect(lambda pid: widget.show_person(pid))
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget
