"""Ending Rapport with a signal (SIGTERM, SIGINT, SIGHUP) quits the window cleanly, so what
follows `app.exec()` runs: the journal is closed, its lock released, a sample's folder removed."""

from __future__ import annotations

import contextlib
import signal
import socket

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication

SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name)
)


class QuitOnSignals(QObject):
    """Installed once the application exists; a signal then quits its event loop.

    Python runs a signal handler only between bytecodes, and while Qt waits for events none
    run: the signal number written to a socket (signal.set_wakeup_fd) wakes Qt's loop, and the
    handler runs as soon as Python code does.
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.received: list[int] = []
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        signal.set_wakeup_fd(self._writer.fileno())
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        for number in SIGNALS:
            signal.signal(number, self._handle)

    @classmethod
    def install(cls) -> QuitOnSignals:
        """The application's one QuitOnSignals (made on the first call, once it exists)."""
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        return app.findChild(cls) or cls(app)

    def _drain(self) -> None:
        with contextlib.suppress(BlockingIOError):
            self._reader.recv(64)

    def _handle(self, number: int, _frame: object) -> None:
        self.received.append(number)
        QTimer.singleShot(0, self._quit)  # run by the event loop, once it runs

    def _quit(self) -> None:
        self.app.closeAllWindows()  # each window saves what it holds, as when closed by hand
        self.app.exit(0)  # a window that refused to close, or a dialog's loop, ends too
