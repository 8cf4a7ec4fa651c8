"""Starting the desktop window: the application object, its look, and the journal to open."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from journal import sample_folder
from journal.errors import JournalError, NotAJournal
from journal.lock import JournalLock
from journal.storage import Journal

from . import bugs, heap, paint_probe, single_instance
from .auto_backup import DailyBackup
from .damage_watch import DamageWatch, install_hook
from .dialogs import journal_files, passphrase, recover_dialog, server_journal
from .dialogs.name_preferences import use_saved_name
from .dialogs.passphrase_lock import IdleLock
from .icons import icon
from .live_refresh import JournalWatch
from .main_window import MainWindow
from .reminders import Reminders, tray_icon_for
from .server_notice import ServerNotice
from .session import Session
from .signals import QuitOnSignals
from .style import apply_style

ORGANIZATION = "Rapport"
APPLICATION = "Rapport"


def default_path() -> Path:
    """journal.sqlite in the platform's application-data folder."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder) / "journal.sqlite"


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (made once), named so QSettings and AppDataLocation say Rapport."""
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    if not app.organizationName():
        app.setOrganizationName(ORGANIZATION)
    if app.applicationName() in ("", "python", "python3", "pytest"):
        app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setDesktopFileName("rapport")  # the launcher's entry (make install) owns the window
    app.setWindowIcon(icon("rapport"))
    apply_style(app)
    return app


def open_for_window(path: Path | str | None, demo: bool) -> tuple[Journal, JournalLock | None]:
    """The journal the window starts with (the sample, `path`, or the default one), locked; a
    server journal (a URL) takes no lock: several people write to it at once."""
    if demo:
        journal = journal_files.create_sample_journal()
        return journal, journal_files.lock_journal(journal.path)
    if isinstance(path, str):
        journal = server_journal.open_server_journal(None, path)  # a password, if asked for
        if journal is None:
            raise passphrase.Cancelled("no password was given")
        return journal, None
    path = path or default_path()
    lock = journal_files.lock_journal(path)
    try:
        journal = passphrase.open_or_unlock(None, path)  # an encrypted one asks for its passphrase
        if journal is None:
            raise passphrase.Cancelled("no passphrase was given")
        return journal, lock
    except JournalError:
        lock.release()
        raise


def tell_cannot_open(message: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, "Rapport", "The journal could not be opened.")
    box.setObjectName("openErrorDialog")
    box.setInformativeText(message)
    box.exec()


def build_window(journal: Journal, lock: JournalLock | None = None) -> MainWindow:
    """The session over `journal` and the main window over the session (not shown yet)."""
    return MainWindow(Session(journal, lock))


def start_reminders(window: MainWindow) -> None:
    """Reminders while the window is open: shown by the system tray's icon where the desktop has
    one, else said in the status bar."""
    window.reminders = Reminders(window)
    window.tray = tray_icon_for(window, window.reminders)
    if window.tray is None:
        window.reminders.reminded.connect(lambda r: window.status(f"{r.title}: {r.text}"))
    window.reminders.start()


def run_app(path: Path | str | None, demo: bool = False) -> int:
    """Open the window on the journal at `path` (None: the default one) and run until it closes.

    Returns the exit status: 0, or 1 when the journal cannot be opened.
    """
    app = application()
    QuitOnSignals.install()  # ended by a signal, the window closes as if by hand
    bugs.install()
    use_saved_name()
    if not demo and single_instance.ask_running_to_raise(path or default_path()):
        print("Rapport: the journal is open in another window; it was brought forward.")
        return 0
    try:
        journal, lock = open_for_window(path, demo)
    except passphrase.Cancelled:
        return 0
    except NotAJournal as exc:
        on_file = not demo and not isinstance(path, str)  # a server's database is not a file
        restored = (
            recover_dialog.offer_recovery(path or default_path(), str(exc)) if on_file else None
        )
        if restored is None:
            tell_cannot_open(str(exc))
        if not restored:
            return 1
        try:
            journal, lock = open_for_window(path, demo)
        except JournalError as again:
            tell_cannot_open(str(again))
            return 1
    except JournalError as exc:
        tell_cannot_open(str(exc))
        return 1
    window = build_window(journal, lock)
    session = window.session
    if paint_probe.armed():  # RAPPORT_BENCH_PAINTED=1: the benchmark times the first paint
        paint_probe.watch(window, window.stack.currentWidget)
    window.show()
    window.idle_lock = IdleLock(window)  # an encrypted journal locks after a while unused
    window.watch = JournalWatch(session)  # writes by the command line; "come forward" requests
    window.watch.raiseRequested.connect(lambda: single_instance.bring_forward(window))
    window.server_notice = ServerNotice(window, window.watch)
    window.daily_backup = DailyBackup(session)
    start_reminders(window)
    QTimer.singleShot(1000, window.calendars, window.calendars.start)  # changed since last run
    window.damage_watch = DamageWatch(session, window)  # reads the whole file after the paint
    QTimer.singleShot(0, heap.set_aside_after_start)  # after the first paint
    window.damage_watch.gave_up.connect(lambda: app.exit(1))
    install_hook()
    try:
        return app.exec()
    finally:
        session.close()
        sample_folder.remove_own()
