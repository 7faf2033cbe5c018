"""Who made what: every note, promise, incident, request and reminder record carries the person
signed in when it was made (the server's role in team mode; on a notebook file "Your name" or
the operating system's user); a renegotiated or repeating promise stays its owner's; reminders
go to the promise's owner unless everyone's are asked for."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ckbook.services.agenda import due_report, my_today
from ckbook.services.care import add_incident, add_request, incidents, requests
from ckbook.services.due import Due
from ckbook.services.notes import add_note, notes_for_client
from ckbook.services.promises import (
    add_promise,
    close_promise,
    get_promise,
    promises_for_client,
    renegotiate_promise,
)
from ckbook.services.reminders import (
    ReminderBook,
    all_occurrences,
    mark_fired,
    whose_reminders,
)
from ckbook.services.settings import load_settings, update_settings
from ckbook.services.today import Section
from ckbook.store.models import Promise, ReminderLog, Request
from ckbook.store.people import os_user, signed_in
from tests.factories import make_client

OVERDUE = Due(date(2026, 11, 17))


def test_what_i_make_carries_my_name(db, backend, now, tz):  # type: ignore[no-untyped-def]
    me = signed_in()
    if backend == "postgresql":
        role = db.database.execute_sql("SELECT current_user").fetchone()[0]
        assert (me.name, me.team) == (role, True)
    else:
        assert (me.name, me.team) == (os_user() or "me", False)
    ada = make_client(now)
    add_note(ada, now, body="called")
    promise = add_promise(ada, "send the deck", now, tz, due=OVERDUE).ids[0]
    add_incident(ada, "invoice was wrong", now)
    add_request(ada, "a quote?", now)
    occurrences = all_occurrences(now, tz)
    mark_fired(occurrences, now)

    assert [n.author for n in notes_for_client(ada)] == [me.name]
    assert get_promise(promise).author == me.name
    assert [i.author for i in incidents(ada)] == [me.name]
    assert [r.author for r in requests(ada)] == [me.name]
    assert {log.author for log in ReminderLog.select()} == {me.name}
    assert len(occurrences) >= 2


@pytest.mark.sqlite_only("on a notebook file the 'Your name' setting names its one person")
def test_your_name_names_the_author_and_a_promise_stays_its_owners(db, now, tz):  # type: ignore[no-untyped-def]
    ada = make_client(now)
    update_settings(your_name="  Ada   Lovelace ")
    assert signed_in().name == "Ada Lovelace" and load_settings().your_name == "Ada Lovelace"
    weekly = add_promise(ada, "send the report every Monday", now, tz).ids[0]
    once = add_promise(ada, "send the deck", now, tz, due=OVERDUE).ids[0]

    update_settings(your_name="Grace")
    note = add_note(ada, now, body="covering for Ada").ids[0]
    successor = renegotiate_promise(once, Due(date(2026, 11, 20)), now).ids[1]
    record = close_promise(weekly, "kept", now).ids[1]

    authors = {p.id: p.author for p in promises_for_client(ada)}
    assert authors == {weekly: "Ada Lovelace", once: "Ada Lovelace", successor: "Ada Lovelace",
                       record: "Ada Lovelace"}  # fmt: skip
    assert [n.author for n in notes_for_client(ada) if n.id == note] == ["Grace"]

    update_settings(your_name="")  # back to the operating system's name
    assert signed_in().name == (os_user() or "me")


def test_reminders_go_to_the_promises_owner(db, backend, now, tz):  # type: ignore[no-untyped-def]
    ada = make_client(now)
    mine = add_promise(ada, "mine", now, tz, due=OVERDUE).ids[0]
    theirs = add_promise(ada, "theirs", now, tz, due=OVERDUE).ids[0]
    unknown = add_promise(ada, "made before authors were kept", now, tz, due=OVERDUE).ids[0]
    Promise.update(author="someone else").where(Promise.id == theirs).execute()
    Promise.update(author=None).where(Promise.id == unknown).execute()
    me = signed_in().name

    def promised(owner: str | None) -> set[int]:
        found = {o.subject_id for o in all_occurrences(now, tz, owner=owner) if o.is_promise}
        shown = {row.subject_id for row in due_report(now, tz, owner=owner).overdue}
        assert found == shown  # the tray says what the reminders say
        return found

    assert promised(me) == {mine, unknown}
    assert promised(None) == {mine, theirs, unknown}
    if backend == "postgresql":  # team mode: mine unless I ask for everyone's
        assert whose_reminders() == me and whose_reminders(everyone=True) is None
    else:  # a notebook file is one person's: everything is mine
        assert whose_reminders() is None


def test_a_request_reminds_the_one_who_logged_it(db, now, tz):  # type: ignore[no-untyped-def]
    ada = make_client(now, response_hours=4)
    mine = add_request(ada, "mine", now, received_at=now - timedelta(hours=5)).ids[0]
    theirs = add_request(ada, "theirs", now, received_at=now - timedelta(hours=5)).ids[0]
    Request.update(author="someone else").where(Request.id == theirs).execute()
    owner = signed_in().name
    assert [r.id for r in requests(awaiting_only=True, owner=owner)] == [mine]
    late = {row.subject_id for row in due_report(now, tz, owner=owner).requests}
    assert late == {mine}


def test_the_reminder_book_holds_only_its_owners_reminders(db, now, tz):  # type: ignore[no-untyped-def]
    ada = make_client(now)
    mine = add_promise(ada, "mine", now, tz, due=OVERDUE).ids[0]
    theirs = add_promise(ada, "theirs", now, tz, due=OVERDUE).ids[0]
    Promise.update(author="someone else").where(Promise.id == theirs).execute()
    book = ReminderBook(tz, owner=signed_in().name)
    book.load(now)
    assert {o.subject_id for o in book.check(now).firing if o.is_promise} == {mine}
    Promise.update(author=signed_in().name).where(Promise.id == theirs).execute()
    book.refresh(now, [ada])  # handed over: now mine too
    assert {o.subject_id for o in book.check(now).firing if o.is_promise} == {mine, theirs}


def test_today_shows_what_reminds_me_unless_i_ask_for_everyones(db, backend, now, tz):  # type: ignore[no-untyped-def]
    ada = make_client(now)
    mine = add_promise(ada, "mine", now, tz, due=OVERDUE).ids[0]
    theirs = add_promise(ada, "theirs", now, tz, due=OVERDUE).ids[0]
    Promise.update(author="someone else").where(Promise.id == theirs).execute()

    def overdue() -> set[int]:
        return {row.subject_id for row in my_today(now, tz).rows(Section.OVERDUE)}

    # A notebook file is one person's: everything is mine. A team's: mine, until I ask.
    assert overdue() == ({mine} if backend == "postgresql" else {mine, theirs})
    update_settings(everyones_reminders=True)
    assert overdue() == {mine, theirs}
