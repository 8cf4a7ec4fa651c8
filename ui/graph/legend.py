"""The key under the network: what the colours, the ring and the size mean."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from .items import NOT_YET, SAID_YES, SERVED

SIZE_NOTE = "Bigger: introduced more people. Arrows point to whom they introduced."
ENTRIES = (
    ("yes", "Has said yes"),
    ("not_yet", "Has not bought"),
    ("served", "Never bought, yet introduced others"),
)


def swatch(kind: str, size: int = 16) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QBrush(SAID_YES if kind == "yes" else NOT_YET))
    ring = QPen(SERVED, 3) if kind == "served" else QPen(QColor(255, 255, 255, 200), 1)
    painter.setPen(ring)
    painter.drawEllipse(QPointF(size / 2, size / 2), size / 2 - 2, size / 2 - 2)
    painter.end()
    return pixmap


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkLegend")
        self.setAccessibleName("Legend")
        # a narrow window cuts the legend short rather than pushing the sidebar aside
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        for kind, text in ENTRIES:
            icon = QLabel(self)
            icon.setPixmap(swatch(kind))
            label = QLabel(text, self)
            label.setObjectName(f"legend_{kind}")
            layout.addWidget(icon)
            layout.addWidget(label)
            layout.addSpacing(10)
        layout.addStretch()
        self.hint = QLabel(self)
        self.hint.setObjectName("networkHint")
        self.hint.setProperty("role", "hint")
        layout.addWidget(self.hint)
        self.setToolTip(SIZE_NOTE)
        self.show_hint(True)

    def show_hint(self, labels_hidden: bool) -> None:
        """Say how to read names while they are too small to draw."""
        self.hint.setText("Zoom in (+) to read names" if labels_hidden else "")
        self.hint.setToolTip(SIZE_NOTE)
