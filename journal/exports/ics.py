"""Dates for a calendar as iCalendar (RFC 5545): open follow-ups, revisits and reconnects.

UIDs are stable (`followup-12@rapport`), so importing a newer export updates the same entries.
"""

from __future__ import annotations

import datetime as dt

import vobject
from vobject.icalendar import utc

from .. import listing
from ..decisions import OUTCOME_LABELS
from . import gather
from .text import UNFOLDED, content, day, fold

PRODID = "-//Rapport//Rapport//EN"


def _stamp(component: vobject.base.Component, uid: str, summary: str, stamp: dt.datetime) -> None:
    component.add("uid").value = uid
    component.add("dtstamp").value = stamp
    component.add("summary").value = content(summary)


def _all_day(cal: vobject.base.Component, on: dt.date) -> vobject.base.Component:
    event = cal.add("vevent")
    event.add("dtstart").value = on
    event.add("dtend").value = on + dt.timedelta(days=1)
    event.add("transp").value = "TRANSPARENT"
    return event


def _follow_ups(cal: vobject.base.Component, stamp: dt.datetime) -> None:
    for items in gather.follow_ups_by_person().values():
        for f in items:
            todo = cal.add("vtodo")
            _stamp(todo, f"followup-{f.id}@rapport", f"{f.what} ({f.person_name})", stamp)
            todo.add("due").value = f.due_on
            todo.add("status").value = "NEEDS-ACTION"


def _revisits(cal: vobject.base.Component, stamp: dt.datetime) -> None:
    for items in gather.decisions_by_person().values():
        for d in items:
            if not d.unfinished or d.revisit_on is None:
                continue
            event = _all_day(cal, d.revisit_on)
            _stamp(
                event,
                f"revisit-{d.id}@rapport",
                f"Revisit: {d.offer} with {d.person_name}",
                stamp,
            )
            lines = [f"{OUTCOME_LABELS[d.outcome]} on {day(d.decided_on)}."]
            if d.reason:
                lines.append(f"Reason: {d.reason}")
            if d.open_objections:
                lines.append("Open objections:")
                lines.extend(f"- {o.text}" for o in d.open_objections)
            event.add("description").value = content("\n".join(lines))


def _reconnects(cal: vobject.base.Component, stamp: dt.datetime, today: dt.date) -> None:
    for row in gather.rows_of(listing.person_ids()).values():
        if row.next_reconnect is None:  # no cadence of their own or from a tag
            continue
        # The date is derived from the cadence; one that has passed is due now, so it goes on today.
        event = _all_day(cal, max(row.next_reconnect, today))
        _stamp(event, f"reconnect-{row.id}@rapport", f"Reconnect with {row.name}", stamp)
        event.add("description").value = f"Keep in touch every {row.cadence_days} days."


def export_ics(today: dt.date | None = None) -> str:
    """Open follow-ups (VTODO), revisit dates and reconnect dates (all-day VEVENTs) as text."""
    today = today or dt.date.today()
    stamp = dt.datetime.now(utc).replace(microsecond=0)
    cal = vobject.iCalendar()
    cal.add("prodid").value = PRODID
    cal.add("calscale").value = "GREGORIAN"
    cal.add("x-wr-calname").value = "Rapport"
    _follow_ups(cal, stamp)
    _revisits(cal, stamp)
    _reconnects(cal, stamp, today)
    return fold(cal.serialize(lineLength=UNFOLDED))
