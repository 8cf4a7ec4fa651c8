"""One row per live person as CSV, for spreadsheets and mail-merge tools."""

from __future__ import annotations

import csv
import io

from . import gather

# Excel guesses the encoding of a CSV file from the system code page unless the file starts
# with a UTF-8 byte order mark; without it "Zoë" opens as "ZoÃ«". Other readers skip the mark.
BOM = "\ufeff"
SEPARATOR = "; "
COLUMNS = (
    "name",
    "company",
    "role",
    "emails",
    "phones",
    "location",
    "fit",
    "focus",
    "cadence_days",
    "last_touch",
    "next_reconnect",
    "tags",
    "open_goals",
    "open_pains",
)


def _joined(values: object) -> str:
    return SEPARATOR.join(str(v) for v in values)  # type: ignore[attr-defined]


def export_csv() -> str:
    """Every live person as one CSV row: UTF-8 text with a byte order mark, CRLF rows.

    `cadence_days` is the person's own cadence; `next_reconnect` also follows tag cadences.
    """
    persons = gather.live_people()
    rows = gather.rows_of(p.id for p in persons)
    goals = gather.goals_by_person()
    pains = gather.pains_by_person()
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for p in persons:
        row = rows[p.id]
        writer.writerow(
            (
                p.name,
                p.company,
                p.role,
                _joined(p.emails),
                _joined(p.phones),
                p.location,
                p.fit,
                "yes" if p.focus else "no",
                "" if p.cadence_days is None else p.cadence_days,
                row.last_touch.isoformat(sep=" ", timespec="minutes") if row.last_touch else "",
                row.next_reconnect.isoformat() if row.next_reconnect else "",
                _joined(p.tags),
                _joined(g.text for g in goals.get(p.id, ())),
                _joined(x.text for x in pains.get(p.id, ())),
            )
        )
    return BOM + out.getvalue()
