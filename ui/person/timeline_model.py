"""A person's timeline as a list model, and a delegate that renders each entry's Markdown."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QFont, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from journal.records import TimelineEntry
from journal.timeline import order

EntryRole = Qt.ItemDataRole.UserRole + 1
KeyRole = Qt.ItemDataRole.UserRole + 2  # (kind, id), e.g. ("note", 12)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)  # an int: reading an enum member is not free
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)

Index = QModelIndex | QPersistentModelIndex
KIND_LABELS = {"goal": "Goal", "pain": "Pain", "decision": "Decision", "meeting": "Meeting"}
STATUS_WORDS = {"attained": "attained", "dropped": "dropped", "relieved": "relieved"}


def heading(entry: TimelineEntry) -> str:
    """The small line above an entry: date, time, kind, and who wrote it when someone did."""
    when = entry.when.strftime("%a %d %b %Y")
    author = entry.detail.get("author")
    by = f" · by {author}" if author else ""
    if entry.kind == "note":
        return f"{when} · {entry.when.strftime('%H:%M')} · {entry.title}{by}"
    if entry.kind == "meeting":
        return f"{when} · {meeting_time(entry)} · Meeting in the calendar"
    status = STATUS_WORDS.get(str(entry.detail.get("status", "")), "")
    kind = KIND_LABELS.get(entry.kind, entry.kind)
    return f"{when} · {kind}" + (f" ({status})" if status else "") + by


def meeting_time(entry: TimelineEntry) -> str:
    ends = entry.detail.get("ends_at")
    if entry.detail.get("all_day") or not isinstance(ends, dt.datetime):
        return "all day"
    upcoming = " (upcoming)" if entry.when > dt.datetime.now() else ""
    return f"{entry.when:%H:%M}–{ends:%H:%M}{upcoming}"


def markdown(entry: TimelineEntry) -> str:
    """What an entry says, as Markdown."""
    if entry.kind == "note":
        return entry.body
    if entry.kind == "meeting":
        return f"*{_escape(entry.title)}*"
    parts = [f"**{_escape(entry.title)}**"]
    if entry.body:
        label = {"goal": "Why: ", "pain": "Ramifications: "}.get(entry.kind, "")
        parts.append(f"{label}{entry.body}")
    if entry.kind == "decision":
        objections = entry.detail.get("open_objections")
        if isinstance(objections, list | tuple) and objections:
            parts.append("Open objections: " + "; ".join(map(str, objections)))
        if entry.detail.get("lesson"):
            parts.append(f"Lesson: {entry.detail['lesson']}")
        if entry.detail.get("revisit_on"):
            parts.append(f"Revisit on {entry.detail['revisit_on']:%d %b %Y}")
    return "\n\n".join(parts)


def render(entry: TimelineEntry, font: QFont, width: int) -> QTextDocument:
    """An entry's Markdown laid out at a width (HTML in a note is shown as typed)."""
    doc = QTextDocument()
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    features = QTextDocument.MarkdownFeature
    doc.setMarkdown(markdown(entry), features.MarkdownDialectGitHub | features.MarkdownNoHTML)
    doc.setTextWidth(max(50, width))
    return doc


def _escape(text: str) -> str:
    return "".join(f"\\{c}" if c in "\\`*_[]#<>" else c for c in text)


class TimelineModel(QAbstractListModel):
    """Holds a person's timeline entries (newest first)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[TimelineEntry] = []

    def set_entries(self, entries: list[TimelineEntry]) -> None:
        def same(a: TimelineEntry, b: TimelineEntry) -> bool:
            return a == b and a.detail == b.detail

        if len(entries) == len(self._entries) and all(map(same, entries, self._entries)):
            return
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def put(self, entry: TimelineEntry) -> None:
        """Show `entry` (new, or a new version of one shown) where the order puts it; the
        other entries are not read again (saving a note beside 500 others stays instant)."""
        old = self.row_of(entry.kind, entry.id)
        if old is not None:
            self.beginRemoveRows(QModelIndex(), old, old)
            del self._entries[old]
            self.endRemoveRows()
        key = order(entry)
        row = next((i for i, e in enumerate(self._entries) if order(e) < key), len(self._entries))
        self.beginInsertRows(QModelIndex(), row, row)
        self._entries.insert(row, entry)
        self.endInsertRows()

    def row_of(self, kind: str, record_id: int) -> int | None:
        for row, entry in enumerate(self._entries):
            if entry.kind == kind and entry.id == record_id:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        row = index.row()  # -1 for an invalid index
        if not 0 <= row < len(self._entries):
            return None
        entry = self._entries[row]
        if role == EntryRole:  # the delegate's, for every row on each layout: asked first
            return entry
        if role == _DISPLAY:
            return f"{heading(entry)}\n{entry.title if entry.kind != 'note' else entry.body}"
        if role == _ACCESSIBLE:
            return f"{heading(entry)}. {markdown(entry)}"
        if role == KeyRole:
            return (entry.kind, entry.id)
        return None


class TimelineDelegate(QStyledItemDelegate):
    """Draws date and kind in a muted line, then the entry's Markdown, wrapped to the width."""

    PAD = 10

    KEPT = 5000  # texts whose height is remembered; beyond it all are forgotten
    DOCUMENTS = 64  # laid-out entries kept for painting (a screenful or two)

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self._view = view
        # Laying out Markdown is not free: each text's height at a width (a view asks for every
        # row's on each layout, and a person opened again reads new entries with the same text)
        # and the documents last painted are kept.
        self._heights: dict[tuple[str, int], int] = {}
        self._documents: dict[tuple[str, int], QTextDocument] = {}

    def _document(self, entry: TimelineEntry, width: int, option: QStyleOptionViewItem) -> Any:
        key = (markdown(entry), width)
        doc = self._documents.get(key)
        if doc is None:
            doc = render(entry, option.font, width - 2 * self.PAD)
            if len(self._documents) >= self.DOCUMENTS:
                del self._documents[next(iter(self._documents))]  # the oldest
            self._documents[key] = doc
        return doc

    def _width(self, option: QStyleOptionViewItem) -> int:
        viewport = getattr(self._view, "viewport", None)
        width = viewport().width() if viewport else option.rect.width()
        return max(200, width - 4)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        entry = index.data(EntryRole)
        if entry is None:
            return super().sizeHint(option, index)
        width = self._width(option)
        key = (markdown(entry), width)
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > self.KEPT:
                self._heights.clear()
            doc = render(entry, option.font, width - 2 * self.PAD)
            height = int(doc.size().height()) + option.fontMetrics.height() + 3 * self.PAD
            self._heights[key] = height
        return QSize(width, height)

    def paint(self, painter: Any, option: QStyleOptionViewItem, index: Index) -> None:
        entry = index.data(EntryRole)
        if entry is None:
            return super().paint(painter, option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            panel = QStyle.PrimitiveElement.PE_PanelItemViewItem
            style.drawPrimitive(panel, opt, painter, opt.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Normal
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        muted_role = text_role if selected else QPalette.ColorRole.PlaceholderText
        rect = option.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        painter.save()
        line = QColor(option.palette.color(group, QPalette.ColorRole.PlaceholderText))
        line.setAlpha(70)
        painter.setPen(line)
        bottom = option.rect.bottom()
        painter.drawLine(
            option.rect.left() + self.PAD, bottom, option.rect.right() - self.PAD, bottom
        )
        painter.setPen(option.palette.color(group, muted_role))
        head_h = option.fontMetrics.height()
        painter.drawText(rect.x(), rect.y(), rect.width(), head_h, 0, heading(entry))
        if entry.kind == "decision" and entry.detail.get("outcome") in ("weak_no", "undecided"):
            tag = "unfinished"
            tag_w = option.fontMetrics.horizontalAdvance(tag) + 12
            badge = QRectF(rect.right() - tag_w, rect.y(), tag_w, head_h)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(230, 160, 20, 80))
            painter.drawRoundedRect(badge, 4, 4)
            painter.setPen(option.palette.color(group, text_role))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, tag)
        doc = self._document(entry, option.rect.width(), option)
        painter.translate(rect.x(), rect.y() + head_h + self.PAD // 2)
        context = QAbstractTextDocumentLayout.PaintContext()
        body_role = muted_role if entry.kind == "meeting" else text_role  # meetings: lightly
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(group, body_role))
        context.clip = QRectF(0, 0, rect.width(), rect.height())
        doc.documentLayout().draw(painter, context)
        painter.restore()
        return None
