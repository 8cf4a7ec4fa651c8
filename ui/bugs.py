"""Bugs are logged and shown, never swallowed: a rotated private log in the app-data folder and
one plain dialog with "Copy details"; uncaught exceptions and Qt's warnings go the same way."""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    QStandardPaths,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from shiboken6 import isValid

from journal import faults
from journal.private_log import PrivateLogHandler

LOG_NAME = "rapport.log"
MAX_BYTES = 1_000_000
BACKUPS = 3

log = logging.getLogger("rapport")
_folder: Path | None = None
_handler: logging.Handler | None = None
_shown: QMessageBox | None = None


class _Relay(QObject):
    """Made on the GUI thread: a bug in another thread is shown from here, by queued signal."""

    bug = Signal(str, object)


_relay: _Relay | None = None
_previous_qt_handler: Any = None


def use_log_folder(folder: Path | None) -> None:
    """Write the log in `folder` (None: the app-data folder); tests point it at tmp_path."""
    global _folder, _handler
    _folder = folder
    if _handler is not None:
        log.removeHandler(_handler)
        _handler.close()
        _handler = None


def log_path() -> Path:
    folder = _folder
    if folder is None:
        location = QStandardPaths.StandardLocation.AppDataLocation
        folder = Path(QStandardPaths.writableLocation(location))
    return folder / LOG_NAME


def _logger() -> logging.Logger:
    global _handler
    if _handler is None:
        # the log, its rotated files and the app-data folder made for them: the owner's only
        _handler = PrivateLogHandler(log_path(), max_bytes=MAX_BYTES, keep=BACKUPS)
        _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        log.addHandler(_handler)
        log.setLevel(logging.INFO)
        log.propagate = False
    return log


def details(exc: BaseException) -> str:
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


def record(action: str, exc: BaseException) -> str:
    """Write the bug's traceback to the log; returns the traceback's text."""
    text = details(exc)
    with contextlib.suppress(OSError):  # no log: the dialog still shows the details to copy
        _logger().error("Bug while %s:\n%s", action.lower(), text.rstrip())
    return text


def report(parent: QWidget | None, action: str, exc: BaseException) -> QMessageBox | None:
    """Log the bug and say so in a dialog (one at a time: a bug that repeats is only logged).

    Returns the dialog shown, or None when one is already open or there is no application.
    """
    global _shown
    text = record(action, exc)
    if QApplication.instance() is None or (_shown is not None and isValid(_shown)):
        return None
    box = bug_dialog(parent, action, text)
    _shown = box
    box.finished.connect(_forget)
    box.open()
    return box


def _forget() -> None:
    global _shown
    _shown = None


def dismiss() -> None:
    """Close the bug dialog if one is open (the next bug is shown again)."""
    if _shown is not None and isValid(_shown):
        _shown.done(0)
    _forget()


def bug_dialog(parent: QWidget | None, action: str, text: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("bugDialog")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("Rapport")
    box.setText(f"Rapport hit a bug while {_gerund(action)}.")
    box.setInformativeText(
        "This is a fault in Rapport, not something you did. The window keeps working: nothing "
        "already saved was lost, and what you typed is still there.\n\n"
        f"The details are in the log:\n{log_path()}"
    )
    box.setDetailedText(text)
    copy = box.addButton("Copy details", QMessageBox.ButtonRole.ActionRole)
    copy.setObjectName("copyDetails")
    copy.clicked.disconnect()  # copying does not close the dialog
    copy.clicked.connect(lambda: _copy(box, text))
    close = box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(close)
    box.setEscapeButton(close)
    return box


def _copy(box: QMessageBox, text: str) -> None:
    QApplication.clipboard().setText(text)
    box.setWindowTitle("Rapport — details copied")


def _gerund(action: str) -> str:
    return action[:1].lower() + action[1:] if action else "working"


# --- uncaught exceptions and Qt's messages ---------------------------------------------------
def excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """sys.excepthook (PySide6 also calls it for an exception raised in a slot)."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    exc.__traceback__ = tb
    if faults.classify(exc) is faults.Fault.OFFLINE:  # a page read while the server is away
        tell_offline(QApplication.activeWindow())
        return
    report(QApplication.activeWindow(), "working", exc)


def tell_offline(parent: QWidget | None) -> QMessageBox | None:
    """Say, once at a time, that the journal's server is out of reach (not a bug)."""
    global _shown
    if QApplication.instance() is None or (_shown is not None and isValid(_shown)):
        return None
    box = QMessageBox(parent)
    box.setObjectName("offlineNotice")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Rapport")
    box.setText("The journal's server cannot be reached.")
    box.setInformativeText(faults.OFFLINE)
    _shown = box
    box.finished.connect(_forget)
    box.open()
    return box


def thread_excepthook(args: threading.ExceptHookArgs) -> None:
    """threading.excepthook: log now; the dialog is shown on the GUI thread."""
    exc = args.exc_value
    if exc is None:
        return
    exc.__traceback__ = args.exc_traceback
    name = args.thread.name if args.thread is not None else "a thread"
    action = f"working in the background ({name})"
    if _relay is None:
        record(action, exc)
    else:
        _relay.bug.emit(action, exc)


_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's warnings go to the log (debug messages are dropped)."""
    level = _LEVELS.get(kind, logging.WARNING)
    if level <= logging.DEBUG:
        return
    where = f" ({context.file}:{context.line})" if context.file else ""
    with contextlib.suppress(OSError):
        _logger().log(level, "Qt: %s%s", message, where)
    if _previous_qt_handler is not None:  # a handler installed before (pytest-qt's) sees it too
        _previous_qt_handler(kind, context, message)


def install() -> None:
    """Route every uncaught exception and Qt message to the log (the window's start-up)."""
    global _relay, _previous_qt_handler
    if _relay is None:
        _relay = _Relay(QApplication.instance())
        _relay.bug.connect(lambda action, exc: report(None, action, exc))
    sys.excepthook = excepthook
    threading.excepthook = thread_excepthook
    previous = qInstallMessageHandler(qt_message)
    if previous is not qt_message:
        _previous_qt_handler = previous
