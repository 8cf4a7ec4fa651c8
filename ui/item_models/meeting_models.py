"""Today's calendar tables: the day's meetings (a row per person on each) and those to write up."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from journal.calendar import Attendee, MeetingRecord
from journal.calendar.agenda import MeetingAgenda, PersonAgenda
from journal.calendar.meetings import WriteUp

from .format import day
from .records_model import Column, RecordsModel


@dataclass(frozen=True)
class MeetingRow:
    """One person on one of today's meetings: someone in the journal, or an attendee who is not."""

    meeting: MeetingRecord
    person: PersonAgenda | None = None
    stranger: Attendee | None = None

    @property
    def person_id(self) -> int | None:
        return None if self.person is None else self.person.id

    def who(self) -> str:
        if self.person is not None:
            return self.person.name
        assert self.stranger is not None
        return f"{self.stranger.label} (not in the journal)"


def meeting_rows(agendas: list[MeetingAgenda]) -> list[MeetingRow]:
    rows = []
    for agenda in agendas:
        rows += [MeetingRow(agenda.meeting, person=p) for p in agenda.people]
        rows += [MeetingRow(agenda.meeting, stranger=s) for s in agenda.meeting.strangers]
    return rows


def _when(row: MeetingRow) -> str:
    return row.meeting.time_label()


def meetings_model(parent=None) -> RecordsModel:
    columns = (
        Column("Time", _when),
        Column("With", MeetingRow.who, lambda r: r.meeting.summary),
        Column("Meeting", lambda r: r.meeting.summary, lambda r: r.meeting.summary),
        Column("First open goal", lambda r: r.person.first_open_goal if r.person else ""),
        Column("Unfinished decision", lambda r: r.person.unfinished_decision if r.person else ""),
    )
    return RecordsModel(columns, lambda r: r.person_id, parent=parent)


def ended(write_up: WriteUp, today: dt.date | None = None) -> str:
    meeting = write_up.meeting
    return f"{day(meeting.starts_at, today)} {meeting.time_label()}"


def write_up_model(parent=None) -> RecordsModel:
    columns = (
        Column("When", ended),
        Column("Person", lambda w: w.person.name),
        Column("Meeting", lambda w: w.meeting.summary, lambda w: w.meeting.summary),
    )
    return RecordsModel(columns, lambda w: w.person.id, parent=parent)
