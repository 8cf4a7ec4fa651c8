"""The focus list as tables: in full on the Focus page, compact at the top of Today."""

from __future__ import annotations

from journal.focus import FocusEntry

from .records_model import Column, RecordsModel


def since(entry: FocusEntry) -> str:
    days = entry.days_since_touch
    if days is None:
        return "never"
    return "today" if days == 0 else "1 day" if days == 1 else f"{days} days"


def _joined(texts: tuple[str, ...]) -> str:
    return "; ".join(texts)


def _lines(texts: tuple[str, ...]) -> str:
    return "\n".join(f"• {t}" for t in texts)


FOCUS_COLUMNS = (
    Column("Person", lambda e: e.person.name, lambda e: e.person.company),
    Column("Open goals", lambda e: _joined(e.open_goals), lambda e: _lines(e.open_goals)),
    Column("Open pains", lambda e: _joined(e.open_pains), lambda e: _lines(e.open_pains)),
    Column("Since last touch", since),
)

COMPACT_COLUMNS = (
    Column("Person", lambda e: e.person.name),
    Column("Since last touch", since),
    Column(
        "First open goal",
        lambda e: e.open_goals[0] if e.open_goals else "",
        lambda e: _lines(e.open_goals),
    ),
)


def focus_model(parent=None) -> RecordsModel:
    return RecordsModel(FOCUS_COLUMNS, lambda e: e.person.id, parent=parent)


def compact_focus_model(parent=None) -> RecordsModel:
    return RecordsModel(COMPACT_COLUMNS, lambda e: e.person.id, parent=parent)
