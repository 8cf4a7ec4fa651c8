"""SVG icons shipped in resources/icons, loaded through importlib.resources."""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtGui import QIcon, QPixmap


@cache
def icon(name: str) -> QIcon:
    """The icon `resources/icons/<name>.svg`, or an empty icon if there is none by that name."""
    ref = resources.files("resources") / "icons" / f"{name}.svg"
    if not ref.is_file():
        return QIcon()
    pixmap = QPixmap()
    pixmap.loadFromData(ref.read_bytes(), "SVG")
    return QIcon(pixmap)
