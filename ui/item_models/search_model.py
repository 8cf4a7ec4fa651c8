"""Search results grouped by kind: a header row per kind, then its hits with the match in bold."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from journal.exports.md import plain
from journal.search import KIND_LABELS, MARK_END, MARK_START, SearchHit

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
HTML_ROLE = Qt.ItemDataRole.UserRole + 10
HIT_ROLE = Qt.ItemDataRole.UserRole + 11
IS_HEADER_ROLE = Qt.ItemDataRole.UserRole + 12
_TEXT_ROLES = (int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.AccessibleTextRole))


def hit_html(hit: SearchHit) -> str:
    """The snippet as plain text (a note's Markdown marks dropped), HTML-escaped, then the
    match markers turned into bold."""
    snippet = " ".join(html.escape(plain(hit.snippet), quote=False).split())
    marked = snippet.replace(MARK_START, "<b>").replace(MARK_END, "</b>")
    return f"{marked}<br><small>{html.escape(hit.person_name)}</small>"


def hit_text(hit: SearchHit) -> str:
    text = " ".join(plain(hit.marked("", "")).split())
    return f"{text} — {hit.person_name}"


class SearchModel(QAbstractListModel):
    """Rows are either a kind's header (str) or a hit. A hit's text and HTML are made once per
    list (the view asks for them on every layout and paint)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[str | SearchHit] = []
        self._made: dict[tuple[int, int], str] = {}  # (row, role) → text

    def set_hits(self, hits: list[SearchHit]) -> None:
        groups: dict[str, list[SearchHit]] = {}
        for hit in hits:
            groups.setdefault(hit.kind, []).append(hit)
        rows: list[str | SearchHit] = []
        for kind in [k for k in KIND_LABELS if k in groups] + [
            k for k in groups if k not in KIND_LABELS
        ]:
            rows.append(kind)
            rows.extend(groups[kind])
        self.beginResetModel()
        self._rows = rows
        self._made = {}
        self.endResetModel()

    def hit(self, row: int) -> SearchHit | None:
        item = self._rows[row] if 0 <= row < len(self._rows) else None
        return item if isinstance(item, SearchHit) else None

    def hit_count(self) -> int:
        return sum(isinstance(r, SearchHit) for r in self._rows)

    def first_hit_row(self) -> int | None:
        return next((i for i, r in enumerate(self._rows) if isinstance(r, SearchHit)), None)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if isinstance(self._rows[index.row()], str):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        header = isinstance(item, str)
        if role == IS_HEADER_ROLE:
            return header
        if header:
            label = KIND_LABELS.get(item, item.title())
            if role in _TEXT_ROLES:
                return label
            if role == HTML_ROLE:
                return f"<b>{html.escape(label)}</b>"
            return None
        if role in _TEXT_ROLES:
            return self._made_once(index.row(), _TEXT_ROLES[0], hit_text, item)
        if role == HTML_ROLE:
            return self._made_once(index.row(), HTML_ROLE, hit_html, item)
        if role == HIT_ROLE:
            return item
        return None

    def _made_once(
        self, row: int, role: int, make: Callable[[SearchHit], str], hit: SearchHit
    ) -> str:
        key = (row, role)
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = make(hit)
        return made
