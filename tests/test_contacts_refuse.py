"""Files that are not contacts files are refused with one line, and the journal is left alone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal import people
from journal.contacts import ParsedFile, import_contacts, read_contacts
from journal.errors import JournalError
from journal.storage import Journal

pytestmark = pytest.mark.both_backends

FIXTURES = Path(__file__).parent / "fixtures" / "contacts"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("random.bin", "not a contacts file"),
        ("empty.csv", "empty file"),
        ("bank-statement.csv", "no column of names"),
        ("truncated.vcf", "card 1: truncated"),
    ],
)
def test_refused_with_one_line_and_nothing_changes(
    journal: Journal, journal_location: Path | str, name: str, reason: str
):
    people.add_person("Already Here", emails=["here@example.com"])
    before = people.count_people(include_trashed=True)
    with pytest.raises(JournalError) as caught:
        import_contacts(FIXTURES / name)
    message = str(caught.value)
    assert reason in message
    assert "\n" not in message and "\r" not in message
    assert people.count_people(include_trashed=True) == before
    journal.close()
    from journal.storage import open_journal

    with open_journal(journal_location):
        assert people.count_people(include_trashed=True) == before


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbf",  # a BOM and nothing else
        b"  \r\n\r\n\t",
        b"\x00\x01\x02PK\x03\x04 binary",
        b"[1, 2, 3]",
        b'{"format": "something-else", "people": []}',
        b"{not json",
        b"Name,Email\n",  # a header and no rows
        b"just a sentence, nothing more\n",
        b"BEGIN:VCARD\nVERSION:3.0\nEND:VCARD\n",  # a card with no name
    ],
)
def test_odd_inputs_are_refused_with_one_line(data: bytes):
    with pytest.raises(JournalError) as caught:
        read_contacts(data)
    assert "\n" not in str(caught.value)


def test_a_missing_file_or_a_folder_is_refused(tmp_path: Path):
    with pytest.raises(JournalError, match="cannot read"):
        read_contacts(tmp_path / "nope.vcf")
    with pytest.raises(JournalError, match="folder"):
        read_contacts(tmp_path)


def _never_crashes(data: bytes) -> None:
    try:
        parsed = read_contacts(data)
    except JournalError as exc:
        assert "\n" not in str(exc)
        return
    assert isinstance(parsed, ParsedFile)
    assert parsed.contacts or parsed.document is not None
    for contact in parsed.contacts:
        assert contact.name.strip()


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_give_a_journal_error_or_contacts(data: bytes):
    _never_crashes(data)


PIECES = st.sampled_from(
    [
        "BEGIN:VCARD\n",
        "END:VCARD\n",
        "VERSION:2.1\n",
        "FN:Ann\n",
        "N:;;;;\n",
        "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=nope:=E9=\n",
        "ADR:;;;;\n",
        "item1.EMAIL:a@b.c\n",
        " folded\n",
        "Name,Email\n",
        "First Name;Last Name\n",
        '"quoted\nnewline",x\n',
        "\t",
        ",",
        ";",
        ":::",
        '"',
        "\r",
        "\\",
        "{",
    ]
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=40))
def test_random_text_made_of_contact_pieces_never_crashes(pieces: list[str]):
    text = "".join(pieces)
    _never_crashes(text.encode("utf-8", "surrogatepass"))


def test_photos_are_skipped_unread_and_huge_cards_refused_quickly():
    photo = "QUFB" * 250_000  # a megabyte of base64, folded as Apple folds it
    folded = "\n ".join(photo[i : i + 74] for i in range(0, len(photo), 74))
    outlook_style = "\n".join(photo[i : i + 76] for i in range(0, len(photo), 76))
    cards = (
        f"BEGIN:VCARD\nVERSION:3.0\nFN:Pic\nPHOTO;ENCODING=b:{folded}\nEMAIL:pic@x.example\n"
        f"END:VCARD\nBEGIN:VCARD\nVERSION:2.1\nFN:Old\nPHOTO;ENCODING=BASE64:\n{outlook_style}\n\n"
        f"TEL:123\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Big\nNOTE:{folded}\nEND:VCARD\n"
    )
    parsed = read_contacts(cards.encode())
    assert [(c.name, c.emails, c.phones) for c in parsed.contacts] == [
        ("Pic", ("pic@x.example",), ()),
        ("Old", (), ("123",)),
    ]
    assert [str(s) for s in parsed.skipped] == ["card 3: too large for one person's card"]


def test_a_line_that_makes_vobject_backtrack_is_refused_at_once():
    code = (
        "from journal.contacts import read_contacts\n"
        "card = 'BEGIN:VCARD\\nFN:A\\nX' + ';a=' * 40 + 'x\\nEND:VCARD\\nBEGIN:VCARD\\nFN:B\\n"
        "END:VCARD\\n'\n"
        "print(read_contacts(card.encode()).skipped[0])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert out.stdout.strip() == "card 1: line 3 is not a vCard property"
