"""One window per journal: the window listens on a local socket named after its journal (its
file, or its server URL); a second start on the same journal asks it to come forward and exits."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from journal import server

RAISE = b"raise\n"


def location_key(location: str | Path) -> str:
    """The journal's file, resolved, or its server URL's identity (no password, no default
    port, one scheme: journal.server.identity)."""
    if server.is_server_location(location):
        return server.identity(str(location))
    return str(Path(location).expanduser().resolve())


def server_name(location: str | Path) -> str:
    """The same for every spelling of the journal's path (resolved) or of its URL (without
    a password), private to the user."""
    return "rapport-" + hashlib.sha256(location_key(location).encode()).hexdigest()[:24]


def ask_running_to_raise(location: str | Path, timeout_ms: int = 1000) -> bool:
    """True if a Rapport window has this journal open and was asked to come forward."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(location))
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
        self.path: str | None = None  # the location_key listened for

    def listen(self, location: str | Path) -> bool:
        """Listen for this journal (only the holder of its lock, or the one window on a server
        journal, calls this: a socket left by a killed window is stale and removed)."""
        key = location_key(location)
        if key == self.path and self.server.isListening():
            return True
        self.server.close()
        name = server_name(key if server.is_server_location(key) else Path(key))
        QLocalServer.removeServer(name)
        self.path = key if self.server.listen(name) else None
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
