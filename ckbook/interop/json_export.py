"""The whole notebook as one JSON document, for keeping and for other programs.

Format (``"format": "ckbook-export", "version": 2``): ``clients`` is an array of objects, each with
its profile (``uid`` and ``version`` included), ``attention``, ``contacts`` (id, kind, value,
label, position), ``tags``, ``money_terms`` (every version, oldest first), ``notes``,
``promises``, ``incidents`` and ``requests``, every row with its id; after the clients,
``tags`` (id, name), ``client_tags`` (id, client, tag), ``reminder_log`` and ``settings``, so
``ckbook import json`` restores an identical notebook (``json_import``). Version 1 (ckbook 0.1:
no UIDs, no ids for contacts and money terms, none of the notebook-wide tables) still imports.
Instants are ISO 8601 in UTC with their offset (``2026-11-18T09:00:00+00:00``); dates
``YYYY-MM-DD``; a promise's due is ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM`` (local, as DESIGN.md
says) or null, and its ``due_date``/``due_time`` as stored; money amounts are strings
(``"1250.50"``), never floats. A later version may add keys; readers should ignore keys they do
not know.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, TextIO

from ckbook import __version__
from ckbook.interop.snapshot import Row, Snapshot
from ckbook.services.due import Due
from ckbook.services.importing import Progress

FORMAT = "ckbook-export"
VERSION = 2

_CLIENT_FIELDS = ("id", "uid", "name", "organisation", "address", "status", "client_since",
                  "handling_notes", "created_at", "updated_at", "version")  # fmt: skip
_LEFT_OUT = {"client"}


def _value(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _plain(row: Row, drop: tuple[str, ...] = ()) -> dict[str, object]:
    return {k: _value(v) for k, v in row.items() if k not in _LEFT_OUT and k not in drop}


def _promise(row: Row) -> dict[str, object]:
    due = Due(row["due_date"], row["due_time"]) if row["due_date"] is not None else None
    plain = _plain(row)
    plain["due"] = due.to_json() if due else None
    return plain


def _client(snapshot: Snapshot, client: Row) -> dict[str, object]:
    cid = client["id"]
    data: dict[str, object] = {name: _value(client[name]) for name in _CLIENT_FIELDS}
    data["attention"] = {
        "level": client["attention_level"],
        "checkin_days": client["checkin_days"],
        "response_hours": client["response_hours"],
        "preferred_channel": client["preferred_channel"],
    }
    data["contacts"] = [
        {"id": c["id"], "kind": c["kind"], "value": c["value"], "label": c["label"],
         "position": c["position"]}
        for c in snapshot.of("contacts", cid)
    ]  # fmt: skip
    data["tags"] = list(snapshot.tags.get(cid, []))
    data["money_terms"] = [_plain(m) for m in snapshot.of("money", cid)]
    data["notes"] = [_plain(n) for n in snapshot.of("notes", cid)]
    data["promises"] = [_promise(p) for p in snapshot.of("promises", cid)]
    data["incidents"] = [_plain(i) for i in snapshot.of("incidents", cid)]
    data["requests"] = [_plain(r) for r in snapshot.of("requests", cid)]
    return data


def _chunks(snapshot: Snapshot, progress: Progress | None = None) -> Iterator[str]:
    """The document, a client at a time and one client a line (a 10,000-client notebook is
    never one string, and stays a third smaller than indented JSON)."""
    header = {
        "format": FORMAT,
        "version": VERSION,
        "generator": f"ckbook {__version__}",
        "exported_at": snapshot.taken_at.isoformat(timespec="seconds"),
    }
    yield json.dumps(header, ensure_ascii=False, indent=1)[:-2] + ',\n "clients": ['
    for index, client in enumerate(snapshot.clients):
        if progress is not None and index % 200 == 0:
            progress(index, len(snapshot.clients))
        text = json.dumps(_client(snapshot, client), ensure_ascii=False, separators=(",", ":"))
        yield ("," if index else "") + "\n  " + text
    yield "\n ]" if snapshot.clients else "]"
    for key, table in (("tags", "tag"), ("client_tags", "client_tag"),
                       ("reminder_log", "reminder_log"), ("settings", "setting")):  # fmt: skip
        rows = snapshot.tables.get(table, [])
        if table == "client_tag":  # a deleted client's tags stay behind, like the client
            live = {client["id"] for client in snapshot.clients}
            rows = [row for row in rows if row["client"] in live]
        yield f',\n "{key}": ['
        for index, row in enumerate(rows):
            text = json.dumps({k: _value(v) for k, v in row.items()}, ensure_ascii=False)
            yield ("," if index else "") + "\n  " + text
        yield "\n ]" if rows else "]"
    yield "\n}\n"


def write_json(snapshot: Snapshot, stream: TextIO, progress: Progress | None = None) -> int:
    """Write the snapshot as a ckbook-export document; returns how many clients."""
    for chunk in _chunks(snapshot, progress):
        stream.write(chunk)
    return len(snapshot.clients)


def load(text: str) -> dict[str, Any]:
    """Read a ckbook-export document back (tests, and future import); checks the header."""
    document: dict[str, Any] = json.loads(text)
    if document.get("format") != FORMAT or not isinstance(document.get("version"), int):
        raise ValueError("not a ckbook export")
    if document["version"] > VERSION:
        raise ValueError(f"written by a newer ckbook (format version {document['version']})")
    return document
