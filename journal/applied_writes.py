"""Writes that may be sent twice: each carries an id made when it was asked for, kept in the
same transaction as what it wrote, so a retry after a lost answer writes nothing again."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import json
import uuid
from collections.abc import Callable, Iterator
from typing import Any, TypeVar, cast

from peewee import DateTimeField, Model, TextField

from . import dialect, faults
from .changes import record_everything
from .models import BaseModel, database, now

R = TypeVar("R")
KEEP_DAYS = 30  # a retry comes within minutes; older ids are only kept this long


class AppliedWrite(Model):
    """One write made through `once`: its id, when, and what it returned (see `_reference`)."""

    id = TextField(primary_key=True)
    at = DateTimeField()
    result = TextField()

    class Meta:
        database = database
        table_name = "applied_write"


def new_id() -> str:
    """An id for one write, made when the person asks for it and kept across its retries."""
    return uuid.uuid4().hex


def once(write_id: str, operation: Callable[[], R]) -> R:
    """Run `operation` and keep `write_id` in the same transaction. If `write_id` was applied
    already (the COMMIT reached the server, its answer did not), nothing is written again: what
    it returned is read back, and every page is told to read the journal again."""
    dialect.revive()
    with database.atomic():
        done = AppliedWrite.get_or_none(AppliedWrite.id == write_id)
        if done is not None:
            record_everything()  # its changes were never announced here
            return cast(R, _read_back(json.loads(done.result)))
        result = operation()
        AppliedWrite.insert(id=write_id, at=now(), result=json.dumps(_reference(result))).execute()
    return result


def prune(today: dt.datetime | None = None) -> int:
    """Forget ids older than KEEP_DAYS; a journal another Rapport is writing, or a read-only
    one, keeps them until next time. Returns how many were forgotten."""
    before = (today or now()) - dt.timedelta(days=KEEP_DAYS)
    old = AppliedWrite.at < before
    try:
        if AppliedWrite.select().where(old).exists():  # a read: no lock unless there is work
            return int(AppliedWrite.delete().where(old).execute())
    except Exception as exc:
        if faults.classify(exc) not in (faults.Fault.BUSY, faults.Fault.READ_ONLY):
            raise
    return 0


def _reference(result: object) -> Any:
    """What a write returned, as JSON: its value, a record (a dataclass of journal's) field by
    field, or a model by table and id; anything else is kept as nothing."""
    if result is None or isinstance(result, bool | int | float | str):
        return result
    if isinstance(result, dt.datetime):
        return {"datetime": result.isoformat()}
    if isinstance(result, dt.date):
        return {"date": result.isoformat()}
    if isinstance(result, list | tuple):
        return {"list" if isinstance(result, list) else "tuple": [_reference(i) for i in result]}
    kind = type(result)
    if dataclasses.is_dataclass(result) and kind.__module__.startswith(f"{__package__}."):
        fields = {f.name: _reference(getattr(result, f.name)) for f in dataclasses.fields(result)}
        return {"record": f"{kind.__module__}:{kind.__qualname__}", "fields": fields}
    if isinstance(result, BaseModel):
        return {"table": result._meta.table_name, "id": result.id}
    return None


def _read_back(reference: Any) -> Any:
    if not isinstance(reference, dict):
        return reference
    if "datetime" in reference:
        return dt.datetime.fromisoformat(reference["datetime"])
    if "date" in reference:
        return dt.date.fromisoformat(reference["date"])
    if "list" in reference:
        return [_read_back(item) for item in reference["list"]]
    if "tuple" in reference:
        return tuple(_read_back(item) for item in reference["tuple"])
    if "record" in reference:
        fields = {name: _read_back(value) for name, value in reference["fields"].items()}
        module, name = reference["record"].split(":")
        if not module.startswith(f"{__package__}."):  # only journal's own records
            return None
        return getattr(importlib.import_module(module), name)(**fields)
    model = _models().get(reference["table"])
    return None if model is None else model.get_or_none(model.id == reference["id"])


def _models() -> dict[str, type[BaseModel]]:
    def every(cls: type[BaseModel]) -> Iterator[type[BaseModel]]:
        for sub in cls.__subclasses__():
            yield sub
            yield from every(sub)

    return {model._meta.table_name: model for model in every(BaseModel)}
