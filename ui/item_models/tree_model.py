"""A read-only tree of rows held in memory (groups, then their rows), each row opening a person."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from .headers import column_title
from .records_model import PERSON_ID_ROLE, RECORD_ROLE

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
NO_PARENT = 0  # internalId of a top-level row; any other row's is its parent's position + 1


@dataclass
class Node:
    """One row: its texts by column, who it opens (and where on their page), its children."""

    texts: tuple[str, ...]
    person_id: int | None = None
    focus: tuple[str, int] | None = None
    tooltip: str = ""
    bold: bool = False
    children: list[Node] = field(default_factory=list)


class TreeModel(QAbstractItemModel):
    def __init__(self, headers: tuple[str, ...], parent=None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._roots: list[Node] = []
        self._nodes: list[Node] = []  # every node that has children, by position
        self._position: dict[int, int] = {}

    def set_roots(self, roots: list[Node]) -> None:
        self.beginResetModel()
        self._roots = list(roots)
        self._nodes, self._position = [], {}
        self._parent_of: dict[int, int] = {}
        stack = [(node, NO_PARENT) for node in reversed(self._roots)]
        while stack:
            node, parent_id = stack.pop()
            self._parent_of[id(node)] = parent_id
            if node.children:
                self._position[id(node)] = len(self._nodes)
                self._nodes.append(node)
                own = self._position[id(node)] + 1
                stack.extend((child, own) for child in reversed(node.children))
        self.endResetModel()

    def roots(self) -> list[Node]:
        return list(self._roots)

    def node(self, index: Index) -> Node | None:
        if not index.isValid():
            return None
        siblings = (
            self._roots
            if index.internalId() == NO_PARENT
            else self._nodes[index.internalId() - 1].children
        )
        return siblings[index.row()] if 0 <= index.row() < len(siblings) else None

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, NO_PARENT)
        owner = self.node(parent)
        assert owner is not None
        return self.createIndex(row, column, self._position[id(owner)] + 1)

    def parent(self, child: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == NO_PARENT:
            return QModelIndex()
        owner = self._nodes[child.internalId() - 1]
        grand = self._parent_of[id(owner)]
        siblings = self._roots if grand == NO_PARENT else self._nodes[grand - 1].children
        return self.createIndex(next(i for i, n in enumerate(siblings) if n is owner), 0, grand)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self._roots)
        if parent.column() != 0:
            return 0
        owner = self.node(parent)
        return len(owner.children) if owner is not None else 0

    def columnCount(self, parent: Index = _ROOT) -> int:
        return len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        return column_title(self._headers, section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        node = self.node(index)
        if node is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return node.texts[index.column()] if index.column() < len(node.texts) else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.tooltip or None
        if role == Qt.ItemDataRole.FontRole and node.bold:
            font = QFont()
            font.setBold(True)
            return font
        if role == PERSON_ID_ROLE:
            return node.person_id
        if role == RECORD_ROLE:
            return node.focus
        return None
