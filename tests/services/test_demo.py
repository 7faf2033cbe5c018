"""Demo notebooks: deterministic for a seed, varied enough to show every case, written in one
transaction that leaves the notebook (search index included) intact."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import timedelta
from decimal import Decimal

import pytest

from ckbook.services.agenda import due_report
from ckbook.services.base import InputError
from ckbook.services.care import incidents, requests
from ckbook.services.clients import client_summaries
from ckbook.services.demo import make_demo, notebook_is_empty
from ckbook.services.money import clients_without_money_terms
from ckbook.services.notes import add_note
from ckbook.services.rules import Health
from ckbook.services.search import search
from ckbook.store.database import close_database, open_database
from ckbook.store.models import (
    ATTENTION_LEVELS,
    CLIENT_STATUSES,
    MOODS,
    NOTE_KINDS,
    PROMISE_STATUSES,
    Client,
    ContactDetail,
    MoneyTerms,
    Note,
    Promise,
)
from tests.conftest import NOW, TZ
from tests.factories import make_client


def snapshot(path: str) -> dict[str, list[tuple[object, ...]]]:
    with closing(sqlite3.connect(path)) as con:
        return {
            "clients": con.execute("SELECT id, name, organisation, status FROM client").fetchall(),
            "notes": con.execute(
                "SELECT id, client_id, kind, started_at, mood, body FROM note ORDER BY id"
            ).fetchall(),
            "promises": con.execute(
                "SELECT id, note_id, text, due_date, due_time, status FROM promise ORDER BY id"
            ).fetchall(),
            "money": con.execute("SELECT client_id, version, amount FROM money_terms").fetchall(),
        }


def demo_file(path: str, seed: int) -> dict[str, list[tuple[object, ...]]]:
    opened = open_database(path)
    try:
        make_demo(30, 200, 100, seed, NOW, TZ)
    finally:
        close_database(opened)
    return snapshot(path)


def test_the_same_seed_makes_the_same_notebook(tmp_path):  # type: ignore[no-untyped-def]
    first = demo_file(str(tmp_path / "a.sqlite3"), seed=42)
    again = demo_file(str(tmp_path / "b.sqlite3"), seed=42)
    other = demo_file(str(tmp_path / "c.sqlite3"), seed=43)
    assert first == again
    assert first["clients"] != other["clients"]
    assert first["notes"] != other["notes"]


def test_a_small_demo_shows_every_case(db, now, tz):  # type: ignore[no-untyped-def]
    summary = make_demo(60, 600, 300, 1, now, tz)
    assert (summary.clients, summary.notes, summary.promises) == (60, 600, 300)
    assert summary.money_terms == MoneyTerms.select().count()

    clients = list(Client.select())
    assert {c.attention_level for c in clients} == set(ATTENTION_LEVELS)
    assert {c.status for c in clients} == set(CLIENT_STATUSES)
    assert len({c.name for c in clients}) == 60  # names are unique in a small demo
    assert any(c.handling_notes for c in clients)
    assert any(c.organisation for c in clients) and any(not c.organisation for c in clients)

    notes = list(Note.select())
    assert {n.kind for n in notes} == set(NOTE_KINDS)
    assert set(MOODS) <= {n.mood for n in notes}
    assert all(n.duration_seconds for n in notes if n.kind == "call")
    assert all(n.duration_seconds is None for n in notes if n.kind in ("email", "message"))
    assert any("\n- " in n.body for n in notes)  # Markdown bullet lists
    assert all(n.started_at <= now for n in notes)
    assert min(n.started_at for n in notes) < now - timedelta(days=365)

    promises = list(Promise.select())
    assert {p.status for p in promises} == set(PROMISE_STATUSES)
    assert all(p.made_at <= now for p in promises)
    assert all(p.closed_at is None for p in promises if p.status == "open")
    assert all(p.closed_at <= now for p in promises if p.status != "open")
    assert any(p.note_id for p in promises) and any(p.due_time for p in promises)
    successors = [p for p in promises if p.renegotiated_from_id]
    assert successors
    assert all(p.renegotiated_from.status == "renegotiated" for p in successors)

    health = {row.health for row in client_summaries(now, tz)}
    assert {Health.GREEN, Health.YELLOW, Health.RED} <= health
    report = due_report(now, tz)
    assert report.overdue and report.due_today and report.upcoming
    assert any(p.due and p.due.time for p in report.overdue)
    assert report.checkins and report.requests

    all_requests = requests()
    assert any(r.acknowledged_at and not r.answered_at for r in all_requests)
    assert any(r.answered_at for r in all_requests)
    stages = {i.next_step() for i in incidents()}
    assert "done" in stages and len(stages) >= 3

    assert clients_without_money_terms()  # "money not discussed yet"
    terms = list(MoneyTerms.select())
    assert any(t.version > 1 for t in terms)
    assert any(t.discount_condition for t in terms)
    assert all(isinstance(t.amount, Decimal) for t in terms)
    assert len({t.currency for t in terms}) > 1

    emails = [c for c in ContactDetail.select() if c.kind == "email"]
    assert emails and all(c.value.endswith(".example") for c in emails)


def test_demo_keeps_search_working(db, now, tz):  # type: ignore[no-untyped-def]
    make_demo(10, 60, 30, 3, now, tz)
    assert any(hit.kind == "note" for hit in search("call"))
    assert any(hit.kind == "client" for hit in search(Client.get_by_id(1).name.split()[0]))
    # The index triggers are back in place: a note written afterwards is found too.
    add_note(1, now, kind="call", body="Discussed the zebracorn parade")
    assert [hit.kind for hit in search("zebracorn")] == ["note"]


def test_a_failed_demo_writes_nothing(db, db_path, now, tz, monkeypatch):  # type: ignore[no-untyped-def]
    from ckbook.services import demo

    def triggers() -> int:
        with closing(sqlite3.connect(db_path)) as con:
            return con.execute(
                "SELECT count(*) FROM sqlite_master WHERE type='trigger'"
            ).fetchone()[0]

    before = triggers()
    real_client = demo._Demo.client

    def client(self, index, notes, promises):  # type: ignore[no-untyped-def]
        if index == 700:
            raise RuntimeError("boom")
        real_client(self, index, notes, promises)

    monkeypatch.setattr(demo._Demo, "client", client)
    with pytest.raises(RuntimeError, match="boom"):
        make_demo(1000, 2000, 1000, 1, now, tz)
    assert notebook_is_empty()
    assert Note.select().count() == 0 and Promise.select().count() == 0
    assert triggers() == before


def test_a_demo_adds_to_a_notebook_without_touching_it(db, now, tz):  # type: ignore[no-untyped-def]
    ada = make_client(now, "Ada Lovelace", emails=("ada@ae.example",))
    assert not notebook_is_empty()
    make_demo(5, 10, 5, 9, now, tz)
    assert Client.select().count() == 6
    assert Client.get_by_id(ada).name == "Ada Lovelace"
    assert [c.value for c in ContactDetail.select().where(ContactDetail.client == ada)] == [
        "ada@ae.example"
    ]


@pytest.mark.parametrize(
    ("sizes", "message"),
    [
        ((-1, 0, 0), "number of clients"),
        ((5, -1, 0), "number of notes"),
        ((0, 5, 0), "need at least one client"),
        ((0, 0, 5), "need at least one client"),
    ],
)
def test_impossible_sizes_are_refused(db, now, tz, sizes, message):  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match=message):
        make_demo(*sizes, 1, now, tz)
    assert notebook_is_empty()


def test_an_empty_demo_is_fine(db, now, tz):  # type: ignore[no-untyped-def]
    summary = make_demo(0, 0, 0, 1, now, tz)
    assert summary.clients == summary.notes == summary.promises == 0
    assert "0 clients" in summary.describe()
