"""What commands and dialogs may ask of the main window, without importing it (only `ui.app`
imports `ui.main_window`): its session, the status bar, and saving edits still pending."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from .session import Session


class Shell(QMainWindow):
    """The main window as the rest of `ui/` sees it; `ui.main_window.MainWindow` is the one."""

    session: Session

    def status(self, message: str) -> None:
        """Say something in the status bar for a while."""
        self.statusBar().showMessage(message, 10000)

    def flush_edits(self) -> None:
        """Write any edit still waiting for its pause (before the journal closes or changes)."""
        raise NotImplementedError
