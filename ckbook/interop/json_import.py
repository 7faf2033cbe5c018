"""Reading a ``ckbook export json`` file back into rows, and restoring it (``ckbook import json``).

Every format version this ckbook wrote is read (see ``json_export`` for the layout): version 1
files lack UIDs (minted here), contact and money-term ids and positions (numbered in file
order), and the notebook-wide tables (tags are rebuilt from the clients' tag names). A file from
a newer ckbook is refused. Values are checked as they are converted — a date that is not a
date, a row without its id — and a problem names the client (by its position and name) and the
field, before anything is written.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any

import peewee
from peewee import BooleanField, DateField, TimeField

from ckbook.i18n import tr
from ckbook.interop import json_export
from ckbook.interop.text_files import read_import_text
from ckbook.services.base import InputError
from ckbook.services.importing import Imported, ImportReport, Progress
from ckbook.services.restore import check_empty, restore_rows
from ckbook.store.models import (
    Client,
    ClientTag,
    ContactDetail,
    Incident,
    MoneyField,
    MoneyTerms,
    Note,
    Promise,
    ReminderLog,
    Request,
    Setting,
    Tag,
    UTCDateTimeField,
    database_proxy,
    mint_uid,
)

Rows = dict[type[peewee.Model], list[dict[str, Any]]]
_CHILDREN: tuple[tuple[str, type[peewee.Model]], ...] = (
    ("contacts", ContactDetail),
    ("money_terms", MoneyTerms),
    ("notes", Note),
    ("promises", Promise),
    ("incidents", Incident),
    ("requests", Request),
)
_TABLES: tuple[tuple[str, type[peewee.Model]], ...] = (
    ("tags", Tag),
    ("client_tags", ClientTag),
    ("reminder_log", ReminderLog),
    ("settings", Setting),
)


def _converter(field: peewee.Field) -> Callable[[Any], Any]:
    if isinstance(field, UTCDateTimeField):
        return lambda v: datetime.fromisoformat(v)
    if isinstance(field, DateField):
        return lambda v: date.fromisoformat(v)
    if isinstance(field, TimeField):
        return lambda v: time.fromisoformat(v)
    if isinstance(field, MoneyField):
        return lambda v: Decimal(str(v))
    if isinstance(field, BooleanField):
        return lambda v: bool(v)
    if isinstance(field, peewee.IntegerField | peewee.ForeignKeyField | peewee.AutoField):

        def whole(v: Any) -> int:
            if isinstance(v, bool) or not isinstance(v, int):
                raise ValueError(tr("{v!r} is not a whole number").format(v=v))
            return v

        return whole

    def text(v: Any) -> str:
        if not isinstance(v, str):
            raise ValueError(tr("{v!r} is not text").format(v=v))
        return v

    return text


def _row(model: type[peewee.Model], data: Any, what: str, **fixed: Any) -> dict[str, Any]:
    """``data`` (a JSON object) as the model's field values; InputError names ``what``."""
    if not isinstance(data, dict):
        raise InputError(tr("{what} is not an object").format(what=what))
    row: dict[str, Any] = dict(fixed)
    for field in model._meta.sorted_fields:
        name = field.name
        if name in row or name not in data:
            continue
        value = data[name]
        if value is None:
            if not field.null and not isinstance(field, peewee.AutoField):
                raise InputError(tr("{what}: {name} is missing").format(what=what, name=name))
            row[name] = None
            continue
        try:
            row[name] = _converter(field)(value)
        except (ValueError, TypeError, InvalidOperation) as exc:
            raise InputError(
                tr("{what}: {name} {why}").format(what=what, name=name, why=exc)
            ) from None
    return row


def _client_rows(
    index: int, data: Any, rows: Rows, version: int, named: list[tuple[int, str]]
) -> None:
    if not isinstance(data, dict):
        raise InputError(tr("client {number} is not an object").format(number=index + 1))
    what = tr("client {number} ({name})").format(
        number=index + 1, name=str(data.get("name", ""))[:60]
    )
    attention = data.get("attention") or {}
    if not isinstance(attention, dict):
        raise InputError(tr("{what}: attention is not an object").format(what=what))
    flat = {
        **data,
        "attention_level": attention.get("level"),
        "checkin_days": attention.get("checkin_days"),
        "response_hours": attention.get("response_hours"),
        "preferred_channel": attention.get("preferred_channel"),
    }
    if not data.get("uid"):
        flat["uid"] = mint_uid()
    flat.setdefault("version", 1)
    client = _row(Client, flat, what)
    for name in ("id", "name", "created_at", "updated_at"):
        if name not in client:
            raise InputError(tr("{what}: {name} is missing").format(what=what, name=name))
    rows[Client].append(client)
    cid = client["id"]
    for key, model in _CHILDREN:
        children = data.get(key) or []
        if not isinstance(children, list):
            raise InputError(tr("{what}: {key} is not a list").format(what=what, key=key))
        positions: dict[str, int] = {}
        for number, child in enumerate(children, start=1):
            label = f"{what}, {key} {number}"
            if model is Promise and isinstance(child, dict) and "due_date" not in child:
                child = {**child, **_due_of(child.get("due"), label)}  # version 1
            if model is ContactDetail and isinstance(child, dict) and "position" not in child:
                kind = str(child.get("kind"))
                child = {**child, "position": positions.get(kind, 0)}
                positions[kind] = positions.get(kind, 0) + 1
            row = _row(model, child, label, client=cid)
            if model is MoneyTerms and version == 1:
                row.pop("id", None)
            rows[model].append(row)
    if version == 1:  # tags by name only: rebuilt as tag and client_tag rows below
        tags = data.get("tags") or []
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise InputError(tr("{what}: tags is not a list of names").format(what=what))
        named.extend((cid, tag) for tag in tags)


def _due_of(due: Any, what: str) -> dict[str, Any]:
    if due is None:
        return {"due_date": None, "due_time": None}
    if not isinstance(due, str):
        raise InputError(tr("{what}: due {due!r} is not a date").format(what=what, due=due))
    day, _, clock = due.partition("T")
    return {"due_date": day, "due_time": clock or None}


def read_document(text: str) -> tuple[int, Rows]:
    """The format version and the rows of every table in a ckbook export's ``text``."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            tr("not JSON (line {line}, column {column}: {why})").format(
                line=exc.lineno, column=exc.colno, why=exc.msg
            )
        ) from None
    if not isinstance(document, dict) or document.get("format") != json_export.FORMAT:
        raise InputError(tr('not a ckbook export (no "format": "ckbook-export")'))
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InputError(
            tr("format version {version!r} is not one ckbook wrote").format(version=version)
        )
    if version > json_export.VERSION:
        raise InputError(
            tr(
                "written by a newer ckbook (format version {version}; this ckbook "
                "reads up to {newest}); update ckbook to import it"
            ).format(version=version, newest=json_export.VERSION)
        )
    clients = document.get("clients")
    if not isinstance(clients, list):
        raise InputError(tr("the export has no list of clients"))
    models: list[type[peewee.Model]] = [Client, *(m for _, m in _CHILDREN)]
    models += [m for _, m in _TABLES]
    rows: Rows = {model: [] for model in models}
    named: list[tuple[int, str]] = []  # version 1: (client id, tag name)
    for index, data in enumerate(clients):
        _client_rows(index, data, rows, version, named)
    for key, model in _TABLES:
        table = document.get(key) or []
        if not isinstance(table, list):
            raise InputError(tr("{key} is not a list").format(key=key))
        rows[model].extend(_row(model, r, f"{key} {n}") for n, r in enumerate(table, start=1))
    if named:
        tag_ids: dict[str, int] = {}
        for cid, name in named:
            tag_id = tag_ids.setdefault(name, len(tag_ids) + 1)
            rows[ClientTag].append({"client": cid, "tag": tag_id})
        rows[Tag].extend({"id": tid, "name": name} for name, tid in tag_ids.items())
    return version, rows


def restore_file(
    path: str | os.PathLike[str],
    now: datetime,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Restore the export at ``path`` into the (empty) notebook; a dry run checks only."""
    del now  # every row carries its own instants
    decoded = read_import_text(path)
    try:
        version, rows = read_document(decoded.text)
    except InputError as exc:
        raise InputError(tr("{file}: {why}").format(file=path, why=exc)) from None
    if dry_run:
        with database_proxy.obj.atomic():
            check_empty()
    else:
        restore_rows(rows, progress=progress)
    clients = rows[Client]
    imported = tuple(
        Imported(f"client {n}", c["name"], None if dry_run else c["id"])
        for n, c in enumerate(clients, start=1)
    )
    source = tr("a ckbook export, format version {version}: restored every table").format(
        version=version
    )
    return ImportReport(imported, (), (), dry_run, False, source=source)
