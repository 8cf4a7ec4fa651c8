"""What commands and dialogs may ask of the main window, without importing it (only `ui.app`
imports `ui.main_window`): its session, the status bar, and saving edits still pending."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenuBar, QWidget

    from .session import Session


class Shell(Protocol):
    """The main window as the rest of `ui/` sees it."""

    session: Session

    def status(self, message: str) -> None: ...

    def flush_edits(self) -> None:
        """Write any edit still waiting for its pause (before the journal closes or changes)."""
        ...

    def centralWidget(self) -> QWidget: ...

    def menuBar(self) -> QMenuBar: ...

    def close(self) -> bool: ...
