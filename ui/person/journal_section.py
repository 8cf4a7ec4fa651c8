"""The Journal section: the timeline (newest first) and the note composer (drafts per person,
kept in the journal as they are typed)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from journal import drafts, notes, timeline

from .autosave import Saver
from .composer import Composer, Draft, DraftKeeper, stored_draft
from .timeline_model import EntryRole, KeyRole, TimelineDelegate, TimelineModel
from .undo import Addition, PageChange, Place, Step, preview
from .widgets import muted, named


class JournalSection(QWidget):
    """Enter or double-click on a note edits it; on a goal, pain or decision, opens its section."""

    openRecord = Signal(str, int)

    def __init__(self, saver: Saver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "journalSection", "Journal")
        self._saver = saver
        self._person_id: int | None = None
        self._editing: int | None = None
        self._drafts: dict[int, Draft] = {}
        self._stashed: dict[int, Draft] = {}  # a person's draft put aside while editing a note

        self.model = TimelineModel(self)
        self.view = QListView()
        named(self.view, "timelineView", "Timeline")
        self.view.setModel(self.model)
        self.view.setItemDelegate(TimelineDelegate(self.view))
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setSpacing(2)
        self.view.setWordWrap(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.activated.connect(self._activated)
        trash = QAction("Move to trash", self.view)
        trash.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        trash.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        trash.triggered.connect(self.trash_selected)
        self.view.addAction(trash)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.empty = muted(QLabel("Nothing written yet: the first note goes below."))
        named(self.empty, "timelineEmptyLabel", "Empty timeline")

        self.edit_button = QPushButton("Edit note")
        named(self.edit_button, "editNoteButton", "Edit the selected note")
        self.edit_button.clicked.connect(self.edit_selected)
        self.trash_button = QPushButton("Move to trash")
        named(self.trash_button, "trashNoteButton", "Move the selected note to the trash")
        self.trash_button.clicked.connect(self.trash_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.empty)
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.trash_button)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.view, 1)
        top_layout.addLayout(buttons)
        self.composer = Composer()
        self.composer.submitted.connect(self.save_note)
        self.composer.cancelled.connect(self._cancel_edit)
        self.keeper = DraftKeeper(self.composer)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(self.composer)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(splitter)
        self._update_buttons()

    # -- person switching -------------------------------------------------------------------
    def show_person(self, person_id: int) -> None:
        if person_id == self._person_id:
            self.refresh()  # shown again: keep the composer as it is
            return
        if self._person_id is not None:
            self.keeper.flush()
            self._drafts[self._person_id] = self.composer.draft(self._editing)
        self._person_id = person_id
        draft, notice = self._drafts.pop(person_id, None), ""
        if draft is None:
            draft, notice = stored_draft(person_id) or (Draft(), "")
        self._editing = draft.note_id
        self.composer.set_draft(draft)
        self.composer.show_notice(notice)
        self.keeper.track(person_id, paused=self._editing is not None)
        self.refresh()

    def forget(self) -> None:
        self.keeper.track(None)
        self._person_id = self._editing = None
        self._drafts.clear()
        self._stashed.clear()
        self.composer.set_draft(Draft())
        self.model.set_entries([])

    def refresh(self) -> None:
        if self._person_id is None:
            return
        current = self.view.currentIndex().data(KeyRole)
        self.model.set_entries(timeline.timeline(self._person_id))
        self.empty.setVisible(self.model.rowCount() == 0)
        if current is not None:
            self.highlight(*current)
        self._update_buttons()

    def highlight(self, kind: str, record_id: int) -> bool:
        row = self.model.row_of(kind, record_id)
        if row is None:
            return False
        index = self.model.index(row)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    # -- writing ----------------------------------------------------------------------------
    def focus_composer(self) -> None:
        self.composer.show_now()
        self.composer.body.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def start_note(self, kind: str, when: dt.datetime) -> bool:
        """Begin a new note of `kind` that happened `when` (a meeting to write up), keeping what
        was typed. False while a note is being edited: that edit comes first."""
        if self._editing is not None:
            self.focus_composer()
            return False
        typed = self.composer.draft(None)
        self.composer.set_draft(Draft(typed.body, kind, when))
        self.keeper.write()
        self.focus_composer()
        return True

    def flush(self) -> None:
        """Write the draft being typed now (the person is left, or the window closes)."""
        self.keeper.flush()

    def save_note(self) -> None:
        if self._person_id is None:
            return
        self.keeper.cancel()
        body = self.composer.body.toPlainText()
        kind = self.composer.kind.currentData()
        when = self.composer.occurred_at()
        pid = self._person_id
        if self._editing is not None:
            changes = {"body": body, "kind": kind}
            if when is not None:
                changes["occurred_at"] = when
            old = notes.get_note(self._editing)
            before = {"body": old.body, "kind": old.kind, "occurred_at": old.occurred_at}
            change: PageChange = PageChange(
                self._saver,
                f"Edit the note “{preview(old.body)}”",
                "note",
                Step("Saving the note", notes.update_note, (self._editing,), changes),
                Step("Saving the note", notes.update_note, (self._editing,), before),
                Place(pid, "note", self._editing),
            )
        else:
            change = Addition(
                self._saver,
                f"Add the note “{preview(body)}”",
                "note",
                Step(
                    "Saving the note",
                    drafts.add_note_from_draft,
                    (pid, body),
                    {"kind": kind, "occurred_at": when},
                ),
                notes.trash_note,
                notes.restore_note,
                pid,
                "note",
            )
        record = self._saver.push(change)
        if record is None:
            self.keeper.write()  # what was typed stays, in the window and as the draft
            if self._editing is None:
                self._saver.after_queued(lambda _: self._saved_later(body, kind))
            return
        if self._editing is not None:
            self._editing = None
            self.keeper.track(self._person_id)
            self.composer.set_draft(self._stashed.pop(self._person_id, Draft()))
        else:
            self.composer.set_draft(Draft(kind=kind))
        self.model.put(timeline.note_entry(record))
        self.empty.setVisible(False)
        self.highlight("note", record.id)
        self._update_buttons()

    def _saved_later(self, body: str, kind: str) -> None:
        """A note that waited behind another Rapport's write is in: the composer that still
        holds it is emptied (what was typed after it stays)."""
        if self.composer.body.toPlainText() == body:
            self.composer.set_draft(Draft(kind=kind))
        self.refresh()

    def _activated(self, index: QModelIndex) -> None:
        kind, record_id = index.data(KeyRole)
        if kind == "note":
            self.edit_selected()
        elif kind == "meeting":  # write it up
            self.start_note("meeting", index.data(EntryRole).when)
        else:
            self.openRecord.emit(kind, record_id)

    def _selected_note(self) -> int | None:
        key = self.view.currentIndex().data(KeyRole)
        return key[1] if key and key[0] == "note" else None

    def edit_selected(self) -> None:
        note_id = self._selected_note()
        if note_id is None or self._person_id is None:
            return
        if self._editing is None:
            self.keeper.flush()
            self._stashed[self._person_id] = self.composer.draft(None)
        self.keeper.track(self._person_id, paused=True)
        note = notes.get_note(note_id)
        self._editing = note_id
        self.composer.set_draft(Draft(note.body, note.kind, note.occurred_at, note_id))
        self.focus_composer()

    def _cancel_edit(self) -> None:
        self._editing = None
        self.keeper.track(self._person_id)
        self.composer.set_draft(self._stashed.pop(self._person_id or 0, Draft()))

    def trash_selected(self) -> None:
        note_id = self._selected_note()
        if note_id is None:
            return
        if self._person_id is None:
            return
        entry = self.view.currentIndex().data(EntryRole)
        body = entry.body if entry is not None else ""
        change = PageChange(
            self._saver,
            f"Move the note “{preview(body)}” to the trash",
            "note",
            Step("Moving the note to the trash", notes.trash_note, (note_id,)),
            Step("Bringing back the note", notes.restore_note, (note_id,)),
            Place(self._person_id, "note", note_id),
            done="Note moved to the trash. Undo with Ctrl+Z.",
        )
        if self._saver.push(change) is not None:
            if self._editing == note_id:
                self._cancel_edit()
            self.refresh()

    def _update_buttons(self) -> None:
        is_note = self._selected_note() is not None
        self.edit_button.setEnabled(is_note)
        self.trash_button.setEnabled(is_note)

    def _menu(self, pos: QPoint) -> None:
        if self._selected_note() is None:
            return
        menu = QMenu(self)
        menu.addAction("Edit note", self.edit_selected)
        menu.addAction("Move to trash", self.trash_selected)
        menu.exec(self.view.viewport().mapToGlobal(pos))
