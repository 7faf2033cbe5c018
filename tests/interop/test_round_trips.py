"""Round trips on a 10,000-client demo notebook: vCard (and CSV) export → import into a fresh
notebook keeps every client and every field the format holds, labels included; JSON export →
import gives an identical notebook, table by table. Re-importing reports no one new."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from ckbook.interop.transfer import export_file, import_file
from ckbook.services.base import InputError
from ckbook.services.demo import make_demo
from ckbook.store.database import OpenedDatabase, backup_sqlite, close_database, open_database
from ckbook.store.models import (
    ALL_MODELS,
    Client,
    ClientTag,
    ContactDetail,
    ReminderLog,
    Setting,
    Tag,
)
from ckbook.store.rows import tuples
from tests.conftest import NOW, TZ

CLIENTS = 10_000


def _folder(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def demo_notebook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 10,000-client demo (fewer notes than `ckbook demo`'s default, to keep the suite quick),
    with some reminder history and settings so every table holds rows."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"  # mktemp made the folder
    opened = open_database(path)
    try:
        make_demo(CLIENTS, 20_000, 10_000, seed=12, now=NOW, tz=TZ)
        moment = NOW - timedelta(days=2)
        ReminderLog.insert_many(
            [
                {
                    "kind": "promise",
                    "subject_id": n,
                    "occurrence": f"due-{n}",
                    "due_at": moment,
                    "fired_at": moment,
                    "snoozed_until": None if n % 2 else moment + timedelta(hours=1),
                    "done_at": None,
                }
                for n in range(1, 40)
            ]
        ).execute()
        Setting.insert(key="round-trip probe", value='{"x": 1}').execute()
    finally:
        close_database(opened)
    return path


@pytest.fixture
def demo(demo_notebook: Path, tmp_path: Path) -> Iterator[OpenedDatabase]:
    copy = tmp_path / "notebook" / "demo.sqlite3"
    copy.parent.mkdir()
    backup_sqlite(demo_notebook, copy)
    opened = open_database(copy)
    yield opened
    close_database(opened)


def _vcard_fields() -> dict[str, tuple[Any, ...]]:
    """Every live client's fields a vCard holds, by UID."""
    contacts: dict[int, list[tuple[str, str, str]]] = {}
    query = ContactDetail.select(
        ContactDetail.client, ContactDetail.kind, ContactDetail.value, ContactDetail.label
    ).order_by(ContactDetail.client, ContactDetail.kind, ContactDetail.position)
    for cid, kind, value, label in tuples(query):
        contacts.setdefault(cid, []).append((kind, value, label))
    tags: dict[int, set[str]] = {}
    for cid, name in tuples(ClientTag.select(ClientTag.client, Tag.name).join(Tag)):
        tags.setdefault(cid, set()).add(name)
    state = {}
    for client in Client.select().where(Client.deleted_at.is_null()):
        state[client.uid] = (
            client.name, client.organisation, client.address, client.handling_notes,
            client.status, client.client_since, client.attention_level, client.checkin_days,
            client.response_hours, client.preferred_channel,
            tuple(contacts.get(client.id, ())), frozenset(tags.get(client.id, ())),
        )  # fmt: skip
    return state


@pytest.mark.parametrize("kind", ["vcard", "csv"])
def test_export_then_import_keeps_every_client_and_field(kind, demo, tmp_path) -> None:  # type: ignore[no-untyped-def]
    before = _vcard_fields()
    assert len(before) == CLIENTS
    labelled = sum(1 for fields in before.values() for c in fields[10] if c[2])
    assert labelled > CLIENTS  # the demo labels its emails and phones: they must come back
    path = tmp_path / f"all.{kind}"
    assert export_file(kind, path, NOW, TZ).count == CLIENTS
    close_database(demo)
    fresh = open_database(_folder(tmp_path / "fresh") / "ckbook.sqlite3")
    try:
        report = import_file(kind, path, NOW)
        assert report.counts() == f"{CLIENTS} new, 0 updated, 0 unchanged"
        after = _vcard_fields()
        assert after.keys() == before.keys()
        differ = [uid for uid in before if before[uid] != after[uid]]
        first = differ[0] if differ else ""
        assert not differ, (before[first], after[first])
        again = import_file(kind, path, NOW)
        assert again.counts() == f"0 new, 0 updated, {CLIENTS} unchanged"
    finally:
        close_database(fresh)


def _tables(location: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the notebook's content, as SQLite stores it, in key order.

    Not the change journal: it records the last writes for open windows to refresh from (the
    restore's own writes land there), not something the notebook holds."""
    from ckbook.store.models import ChangeJournal

    connection = sqlite3.connect(location)
    try:
        tables = {}
        for model in ALL_MODELS:
            if model is ChangeJournal:
                continue
            table = model._meta.table_name
            order = "key" if model is Setting else "id"
            tables[table] = connection.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall()
        return tables
    finally:
        connection.close()


def test_json_export_then_import_gives_an_identical_notebook(demo, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "all.json"
    export_file("json", path, NOW, TZ)
    close_database(demo)
    before = _tables(demo.location)
    assert all(before[t] for t in before), [t for t in before if not before[t]]
    fresh = open_database(_folder(tmp_path / "fresh") / "ckbook.sqlite3")
    try:
        report = import_file("json", path, NOW)
        assert report.counts() == f"{CLIENTS} new, 0 updated, 0 unchanged"
        with pytest.raises(InputError, match="already has 10000 clients; a full export restores"):
            import_file("json", path, NOW)
    finally:
        close_database(fresh)
    after = _tables(fresh.location)
    connection = sqlite3.connect(fresh.location)
    try:  # the search index was rebuilt in step with the rows (FTS5 checks it against them)
        for fts in ("note_fts", "promise_fts", "client_fts"):
            connection.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
        (found,) = connection.execute(
            "SELECT count(*) FROM note_fts WHERE note_fts MATCH 'call'"
        ).fetchone()
        assert found > 0
    finally:
        connection.close()
    for table, rows in before.items():
        assert len(after[table]) == len(rows), table
        assert after[table] == rows, table


def test_an_export_from_ckbook_0_1_restores_into_this_ckbook(db, now, tz) -> None:  # type: ignore[no-untyped-def]
    """Format version 1 (no UIDs, no contact or money ids, no notebook-wide tables) still
    imports: ids kept, UIDs minted, tags rebuilt, every money version and the promise's due."""
    from datetime import date, time

    from ckbook.services.clients import client_detail
    from ckbook.store.models import MoneyTerms, Promise

    fixture = Path(__file__).with_name("fixtures") / "ckbook-0.1-export.json"
    report = import_file("json", fixture, now)
    assert report.counts() == "2 new, 0 updated, 0 unchanged"
    assert report.source == "a ckbook export, format version 1: restored every table"
    ada = client_detail(3, now)
    assert (ada.name, ada.emails, ada.phones, ada.tags) == (
        "Ada Lovelace", ("ada@example.com", "ada@home.example"), ("+44 20 7946 0000",),
        ("maths", "vip"))  # fmt: skip
    assert client_detail(5, now).tags == ("vip",)
    assert [c.uid.startswith("urn:uuid:") for c in Client.select()] == [True, True]
    versions = [(m.version, m.amount) for m in MoneyTerms.select().order_by(MoneyTerms.version)]
    assert [(v, str(a)) for v, a in versions] == [(1, "95.00"), (2, "1250.50")]
    quote = Promise.get_by_id(21)
    assert (quote.due_date, quote.due_time, quote.note_id) == (date(2026, 11, 20), time(15), 11)
    assert Promise.get_by_id(22).due_date is None
    labels = [c.label for c in ContactDetail.select().order_by(ContactDetail.id)]
    assert labels == ["work", "", "office", ""]


def test_an_export_from_a_newer_ckbook_is_refused(db, tmp_path, now) -> None:  # type: ignore[no-untyped-def]
    newer = tmp_path / "newer.json"
    newer.write_text('{"format": "ckbook-export", "version": 99, "clients": []}')
    with pytest.raises(InputError, match=r"written by a newer ckbook \(format version 99"):
        import_file("json", newer, now)
