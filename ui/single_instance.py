"""One window per journal: the window listens on a local socket named after its journal; a
second start on the same journal asks it to come forward and exits."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

RAISE = b"raise\n"


def server_name(journal_path: str | Path) -> str:
    """The same for every spelling of the journal's path (resolved), private to the user."""
    resolved = str(Path(journal_path).expanduser().resolve())
    return "rapport-" + hashlib.sha256(resolved.encode()).hexdigest()[:24]


def ask_running_to_raise(journal_path: str | Path, timeout_ms: int = 1000) -> bool:
    """True if a Rapport window has this journal open and was asked to come forward."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(journal_path))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(RAISE)
    sent = socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return sent


def bring_forward(window: QWidget) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


class InstanceServer(QObject):
    """Listens for the journal the window has open; `raiseRequested` when asked."""

    raiseRequested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._connected)
        self.path: Path | None = None

    def listen(self, journal_path: str | Path) -> bool:
        """Listen for this journal (only the holder of its lock calls this: a socket left by a
        killed window is stale and removed)."""
        path = Path(journal_path).expanduser().resolve()
        if path == self.path and self.server.isListening():
            return True
        self.server.close()
        name = server_name(path)
        QLocalServer.removeServer(name)
        self.path = path if self.server.listen(name) else None
        return self.path is not None

    def close(self) -> None:
        self.server.close()
        self.path = None

    def _connected(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(self._ready)
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _ready(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(RAISE.strip()):
            self.raiseRequested.emit()
