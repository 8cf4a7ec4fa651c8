"""Peewee models for every kind of record; bound to a database by `storage.open_journal`."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from .authorship import author
from .errors import NotFound

database = DatabaseProxy()

FITS = ("good", "poor", "unknown")
GOAL_STATUSES = ("open", "attained", "dropped")
PAIN_STATUSES = ("open", "relieved")
OUTCOMES = ("yes", "strong_no", "weak_no", "undecided")
NOTE_KINDS = ("meeting", "call", "message", "thought")


def now() -> dt.datetime:
    """The current local time, to the second (what the journal stores)."""
    return dt.datetime.now().replace(microsecond=0)


class JSONListField(TextField):
    """A list of strings stored as JSON text."""

    def db_value(self, value: list[str] | None) -> str:
        return json.dumps(list(value or []), ensure_ascii=False)

    def python_value(self, value: str | None) -> list[str]:
        return json.loads(value) if value else []


class BaseModel(Model):
    id: AutoField[int]  # peewee adds it; declared here for the type checker

    class Meta:
        database = database
        legacy_table_names = False


class Person(BaseModel):
    name = TextField()
    company = TextField(default="")
    role = TextField(default="")
    emails = JSONListField(default=list)
    phones = JSONListField(default=list)
    location = TextField(default="")
    how_we_met = TextField(default="")
    met_on = DateField(null=True)
    about = TextField(default="")
    fit = CharField(default="unknown")
    focus = BooleanField(default=False)
    cadence_days = IntegerField(null=True)
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)
    trashed_at = DateTimeField(null=True, index=True)
    owner = TextField(default=author, index=True)
    updated_by = TextField(default=author, index=True)


class Tag(BaseModel):
    name = TextField(unique=True)
    cadence_days = IntegerField(null=True)
    persona = BooleanField(default=False)
    messaging = TextField(default="")


class Setting(BaseModel):
    key = TextField(primary_key=True)
    value = TextField()


class PersonTag(BaseModel):
    person_id: int
    tag_id: int
    person = ForeignKeyField(Person, backref="person_tags", on_delete="CASCADE")
    tag = ForeignKeyField(Tag, backref="person_tags", on_delete="CASCADE")

    class Meta:
        indexes = ((("person", "tag"), True),)


class Goal(BaseModel):
    person_id: int
    person = ForeignKeyField(Person, backref="goals", on_delete="CASCADE")
    text = TextField()
    why = TextField(default="")
    status = CharField(default="open")
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)
    trashed_at = DateTimeField(null=True)
    author = TextField(default=author)


class Pain(BaseModel):
    person_id: int
    person = ForeignKeyField(Person, backref="pains", on_delete="CASCADE")
    text = TextField()
    ramifications = TextField(default="")
    status = CharField(default="open")
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)
    trashed_at = DateTimeField(null=True)
    author = TextField(default=author)


class Decision(BaseModel):
    person_id: int
    person = ForeignKeyField(Person, backref="decisions", on_delete="CASCADE")
    offer = TextField()
    outcome = CharField()
    decided_on = DateField()
    reason = TextField(default="")
    lesson = TextField(default="")
    revisit_on = DateField(null=True, index=True)
    better_solution = TextField(default="")
    better_fit = TextField(default="")
    expected = TextField(default="")
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)
    trashed_at = DateTimeField(null=True)
    author = TextField(default=author)


class Objection(BaseModel):
    decision_id: int
    decision = ForeignKeyField(Decision, backref="objections", on_delete="CASCADE")
    text = TextField()
    theme = TextField(default="other")
    addressed = BooleanField(default=False)
    created_at = DateTimeField(default=now)
    trashed_at = DateTimeField(null=True)
    author = TextField(default=author)


class Referral(BaseModel):
    referrer_id: int
    referred_id: int
    referrer = ForeignKeyField(Person, backref="referrals_given", on_delete="CASCADE")
    referred = ForeignKeyField(Person, backref="referrals_received", on_delete="CASCADE")
    on = DateField(null=True)
    context = TextField(default="")
    created_at = DateTimeField(default=now)
    trashed_at = DateTimeField(null=True)
    author = TextField(default=author)

    class Meta:
        indexes = ((("referrer", "referred"), True),)


class Note(BaseModel):
    person_id: int
    person = ForeignKeyField(Person, backref="notes", on_delete="CASCADE")
    occurred_at = DateTimeField(default=now)
    kind = CharField(default="meeting")
    body = TextField(default="")
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)
    trashed_at = DateTimeField(null=True)
    author = TextField(default=author)

    class Meta:
        indexes = ((("person", "occurred_at"), False),)


class FollowUp(BaseModel):
    person_id: int
    person = ForeignKeyField(Person, backref="follow_ups", on_delete="CASCADE")
    due_on = DateField(index=True)
    what = TextField()
    done = BooleanField(default=False)
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)
    trashed_at = DateTimeField(null=True)
    author = TextField(default=author)


class Calendar(BaseModel):
    """A calendar file Rapport follows: read again when it changes."""

    path = TextField(unique=True)
    name = TextField()
    owner_email = TextField(default="")
    read_at = DateTimeField(null=True)
    file_mtime = FloatField(null=True)
    last_error = TextField(default="")
    added_at = DateTimeField(default=now)


class Meeting(BaseModel):
    """One occurrence of a calendar event, in local time; attendees as JSON [[email, name], …]."""

    calendar = ForeignKeyField(Calendar, backref="meetings", on_delete="CASCADE")
    uid = TextField()
    recurrence_id = TextField(default="")
    starts_at = DateTimeField(index=True)
    ends_at = DateTimeField()
    all_day = BooleanField(default=False)
    summary = TextField(default="")
    organizer = TextField(default="")
    attendees = TextField(default="[]")

    class Meta:
        indexes = ((("calendar", "uid", "recurrence_id"), True),)


def fetch(model: type[BaseModel], record_id: int) -> Any:
    """The record of `model` with this id, or NotFound with a message a person understands."""
    instance = model.get_or_none(model.id == record_id)
    if instance is None:
        label = model.__name__.lower().replace("followup", "follow-up")
        raise NotFound(f"no {label} with id {record_id} (it may have been deleted)")
    return instance
