"""Lessons: what every no taught, grouped by offer or tag; the objections that keep coming up."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journal.lessons import decisions_over_time, group_lessons, lessons, objection_themes

from ..item_models.lessons_model import LessonsModel, theme_nodes
from ..item_models.records_model import PERSON_ID_ROLE
from ..item_models.tree_model import TreeModel
from .common import heading
from .lessons_chart import DecisionsChart
from .refresh_when_shown import RefreshWhenShown
from .wrapping import opens_people, reading_tree

DEBOUNCE_MS = 150


class LessonsPage(RefreshWhenShown, QWidget):
    kinds = frozenset({"decision", "objection", "person", "tag"})
    openPerson = Signal(int, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lessonsPage")
        self.setAccessibleName("Lessons")
        self.filter_box = QLineEdit(self)
        self.filter_box.setObjectName("lessonsFilter")
        self.filter_box.setAccessibleName("Filter lessons")
        self.filter_box.setPlaceholderText("Filter by words in the lesson, the offer or the name")
        self.filter_box.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh_lessons)
        self.filter_box.textChanged.connect(lambda _: self._timer.start())
        self.by_offer = self._toggle("groupByOffer", "By &offer")
        self.by_tag = self._toggle("groupByTag", "By &tag")
        self.by_offer.setChecked(True)
        group = QButtonGroup(self)
        group.setExclusive(True)
        group.addButton(self.by_offer)
        group.addButton(self.by_tag)
        group.buttonToggled.connect(lambda _, on: on and self.refresh_lessons())
        self.model = LessonsModel(self)
        self.tree = reading_tree("lessonsTree", "Lessons", self.model, self)
        self.tree.doubleClicked.connect(self._open)
        self.tree.activated.connect(self._open)
        self.count = QLabel(self)
        self.count.setProperty("role", "hint")
        self.themes = TreeModel(("Objection", "Who"), self)
        self.themes_tree = reading_tree(
            "objectionThemes", "Objections that keep coming up, by theme", self.themes, self
        )
        opens_people(self.themes_tree, self.openPerson)
        self.chart = DecisionsChart(self)
        left = QWidget(self)
        bar = QHBoxLayout()
        bar.addWidget(self.filter_box, 1)
        bar.addWidget(self.by_offer)
        bar.addWidget(self.by_tag)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.count)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        themes_title = heading("Objections that keep coming up", "section", right)
        themes_title.setBuddy(self.themes_tree)
        right_layout.addWidget(themes_title)
        right_layout.addWidget(self.themes_tree, 1)
        right_layout.addWidget(heading("Decisions, the last 12 months", "section", right))
        right_layout.addWidget(self.chart)
        self.splitter = QSplitter(self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setSizes([620, 420])
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Lessons", parent=self))
        layout.addWidget(self.splitter, 1)
        self.stale = True

    def _toggle(self, name: str, text: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setAccessibleName(text.replace("&", ""))
        button.setCheckable(True)
        return button

    def grouping(self) -> str:
        return "tag" if self.by_tag.isChecked() else "offer"

    def set_grouping(self, by: str) -> None:
        (self.by_tag if by == "tag" else self.by_offer).setChecked(True)

    def refresh(self) -> None:
        self.stale = False
        self.refresh_lessons()
        self.themes.set_roots(theme_nodes(objection_themes()))
        self.themes_tree.expandAll()
        self.themes_tree.resizeColumnToContents(1)
        self.chart.set_months(decisions_over_time(12))

    def refresh_lessons(self) -> None:
        self._timer.stop()
        rows = lessons(self.filter_box.text())
        self.model.set_groups(group_lessons(rows, by=self.grouping()))
        for row in range(self.model.rowCount()):
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
        self.tree.expandAll()
        self.tree.setColumnHidden(2, self.grouping() == "offer")  # the group already names it
        for column in (1, 2, 3, 4):
            self.tree.resizeColumnToContents(column)
        noun = "lesson" if len(rows) == 1 else "lessons"
        self.count.setText(f"{len(rows)} {noun}" if rows else "No lessons match.")

    def _open(self, index: QModelIndex) -> None:
        pid = index.siblingAtColumn(0).data(PERSON_ID_ROLE)
        lesson = self.model.lesson(index.siblingAtColumn(0))
        if pid is not None and lesson is not None:
            self.openPerson.emit(int(pid), ("decision", lesson.decision_id))
