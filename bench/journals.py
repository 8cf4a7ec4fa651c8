"""The journals the benchmark measures: generated once per size and seed, then reused."""

from __future__ import annotations

import csv
import random
import shutil
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from .generate import COMPANIES, FIRST, LAST, ROLES, generate

RESULTS = Path(__file__).resolve().parent / "results"
LINKEDIN_PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are '
    "missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    'https://www.linkedin.com/psettings/privacy/email."\n'
    "\n"
)
LINKEDIN_HEADER = [
    "First Name",
    "Last Name",
    "URL",
    "Email Address",
    "Company",
    "Position",
    "Connected On",
]
# Part of each generated journal's name: bumped when bench.generate makes different journals, so
# a journal made by an older generator is made again (2: emails stored as a list, not as text).
GENERATION = 2
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@dataclass(frozen=True)
class Size:
    people: int
    notes: int
    decisions: int
    referrals: int
    linkedin_rows: int
    seed: int = 1
    text: str = "realistic"  # or "stress" (bench.generate)

    @property
    def key(self) -> str:
        sized = f"p{self.people}-n{self.notes}-d{self.decisions}-r{self.referrals}-s{self.seed}"
        return f"{self.text}-{sized}-g{GENERATION}"

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


FULL = Size(people=10_000, notes=100_000, decisions=3_000, referrals=3_000, linkedin_rows=10_000)
TINY = Size(people=50, notes=600, decisions=20, referrals=20, linkedin_rows=100)


def both(size: Size) -> list[Size]:
    """The realistic journal of this size, then the stress one."""
    return [replace(size, text="realistic"), replace(size, text="stress")]


def large_journal(size: Size, cache: Path) -> tuple[Path, bool]:
    """The generated journal for `size` under `cache` (made if missing); True if just made."""
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"journal-{size.key}.sqlite"
    done = path.with_suffix(".done")
    if path.exists() and done.exists():
        return path, False
    done.unlink(missing_ok=True)
    generate(
        path,
        people=size.people,
        notes=size.notes,
        decisions=size.decisions,
        referrals=size.referrals,
        seed=size.seed,
        text=size.text,
    )
    done.write_text(size.key)
    return path, True


def working_copy(source: Path, folder: Path) -> Path:
    """A copy to measure on (saving notes writes to it; the cached journal stays as made)."""
    target = folder / f"large-{source.stem}.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)
    return target


def empty_journal(folder: Path) -> Path:
    from journal.storage import open_journal

    path = folder / "empty.sqlite"
    path.unlink(missing_ok=True)
    open_journal(path).close()
    return path


def linkedin_csv(path: Path, rows: int, seed: int = 7) -> Path:
    """A LinkedIn Connections.csv export: its "Notes:" preamble, then `rows` connections."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(LINKEDIN_PREAMBLE)
        writer = csv.writer(f)
        writer.writerow(LINKEDIN_HEADER)
        for i in range(rows):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            slug = f"{first}{last}{i}".lower()
            email = f"{first}.{last}.{i}@linked.example".lower() if rng.random() < 0.3 else ""
            day = f"{rng.randint(1, 28):02d} {rng.choice(MONTHS)} {rng.randint(2012, 2026)}"
            writer.writerow(
                [
                    first,
                    f"{last}-{i}",
                    f"https://www.linkedin.com/in/{slug}",
                    email,
                    rng.choice(COMPANIES),
                    rng.choice(ROLES),
                    day,
                ]
            )
    return path
