"""The network view: Ctrl+wheel and +/- zoom, drag pans, F or 0 fits, double-click opens."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from .items import LABEL_LOD, NodeItem

MAX_SCALE = 4.0
MAX_FIT_SCALE = 1.4
STEP = 1.25


class NetworkView(QGraphicsView):
    """`personActivated(person_id)` on a double-click (or Enter) on a person."""

    personActivated = Signal(int)
    zoomed = Signal(float)  # the new scale, after every zoom or fit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkView")
        self.setAccessibleName("Referral network")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.fit_rect = QRectF()

    def scale_factor(self) -> float:
        return self.transform().m11()

    def zoom(self, factor: float) -> None:
        current = self.scale_factor()
        lowest = min(self._fit_scale() * 0.5, 1.0)
        wanted = max(lowest, min(MAX_SCALE, current * factor))
        if wanted != current:
            self.scale(wanted / current, wanted / current)
            self.zoomed.emit(wanted)

    def zoom_in(self) -> None:
        self._zoom_at_centre(STEP)

    def zoom_out(self) -> None:
        self._zoom_at_centre(1 / STEP)

    def _zoom_at_centre(self, factor: float) -> None:
        """Keys and buttons zoom about the middle of the view; the wheel about the pointer."""
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.zoom(factor)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)

    def fit(self, rect: QRectF | None = None) -> None:
        """Everything shown fits the window (never blown up past a comfortable size)."""
        if rect is not None:
            self.fit_rect = rect
        if self.fit_rect.isEmpty():
            return
        self.resetTransform()
        self.fitInView(self.fit_rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.scale_factor() > MAX_FIT_SCALE:
            self.resetTransform()
            self.scale(MAX_FIT_SCALE, MAX_FIT_SCALE)
            self.centerOn(self.fit_rect.center())
        self.zoomed.emit(self.scale_factor())

    def _fit_scale(self) -> float:
        if self.fit_rect.isEmpty():
            return 1.0
        view = self.viewport().rect()
        return min(view.width() / self.fit_rect.width(), view.height() / self.fit_rect.height())

    def centre_on(self, item: NodeItem) -> None:
        """Close enough to read names, with `item` in the middle and selected."""
        if self.scale_factor() < LABEL_LOD + 0.3:
            self.resetTransform()
            self.scale(1.0, 1.0)
            self.zoomed.emit(1.0)
        self.scene().clearSelection()
        item.setSelected(True)
        self.centerOn(item)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom(STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key == Qt.Key.Key_Minus:
            self.zoom_out()
        elif key in (Qt.Key.Key_0, Qt.Key.Key_F):
            self.fit()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (chosen := self.selected_node()):
            self.personActivated.emit(chosen.person_id)
        else:
            super().keyPressEvent(event)

    def selected_node(self) -> NodeItem | None:
        scene = self.scene()
        chosen = [i for i in scene.selectedItems() if isinstance(i, NodeItem)] if scene else []
        return chosen[0] if chosen else None

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        item = self.itemAt(event.position().toPoint())
        if isinstance(item, NodeItem):
            self.personActivated.emit(item.person_id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)
