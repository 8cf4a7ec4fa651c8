"""The Referrals section: who referred this person, whom they referred, and their credit."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal import credit, people, referrals
from journal.records import ReferralRecord
from ui.guard import attempt

from .autosave import Saver
from .undo import Addition, PageChange, Place, Step
from .widgets import date_edit, from_qdate, muted, named

Index = QModelIndex | QPersistentModelIndex
PersonIdRole = Qt.ItemDataRole.UserRole + 1


class ReferralModel(QAbstractListModel):
    """Referrals seen from one side: `other` is "referrer" or "referred" (whom the row names)."""

    def __init__(self, other: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._other = other
        self._records: list[ReferralRecord] = []

    def set_records(self, records: list[ReferralRecord]) -> None:
        if list(records) == self._records:
            return
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> ReferralRecord:
        return self._records[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        r = self._records[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            name = getattr(r, f"{self._other}_name")
            when = f" · {r.on:%d %b %Y}" if r.on else ""
            return f"{name}{when}" + (f" · {r.context}" if r.context else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Double-click or press Enter to open this person"
        if role == PersonIdRole:
            return getattr(r, f"{self._other}_id")
        return None


def credit_text(person_id: int) -> str:
    c = credit.credit_of(person_id)
    if c.referred == 0:
        return "Has not referred anyone yet."
    people_word = "person" if c.referred == 1 else "people"
    bought = "said yes to an offer" if c.said_yes else "never bought"
    return f"Referred {c.referred} {people_word} · {bought}"


class ReferralsSection(QWidget):
    openPerson = Signal(int)

    def __init__(self, saver: Saver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "referralsSection", "Referrals")
        self._saver = saver
        self._person_id: int | None = None
        self._ids_by_name: dict[str, list[int]] = {}
        self._names_for: int | None = None  # whom the completer's names leave out, once read

        self.credit = QLabel()
        named(self.credit, "referralCreditLabel", "Referral credit")
        font = self.credit.font()
        font.setBold(True)
        self.credit.setFont(font)
        self.by_model = ReferralModel("referrer", self)
        self.to_model = ReferralModel("referred", self)
        self.by_view = self._list("referredByView", "Referred by", self.by_model)
        self.to_view = self._list("referredView", "Referred", self.to_model)

        self.direction = QComboBox()
        named(self.direction, "referralDirectionCombo", "Direction")
        self.direction.addItem("They referred…", "from")
        self.direction.addItem("…referred them", "to")
        self.other = QLineEdit()
        named(self.other, "referralPersonEdit", "Person")
        self.other.setPlaceholderText("Type a name")
        self.names = QStringListModel(self)
        self.completer = QCompleter(self.names, self.other)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.other.setCompleter(self.completer)
        self.other.installEventFilter(self)
        self.context = QLineEdit()
        named(self.context, "referralContextEdit", "Context")
        self.context.setPlaceholderText("context (optional), e.g. at the user group dinner")
        self.on = date_edit("referralDateEdit", "Referred on")
        self.add_button = QPushButton("Link")
        named(self.add_button, "addReferralButton", "Link the referral")
        self.add_button.clicked.connect(self.add)
        self.context.returnPressed.connect(self.add)
        self.remove_button = QPushButton("Remove link")
        named(self.remove_button, "removeReferralButton", "Remove the selected referral")
        self.remove_button.clicked.connect(self.remove_selected)

        lists = QGridLayout()
        lists.addWidget(QLabel("Referred by"), 0, 0)
        lists.addWidget(QLabel("Referred"), 0, 1)
        lists.addWidget(self.by_view, 1, 0)
        lists.addWidget(self.to_view, 1, 1)
        add_row = QHBoxLayout()
        add_row.addWidget(self.direction)
        add_row.addWidget(self.other, 2)
        add_row.addWidget(self.context, 3)
        add_row.addWidget(self.on)
        add_row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.credit)
        layout.addLayout(lists, 1)
        remove_row = QHBoxLayout()
        remove_row.addWidget(muted(QLabel("Link someone:")), 1)
        remove_row.addWidget(self.remove_button)
        layout.addLayout(remove_row)
        layout.addLayout(add_row)

    def _list(self, object_name: str, accessible: str, model: ReferralModel) -> QListView:
        view = QListView()
        named(view, object_name, accessible)
        view.setModel(model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.activated.connect(lambda index: self.openPerson.emit(index.data(PersonIdRole)))
        view.clicked.connect(lambda _, v=view: self._clear_other(v))
        return view

    def _clear_other(self, clicked: QListView) -> None:
        other = self.to_view if clicked is self.by_view else self.by_view
        other.clearSelection()
        other.setCurrentIndex(QModelIndex())

    def show_person(self, person_id: int) -> None:
        if person_id != self._person_id:
            self.other.clear()
            self.context.clear()
        self._person_id = person_id
        self.refresh()

    def forget(self) -> None:
        self._person_id = None
        self.by_model.set_records([])
        self.to_model.set_records([])

    def refresh(self) -> None:
        if self._person_id is None:
            return
        self.by_model.set_records(referrals.referred_by(self._person_id))
        self.to_model.set_records(referrals.referrals_from(self._person_id))
        self.credit.setText(credit_text(self._person_id))
        self._names_for = None  # names may have changed: read again when next wanted
        if self.other.hasFocus():
            self._read_names()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.other and event.type() == QEvent.Type.FocusIn:
            self._read_names()
        return super().eventFilter(watched, event)

    def _read_names(self) -> None:
        """Everyone's names for the completer, read when the name field is first focused (not
        on each open: 10 000 people take tens of ms)."""
        if self._person_id is None or self._names_for == self._person_id:
            return
        self._names_for = self._person_id
        self._ids_by_name = {}
        everyone = people.person_names()
        for pid, name in everyone:
            if pid != self._person_id:
                self._ids_by_name.setdefault(name.casefold(), []).append(pid)
        self.names.setStringList([n for pid, n in everyone if pid != self._person_id])

    def _remove(self, record: ReferralRecord) -> ReferralRecord | None:
        link = f"{record.referrer_name} introduced {record.referred_name}"
        change = PageChange(
            self._saver,
            f"Remove the referral “{link}”",
            "referral",
            Step("Removing the referral", referrals.trash_referral, (record.id,)),
            Step("Bringing back the referral", referrals.restore_referral, (record.id,)),
            Place(self._person_id or record.referrer_id, "referral", record.id),
            done=f"Referral removed ({link}). Undo with Ctrl+Z.",
        )
        result: ReferralRecord | None = self._saver.push(change)
        return result

    def highlight(self, referral_id: int) -> bool:
        """Select a referral in whichever list holds it."""
        for view, model in ((self.by_view, self.by_model), (self.to_view, self.to_model)):
            for row in range(model.rowCount()):
                if model.record(row).id == referral_id:
                    self._clear_other(view)
                    view.setCurrentIndex(model.index(row))
                    return True
        return False

    def count(self) -> int:
        return self.by_model.rowCount() + self.to_model.rowCount()

    def _other_id(self) -> int | None:
        self._read_names()
        text = self.other.text().strip()
        ids = self._ids_by_name.get(text.casefold(), [])
        if len(ids) == 1:
            return ids[0]
        found = attempt(self, "Linking the referral", people.resolve_person, text)
        return None if found is None else found.id

    def add(self) -> None:
        if self._person_id is None:
            return
        other = self._other_id()
        if other is None:
            return
        pair = (self._person_id, other)
        referrer, referred = pair if self.direction.currentData() == "from" else pair[::-1]
        on: dt.date = from_qdate(self.on.date())
        record = self._saver.push(
            Addition(
                self._saver,
                f"Link the referral with {self.other.text().strip()}",
                "referral",
                Step(
                    "Linking the referral",
                    referrals.add_referral,
                    (referrer, referred),
                    {"on": on, "context": self.context.text()},
                ),
                referrals.trash_referral,
                referrals.restore_referral,
                self._person_id,
                "referral",
            )
        )
        if record is None:
            return
        self.other.clear()
        self.context.clear()
        self.refresh()

    def remove_selected(self) -> None:
        for view, model in ((self.by_view, self.by_model), (self.to_view, self.to_model)):
            index = view.currentIndex()
            if index.isValid() and view.selectionModel().isSelected(index):
                record = model.record(index.row())
                if self._remove(record) is not None:
                    self.refresh()
                return
