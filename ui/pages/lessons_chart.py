"""A small, quiet chart: informed decisions beside unfinished ones, month by month (no rates)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from journal.lessons import MonthCount

INFORMED = QColor("#5aa97f")
UNFINISHED = QColor("#e0a85a")


class DecisionsChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisionsChart")
        self.setAccessibleName("Decisions per month")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.months: list[MonthCount] = []

    def set_months(self, months: list[MonthCount]) -> None:
        self.months = list(months)
        total = sum(m.informed + m.unfinished for m in self.months)
        self.setAccessibleDescription(
            f"Over {len(self.months)} months: "
            f"{sum(m.informed for m in self.months)} informed decisions, "
            f"{sum(m.unfinished for m in self.months)} unfinished ({total} in all)"
        )
        self.setToolTip(self.accessibleDescription())
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(320, 150)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.PlaceholderText)
        metrics = painter.fontMetrics()
        legend_h = metrics.height() + 6
        label_h = metrics.height() + 2
        self._legend(painter, text)
        if not self.months:
            return
        top, bottom = legend_h + metrics.height(), self.height() - label_h
        highest = max(max(m.informed, m.unfinished) for m in self.months) or 1
        slot = self.width() / len(self.months)
        bar = max(2.0, min(12.0, slot / 3))
        for i, month in enumerate(self.months):
            middle = slot * (i + 0.5)
            for offset, value, colour in (
                (-bar, month.informed, INFORMED),
                (0.0, month.unfinished, UNFINISHED),
            ):
                height = (bottom - top) * value / highest
                painter.fillRect(QRectF(middle + offset, bottom - height, bar - 1, height), colour)
                if value:
                    painter.setPen(text)
                    painter.drawText(
                        QRectF(
                            middle + offset - 10,
                            bottom - height - metrics.height(),
                            bar + 19,
                            metrics.height(),
                        ),
                        Qt.AlignmentFlag.AlignCenter,
                        str(value),
                    )
            painter.setPen(text)
            painter.drawText(
                QRectF(middle - slot / 2, bottom + 2, slot, label_h),
                Qt.AlignmentFlag.AlignHCenter,
                month.month.strftime("%b"),
            )

    def _legend(self, painter: QPainter, text: QColor) -> None:
        x = 0
        h = painter.fontMetrics().height()
        for colour, label in (
            (INFORMED, "Informed (yes, strong no)"),
            (UNFINISHED, "Not finished yet (weak no, undecided)"),
        ):
            painter.fillRect(QRectF(x, 4, 10, 10), colour)
            painter.setPen(text)
            painter.drawText(x + 14, 4 + h - 4, label)
            x += 24 + painter.fontMetrics().horizontalAdvance(label)
