"""Another Rapport editing a person, for the tests of two people editing the same person.

python tests/person_editor.py LOCATION PERSON_ID   opens the journal as "Eli", changes the
person's company and writes a note in one transaction, prints "holding", and commits when a
line arrives on stdin, then prints "committed".
"""

from __future__ import annotations

import sys

from journal import authorship, notes, people
from journal.storage import open_journal


def main(location: str, person_id: int) -> None:
    with open_journal(location) as journal:
        authorship.set_author("Eli")
        with journal.db.atomic():
            people.update_person(person_id, company="Acme (Eli's)")
            notes.add_note(person_id, "Eli called about the invoice", kind="call")
            print("holding", flush=True)
            sys.stdin.readline()
        print("committed", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
