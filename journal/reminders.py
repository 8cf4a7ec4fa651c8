"""What to remind the seller of while Rapport is open: follow-ups due today (once a day), and a
meeting with someone in the journal a few minutes before it begins. No clock of its own."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .calendar.meetings import meetings_between
from .today import follow_ups_due

MEETING_LEAD = dt.timedelta(minutes=10)
_NAMED = 3


@dataclass(frozen=True)
class Reminder:
    """One notification: `key` says which (each is shown once); clicking it opens the person."""

    key: str
    title: str
    text: str
    person_id: int | None = None


@dataclass
class ReminderState:
    """What was shown already: the day of the follow-ups reminder, and the meetings'."""

    follow_ups_day: dt.date | None = None
    shown: set[str] = field(default_factory=set)


def follow_ups_reminder(today: dt.date) -> Reminder | None:
    due = follow_ups_due(today)
    if not due:
        return None
    named = "; ".join(f"{f.person_name}: {f.what}" for f in due[:_NAMED])
    more = f" and {len(due) - _NAMED} more" if len(due) > _NAMED else ""
    title = "1 follow-up due today" if len(due) == 1 else f"{len(due)} follow-ups due today"
    return Reminder(f"follow-ups:{today.isoformat()}", title, named + more, due[0].person_id)


def meeting_reminders(now: dt.datetime, lead: dt.timedelta = MEETING_LEAD) -> list[Reminder]:
    """Meetings with people in the journal that begin within `lead` from `now`."""
    found = []
    for meeting in meetings_between(now, now + lead + dt.timedelta(seconds=1)):
        if meeting.all_day or not meeting.people or not now < meeting.starts_at <= now + lead:
            continue
        minutes = max(1, round((meeting.starts_at - now).total_seconds() / 60))
        names = ", ".join(p.name for p in meeting.people)
        found.append(
            Reminder(
                f"meeting:{meeting.starts_at.isoformat()}:{meeting.summary}",
                f"In {minutes} min: {meeting.summary or 'a meeting'}",
                f"{meeting.starts_at:%H:%M} with {names}",
                meeting.people[0].id,
            )
        )
    return found


def due_reminders(
    now: dt.datetime, state: ReminderState, *, follow_ups: bool = True, meetings: bool = True
) -> list[Reminder]:
    """The reminders to show at `now` that were not shown yet; `state` remembers them."""
    found: list[Reminder] = []
    if follow_ups and state.follow_ups_day != now.date():
        state.follow_ups_day = now.date()
        if (reminder := follow_ups_reminder(now.date())) is not None:
            found.append(reminder)
    if meetings:
        for reminder in meeting_reminders(now):
            if reminder.key not in state.shown:
                state.shown.add(reminder.key)
                found.append(reminder)
    return found
