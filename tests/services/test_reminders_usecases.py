"""Reminder use-cases on a real SQLite file: what fires, fired once (also after a restart),
snooze, done from the pop-up, and a first start that records thousands at once."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from ckbook.services.base import NotFoundError
from ckbook.services.care import add_request, requests
from ckbook.services.due import Due
from ckbook.services.promises import add_promise, close_promise, get_promise
from ckbook.services.reminder_rules import ReminderKind
from ckbook.services.reminders import check, done, find_occurrence, mark_fired, snooze
from ckbook.store.database import close_database, open_database
from ckbook.store.models import ReminderLog
from tests.factories import contact, make_client


def kinds(result) -> list[tuple[ReminderKind, int]]:
    return [(o.kind, o.subject_id) for o in result.firing]


@pytest.fixture
def ada(db, now) -> int:
    client = make_client(now, "Ada Lovelace", checkin_days=14)
    contact(client, now, days_ago=1)
    return client


def test_each_kind_fires_once_and_not_again_after_a_restart(db, db_target, now, tz, ada):
    late = make_client(now, "Bo Late", checkin_days=7)
    contact(late, now, days_ago=9)
    soon = add_promise(ada, "call back", now, tz, due=Due(date(2026, 11, 18), time(10, 30))).ids[0]
    overdue = add_promise(ada, "send deck", now, tz, due=Due(date(2026, 11, 17))).ids[0]
    add_promise(ada, "later", now, tz, due=Due(date(2026, 11, 30)))
    request = add_request(late, "quote?", now, received_at=now - timedelta(hours=30)).ids[0]

    result = check(now, tz)
    assert sorted(kinds(result)) == sorted(
        [
            (ReminderKind.PROMISE_COMING_DUE, soon),
            (ReminderKind.PROMISE_OVERDUE, overdue),
            (ReminderKind.CHECKIN_OVERDUE, late),
            (ReminderKind.REQUEST_OVERDUE, request),
        ]
    )
    # the next thing to wake for: "call back" turns overdue at 10:30
    assert result.next_wake == now + timedelta(minutes=30)
    changed = mark_fired(result.firing, now)
    assert changed.kind == "reminder"
    assert set(changed.client_ids) == {ada, late}
    assert check(now + timedelta(minutes=1), tz).firing == ()

    close_database(db)
    reopened = open_database(db_target)
    try:
        assert check(now + timedelta(minutes=2), tz).firing == ()
        assert ReminderLog.select().count() == 4
    finally:
        close_database(reopened)


def test_the_default_remind_before_comes_from_the_caller(db, now, tz, ada):
    add_promise(ada, "call back", now, tz, due=Due(date(2026, 11, 18), time(11, 30)))
    assert check(now, tz).firing == ()  # 1 h before 11:30 is 10:30
    assert kinds(check(now, tz, default_minutes=90)) != []


def test_a_check_in_coming_due_is_woken_for(db, now, tz):
    client = make_client(now, "Cy", checkin_days=7)
    contact(client, now, days_ago=6)
    result = check(now, tz)
    assert result.firing == ()
    assert result.next_wake == now - timedelta(days=6) + timedelta(days=7)


def test_snooze_fires_once_more_at_its_end(db, now, tz, ada):
    add_promise(ada, "send deck", now, tz, due=Due(date(2026, 11, 17)))
    (occurrence,) = check(now, tz).firing
    changed = snooze(occurrence, "1h", now, tz)
    assert changed.detail == "snoozed"
    assert check(now + timedelta(minutes=59), tz).firing == ()
    assert check(now + timedelta(minutes=59), tz).next_wake == now + timedelta(hours=1)
    again = check(now + timedelta(hours=1), tz).firing
    assert [o.key for o in again] == [occurrence.key]
    assert again[0].title == "Promise overdue since Tue 17 Nov, snoozed at 10:00"
    mark_fired(again, now + timedelta(hours=1))
    assert check(now + timedelta(hours=3), tz).firing == ()


def test_done_keeps_the_promise_and_closes_the_reminder(db, now, tz, ada):
    promise = add_promise(ada, "send deck", now, tz, due=Due(date(2026, 11, 17))).ids[0]
    (occurrence,) = check(now, tz).firing
    changed = done(occurrence, now)
    assert changed.kind == "promise"
    assert get_promise(promise).status == "kept"
    assert check(now + timedelta(days=2), tz).firing == ()


def test_done_on_a_stale_popup_does_not_overwrite_how_the_promise_was_closed(db, now, tz, ada):
    promise = add_promise(ada, "send deck", now, tz, due=Due(date(2026, 11, 17))).ids[0]
    (occurrence,) = check(now, tz).firing
    close_promise(promise, "broken", now)
    done(occurrence, now)
    assert get_promise(promise).status == "broken"


def test_done_answers_a_request(db, now, tz, ada):
    request = add_request(ada, "quote?", now, received_at=now - timedelta(hours=30)).ids[0]
    (occurrence,) = check(now, tz).firing
    done(occurrence, now)
    (row,) = requests(ids=[request])
    assert row.answered_at == now
    assert check(now + timedelta(hours=1), tz).firing == ()


def test_done_on_a_check_in_stops_it_until_the_next_contact(db, now, tz):
    client = make_client(now, "Cy", checkin_days=7)
    contact(client, now, days_ago=8)
    (occurrence,) = check(now, tz).firing
    done(occurrence, now)
    assert check(now + timedelta(days=3), tz).firing == ()
    contact(client, now, days_ago=0)
    later = check(now + timedelta(days=8), tz).firing
    assert [o.kind for o in later] == [ReminderKind.CHECKIN_OVERDUE]
    assert later[0].key != occurrence.key


def test_find_occurrence_by_key(db, now, tz, ada):
    promise = add_promise(ada, "send deck", now, tz, due=Due(date(2026, 11, 17))).ids[0]
    (occurrence,) = check(now, tz).firing
    assert find_occurrence(occurrence.key, now, tz) == occurrence
    close_promise(promise, "kept", now)
    with pytest.raises(NotFoundError):
        find_occurrence(occurrence.key, now, tz)


def test_a_first_start_records_thousands_at_once(db, now, tz, ada):
    from ckbook.services.reminder_rules import promise_occurrences

    many = [
        o
        for i in range(1, 1201)
        for o in promise_occurrences(i, ada, "Ada", "x", Due(date(2026, 1, 1)), None, tz)
    ]
    mark_fired(many, now)
    assert ReminderLog.select().count() == 2400
    mark_fired(many[:10], now + timedelta(hours=1))  # recording again updates, never duplicates
    assert ReminderLog.select().count() == 2400
    assert ReminderLog.select().where(ReminderLog.fired_at > now).count() == 10


def test_a_checkin_with_no_contact_ever_logged_says_so_not_heard_from_you(db, now, tz):
    never = make_client(now, "Freya MacLeod", checkin_days=14, client_since=date(2023, 12, 26))
    heard = make_client(now, "Bo Heard", checkin_days=7)
    contact(heard, now, days_ago=9)
    bodies = {o.subject_id: o.body for o in check(now, tz).firing}
    assert bodies[never] == (
        "Freya MacLeod: no contact logged since they became a client on 26 Dec 2023"
    )
    assert bodies[heard] == "Bo Heard has not heard from you since 9 Nov 2026"
