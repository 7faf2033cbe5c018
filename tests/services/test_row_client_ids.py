"""Rows built over a join with the client keep the client's id (a join that selected only the
client's name used to hand back client_id=None, so a reminder could not open its card)."""

from __future__ import annotations

from datetime import date, timedelta

from ckbook.services.care import add_incident, add_request, incidents, requests
from ckbook.services.due import Due
from ckbook.services.notes import add_note, notes_for_client
from ckbook.services.promises import add_promise, open_promises, promises_for_client
from tests.factories import make_client


def test_rows_joined_with_their_client_carry_its_id(db, now, tz):
    make_client(now, "Someone else")
    client = make_client(now, "Ada")
    add_promise(client, "send deck", now, tz, due=Due(date(2026, 11, 20)))
    add_request(client, "quote?", now, received_at=now - timedelta(hours=1))
    add_incident(client, "late delivery", now)
    add_note(client, now, body="hello")
    assert [p.client_id for p in open_promises()] == [client]
    assert [p.client_id for p in promises_for_client(client)] == [client]
    assert [r.client_id for r in requests()] == [client]
    assert [i.client_id for i in incidents()] == [client]
    assert [n.client_id for n in notes_for_client(client)] == [client]
