"""What the network scene holds: a node per person (label only when zoomed in) and arrows."""

from __future__ import annotations

import math
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from journal.network import X_GAP, Node

SAID_YES = QColor("#3f9f6b")
NOT_YET = QColor("#7f97bd")
SERVED = QColor("#e0902a")  # never bought, yet introduced others
EDGE = QColor(130, 135, 145, 170)
EDGE_FAINT = QColor(130, 135, 145, 70)  # many arrows: density reads as shade, people stay on top
SELECTED = QColor("#2f6fd6")
LABEL_LOD = 0.7  # labels are drawn from this zoom on
LABEL_WIDTH = X_GAP - 12
LABEL_PIXELS = 13
LABEL_HEIGHT = LABEL_PIXELS * 1.5


@cache
def label_font() -> QFont:
    """Made on first use: a font needs the application to exist."""
    font = QFont()
    font.setPixelSize(LABEL_PIXELS)
    return font


def radius_for(referred: int) -> float:
    """Bigger for people who introduced more, within reason."""
    return min(9.0 + 4.0 * math.sqrt(referred), 26.0)


class NodeItem(QGraphicsItem):
    """One person: a disc (green if they ever said yes), an amber ring if they never bought but
    introduced others, and their name underneath when the view is close enough to read it."""

    def __init__(self, node: Node) -> None:
        super().__init__()
        self.node = node
        self.person_id = node.person_id
        self.name = node.name
        self.radius = radius_for(node.referred)
        self._label = QFontMetricsF(label_font()).elidedText(
            node.name, Qt.TextElideMode.ElideRight, LABEL_WIDTH
        )
        r = self.radius + 4
        self._bounds = QRectF(-LABEL_WIDTH / 2, -r, LABEL_WIDTH, 2 * r + LABEL_HEIGHT)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        credit = f"introduced {node.referred}" if node.referred else "introduced nobody yet"
        bought = "has said yes" if node.said_yes else "has not bought"
        self.setToolTip(f"{node.name}: {credit}; {bought}. Double-click to open.")

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(QPointF(0, 0), self.radius + 4, self.radius + 4)
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        r = self.radius
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QBrush(SAID_YES if self.node.said_yes else NOT_YET))
        if self.node.served_without_buying:
            painter.setPen(QPen(SERVED, 4))
        else:
            painter.setPen(QPen(QColor(255, 255, 255, 200), 1.5))
        painter.drawEllipse(QPointF(0, 0), r, r)
        if selected:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(SELECTED, 3))
            painter.drawEllipse(QPointF(0, 0), r + 3.5, r + 3.5)
        if option.levelOfDetailFromTransform(painter.worldTransform()) >= LABEL_LOD:
            text = self.scene().palette().text().color() if self.scene() else QColor("black")
            painter.setPen(text)
            painter.setFont(label_font())
            box = QRectF(-LABEL_WIDTH / 2, r + 4, LABEL_WIDTH, LABEL_HEIGHT)
            painter.drawText(
                box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, self._label
            )


def arrow_path(source: NodeItem, target: NodeItem) -> QPainterPath:
    """An arrow from the person who introduced to the person introduced, between the discs."""
    a, b = source.pos(), target.pos()
    below = b.y() - a.y() > source.radius + LABEL_HEIGHT + target.radius + 8
    if below:  # leave from under the name, so lines never cross it
        a = QPointF(a.x(), a.y() + source.radius + 4 + LABEL_HEIGHT)
    dx, dy = b.x() - a.x(), b.y() - a.y()
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    gap = 0.0 if below else source.radius + 2
    start = QPointF(a.x() + ux * gap, a.y() + uy * gap)
    tip = QPointF(b.x() - ux * (target.radius + 3), b.y() - uy * (target.radius + 3))
    size = 9.0
    back = QPointF(tip.x() - ux * size, tip.y() - uy * size)
    path = QPainterPath(start)
    path.lineTo(back)
    head = QPainterPath(tip)
    head.lineTo(back.x() - uy * size * 0.5, back.y() + ux * size * 0.5)
    head.lineTo(back.x() + uy * size * 0.5, back.y() - ux * size * 0.5)
    head.closeSubpath()
    path.addPath(head)
    return path


def arrow(source: NodeItem, target: NodeItem, faint: bool = False) -> QGraphicsPathItem:
    item = QGraphicsPathItem(arrow_path(source, target))
    colour = EDGE_FAINT if faint else EDGE
    pen = QPen(colour, 1.2)
    pen.setCosmetic(True)
    item.setPen(pen)
    item.setBrush(QBrush(colour))
    item.setZValue(-1)
    item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    item.setData(0, (source.person_id, target.person_id))
    return item
