"""The client list's rows: built from raw rows in a few queries, for all clients or a few."""

from __future__ import annotations

from datetime import time, timedelta

from ckbook.services.clients import (
    ClientName,
    client_names,
    client_summaries,
    delete_client,
    purge_deleted_clients,
)
from ckbook.services.due import Due
from ckbook.services.promises import add_promise, close_promise
from ckbook.services.rules import Health
from tests.factories import contact, make_client


def test_rows_carry_contacts_tags_last_contact_and_next_due(db, now, tz):
    ada = make_client(
        now,
        "Ada",
        organisation="Analytical",
        emails=("ada@example.com", "a@b.org"),
        phones=("+44 1",),
        tags=("vip", "math"),
        checkin_days=7,
    )
    make_client(now, "bob")
    contact(ada, now, days_ago=9)
    today = now.astimezone(tz).date()
    add_promise(ada, "deck", now, tz, due=Due(today + timedelta(days=2)))
    add_promise(ada, "call", now, tz, due=Due(today + timedelta(days=2), time(9, 0)))
    closed = add_promise(ada, "old", now, tz, due=Due(today)).ids[0]
    close_promise(closed, "kept", now)
    rows = client_summaries(now, tz)
    assert [r.name for r in rows] == ["Ada", "bob"]
    row = rows[0]
    assert row.organisation == "Analytical"
    assert row.emails == ("ada@example.com", "a@b.org")
    assert row.phones == ("+44 1",)
    assert row.tags == ("math", "vip")
    assert row.health == Health.YELLOW
    assert row.last_contact == (now - timedelta(days=9))
    assert row.last_contact.tzinfo is not None
    assert row.next_due == Due(today + timedelta(days=2), time(9, 0))  # timed before date-only
    assert row.open_promises == 2
    assert rows[1].open_promises == 0 and rows[1].next_due is None


def test_rows_for_some_clients_match_the_full_list(db, now, tz):
    ids = [make_client(now, f"Client {i}", tags=("t",)) for i in range(5)]
    contact(ids[2], now, days_ago=1)
    everyone = {r.id: r for r in client_summaries(now, tz)}
    some = client_summaries(now, tz, client_ids=[ids[2], ids[4], 99999])
    assert [r.id for r in some] == [ids[2], ids[4]]
    assert all(r == everyone[r.id] for r in some)
    assert client_summaries(now, tz, client_ids=[]) == []


def test_client_names_leave_out_deleted_clients(db, now):
    ada = make_client(now, "ada", organisation="A")
    bob = make_client(now, "Bob")
    delete_client(bob, now)
    assert client_names() == [ClientName(ada, "ada", "A")]


def test_purge_only_the_given_deleted_clients(db, now, tz):
    one, two, live = (make_client(now, name) for name in ("One", "Two", "Live"))
    delete_client(one, now)
    delete_client(two, now)
    assert purge_deleted_clients([one, live]) == 1  # a live client is never purged
    assert purge_deleted_clients([]) == 0
    remaining = {r.name for r in client_summaries(now, tz, include_deleted=True)}
    assert remaining == {"Two", "Live"}
