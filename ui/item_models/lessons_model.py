"""Lessons grouped under their offer or tag: a two-level tree (group, then each lesson)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from journal.decisions import OUTCOME_LABELS
from journal.lessons import LessonRow, ObjectionTheme

from .format import day
from .headers import column_title
from .records_model import PERSON_ID_ROLE
from .tree_model import Node

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
HEADERS = ("Lesson", "Person", "Offer", "Outcome", "Decided")
GROUP = 0  # internalId of a group row; a lesson's is its group's row + 1


class LessonsModel(QAbstractItemModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._groups: list[tuple[str, list[LessonRow]]] = []

    def set_groups(self, groups: dict[str, list[LessonRow]]) -> None:
        self.beginResetModel()
        self._groups = [(key, list(rows)) for key, rows in groups.items()]
        self.endResetModel()

    def groups(self) -> list[str]:
        return [key for key, _ in self._groups]

    def lessons_in(self, group: str) -> list[LessonRow]:
        return next((rows for key, rows in self._groups if key == group), [])

    def lesson(self, index: Index) -> LessonRow | None:
        if not index.isValid() or index.internalId() == GROUP:
            return None
        return self._groups[index.internalId() - 1][1][index.row()]

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, GROUP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == GROUP:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, GROUP)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == GROUP and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = _ROOT) -> int:
        return len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        return column_title(HEADERS, section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if index.internalId() == GROUP:
            key, rows = self._groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return f"{key} ({len(rows)})"
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        row = self.lesson(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.text,
                row.person_name,
                row.offer,
                OUTCOME_LABELS.get(row.outcome, row.outcome),
                day(row.decided_on),
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.offer} — {row.person_name}"
        if role == PERSON_ID_ROLE:
            return row.person_id
        return None


def theme_nodes(themes: list[ObjectionTheme]) -> list[Node]:
    """Each theme with the number of people who raised it, then what each of them said."""
    nodes = []
    for theme in themes:
        n = len(theme.people)
        title = f"{theme.label} \u2014 {n} {'person' if n == 1 else 'people'}"
        children = [
            Node(
                (o.text, o.person_name),
                o.person_id,
                ("objection", o.objection_id),
                tooltip=f"{o.offer} ({OUTCOME_LABELS[o.outcome].lower()})"
                + (", addressed" if o.addressed else ""),
            )
            for o in theme.objections
        ]
        nodes.append(Node((title, ""), bold=True, children=children))
    return nodes
