"""The reminder book answers a steady check from what it holds, and its answers are those of the
full check (``reminders.check``) on the same notebook: as time passes, after reminders fire and
are recorded, after snoozes, dones and edits it is told about."""

from __future__ import annotations

from datetime import date, timedelta

from ckbook.services.clients import delete_client
from ckbook.services.demo import make_demo
from ckbook.services.due import Due
from ckbook.services.promises import add_promise, close_promise
from ckbook.services.reminders import ReminderBook, check, done, mark_fired, snooze
from ckbook.store.models import Client


def _keys(result):  # type: ignore[no-untyped-def]
    return [o.key for o in result.firing]


def _agree(book: ReminderBook, at, tz) -> list:  # type: ignore[no-untyped-def]
    """The book's answer at ``at`` is the full check's; its wake is never later than needed."""
    full = check(at, tz)
    mine = book.check(at)
    assert _keys(mine) == _keys(full)
    if full.next_wake is not None:
        assert mine.next_wake is not None and mine.next_wake >= full.next_wake
        # Nothing new comes due between now and the book's wake: it wakes in time.
        just_before = mine.next_wake - timedelta(seconds=1)
        if just_before > at:
            assert _keys(check(just_before, tz)) == _keys(full)
    return list(mine.firing)


def test_the_book_agrees_with_the_full_check_as_time_passes_and_things_change(db, now, tz):  # type: ignore[no-untyped-def]
    make_demo(60, 400, 300, 5, now, tz)
    book = ReminderBook(tz)
    book.load(now)
    at = now
    firing = _agree(book, at, tz)
    assert firing  # a demo notebook has reminders due at once: the test has teeth
    for step in (timedelta(0), timedelta(hours=1), timedelta(hours=20), timedelta(days=3)):
        at = at + step
        firing = _agree(book, at, tz)
        if firing:  # shown and recorded, as the engine does
            mark_fired(firing, at)
            book.refresh(at, {o.client_id for o in firing})  # what the engine's worker does
            assert book.check(at).firing == ()

    # Changes the book is told about, by the clients they name.
    clients = [c.id for c in Client.select(Client.id).order_by(Client.id)]
    fresh = add_promise(clients[0], "call back", at, tz, due=Due(date(2026, 11, 25))).client_ids
    book.refresh(at, fresh)
    kept = add_promise(clients[1], "send it", at, tz, due=Due(date(2026, 11, 19))).ids[0]
    book.refresh(at, [clients[1]])
    _agree(book, at + timedelta(days=8), tz)
    book.refresh(at, close_promise(kept, "kept", at).client_ids)
    book.refresh(at, delete_client(clients[2], at).client_ids)
    later = at + timedelta(days=9)
    firing = _agree(book, later, tz)
    assert len(firing) >= 2
    snoozed = snooze(firing[0], "1h", later, tz)
    finished = done(firing[1], later)
    book.refresh(later, snoozed.client_ids + finished.client_ids)
    _agree(book, later, tz)
    _agree(book, later + timedelta(minutes=61), tz)  # the snooze ended: it shows again
