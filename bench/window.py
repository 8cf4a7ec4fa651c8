"""What a person feels inside the window (offscreen): typing, filtering, scrolling, opening, saving.

Each keystroke is timed from the key press to the results shown: the page's refresh is called
at once (instead of waiting for its debounce timer), then events are processed until the view
has laid out and painted its rows.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QPoint, QSettings, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from journal.storage import Journal

SEARCH_QUERY = "cash flow tight"
FILTER_QUERY = "nadia ok"
NAMES_QUERY = FILTER_QUERY  # typed into Search: the names section comes first


def application(settings_dir: Path) -> QApplication:
    """The QApplication, with QSettings kept in `settings_dir` (never the person's own)."""
    from ui.app import application as rapport_application

    QCoreApplication.setOrganizationName("RapportBench")
    QCoreApplication.setApplicationName("RapportBench")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))
    return rapport_application([])


def settle(app: QApplication, view: QAbstractItemView | None = None) -> None:
    """Process events until nothing is pending and `view` has laid out and painted its rows."""
    for _ in range(50):
        app.processEvents()
        if view is None or view.model() is None or view.model().rowCount() == 0:
            break
        if view.indexAt(QPoint(4, 4)).isValid():
            break
    app.processEvents()


def _timed(action: Callable[[], None]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def type_timed(
    app: QApplication,
    box: QLineEdit,
    text: str,
    refresh: Callable[[], None],
    view: QAbstractItemView,
) -> list[float]:
    """One time (ms) per key: the key, the page's refresh, the view shown."""
    box.clear()
    refresh()
    settle(app, view)
    times = []
    for char in text:

        def key(char: str = char) -> None:
            QTest.keyClick(box, char)
            refresh()
            settle(app, view)

        times.append(_timed(key))
    return times


def open_window(app: QApplication, journal: Journal):  # type: ignore[no-untyped-def]
    from ui.app import build_window
    from ui.heap import set_aside_after_start

    window = build_window(journal)
    window.resize(1280, 800)
    window.show()
    for _ in range(5):
        app.processEvents()
    set_aside_after_start()  # as ui.app.run_app does after the first paint
    return window


def search_keystrokes(app: QApplication, window, rounds: int) -> tuple[list[float], list[float]]:  # type: ignore[no-untyped-def]
    """Per key: (key → its results painted, ms; the GUI thread busy with the key, ms).

    The search runs in its own thread: each key is pressed, its search asked at once (not after
    the debounce), then events are processed until the results for that text are painted.
    """
    window.show_page("search")
    page = window.search
    page.box.setFocus()
    painted, busy = _type_into_search(app, page, SEARCH_QUERY, rounds, lambda t: page.showing == t)
    assert page.model.hit_count() > 0, "the benchmark query found nothing"
    return painted, busy


def search_names(app: QApplication, window, rounds: int) -> list[float]:  # type: ignore[no-untyped-def]
    """A name typed into Search: per key, from the key to the names section painted (shown
    before the notes are ranked; a single letter has none until the whole answer)."""
    page = window.search
    return _type_into_search(app, page, NAMES_QUERY, rounds, lambda t: page.names_showing == t)[0]


def _type_into_search(  # type: ignore[no-untyped-def]
    app: QApplication, page, query: str, rounds: int, ready: Callable[[str], bool]
) -> tuple[list[float], list[float]]:
    """Per key: (key → `ready(text)` and the list painted, ms; the GUI busy with the key, ms).
    Each key's whole answer comes before the next key."""
    painted: list[float] = []
    busy: list[float] = []
    for _ in range(rounds):
        _clear_search(app, page)
        for char in query:
            start = time.perf_counter()
            QTest.keyClick(page.box, char)
            page.run_search()
            busy.append((time.perf_counter() - start) * 1000)
            text = page.box.text()
            deadline = start + 30
            _wait(app, lambda text=text: ready(text), deadline)
            settle(app, page.results)
            painted.append((time.perf_counter() - start) * 1000)
            _wait(app, lambda text=text: page.showing == text, deadline)
    return painted, busy


def _clear_search(app: QApplication, page) -> None:  # type: ignore[no-untyped-def]
    page.box.clear()
    page.run_search()
    settle(app, page.results)


def _wait(app: QApplication, done: Callable[[], bool], deadline: float) -> None:
    """Sleep in the event loop, as the window does, until `done()` or the deadline.

    `processEvents(flags, ms)` drops WaitForMoreEvents and would spin, holding a core (and
    the interpreter lock) the search threads need; a timer wakes the loop at the deadline."""
    if done():
        return
    alarm = QTimer()
    alarm.setSingleShot(True)
    alarm.start(max(int((deadline - time.perf_counter()) * 1000), 0))
    while not done() and alarm.isActive():
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    alarm.stop()


def search_last_key(app: QApplication, window, rounds: int) -> list[float]:  # type: ignore[no-untyped-def]
    """The query typed without waiting for any answer; from its last key to its results
    painted (ms), once per round: older queries are interrupted, not waited for."""
    page = window.search
    times = []
    for _ in range(rounds):
        _clear_search(app, page)
        for char in SEARCH_QUERY:
            start = time.perf_counter()
            QTest.keyClick(page.box, char)
            page.run_search()
            app.processEvents()
        _wait(app, lambda: page.showing == SEARCH_QUERY, start + 30)
        settle(app, page.results)
        times.append((time.perf_counter() - start) * 1000)
    return times


def filter_keystrokes(app: QApplication, window, rounds: int) -> list[float]:  # type: ignore[no-untyped-def]
    window.show_page("people")
    page = window.people
    settle(app, page.table)
    times: list[float] = []
    for _ in range(rounds):
        times += type_timed(app, page.filter_box, FILTER_QUERY, page.apply_filter, page.table)
    page.filter_box.clear()
    page.apply_filter()
    settle(app, page.table)
    return times


def scroll_to_bottom(app: QApplication, window) -> float:  # type: ignore[no-untyped-def]
    """From the top of everyone to the bottom in one jump (End), shown."""
    table = window.people.table
    table.scrollToTop()
    settle(app, table)
    window.people.model.reload()  # nothing cached: rows are read as they come into view
    settle(app, table)

    def jump() -> None:
        table.scrollToBottom()
        settle(app, table)

    return _timed(jump)


def scroll_by_pages(app: QApplication, window) -> tuple[float, list[float]]:  # type: ignore[no-untyped-def]
    """Page Down from top to bottom: the whole way (ms), and each page (ms)."""
    table = window.people.table
    window.people.model.reload()
    table.scrollToTop()
    settle(app, table)
    bar = table.verticalScrollBar()
    steps: list[float] = []
    start = time.perf_counter()
    while bar.value() < bar.maximum():

        def page() -> None:
            bar.triggerAction(bar.SliderAction.SliderPageStepAdd)
            settle(app, table)

        steps.append(_timed(page))
    return (time.perf_counter() - start) * 1000, steps


def open_person(app: QApplication, window, person_id: int, other_id: int, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    """Open the person (from another one each time), until the page is laid out and painted."""
    times = []
    for _ in range(runs):
        window.open_person(other_id)
        settle(app)

        def show() -> None:
            window.open_person(person_id)
            page = window.person.page
            settle(app, page.journal.view)

        times.append(_timed(show))
    return times


def save_through_composer(app: QApplication, window, person_id: int, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    """Type a note in the composer, then time Ctrl+Enter's save until the timeline shows it."""
    window.open_person(person_id)
    page = window.person.page
    settle(app, page.journal.view)
    times = []
    for i in range(runs):
        page.journal.composer.body.setPlainText(f"Benchmark note {i}: called about the budget.")

        def save() -> None:
            page.save_note()
            settle(app, page.journal.view)

        times.append(_timed(save))
    rows = page.journal.model.rowCount()
    assert rows > 0, "the composer saved nothing"
    return times


def close(app: QApplication, window) -> None:  # type: ignore[no-untyped-def]
    window.hide()
    window.person.flush()
    window.deleteLater()
    app.processEvents()
