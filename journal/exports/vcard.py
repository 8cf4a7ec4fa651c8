"""Contacts as vCard 4.0 (RFC 6350): one card per live person, for any address book."""

from __future__ import annotations

import uuid

import vobject
from vobject.vcard import Address, Name

from ..records import PersonRecord
from . import gather
from .text import UNFOLDED, content, day, fold

PRODID = "-//Rapport//Rapport//EN"
_NAMESPACE = uuid.UUID("5d6a3a4e-3c1f-4c55-9b1e-52617070f001")


def person_uid(person_id: int) -> str:
    """A stable UID, so importing the same person again updates the contact."""
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'person-{person_id}')}"


def split_name(name: str) -> Name:
    """Family name = the last word, given names = the rest (a guess; FN keeps the full name)."""
    words = name.split()
    if len(words) < 2:
        return Name(given=name)
    return Name(family=words[-1], given=" ".join(words[:-1]))


def _note(person: PersonRecord) -> str:
    parts = [person.about] if person.about else []
    met_on = day(person.met_on)
    if person.how_we_met:
        parts.append(f"How we met: {person.how_we_met}" + (f" ({met_on})" if met_on else ""))
    elif met_on:
        parts.append(f"Met on {met_on}")
    return "\n\n".join(parts)


def card(person: PersonRecord) -> vobject.base.Component:
    """One person as a vCard component."""
    c = vobject.vCard()
    c.add("version").value = "4.0"
    c.add("prodid").value = PRODID
    c.add("uid").value = person_uid(person.id)
    c.add("kind").value = "individual"
    c.add("fn").value = content(person.name)
    c.add("n").value = split_name(content(person.name))
    if person.company:
        c.add("org").value = [content(person.company)]
    if person.role:
        c.add("title").value = content(person.role)
    for email in person.emails:
        c.add("email").value = content(email)
    for phone in person.phones:
        # Phones are typed freely ("+33 6 12 34 56 78 (mobile)"), so they are text, not tel: URIs.
        tel = c.add("tel")
        tel.value = content(phone)
        tel.value_param = "text"
    if person.location:
        c.add("adr").value = Address(city=content(person.location))
    note = _note(person)
    if note:
        c.add("note").value = content(note)
    categories = [tag for tag in map(content, person.tags) if tag]
    if categories:
        c.add("categories").value = categories
    return c


def export_vcards() -> str:
    """Every live person as vCard 4.0 text (CRLF line endings, folded at 75 octets)."""
    return "".join(fold(card(p).serialize(lineLength=UNFOLDED)) for p in gather.live_people())
