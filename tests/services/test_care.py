"""The care log: owning an incident step by step, and requests from received to answered."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ckbook.services.base import InputError, NotFoundError
from ckbook.services.care import (
    acknowledge_request,
    add_incident,
    add_request,
    answer_request,
    get_incident,
    incidents,
    record_incident_fix,
    requests,
    update_incident,
)
from ckbook.services.due import Due
from ckbook.services.promises import close_promise, get_promise
from ckbook.store.models import Incident, Promise
from tests.factories import make_client


def test_an_incident_is_owned_in_the_practices_order(db, now):
    cid = make_client(now)
    iid = add_incident(cid, "Invitations printed with the wrong date", now, severity="major").ids[0]
    assert get_incident(iid).next_step() == "apologise"
    update_incident(iid, apologised_at=now, apology="Called Ada, apologised")
    assert get_incident(iid).next_step() == "fix"
    record_incident_fix(iid, "Reprint and courier the invitations", Due(date(2026, 11, 20)), now)
    assert get_incident(iid).next_step() == "root cause"
    update_incident(iid, root_cause="Proof not signed off", prevention="Client signs every proof")
    assert get_incident(iid).next_step() == "goodwill"
    update_incident(iid, goodwill="Free place cards")
    assert get_incident(iid).next_step() == "resolve"
    update_incident(iid, resolved_at=now)
    row = get_incident(iid)
    assert row.next_step() == "done" and not row.is_open
    assert incidents(open_only=True) == []
    assert row.to_json(now.tzinfo)["next_step"] == "done"


def test_the_fix_is_a_promise_linked_to_the_incident(db, now):
    cid = make_client(now)
    iid = add_incident(cid, "Venue double-booked", now).ids[0]
    record_incident_fix(iid, "Find a new venue", Due(date(2026, 11, 25)), now)
    first = get_incident(iid).fix_promise_id
    assert first is not None
    promise = get_promise(first)
    assert (promise.client_id, promise.text, promise.status) == (cid, "Find a new venue", "open")
    assert promise.due == Due(date(2026, 11, 25))
    # Changing the fix while its promise is open edits that promise, never adds a second one.
    record_incident_fix(iid, "Find a new venue nearby", Due(date(2026, 11, 24)), now)
    assert get_incident(iid).fix_promise_id == first
    assert get_promise(first).text == "Find a new venue nearby"
    assert Promise.select().count() == 1
    # Once that promise is closed, a new fix makes a new promise and keeps the old as history.
    close_promise(first, "broken", now)
    record_incident_fix(iid, "Second venue", None, now)
    assert get_incident(iid).fix_promise_id != first
    assert Promise.select().count() == 2


def test_bad_incident_input_writes_nothing(db, now):
    cid = make_client(now)
    other = make_client(now, "Grace Hopper")
    iid = add_incident(cid, "Late delivery", now).ids[0]
    with pytest.raises(InputError):
        add_incident(cid, "   ", now)
    with pytest.raises(InputError):
        add_incident(cid, "x", now, severity="apocalyptic")
    with pytest.raises(InputError):
        update_incident(iid, colour="red")
    with pytest.raises(InputError):
        update_incident(iid, resolved_at=now.replace(tzinfo=None))
    with pytest.raises(InputError):
        update_incident(iid, happened_at=None)
    foreign = record_incident_fix(
        add_incident(other, "Other", now).ids[0], "theirs", None, now
    ).detail.split()[-1]
    with pytest.raises(InputError):
        update_incident(iid, fix_promise=int(foreign))
    with pytest.raises(NotFoundError):
        update_incident(999, fix="x")
    with pytest.raises(InputError):
        record_incident_fix(iid, "  ", None, now)
    stored = Incident.get_by_id(iid)
    assert (stored.resolved_at, stored.fix_promise_id, stored.fix) == (None, None, "")


def test_a_request_goes_from_received_to_answered(db, now):
    cid = make_client(now, response_hours=4)
    rid = add_request(cid, "Can we move the tasting?", now - timedelta(hours=2), "message").ids[0]
    (row,) = requests(awaiting_only=True)
    assert (row.summary, row.channel, row.overdue(now)) == (
        "Can we move the tasting?",
        "message",
        False,
    )
    later = now + timedelta(hours=3)
    assert requests(awaiting_only=True)[0].overdue(later)
    acknowledge_request(rid, later)
    row = requests(awaiting_only=True)[0]
    assert row.acknowledged_at == later and not row.overdue(later)
    answer_request(rid, later + timedelta(hours=1))
    assert requests(awaiting_only=True) == []
    (done,) = requests(client_id=cid)
    assert done.answered_at == later + timedelta(hours=1)
    assert done.acknowledged_at == later  # answering keeps the first acknowledgement


def test_answering_first_also_acknowledges(db, now):
    cid = make_client(now)
    rid = add_request(cid, "Quote please", now).ids[0]
    answer_request(rid, now)
    (row,) = requests(client_id=cid)
    assert row.acknowledged_at == row.answered_at == now
    with pytest.raises(NotFoundError):
        acknowledge_request(12345, now)


def test_question_lines_in_a_call_note_become_requests_exactly_once(db, now, tz):
    from ckbook.services.capture import save_note_text
    from ckbook.services.notes import add_note

    cid = make_client(now, response_hours=4)
    nid = add_note(cid, now - timedelta(minutes=10), kind="call").ids[0]
    save_note_text(nid, "Talked menus.\n? send the vegan opti", now, tz)
    assert requests(client_id=cid) == []  # a half-typed line is not a request yet
    save_note_text(nid, "Talked menus.\n? send the vegan options\n", now, tz)
    save_note_text(nid, "Talked menus.\n? send the vegan options\nMore.\n", now, tz)
    (row,) = requests(client_id=cid)
    assert (row.summary, row.channel, row.note_id) == ("send the vegan options", "call", nid)
    assert row.received_at == now - timedelta(minutes=10)  # when the call started
    # Editing the line edits the request; a deleted line leaves the request (the client asked).
    save_note_text(nid, "Talked menus.\n? send the vegan and halal options\nMore.\n", now, tz)
    (row,) = requests(client_id=cid)
    assert row.summary == "send the vegan and halal options"
    save_note_text(nid, "Talked menus.\nMore.", now, tz, final=True)
    assert len(requests(client_id=cid)) == 1
    # The last line counts once the note is saved for the last time.
    save_note_text(nid, "Talked menus.\n? call the florist back", now, tz, final=True)
    assert [r.summary for r in requests(client_id=cid)] == [
        "send the vegan and halal options",
        "call the florist back",
    ]
