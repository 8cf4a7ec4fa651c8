"""Text that wraps in item views: rows as tall as their text at the column's width, never elided."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTreeView,
)

Index = QModelIndex | QPersistentModelIndex
MARGIN = 10  # the item's own padding and focus frame, both sides together


class WrapDelegate(QStyledItemDelegate):
    """Wraps every column's text; the row height follows the column widths as they change."""

    def __init__(self, view: QTreeView | QTableView) -> None:
        super().__init__(view)
        self._view = view
        view.setWordWrap(True)
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
        if isinstance(view, QTreeView):
            view.setUniformRowHeights(False)
            header = view.header()
        else:
            header = view.horizontalHeader()
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(self._layout_again)
        header.sectionResized.connect(lambda *_: self._relayout.start())
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    def _layout_again(self) -> None:
        if isinstance(self._view, QTableView):
            self._view.resizeRowsToContents()
        else:
            self._view.doItemsLayout()

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        option.textElideMode = Qt.TextElideMode.ElideNone

    def _width(self, index: Index) -> int:
        view = self._view
        if isinstance(view, QTreeView):
            width = view.header().sectionSize(index.column())
            if index.column() == 0:
                depth, parent = 1, index.parent()
                while parent.isValid():
                    depth, parent = depth + 1, parent.parent()
                width -= view.indentation() * (depth if view.rootIsDecorated() else depth - 1)
        else:
            width = view.horizontalHeader().sectionSize(index.column())
        return width - MARGIN

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        width = self._width(index)
        if not text or width <= 0:
            return hint
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = self._view.style()
        pad = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameVMargin) * 2 + 4
        bounds = opt.fontMetrics.boundingRect(
            QRect(0, 0, width, 1_000_000), int(Qt.TextFlag.TextWordWrap), str(text)
        )
        return QSize(hint.width(), max(hint.height(), bounds.height() + pad))
