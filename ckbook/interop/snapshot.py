"""The notebook as one consistent picture, for the exports.

Every table an export needs is read in one read transaction, as the driver's raw rows (a few
tenths of a second for 10,000 clients with 200,000 notes); converting them into dates, instants and
Decimals happens after the transaction has ended, and so does writing the file. The snapshot
therefore holds the database only briefly, never while a file is being written (RELIABILITY
#7, #10). Clients deleted but still undoable are left out.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from peewee import CharField, ForeignKeyField, IntegerField, Model, TextField, fn

from ckbook.store.models import (
    Client,
    ClientTag,
    ContactDetail,
    Incident,
    MoneyTerms,
    Note,
    Promise,
    ReminderLog,
    Request,
    Setting,
    Tag,
    database_proxy,
)

Row = dict[str, Any]

#: What an export may ask for besides the clients themselves.
PARTS = ("contacts", "tags", "money", "notes", "promises", "incidents", "requests", "last_contact",
         "notebook")  # fmt: skip
#: The notebook-wide tables ("notebook" part): every row, for a whole-notebook export.
_NOTEBOOK_TABLES: dict[str, tuple[type[Model], tuple[Any, ...]]] = {
    "tag": (Tag, (Tag.id,)),
    "client_tag": (ClientTag, (ClientTag.id,)),
    "reminder_log": (ReminderLog, (ReminderLog.id,)),
    "setting": (Setting, (Setting.key,)),
}
_CHILD_MODELS: dict[str, tuple[type[Model], tuple[Any, ...]]] = {
    "contacts": (ContactDetail, (ContactDetail.kind, ContactDetail.position, ContactDetail.id)),
    "money": (MoneyTerms, (MoneyTerms.version,)),
    "notes": (Note, (Note.started_at, Note.id)),
    "promises": (Promise, (Promise.made_at, Promise.id)),
    "incidents": (Incident, (Incident.happened_at, Incident.id)),
    "requests": (Request, (Request.received_at, Request.id)),
}
#: Columns whose raw value is already what Python wants (ints and text).
_PLAIN = (IntegerField, CharField, TextField, ForeignKeyField)


@dataclass(frozen=True)
class Snapshot:
    taken_at: datetime
    clients: list[Row]  # live clients in name order
    tags: dict[int, list[str]] = field(default_factory=dict)
    children: dict[str, dict[int, list[Row]]] = field(default_factory=dict)
    last_contact: dict[int, datetime] = field(default_factory=dict)  # latest note's start
    read_seconds: float = 0.0  # how long the read transaction was open
    tables: dict[str, list[Row]] = field(default_factory=dict)  # the "notebook" part

    def of(self, part: str, client_id: int) -> list[Row]:
        """The client's rows of ``part`` (contacts, money, notes, …), oldest first."""
        return self.children.get(part, {}).get(client_id, [])

    def emails(self, client_id: int) -> list[str]:
        return [c["value"] for c in self.of("contacts", client_id) if c["kind"] == "email"]

    def phones(self, client_id: int) -> list[str]:
        return [c["value"] for c in self.of("contacts", client_id) if c["kind"] == "phone"]

    def contacts(self, client_id: int, kind: str) -> list[tuple[str, str]]:
        """The client's emails or phones (``kind``) with their labels, in order."""
        return [
            (c["value"], c["label"]) for c in self.of("contacts", client_id) if c["kind"] == kind
        ]


def _converters(model: type[Model]) -> list[tuple[str, Callable[[Any], Any] | None]]:
    return [
        (f.name, None if isinstance(f, _PLAIN) else f.python_value)
        for f in model._meta.sorted_fields
    ]


def _convert(model: type[Model], raw: Iterable[tuple[Any, ...]]) -> list[Row]:
    columns = _converters(model)
    rows = []
    for values in raw:
        rows.append(
            {
                name: (value if convert is None or value is None else convert(value))
                for (name, convert), value in zip(columns, values, strict=True)
            }
        )
    return rows


def take(now: datetime, parts: Iterable[str] = PARTS) -> Snapshot:
    """Read the clients and the wanted ``parts`` in one read transaction; convert afterwards."""
    wanted = [p for p in PARTS if p in set(parts)]
    database = database_proxy.obj
    raw: dict[str, list[tuple[Any, ...]]] = {}
    started = time.perf_counter()
    with database.atomic():  # one consistent read; no write lock is taken
        raw["clients"] = database.execute(
            Client.select()
            .where(Client.deleted_at.is_null())
            .order_by(fn.lower(Client.name), Client.id)
        ).fetchall()
        if "tags" in wanted:
            raw["tags"] = database.execute(
                ClientTag.select(ClientTag.client, Tag.name)
                .join(Tag)
                .order_by(ClientTag.client, Tag.name)
            ).fetchall()
        if "last_contact" in wanted:
            raw["last_contact"] = database.execute(
                Note.select(Note.client, fn.max(Note.started_at)).group_by(Note.client)
            ).fetchall()
        for part in wanted:
            if part in _CHILD_MODELS:
                model, order = _CHILD_MODELS[part]
                raw[part] = database.execute(model.select().order_by(*order)).fetchall()
        if "notebook" in wanted:
            for name, (model, order) in _NOTEBOOK_TABLES.items():
                raw[name] = database.execute(model.select().order_by(*order)).fetchall()
    read_seconds = time.perf_counter() - started
    clients = _convert(Client, raw["clients"])
    live = {c["id"] for c in clients}
    tags: dict[int, list[str]] = defaultdict(list)
    for client_id, name in raw.get("tags", ()):
        if client_id in live:
            tags[client_id].append(name)
    children: dict[str, dict[int, list[Row]]] = {}
    for part in wanted:
        if part not in _CHILD_MODELS:
            continue
        model = _CHILD_MODELS[part][0]
        client_index = [f.name for f in model._meta.sorted_fields].index("client")
        mine = [row for row in raw[part] if row[client_index] in live]
        by_client: dict[int, list[Row]] = defaultdict(list)
        for row in _convert(model, mine):
            by_client[row["client"]].append(row)
        children[part] = dict(by_client)
    last_contact: dict[int, datetime] = {}
    for client_id, started in raw.get("last_contact", ()):
        moment = Note.started_at.python_value(started)
        if client_id in live and moment is not None:
            last_contact[client_id] = moment
    tables = {
        name: _convert(model, raw[name])
        for name, (model, _order) in _NOTEBOOK_TABLES.items()
        if name in raw
    }
    return Snapshot(now, clients, dict(tags), children, last_contact, read_seconds, tables)
