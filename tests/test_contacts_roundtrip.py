"""What Rapport exports as vCard or CSV comes back the same when imported into another journal."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal import people
from journal.contacts import import_contacts
from journal.exports.csv_export import export_csv
from journal.exports.vcard import export_vcards
from journal.storage import Journal, open_journal

pytestmark = pytest.mark.both_backends

FIELDS = ("name", "company", "role", "emails", "phones", "location", "tags")


def profiles() -> list[tuple]:
    found = [people.get_person(i) for i, _ in people.person_names()]
    return sorted((*(getattr(p, f) for f in FIELDS[:-1]), set(p.tags)) for p in found)


@pytest.mark.parametrize(("export", "suffix"), [(export_vcards, ".vcf"), (export_csv, ".csv")])
def test_export_then_import_gives_the_same_people(journal: Journal, tmp_path: Path, export, suffix):
    people.add_person(
        "Zoë d'Arcy-Núñez",
        company="Café, Crème & Co",
        role="Head of Sales; EMEA",
        emails=["zoe@cafe.example", "zoe.darcy@gmail.com"],
        phones=["+33 6 12 34 56 78", "+1 (555) 010-0100"],
        location="Paris, France",
        tags=["clients", "Fruit trees"],
    )
    people.add_person("Bo", about="a one-word name")
    people.add_person("Grace Hopper", company="US Navy", emails=["grace@navy.example"])
    before = profiles()
    exported = tmp_path / f"export{suffix}"
    exported.write_text(export(), encoding="utf-8", newline="")
    journal.close()
    with open_journal(tmp_path / "other.sqlite"):
        report = import_contacts(exported)
        assert len(report.added) == 3 and report.skipped == ()
        assert profiles() == before
