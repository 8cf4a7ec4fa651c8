"""Imports report how far they got, and a cancel from the progress callback keeps nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal import interchange, people
from journal.contacts import import_contacts, read_contacts
from journal.progress import Cancelled
from journal.storage import open_journal

pytestmark = pytest.mark.both_backends

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def linkedin_csv(path: Path, rows: int) -> Path:
    lines = [
        f"Ada{i},Byron{i},,ada{i}@example.org,Firm {i % 7},Buyer,12 Mar 2024\n" for i in range(rows)
    ]
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    return path


def rapport_json(tmp_path: Path, count: int) -> Path:
    with open_journal(tmp_path / "source.sqlite"):
        for i in range(count):
            people.add_person(f"Grace {i}", company="Navy")
        interchange.dump_json(tmp_path / "journal.json")
    return tmp_path / "journal.json"


def test_a_csv_import_reports_its_progress_to_the_end(journal, tmp_path):
    heard: list[tuple[int, int]] = []
    report = import_contacts(
        linkedin_csv(tmp_path / "c.csv", 1200), progress=lambda d, t: heard.append((d, t))
    )
    assert len(report.added) == 1200
    assert len(heard) > 2
    assert [d for d, _ in heard] == sorted(d for d, _ in heard)
    assert heard[-1][0] == heard[-1][1]
    assert people.count_people() == 1200


def test_a_cancelled_csv_import_keeps_nothing(journal, tmp_path):
    here = people.add_person("Already here").id
    parsed = read_contacts(linkedin_csv(tmp_path / "c.csv", 1200))

    def stop_half_way(done: int, total: int) -> None:
        if done >= total // 2:
            raise Cancelled("stopped")

    with pytest.raises(Cancelled):
        import_contacts(parsed, progress=stop_half_way)
    assert people.count_people() == 1 and people.get_person(here).name == "Already here"


def test_a_json_import_reports_and_a_cancelled_one_keeps_nothing(tmp_path):
    source = rapport_json(tmp_path, 120)
    with open_journal(tmp_path / "target.sqlite"):
        heard: list[tuple[int, int]] = []

        def stop_late(done: int, total: int) -> None:
            heard.append((done, total))
            if done >= 100:
                raise Cancelled("stopped")

        with pytest.raises(Cancelled):
            import_contacts(source, progress=stop_late)
        assert people.count_people() == 0
        assert heard[0] == (0, 120)  # rows written of rows in all (here one row a person)
        import_contacts(source, progress=lambda d, t: heard.append((d, t)))
        assert heard[-1] == (120, 120)
        assert people.count_people() == 120


def test_a_stage_reports_its_share_of_the_whole():
    from journal.progress import stage

    heard: list[tuple[int, int]] = []
    second = stage(lambda d, t: heard.append((d, t)), 600, 1000, 1000)
    assert second is not None
    for done in (0, 5, 10):
        second(done, 10)
    assert heard == [(600, 1000), (800, 1000), (1000, 1000)]
    assert stage(None, 0, 1, 1) is None
