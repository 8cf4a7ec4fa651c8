"""Pages that re-read the journal only when they are (or next become) visible."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent


class RefreshWhenShown:
    """Mixin for a page (list it before QWidget): `refresh()` runs now if the page is showing,
    else the next time it is shown. The page sets `self.stale = False` in its `refresh`."""

    stale: bool = True

    def refresh(self) -> None:  # pragma: no cover - every page defines its own
        raise NotImplementedError

    def person_changed(self, person_id: int) -> None:
        """A person changed: re-read now if showing, else when next shown."""
        del person_id
        self.stale = True
        if self.isVisible():  # type: ignore[attr-defined]
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        if self.stale:
            self.refresh()
        super().showEvent(event)  # type: ignore[misc]
