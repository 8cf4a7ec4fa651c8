"""SVG icons shipped in resources/icons, loaded through importlib.resources."""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 20, 24, 32, 40, 48, 64, 96)


@cache
def icon(name: str) -> QIcon:
    """The icon `resources/icons/<name>.svg`, drawn sharp at each size (so high-DPI stays crisp);
    an empty icon if there is none by that name."""
    ref = resources.files("resources") / "icons" / f"{name}.svg"
    if not ref.is_file():
        return QIcon()
    renderer = QSvgRenderer(QByteArray(ref.read_bytes()))
    result = QIcon()
    for size in SIZES:
        pixmap = QPixmap(QSize(size, size))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        result.addPixmap(pixmap)
    return result
