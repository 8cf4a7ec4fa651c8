"""Trees you read: text that wraps (rows as tall as their text at the column's width, never
elided), and rows that open the person they came from."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    SignalInstance,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTreeView,
    QWidget,
)

from ..item_models.records_model import PERSON_ID_ROLE, RECORD_ROLE

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


def reading_tree(
    name: str, accessible: str, model: QAbstractItemModel, parent: QWidget
) -> QTreeView:
    """A read-only tree whose text wraps: the first column takes the room, none is elided."""
    tree = QTreeView(parent)
    tree.setObjectName(name)
    tree.setAccessibleName(accessible)
    tree.setModel(model)
    tree.setItemDelegate(WrapDelegate(tree))
    tree.setAlternatingRowColors(True)
    tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    tree.header().setStretchLastSection(False)
    tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return tree


def opens_people(tree: QTreeView, open_person: SignalInstance) -> None:
    """Enter or a double-click on a row emits `open_person(person_id, focus)` for its person
    (the focus, `("objection", 12)` and the like, from the row's RECORD_ROLE)."""

    def emit(index: QModelIndex) -> None:
        first = index.siblingAtColumn(0)
        pid = first.data(PERSON_ID_ROLE)
        if pid is not None:
            open_person.emit(int(pid), first.data(RECORD_ROLE))

    tree.activated.connect(emit)
    tree.doubleClicked.connect(emit)
