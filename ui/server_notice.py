"""While the journal's server is out of reach the status bar says so, even when nothing is
being saved (the LISTEN connection finds it out), and stops once the server answers again."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow

from .live_refresh import JournalWatch

AWAY = "The journal's server cannot be reached: what you change is kept and saved when it is back."


class ServerNotice(QLabel):
    """A line kept in the window's status bar while `watch` says the server is away."""

    def __init__(self, window: QMainWindow, watch: JournalWatch) -> None:
        super().__init__(AWAY, window.statusBar())
        self.setObjectName("serverAway")
        window.statusBar().addPermanentWidget(self)
        self.hide()
        watch.serverAway.connect(self.setVisible)
