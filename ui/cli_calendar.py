"""`rapport calendar add|list|remove|refresh`: the calendar files Rapport follows."""

from __future__ import annotations

import argparse

from journal import calendar


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("calendar", help="follow calendar files (.ics): meetings on Today")
    actions = p.add_subparsers(dest="calendar_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="follow a calendar file (Google, Outlook, Apple, …)")
    add.add_argument("file", metavar="FILE.ics")
    actions.add_parser("list", help="the calendars followed, when each was read")
    remove = actions.add_parser("remove", help="stop following a calendar (the file is kept)")
    remove.add_argument("calendar", metavar="NAME|ID")
    actions.add_parser("refresh", help="read every followed calendar again")


def run(args: argparse.Namespace) -> str:
    action = args.calendar_command
    if action == "add":
        return "following " + calendar.add_calendar(args.file).summary()
    if action == "remove":
        gone = calendar.remove_calendar(args.calendar)
        return f"stopped following {gone.name} ({gone.path}); the file was not touched"
    if action == "refresh":
        problems = calendar.refresh_calendars()
        lines = [f"read {c.name}: {c.meetings} meetings" for c in calendar.list_calendars()]
        return "\n".join(lines + problems) or "no calendars followed"
    return list_text()


def list_text() -> str:
    found = calendar.list_calendars()
    if not found:
        return "no calendars followed (rapport calendar add FILE.ics)"
    lines = []
    for c in found:
        read = f"read {c.read_at:%Y-%m-%d %H:%M}" if c.read_at else "never read"
        line = f"#{c.id}  {c.name}  {c.meetings} meetings, {read}  {c.path}"
        if c.last_error:
            line += f"\n      last problem: {c.last_error}"
        lines.append(line)
    return "\n".join(lines)
