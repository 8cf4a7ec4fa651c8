"""Reading real contacts files: vCard 2.1/3.0/4.0, LinkedIn, Google, Outlook and plain CSVs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from journal.contacts import Contact, read_contacts
from journal.contacts.csv_rows import classify

FIXTURES = Path(__file__).parent / "fixtures" / "contacts"


def by_name(path: str) -> dict[str, Contact]:
    return {c.name: c for c in read_contacts(FIXTURES / path).contacts}


def test_outlook_vcard_21_quoted_printable_in_two_charsets():
    parsed = read_contacts(FIXTURES / "outlook-2.1.vcf")
    assert parsed.format == "vCard"
    assert parsed.skipped == ()
    rene, jurgen = parsed.contacts
    assert rene.name == "René Dupré"  # Windows-1252
    assert rene.company == "Café Lumière SARL"
    assert rene.role == "Directeur commercial"
    assert rene.phones == ("+33 1 23 45 67 89", "+33 6 12 34 56 78")
    assert rene.emails == ("rene.dupre@cafe-lumiere.fr",)
    assert rene.location == "Paris, France"
    # A soft line break joined, and commas kept (vobject alone keeps only "Rencontré au salon…").
    assert rene.note == (
        "Rencontré au salon de Lyon, très intéressé par la formation, veut un devis avant mars."
    )
    assert rene.source_ref == "card 1"
    assert jurgen.name == "Jürgen Müller"  # UTF-8
    assert jurgen.emails == ("j.mueller@bergwerk.de", "juergen@example.org")
    assert jurgen.tags == ("Kunden", "Messe 2024")


def test_apple_vcard_30_groups_categories_note_and_cards_without_names():
    parsed = read_contacts(FIXTURES / "apple-3.0.vcf")  # BOM, blank line, LF, folded lines
    johnny, aiko = parsed.contacts
    assert johnny.name == "Johnny Appleseed"
    assert johnny.emails == ("johnny@orchard.example", "j.appleseed@orchard.example")
    assert johnny.phones == ("+1 (555) 010-0100",)
    assert johnny.company == "Orchard Supplies"
    assert johnny.role == "Head of Purchasing"
    assert johnny.location == "Cupertino, United States"
    assert johnny.tags == ("Clients", "Fruit, trees")
    assert johnny.note == (
        "Met at the spring fair, wants to grow 40 acres.\n"
        "Follow up about irrigation before the summer."
    )
    # Only N: the name is built from it, without the "Dr." prefix; a grouped TEL is read.
    assert aiko.name == "Aiko Nakamura"
    assert aiko.phones == ("+81 75 000 0000",)
    assert [str(s) for s in parsed.skipped] == ["card 3: no name (neither FN nor N)"]


def test_vcard_40_with_crlf_bom_folding_and_uri_phones():
    (sofia,) = read_contacts(FIXTURES / "vcard-4.0.vcf").contacts
    assert sofia.name == "Sofía Castañeda"
    assert sofia.company == "Andes Logística"
    assert sofia.role == "COO"
    assert sofia.phones == ("+56-9-5555-0101",)
    assert sofia.location == "Santiago, Chile"
    assert sofia.tags == ("Logistics", "Referral partner")
    assert sofia.note == "Introduced by Marta. Prefers calls after 4 pm."


def test_one_malformed_card_does_not_sink_the_others():
    parsed = read_contacts(FIXTURES / "one-bad-card.vcf")
    assert [c.name for c in parsed.contacts] == ["First Good", "Second Good"]
    assert [c.source_ref for c in parsed.contacts] == ["card 1", "card 3"]
    assert [s.source_ref for s in parsed.skipped] == ["card 2"]
    assert "not a vCard property" in parsed.skipped[0].reason


def test_truncated_last_card_is_skipped_when_others_are_fine():
    text = (FIXTURES / "one-bad-card.vcf").read_bytes() + b"BEGIN:VCARD\nVERSION:3.0\nFN:Cut"
    parsed = read_contacts(text)
    assert len(parsed.contacts) == 2
    assert str(parsed.skipped[-1]) == "card 4: truncated (it has no END:VCARD)"


def test_vcard_21_quoted_printable_without_charset_falls_back_to_windows_1252():
    card = (
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;ENCODING=QUOTED-PRINTABLE:Bront=EB;Ana=EFs\r\n"
        b"ORG;CHARSET=x-unknown;ENCODING=QUOTED-PRINTABLE:Na=C3=AFve\r\nEND:VCARD\r\n"
    )
    (contact,) = read_contacts(card).contacts
    assert contact.name == "Anaïs Brontë"
    assert contact.company == "Naïve"


def test_linkedin_connections_with_notes_preamble():
    parsed = read_contacts(FIXTURES / "Connections.csv")
    assert parsed.format == "LinkedIn CSV"
    priya, tom, lea = parsed.contacts
    assert priya == Contact(
        name="Priya Raman",
        company="Northwind Traders",
        role="VP Operations",
        emails=("priya.raman@northwind.example",),
        how_we_met="LinkedIn",
        met_on=dt.date(2024, 3, 12),
        source_ref="line 5",
    )
    assert tom.company == "Contoso, Ltd"
    assert tom.emails == ()
    assert lea.role == "Head of Sales, EMEA"
    assert lea.source_ref == "line 8"
    assert [str(s) for s in parsed.skipped] == ["line 7: no name"]


def test_google_contacts_multiple_values_and_labels():
    parsed = read_contacts(FIXTURES / "google-contacts.csv")
    assert parsed.format == "Google Contacts CSV"
    maria, ken = parsed.contacts
    assert maria.name == "Maria Gonzalez"
    assert maria.company == "Tailspin Toys"
    assert maria.role == "Buyer"
    assert maria.emails == ("maria@tailspin.example", "maria.g@gmail.com")
    assert maria.phones == ("+1 555 0102", "+1 555 0103")
    assert maria.tags == ("Clients",)  # "* myContacts" and "* starred" are Google's own
    assert maria.location == "Springfield, USA"
    assert maria.note == "Met at Toy Fair.\nAsked for samples."
    assert ken.source_ref == "line 5"  # Maria's quoted cells span lines 2 to 4
    assert [str(s) for s in parsed.skipped] == ["line 6: no name (Only A Company)"]


def test_outlook_csv_in_windows_1252():
    parsed = read_contacts(FIXTURES / "outlook-contacts.csv")
    assert parsed.format == "Outlook CSV"
    hans, ana = parsed.contacts
    assert hans.name == "Hans Müller"
    assert hans.role == "Einkaufsleiter"  # "Title" is Outlook's "Dr.", not a role
    assert hans.company == "Müller & Söhne KG"
    assert hans.phones == ("+49 30 1234567", "+49 171 7654321")  # no fax
    assert hans.location == "Berlin, Deutschland"
    assert hans.tags == ("Kunden", "Messe")
    assert hans.note == "Kennt uns über Frau Schmidt."
    assert ana.location == "Lisboa, Portugal"


def test_semicolon_spreadsheet_in_windows_1252_with_a_quoted_newline():
    parsed = read_contacts(FIXTURES / "excel-semicolon-1252.csv")
    assert parsed.format == "CSV"
    elodie, noel = parsed.contacts
    assert elodie.name == "Élodie Marchand"
    assert elodie.company == "Boulangerie Dupain"
    assert elodie.phones == ("01 23 45 67 89",)
    assert elodie.note == "Première visite en mai;\npréfère le téléphone"
    assert noel.name == "Noël Côté"
    assert noel.source_ref == "line 5"
    assert [s.source_ref for s in parsed.skipped] == ["line 4"]


def test_tab_separated_spreadsheet():
    grace, alan = read_contacts(FIXTURES / "spreadsheet.tsv").contacts
    assert (grace.name, grace.company, grace.role) == ("Grace Hopper", "US Navy", "Rear Admiral")
    assert grace.tags == ("mentor", "speaker")
    assert alan.emails == ("alan@bletchley.example",)


def test_utf16_spreadsheet_from_excel():
    data = "Name\tEmail\nAda Lovelace\tada@engine.example\n".encode("utf-16")
    (ada,) = read_contacts(data).contacts
    assert ada.name == "Ada Lovelace"


def test_the_extension_does_not_matter(tmp_path: Path):
    misnamed = tmp_path / "contacts.txt"
    misnamed.write_bytes((FIXTURES / "vcard-4.0.vcf").read_bytes())
    assert read_contacts(misnamed).format == "vCard"
    assert read_contacts(str(misnamed)).contacts[0].name == "Sofía Castañeda"


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("First Name", "first"),
        ("SURNAME", "last"),
        ("e-mail 2 address", "email"),
        ("E-mail 1 - Type", None),
        ("Phone 1 - Value", "phone"),
        ("phones", "phone"),
        ("Mobile number", "phone"),
        ("Business Fax", None),
        ("Organisation", "company"),
        ("Job Title", "role"),
        ("Position", "role"),
        ("Categories", "tags"),
        ("Comments", "note"),
        ("Amount", None),
    ],
)
def test_columns_are_recognised_case_insensitively(header: str, field: str | None):
    assert classify(header) == field


def test_google_vcard_and_older_google_csv_drop_google_own_labels():
    card = b"BEGIN:VCARD\nVERSION:3.0\nFN:Ida B\nCATEGORIES:myContacts,starred,Press\nEND:VCARD\n"
    assert read_contacts(card).contacts[0].tags == ("Press",)
    older = (
        b"Name,Given Name,Family Name,Group Membership,E-mail 1 - Type,E-mail 1 - Value\n"
        b",Ida,Wells,* myContacts ::: Press,* Work,ida@press.example\n"
    )
    parsed = read_contacts(older)
    assert parsed.format == "Google Contacts CSV"
    (ida,) = parsed.contacts
    assert (ida.name, ida.tags, ida.emails) == ("Ida Wells", ("Press",), ("ida@press.example",))
