"""What goals and pains share: a text, a detail that explains it, and a status."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import validate as v
from .errors import JournalError
from .models import BaseModel, Person, fetch, now
from .models import database as db


@dataclass(frozen=True)
class Aspect:
    """One kind of aspect: its model, the name of its detail field, its statuses, its indexer."""

    label: str
    model: type[BaseModel]
    detail: str
    statuses: tuple[str, ...]
    reindex: Callable[[int], None]
    make_record: Callable[..., Any]

    def record(self, row: Any) -> Any:
        return self.make_record(
            row.id,
            row.person_id,
            row.text,
            getattr(row, self.detail),
            row.status,
            row.created_at,
            row.updated_at,
            row.trashed_at,
            row.author,
        )

    def _clean(self, field: str, value: Any) -> Any:
        if field == "text":
            return v.text(value, self.label, required=True)
        if field == self.detail:
            return v.text(value, self.detail)
        if field == "status":
            return v.choice(value, self.statuses, "status")
        raise JournalError(f"{field}: not a field of a {self.label}")

    def add(self, person_id: int, text: str, detail: str, status: str) -> Any:
        with db.atomic():
            fetch(Person, person_id)
            row = self.model.create(
                person=person_id,
                text=self._clean("text", text),
                status=self._clean("status", status),
                **{self.detail: self._clean(self.detail, detail)},
            )
            self.reindex(row.id)
            return self.record(row)

    def update(self, record_id: int, changes: dict[str, Any]) -> Any:
        with db.atomic():
            fetch(self.model, record_id)
            values = {f: self._clean(f, x) for f, x in changes.items()}
            model = self.model
            model.update(**values, updated_at=now()).where(model.id == record_id).execute()
            self.reindex(record_id)
            return self.record(fetch(model, record_id))

    def trash(self, record_id: int) -> Any:
        return self._set_trashed(record_id, now())

    def restore(self, record_id: int) -> Any:
        return self._set_trashed(record_id, None)

    def _set_trashed(self, record_id: int, when: Any) -> Any:
        with db.atomic():
            fetch(self.model, record_id)
            self.model.update(trashed_at=when).where(self.model.id == record_id).execute()
            self.reindex(record_id)
            return self.record(fetch(self.model, record_id))

    def of(self, person_id: int, status: str | None) -> list[Any]:
        model: Any = self.model  # a Goal or a Pain: fields the base model does not declare
        query = (
            model.select()
            .where(model.person == person_id, model.trashed_at.is_null())
            .order_by(model.created_at, model.id)
        )
        if status is not None:
            query = query.where(model.status == status)
        return [self.record(row) for row in query]
