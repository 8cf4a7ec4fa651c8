"""The Connectors table beside the network: who opened doors, and whether they were thanked."""

from __future__ import annotations

from journal.credit import Connector

from .records_model import Column, RecordsModel


def _bought(c: Connector) -> str:
    return "yes" if c.credit.said_yes else "not yet"


def _thanked(c: Connector) -> str:
    return "yes" if c.thanked else f"not yet: {', '.join(c.unthanked)}"


CONNECTOR_COLUMNS = (
    Column("Person", lambda c: c.credit.name),
    Column("Introduced", lambda c: str(c.credit.referred)),
    Column(
        "Bought",
        _bought,
        lambda c: (
            "Never bought, yet trusted you enough to introduce others"
            if c.credit.served_without_buying
            else ""
        ),
    ),
    Column(
        "Thanked",
        _thanked,
        lambda c: "" if c.thanked else "No message since introducing " + ", ".join(c.unthanked),
    ),
)


def connectors_model(parent=None) -> RecordsModel:
    """Connectors ranked by how many people they introduced; the unthanked in bold."""
    return RecordsModel(
        CONNECTOR_COLUMNS, lambda c: c.credit.person_id, lambda c: not c.thanked, parent=parent
    )
