"""A writer for the crash test: reports each write on stdout only after it returned (committed).

python tests/crash_writer.py JOURNAL FIRST_INDEX
"""

from __future__ import annotations

import sys

from journal import decisions, interchange, notes, people
from journal.storage import open_journal

BATCH = 20


def main(path: str, first: int) -> None:
    open_journal(path)
    found = people.find_people("Crash Writer")
    person = found[0] if found else people.add_person("Crash Writer")
    print("ready", flush=True)
    i = first
    while True:
        if i % 3 == 0:
            notes.add_note(person.id, f"note-{i}")
            print(f"note {i}", flush=True)
        elif i % 3 == 1:
            decisions.record_decision(
                person.id, f"offer-{i}", "weak_no", objections=[f"obj-{i}-a", f"obj-{i}-b"]
            )
            print(f"decision {i}", flush=True)
        else:
            batch = [
                {"name": f"batch-{i}-{k}", "notes": [{"body": f"batch note {i} {k}"}]}
                for k in range(BATCH)
            ]
            interchange.import_journal({"format": "rapport-journal", "version": 1, "people": batch})
            print(f"import {i}", flush=True)
        i += 1


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
