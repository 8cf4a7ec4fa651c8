"""The "Everyone's / Mine" choice on People and Today: shown where several people own people
(or on a server journal), remembered for each page."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from journal import owners

from .. import settings

EVERYONE = "Everyone's"
MINE = "Mine"


class WhoseCombo(QComboBox):
    """`changed()` when the choice changes; `owner()` is the filter it stands for."""

    changed = Signal()

    def __init__(self, page: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._key = f"{page}/mine"
        self.setObjectName(f"{page}Whose")
        self.setAccessibleName("Whose people")
        self.setToolTip("Everyone's people, or only those you own")
        self.addItems([EVERYONE, MINE])
        self.setCurrentIndex(1 if settings.value_bool(self._key) else 0)
        self.setVisible(False)
        self.currentIndexChanged.connect(self._chosen)

    def mine(self) -> bool:
        return self.currentIndex() == 1

    def owner(self) -> str | None:
        """Whose people to show: the current name when "Mine" is shown and chosen, else None."""
        return owners.mine() if self.mine() and not self.isHidden() else None

    def update_shown(self) -> None:
        """Shown only when "mine" can differ from everyone's."""
        self.setVisible(owners.shared())

    def _chosen(self) -> None:
        settings.set_value(self._key, self.mine())
        self.changed.emit()
