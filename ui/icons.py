"""SVG icons shipped in resources/icons, found through importlib.resources and drawn at each
size asked for, when it is first asked for; a selected item's icon in the selection's text
colour, so it stays as plain on the highlight as its label."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QStyleOption

if TYPE_CHECKING:
    from PySide6.QtSvg import QSvgRenderer

_COLOURED = re.compile(rb'(stroke|fill)="#[0-9a-fA-F]{3,8}"')


class SvgIconEngine(QIconEngine):
    """One SVG drawn sharp at any size: as it is, in the highlighted text colour when selected,
    and greyed by the style when disabled."""

    def __init__(self, svg: bytes) -> None:
        super().__init__()
        self._svg = svg
        self._renderers: dict[bool, QSvgRenderer] = {}

    def _renderer(self, selected: bool) -> QSvgRenderer:
        if selected not in self._renderers:
            from PySide6.QtSvg import QSvgRenderer  # with the first icon drawn, not at import

            data = self._svg
            if selected:
                role = QPalette.ColorRole.HighlightedText
                colour = QGuiApplication.palette().color(role).name().encode()
                data = _COLOURED.sub(lambda m: m.group(1) + b'="' + colour + b'"', data)
            self._renderers[selected] = QSvgRenderer(QByteArray(data))
        return self._renderers[selected]

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        if mode == QIcon.Mode.Disabled:
            painter.drawPixmap(rect, self.pixmap(rect.size(), mode, state))
        else:
            self._renderer(mode == QIcon.Mode.Selected).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self._renderer(mode == QIcon.Mode.Selected).render(painter, QRectF(pixmap.rect()))
        painter.end()
        if mode == QIcon.Mode.Disabled and (style := QApplication.style()) is not None:
            return style.generatedIconPixmap(mode, pixmap, QStyleOption())
        return pixmap

    def clone(self) -> QIconEngine:
        return SvgIconEngine(self._svg)


@cache
def icon(name: str) -> QIcon:
    """The icon `resources/icons/<name>.svg`, sharp at any size (high-DPI too); an empty icon if
    there is none by that name."""
    ref = resources.files("resources") / "icons" / f"{name}.svg"
    if not ref.is_file():
        return QIcon()
    return QIcon(SvgIconEngine(ref.read_bytes()))
