"""Several processes adding notes at once to one server journal, for a while: how many notes
each was told were saved (its `add_note` calls that returned), against how many are found.
A note whose save failed is tried again with the same write id, as the window's queue does, so
one whose COMMIT reached the server but whose answer was lost is not written twice.

`python -m bench.writers URL SECONDS NUMBER PERSON_ID…` is one writer: it opens the journal,
says "ready", waits for a line on stdin, writes until SECONDS have passed, then prints a JSON
line of what it counted. Each note's text names its writer and its number, so a lost or
doubled note is found by name.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import Counter
from typing import Any

PREFIX = "bench writer "


def body(writer: int, number: int) -> str:
    return f"{PREFIX}{writer} note {number}"


def write_for(seconds: float, writer: int, person_ids: list[int]) -> dict[str, Any]:
    """Add notes until `seconds` have passed; what was acknowledged and what failed."""
    from journal import notes
    from journal.applied_writes import new_id, once

    acknowledged, failures = 0, Counter[str]()
    write_id = new_id()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        person = person_ids[(acknowledged + sum(failures.values()) + writer) % len(person_ids)]
        try:
            text = body(writer, acknowledged)
            once(write_id, lambda p=person, t=text: notes.add_note(p, t, kind="call"))
        except Exception as exc:  # counted, and the same note tried again with the same id
            failures[type(exc).__name__] += 1
            continue
        acknowledged += 1
        write_id = new_id()
    return {"writer": writer, "acknowledged": acknowledged, "failed": dict(failures)}


def main(argv: list[str]) -> int:
    from journal.storage import open_journal

    url, seconds, writer, *people = argv
    with open_journal(url):
        print("ready", flush=True)
        sys.stdin.readline()
        result = write_for(float(seconds), int(writer), [int(p) for p in people])
    print(json.dumps(result), flush=True)
    return 0


def measure(url: str, count: int, seconds: float) -> dict[str, Any]:
    """`count` writer processes at once on the journal at `url`, every one writing to the same
    five people; then the notes counted, by name, on a connection of its own."""
    from journal import people
    from journal.storage import open_journal

    with open_journal(url):
        targets = [pid for pid, _ in people.person_names()[:5]]
    command = [sys.executable, "-m", "bench.writers", url, str(seconds)]
    writers = [
        subprocess.Popen(
            [*command, str(n), *map(str, targets)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for n in range(count)
    ]
    for w in writers:  # every one connected before any writes
        assert w.stdout is not None and w.stdout.readline() == "ready\n"
    for w in writers:
        assert w.stdin is not None
        w.stdin.write("go\n")
        w.stdin.flush()
    results = [json.loads(w.communicate(timeout=seconds + 120)[0]) for w in writers]
    return {**_found(url, results), "writers": results, "writers_seconds": seconds}


def _found(url: str, results: list[dict[str, Any]]) -> dict[str, Any]:
    from journal.models import Note
    from journal.storage import open_journal

    with open_journal(url):
        bodies = Counter(
            text for (text,) in Note.select(Note.body).where(Note.body.startswith(PREFIX)).tuples()
        )
    told = {body(r["writer"], n) for r in results for n in range(r["acknowledged"])}
    return {
        "writers_acknowledged": [len(told)],
        "writers_found": [sum(bodies.values())],
        "writers_lost": [len(told - set(bodies))],
        "writers_twice": [sum(n - 1 for n in bodies.values())],
        "writers_not_acknowledged_but_found": [len(set(bodies) - told)],
    }


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
