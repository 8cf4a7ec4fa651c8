"""Write a realistic journal of a chosen size (default: ten years of a busy salesperson).

python -m bench.generate OUT.sqlite [--people N] [--notes N] [--seed S] [--text realistic|stress]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

from peewee import chunked

from journal import search
from journal.models import (
    Decision,
    FollowUp,
    Goal,
    Note,
    Objection,
    Pain,
    Person,
    PersonTag,
    Referral,
    Tag,
    database,
)
from journal.storage import open_journal

from .vocabulary import Writer

FIRST = [
    "Ana",
    "Bruno",
    "Carla",
    "Diego",
    "Elena",
    "Fatima",
    "Gustavo",
    "Hana",
    "Igor",
    "Julia",
    "Kenji",
    "Lucia",
    "Marco",
    "Nadia",
    "Omar",
    "Paula",
    "Quentin",
    "Rosa",
    "Samir",
    "Tereza",
    "Ugo",
    "Vera",
    "Wen",
    "Ximena",
    "Yusuf",
    "Zoe",
    "Amara",
    "Bastien",
    "Chloe",
    "Dmitri",
]
LAST = [
    "Souza",
    "Lima",
    "Costa",
    "Okafor",
    "Nakamura",
    "Rossi",
    "Schmidt",
    "Dubois",
    "Haddad",
    "Novak",
    "Silva",
    "Moreau",
    "Kowalski",
    "Jensen",
    "Almeida",
    "Tanaka",
    "Garcia",
    "Murphy",
    "Ivanova",
    "Mensah",
    "Fischer",
    "Conti",
    "Laurent",
    "Pereira",
    "Yilmaz",
]
COMPANIES = [
    "Padaria Central",
    "Harbour Logistics",
    "Green Leaf Dental",
    "Atlas Studio",
    "Nordic Timber",
    "Bright Path Tutoring",
    "Copper Kettle Cafe",
    "Summit Physio",
    "Blue Fern Agency",
    "Quarry Lane Builders",
]
ROLES = ["Owner", "Founder", "CFO", "Operations lead", "Managing partner", "Director", "Manager"]
TAGS = ["founder", "CFO", "agency", "accountant", "retail", "clinic", "trades", "connector"]
SENTENCES = [
    "We talked about how month-end close keeps slipping into the third week.",
    "She wants to open a second location before the lease on the first runs out.",
    "Cash flow is tight until the big invoice from the council is paid.",
    "He asked whether we could start with a one-off clean-up of the books.",
    "Their bookkeeper is retiring and nobody knows the old spreadsheets.",
    "The partner is sceptical about paying a monthly retainer.",
    "Budget decisions happen in January, so revisit after the holidays.",
    "Sent over the case study about the dental clinic and the payroll fix.",
    "They are hiring two people and worry about payroll compliance.",
    "Coffee near the harbour; mostly about her daughter starting university.",
    "He referred me to his accountant, who looks after three other clinics.",
    "Pricing felt high compared with the software they already pay for.",
    "Wants a dashboard the whole team can read without an accounting degree.",
    "Timing is wrong: they are in the middle of moving warehouses.",
    "Thanked her for the introduction to the studio across the street.",
]
OFFERS = [
    "Monthly bookkeeping",
    "Cash-flow review",
    "Payroll set-up",
    "Fractional CFO retainer",
    "Year-end clean-up",
    "Forecasting workshop",
]
OBJECTIONS = [
    "Too expensive for us right now",
    "Bad timing",
    "Need to ask my partner",
    "Our current bookkeeper is fine",
    "Not sure it pays for itself",
    "too expensive",
    "We might do it in-house",
]
LESSONS = [
    "Start with a smaller first step",
    "Should have asked about the partner earlier",
    "Lead with their cash-flow pain, not our process",
    "Show the dashboard, not the price list",
]
OUTCOMES = ["yes", "strong_no", "weak_no", "undecided"]
# The realistic journal's names, from several cultures (the stress journal keeps FIRST and LAST).
WORLD_FIRST = [
    *FIRST,
    *[
        "Adebayo",
        "Chidi",
        "Ngozi",
        "Oluwaseun",
        "Wanjiru",
        "Kwame",
        "Thandiwe",
        "Aisha",
        "Mehmet",
        "Elif",
        "Priya",
        "Arjun",
    ],
    *[
        "Ananya",
        "Rohan",
        "Wei",
        "Mei",
        "Jun",
        "Haruto",
        "Yuki",
        "Sakura",
        "Minjun",
        "Seo-yeon",
        "Linh",
        "Quang",
        "Siobhan",
        "Niamh",
    ],
    *[
        "Søren",
        "Ingrid",
        "Björn",
        "Małgorzata",
        "Łukasz",
        "Zuzana",
        "Dóra",
        "João",
        "Inês",
        "José",
        "Renée",
        "Françoise",
        "Ngaio",
    ],
    *[
        "Tama",
        "Aroha",
        "Leilani",
        "Mateo",
        "Valentina",
        "Camila",
        "Santiago",
        "Moshe",
        "Yael",
        "Layla",
        "Karim",
        "Farah",
    ],
]
WORLD_LAST = [
    *LAST,
    *[
        "Adeyemi",
        "Okonkwo",
        "Mwangi",
        "Boateng",
        "Ndlovu",
        "Öztürk",
        "Demir",
        "Sharma",
        "Patel",
        "Iyer",
        "Chen",
        "Wang",
        "Li",
    ],
    *[
        "Zhang",
        "Takahashi",
        "Suzuki",
        "Kim",
        "Park",
        "Nguyễn",
        "Trần",
        "O'Brien",
        "MacLeod",
        "Nielsen",
        "Lindqvist",
    ],
    *[
        "Wiśniewski",
        "Dvořák",
        "Horváth",
        "Gonçalves",
        "Ferreira",
        "Müller",
        "Hernández",
        "López",
        "Ngata",
        "Kahale",
    ],
    *["Cohen", "Levi", "Al-Sayed", "Mansour", "Abdullah", "Haddad", "Rahman", "Petrov", "Smirnova"],
]


def _body(rng: random.Random) -> str:
    return " ".join(rng.sample(SENTENCES, rng.randint(2, 6)))


def generate(
    path: Path,
    people: int = 10_000,
    notes: int = 100_000,
    decisions: int = 3_000,
    referrals: int = 3_000,
    seed: int = 1,
    text: str = "realistic",
) -> Path:
    """Fill a new journal at `path`; returns the path. Existing files are replaced.

    `text` "realistic": notes from a Zipf-like vocabulary of 6 000 words (bench/vocabulary.py),
    names from several cultures; "stress": every note drawn from 15 sentences, so each word
    is in a quarter to two thirds of all notes (FTS5's worst case).
    """
    rng = random.Random(seed)
    if text == "stress":
        first_names, last_names = FIRST, LAST
        body, line = (lambda: _body(rng)), (lambda: rng.choice(SENTENCES))
    else:
        writer = Writer(seed)
        first_names, last_names = WORLD_FIRST, WORLD_LAST
        body, line = writer.note, writer.sentence
    path.unlink(missing_ok=True)
    journal = open_journal(path)
    today = dt.datetime.now().replace(microsecond=0)
    start = today - dt.timedelta(days=3650)

    def when() -> dt.datetime:
        return start + dt.timedelta(seconds=rng.randint(0, 3650 * 86400))

    with database.atomic():
        tag_ids = [Tag.insert(name=t).execute() for t in TAGS]
        rows = []
        for i in range(people):
            first, last = rng.choice(first_names), rng.choice(last_names)
            created = when()
            rows.append(
                {
                    "name": f"{first} {last} {i}" if text == "stress" else f"{first} {last}",
                    "company": rng.choice(COMPANIES),
                    "role": rng.choice(ROLES),
                    "emails": [f"{first}.{last}{i}@example.test".lower()],
                    "phones": [],
                    "location": "",
                    "how_we_met": rng.choice(["LinkedIn", "Referral", "Chamber breakfast"]),
                    "about": "",
                    "fit": rng.choice(["good", "unknown", "poor"]),
                    "focus": i < 20,
                    "cadence_days": rng.choice([None, 30, 60, 90]),
                    "created_at": created,
                    "updated_at": created,
                }
            )
        for chunk in chunked(rows, 500):
            Person.insert_many(chunk).execute()
        ids = [pid for (pid,) in Person.select(Person.id).tuples()]
        tag_rows = [{"person": pid, "tag": rng.choice(tag_ids)} for pid in ids]
        for chunk in chunked(tag_rows, 500):
            PersonTag.insert_many(chunk).execute()
        heavy = ids[0]
        note_rows = []
        for n in range(notes):
            at = when()
            note_rows.append(
                {
                    "person": heavy if n < 500 else rng.choice(ids),
                    "occurred_at": at,
                    "kind": rng.choice(["meeting", "call", "message", "thought"]),
                    "body": body(),
                    "created_at": at,
                    "updated_at": at,
                }
            )
        for chunk in chunked(note_rows, 500):
            Note.insert_many(chunk).execute()
        for chunk in chunked(range(people // 2), 500):
            Goal.insert_many(
                [
                    {
                        "person": rng.choice(ids),
                        "text": line(),
                        "why": line(),
                        "status": "open",
                        "created_at": when(),
                        "updated_at": today,
                    }
                    for _ in chunk
                ]
            ).execute()
            Pain.insert_many(
                [
                    {
                        "person": rng.choice(ids),
                        "text": line(),
                        "ramifications": line(),
                        "status": "open",
                        "created_at": when(),
                        "updated_at": today,
                    }
                    for _ in chunk
                ]
            ).execute()
        for _ in range(decisions):
            decided = when().date()
            outcome = rng.choice(OUTCOMES)
            did = Decision.insert(
                person=rng.choice(ids),
                offer=rng.choice(OFFERS),
                outcome=outcome,
                decided_on=decided,
                reason=line(),
                lesson=rng.choice(LESSONS) if outcome != "yes" else "",
                revisit_on=decided + dt.timedelta(days=90)
                if outcome in ("weak_no", "undecided")
                else None,
                created_at=today,
                updated_at=today,
            ).execute()
            for text in rng.sample(OBJECTIONS, rng.randint(0, 3)):
                Objection.insert(decision=did, text=text, addressed=rng.random() < 0.3).execute()
        pairs = set()
        while len(pairs) < min(referrals, len(ids) * (len(ids) - 1)):
            a, b = rng.sample(ids, 2)
            pairs.add((a, b))
        for chunk in chunked(sorted(pairs), 500):
            Referral.insert_many(
                [
                    {
                        "referrer": a,
                        "referred": b,
                        "on": when().date(),
                        "context": "",
                        "created_at": today,
                    }
                    for a, b in chunk
                ]
            ).execute()
        for chunk in chunked(range(people // 5), 500):
            FollowUp.insert_many(
                [
                    {
                        "person": rng.choice(ids),
                        "due_on": when().date(),
                        "what": "Send the case study",
                        "done": rng.random() < 0.7,
                        "created_at": today,
                        "updated_at": today,
                    }
                    for _ in chunk
                ]
            ).execute()
        search.rebuild_index()
    journal.db.execute_sql("PRAGMA optimize")
    journal.close()
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--text", choices=["realistic", "stress"], default="realistic")
    args = parser.parse_args()
    generate(args.out, people=args.people, notes=args.notes, seed=args.seed, text=args.text)


if __name__ == "__main__":
    main()
