"""Importing contacts: people added in bulk, duplicates merged, all or nothing, search current."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from playhouse.test_utils import count_queries

from journal import dialect, notes, people, search, tags
from journal.contacts import Contact, ParsedFile, import_contacts
from journal.errors import JournalError
from journal.models import Tag
from journal.models import database as db
from journal.storage import Journal, open_journal

pytestmark = pytest.mark.both_backends

FIXTURES = Path(__file__).parent / "fixtures" / "contacts"


def index_rows() -> set[tuple]:
    rows = db.execute_sql(
        "SELECT rowid, kind, record_id, person_id, title, body FROM search_index"
    ).fetchall()
    return {(*row[:5], tuple(sorted(row[5].split()))) for row in rows}


def test_linkedin_import_adds_people_with_how_and_when_we_met(journal: Journal):
    report = import_contacts(FIXTURES / "Connections.csv")
    assert report.summary() == "3 added, 0 merged, 1 skipped (LinkedIn CSV)"
    assert report.added == ("Priya Raman", "Tom O'Neil", "Léa Fontaine")
    assert [str(s) for s in report.skipped] == ["line 7: no name"]
    priya = people.get_person(report.added_ids[0])
    assert priya.company == "Northwind Traders"
    assert priya.role == "VP Operations"
    assert priya.emails == ("priya.raman@northwind.example",)
    assert priya.how_we_met == "LinkedIn"
    assert priya.met_on == dt.date(2024, 3, 12)


def test_vcard_import_keeps_tags_and_the_note_as_a_first_thought(journal: Journal):
    report = import_contacts(FIXTURES / "apple-3.0.vcf")
    johnny = people.get_person(report.added_ids[0])
    assert johnny.tags == ("Clients", "Fruit, trees")
    (note,) = notes.notes_of(johnny.id)
    assert note.kind == "thought"
    assert note.body.startswith("Met at the spring fair, wants to grow 40 acres.")
    assert [h.person_id for h in search.search("irrigation")] == [johnny.id]
    assert [h.record_id for h in search.search("orchard.example")] == [johnny.id]
    assert {h.record_id for h in search.search("Fruit")} == {johnny.id}


def test_the_same_file_twice_merges_everything_and_adds_nothing(journal: Journal):
    for name in ("apple-3.0.vcf", "google-contacts.csv", "outlook-2.1.vcf"):
        first = import_contacts(FIXTURES / name)
        count, note_count = people.count_people(), len(index_rows())
        again = import_contacts(FIXTURES / name)
        assert again.added == ()
        assert len(again.merged) == len(first.added)
        assert all(m.filled == () for m in again.merged)
        assert people.count_people() == count
        assert len(index_rows()) == note_count  # no note written twice


def test_merge_fills_empty_fields_and_never_overwrites(journal: Journal):
    known = people.add_person(
        "P. Raman", emails=["PRIYA.RAMAN@northwind.example"], role="COO", phones=["+1 555 0199"]
    )
    report = import_contacts(FIXTURES / "Connections.csv")
    assert report.summary() == "2 added, 1 merged, 1 skipped (LinkedIn CSV)"
    (merged,) = report.merged
    assert (merged.person_id, merged.source_ref, merged.into) == (known.id, "line 5", "P. Raman")
    assert merged.filled == ("company", "how_we_met", "met_on")
    assert str(merged) == "line 5: Priya Raman into P. Raman (filled company, how_we_met, met_on)"
    after = people.get_person(known.id)
    assert after.name == "P. Raman"
    assert after.role == "COO"
    assert after.company == "Northwind Traders"
    assert after.emails == ("PRIYA.RAMAN@northwind.example",)
    assert after.phones == ("+1 555 0199",)
    assert [h.record_id for h in search.search("Northwind")] == [known.id]


def test_same_name_and_company_is_the_same_person_whatever_the_case(journal: Journal):
    tom = people.add_person("tom o'neil", company="CONTOSO, LTD")
    report = import_contacts(FIXTURES / "Connections.csv")
    assert [m.person_id for m in report.merged] == [tom.id]
    assert people.get_person(tom.id).role == "Founder & CEO"


def test_a_contact_without_company_is_the_first_person_of_that_name(journal: Journal):
    first = people.add_person("Ann Lee", company="Acme")
    people.add_person("Ann Lee", company="Globex")
    report = import_contacts(b"Name,Phone\nann  lee,+1 555 0100\n")
    assert [m.person_id for m in report.merged] == [first.id]
    assert str(report.merged[0]) == "line 2: ann lee (filled phones)"
    assert import_contacts(b"Name,Company\nAnn Lee,Initech\n").added == ("Ann Lee",)


def test_duplicates_inside_one_file_are_merged_and_lists_united(journal: Journal):
    data = (
        b"Name,Email,Phone,Company,Tags\n"
        b"Ann Lee,ann@lee.example,+1 555 0100,,vip\n"
        b"Ann Lee,ANN@LEE.EXAMPLE,+1 (555) 0100 ::: +1 555 0200,Lee & Co,clients\n"
    )
    report = import_contacts(data)
    assert report.summary() == "1 added, 1 merged, 0 skipped (CSV)"
    assert report.merged[0].filled == ("company", "phones", "tags")
    ann = people.get_person(report.added_ids[0])
    assert ann.company == "Lee & Co"
    assert ann.emails == ("ann@lee.example",)
    assert ann.phones == ("+1 555 0100", "+1 555 0200")
    assert ann.tags == ("clients", "vip")


def test_tags_are_matched_case_insensitively(journal: Journal):
    people.add_person("Someone", tags=["clients"])
    import_contacts(FIXTURES / "apple-3.0.vcf")
    assert Tag.select().where(dialect.equal_nocase(Tag.name, "Clients")).count() == 1
    assert set(tags.all_tags()) == {"clients", "Fruit, trees"}


def test_near_duplicates_are_listed_not_merged(journal: Journal):
    jon = people.add_person("Jonathan Smith", emails=["jon@acme.example"])
    people.add_person("Jonathan Smyth", emails=["jonathan@gmail.com"])
    data = (
        b"Name,Email,Company\nJonathon Smith,jsmith@acme.example,\n"
        b"Jonathan Smith,js@gmail.com,Other Co\nZed Quinn,zed@acme.example,\n"
    )
    report = import_contacts(data)
    assert len(report.added) == 3
    (near,) = report.near_duplicates
    assert (near.name, near.other_id, near.other_name) == ("Jonathon Smith", jon.id, jon.name)
    assert report.near_duplicate_ids == [(report.added_ids[0], jon.id)]
    assert report.summary().endswith("; 1 possible duplicate to review")


def big_name_file(size: int = 2_000_000) -> ParsedFile:
    good = tuple(
        Contact(
            f"Person {i}", emails=(f"p{i}@example.com",), note=f"note {i}", source_ref=f"line {i}"
        )
        for i in range(2, 702)
    )
    merge = Contact("Already Here", role="Buyer", source_ref="line 702")
    bad = Contact("x" * size, source_ref="line 703")
    return ParsedFile("CSV", (*good, merge, bad))


def test_a_failure_mid_import_leaves_the_journal_unchanged(journal: Journal):
    here = people.add_person("Already Here")
    before = (people.count_people(include_trashed=True), index_rows())
    with pytest.raises(JournalError) as caught:
        import_contacts(big_name_file())
    assert str(caught.value) == "line 703: name: is longer than 1,000,000 characters"
    assert (people.count_people(include_trashed=True), index_rows()) == before
    assert people.get_person(here.id).role == ""
    assert notes.notes_of(here.id) == []


def test_dry_run_reports_but_writes_nothing(journal: Journal):
    before = index_rows()
    report = import_contacts(FIXTURES / "google-contacts.csv", dry_run=True)
    assert report.summary() == "2 added, 0 merged, 1 skipped (Google Contacts CSV, dry run)"
    assert people.count_people(include_trashed=True) == 0
    assert index_rows() == before
    with pytest.raises(JournalError, match="line 703"):
        import_contacts(big_name_file(), dry_run=True)


def test_bulk_search_rows_are_those_the_index_would_write(journal: Journal):
    known = people.add_person("J. Appleseed", emails=["johnny@orchard.example"], about="Orchards")
    for name in ("apple-3.0.vcf", "outlook-contacts.csv", "Connections.csv", "vcard-4.0.vcf"):
        import_contacts(FIXTURES / name)
    people.add_person("Hand Made", company="Orchard Supplies")
    import_contacts(FIXTURES / "apple-3.0.vcf")
    assert people.get_person(known.id).company == "Orchard Supplies"
    imported = index_rows()
    search.rebuild_index()
    assert imported == index_rows()


def linkedin_rows(count: int, prefix: str) -> bytes:
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    rows = (
        f"{prefix}{i},B{i},,{prefix}{i}@c{i % 7}.example,Co {i % 9},Role,12 Mar 2024\n"
        for i in range(count)
    )
    return (header + "".join(rows)).encode()


def test_no_query_per_row(journal: Journal):
    people.add_person("Somebody", tags=["x"])
    with count_queries() as few:
        assert len(import_contacts(linkedin_rows(20, "a")).added) == 20
    with count_queries() as many:
        assert len(import_contacts(linkedin_rows(400, "z")).added) == 400
    assert many.count == few.count


def test_rapport_json_goes_through_the_interchange_import(journal: Journal, tmp_path: Path):
    from journal import interchange

    ana = people.add_person("Ana Souza", company="Padaria Central")
    notes.add_note(ana.id, "Talked about Christmas orders")
    exported = tmp_path / "export.json"
    exported.write_text(interchange.export_json_text(), encoding="utf-8")
    journal.close()
    with open_journal(tmp_path / "other.sqlite"):
        report = import_contacts(exported)
        assert report.format == "Rapport JSON"
        assert report.added == ("Ana Souza",)
        assert report.journal_report.people == 1
        assert [h.person_name for h in search.search("Christmas")] == ["Ana Souza"]


WORDS = st.sampled_from(["Ann", "ann", " Lee ", "Bo", "ß", "SS", "Zoë", "\x00", "", " ", "x\ny"])
EMAILS = st.sampled_from(["a@x.example", "A@X.example ", "b@x.example", "c@gmail.com", " ", ""])
CONTACTS = st.builds(
    Contact,
    name=st.lists(WORDS, min_size=1, max_size=3).map("".join),
    company=st.sampled_from(["", "Acme", "ACME ", "Other"]),
    emails=st.lists(EMAILS, max_size=2).map(tuple),
    phones=st.lists(st.sampled_from(["+1 555 0100", "+1 (555) 0100", "12"]), max_size=2).map(tuple),
    tags=st.lists(st.sampled_from(["vip", "VIP", "Clients", " "]), max_size=2).map(tuple),
    note=st.sampled_from(["", "met at a fair", " met at a fair "]),
    source_ref=st.just("line 2"),
)


def _contact(name: str, company: str = "", emails=(), phones=()) -> Contact:
    return Contact(name=name, company=company, emails=emails, phones=phones, source_ref="line 2")


@settings(max_examples=60, deadline=None)
@given(st.lists(CONTACTS, max_size=6))
# Found by hypothesis: "Ann" at Acme shares Lee's email, so Lee would take Acme as his company and
# become one of two "Lee at Acme"; a second import then merged the other Lee's phones into him.
@example(
    [
        _contact("Ann"),
        _contact("Lee", emails=("b@x.example", "a@x.example")),
        _contact("Lee", "Acme", phones=("+1 555 0100",)),
        _contact("Ann", "Acme", emails=("b@x.example",)),
    ]
)
def test_importing_anything_twice_adds_nothing_the_second_time(contacts: list[Contact]):
    with tempfile.TemporaryDirectory() as folder, open_journal(Path(folder) / "j.sqlite"):
        try:
            import_contacts(ParsedFile("CSV", tuple(contacts)))
        except JournalError:
            assert people.count_people(include_trashed=True) == 0
            return
        count, rows = people.count_people(), index_rows()
        again = import_contacts(ParsedFile("CSV", tuple(contacts)))
        assert again.added == ()
        assert all(m.filled == () for m in again.merged)
        assert (people.count_people(), index_rows()) == (count, rows)
