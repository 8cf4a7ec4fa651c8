"""Search: results as you type, grouped by kind, the match in bold; Enter opens the record.
The people whose names match are looked up beside the full-text search and shown first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from journal.changes import Changes
from journal.name_search import names_first, names_matching
from journal.search import SearchHit, search

from ..item_models.search_model import HTML_ROLE, IS_HEADER_ROLE, SearchModel
from ..search_worker import SearchWorker
from .common import heading

if TYPE_CHECKING:
    from ..session import Session

DEBOUNCE_MS = 120
SEARCHED = ("person", "note", "goal", "pain", "decision", "objection", "tag")


class HtmlDelegate(QStyledItemDelegate):
    """Draws a row's HTML (snippet with bold matches, person underneath).

    Every header row has the same height, and so does every hit (one line each, never wrapped):
    each height is laid out once per font, so a new list of results costs no text layout.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._heights: dict[tuple[str, bool], int] = {}

    @staticmethod
    def _document(option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        """The row's HTML on one line per paragraph: its height never depends on the width."""
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(4)
        doc.setHtml(str(index.data(HTML_ROLE) or ""))
        return doc

    def paint(self, painter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.setClipRect(opt.rect)
        painter.translate(opt.rect.topLeft())
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        header = bool(index.data(IS_HEADER_ROLE))
        key = (option.font.key(), header)
        if key not in self._heights:
            opt = QStyleOptionViewItem(option)
            self.initStyleOption(opt, index)
            doc = self._document(opt, index)
            self._heights[key] = int(doc.size().height()) + (8 if header else 2)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        return QSize(option.fontMetrics.horizontalAdvance(text) + 8, self._heights[key])


class SearchPage(QWidget):
    openPerson = Signal(int, object)
    shown = Signal(str)  # results for this text are now in the list

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPage")
        self.setAccessibleName("Search")
        self.box = QLineEdit(self)
        self.box.setObjectName("searchBox")
        self.box.setAccessibleName("Search the journal")
        self.box.setPlaceholderText("Search people, notes, goals, pains, decisions…")
        self.box.setClearButtonEnabled(True)
        self.model = SearchModel(self)
        self.results = QListView(self)
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName("Search results")
        self.results.setModel(self.model)
        self.results.setItemDelegate(HtmlDelegate(self.results))
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.activated.connect(self._open_index)
        self.results.doubleClicked.connect(self._open_index)
        self.status = QLabel("", self)
        self.status.setObjectName("searchStatus")
        self.status.setProperty("role", "hint")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.worker: SearchWorker | None = None  # started with the first search
        self.names_worker: SearchWorker | None = None  # beside it: the names
        self.showing = ""  # the text whose results are shown
        self.names_showing = ""  # the text whose names are shown (before or with the rest)
        self._names: tuple[str, list[SearchHit]] = ("", [])  # the newest names, for their text
        self._hits: tuple[str, list[SearchHit]] = ("", [])  # the newest full-text answer
        self.box.textChanged.connect(lambda _: self._timer.start())
        self.box.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Search", parent=self))
        layout.addWidget(self.box)
        layout.addWidget(self.status)
        layout.addWidget(self.results)

    def focus_box(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def run_search(self) -> None:
        """Ask for the box's text in the search thread; its results show when they come (a
        newer keystroke interrupts the query, so typing never waits for it)."""
        self._timer.stop()
        text = self.box.text()
        if not text.strip():
            for worker in self._workers():
                worker.forget()
            self._show(text, [])
            return
        for worker in self._workers():
            worker.ask(text)

    def search_now(self) -> None:
        """Search on this thread and show the results at once (Enter or Down before the
        results of what was typed came)."""
        self._timer.stop()
        text = self.box.text()
        for worker in self._workers():
            worker.forget()
        if not text.strip():
            self._show(text, [])
            return
        self._names = (text, names_matching(text))
        self._answered(0, text, search(text))

    def _workers(self) -> tuple[SearchWorker, SearchWorker]:
        if self.worker is None or self.names_worker is None:
            self.worker = SearchWorker(search, self._answered, self._failed, self)
            self.names_worker = SearchWorker(
                names_matching, self._named, self._failed, self, "rapport-names"
            )
        return self.worker, self.names_worker

    def _named(self, _number: int, text: str, names: list[SearchHit]) -> None:
        """The people whose names match: shown at once, above the rest when it has come."""
        if text != self.box.text():
            return
        self._names = (text, names)
        if self._hits[0] == text:  # the rest came first (and was said shown): the names join it
            self._fill(text, names_first(names, self._hits[1]))
        elif names:
            self.model.set_hits(names)
            self.names_showing = text
            self.status.setText("Searching notes…")
            self.results.setCurrentIndex(self.model.index(self.model.first_hit_row() or 0, 0))

    def _answered(self, _number: int, text: str, hits: list[SearchHit]) -> None:
        if text == self.box.text():
            self._hits = (text, hits)
            names = self._names[1] if self._names[0] == text else []
            self._show(text, names_first(names, hits))

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(f"The search did not work: {exc}")

    def _show(self, text: str, hits: list[SearchHit]) -> None:
        self._fill(text, hits)
        self.shown.emit(text)

    def _fill(self, text: str, hits: list[SearchHit]) -> None:
        self.model.set_hits(hits)
        self.showing = self.names_showing = text
        if not text.strip():
            self.status.setText("")
        elif not hits:
            self.status.setText("Nothing matches.")
        else:
            self.status.setText(f"{len(hits)} match" + ("" if len(hits) == 1 else "es"))
        first = self.model.first_hit_row()
        if first is not None:
            self.results.setCurrentIndex(self.model.index(first, 0))

    def results_pending(self) -> bool:
        """True while what the box says has no results shown yet."""
        return self._timer.isActive() or self.showing != self.box.text()

    def refresh(self) -> None:
        """Run the current search again (after an edit or another journal)."""
        if self.box.text().strip():
            self.run_search()
        else:
            self._show("", [])

    def follow(self, session: Session) -> None:
        session.changed.connect(self.journal_changed)

    def journal_changed(self, changes: Changes, handler: object = None) -> None:
        """Run the search again if it is showing (it runs again anyway when typed into)."""
        del handler
        if self.isVisible() and changes.touches(*SEARCHED):
            self.refresh()

    def open_row(self, row: int) -> None:
        hit = self.model.hit(row)
        if hit is not None:
            focus = None if hit.kind == "person" else (hit.kind, hit.record_id)
            self.openPerson.emit(hit.person_id, focus)

    def _open_index(self, index: QModelIndex | QPersistentModelIndex) -> None:
        self.open_row(index.row())

    def eventFilter(self, watched, event) -> bool:
        if (
            watched is self.box
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
        ):
            if event.key() == Qt.Key.Key_Down:
                if self.results_pending():
                    self.search_now()
                first = self.model.first_hit_row()
                if first is not None:
                    self.results.setFocus(Qt.FocusReason.OtherFocusReason)
                    if not self.results.currentIndex().isValid():
                        self.results.setCurrentIndex(self.model.index(first, 0))
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.results_pending():
                    self.search_now()
                current = self.results.currentIndex()
                row = current.row() if current.isValid() else self.model.first_hit_row()
                if row is not None:
                    self.open_row(row)
                return True
        return super().eventFilter(watched, event)
