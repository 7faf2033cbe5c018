"""Snooze means snooze: a promise snoozed before its due stays quiet when it turns overdue during
the snooze (no pop-up, not in the start-up batch, not on Today or the tray), then shows once with
its true state. The clock is pinned: snoozed at 14:15, due 14:20, snooze of 1 h ends at 15:15."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from ckbook.services.agenda import due_report
from ckbook.services.due import Due
from ckbook.services.promises import add_promise
from ckbook.services.reminder_rules import ReminderKind, missed_summary
from ckbook.services.reminders import check, claim, confirm_shown, snooze
from ckbook.services.today import Section, today_report
from tests.conftest import TZ
from tests.factories import contact, make_client

SNOOZED_AT = datetime(2026, 11, 18, 14, 15, tzinfo=TZ)
DUE = Due(date(2026, 11, 18), time(14, 20))


@pytest.fixture
def snoozed_promise(db, tz) -> int:  # type: ignore[no-untyped-def]
    """'call Bob' due 14:20; its coming-due reminder (13:20) shown, then snoozed 1 h at 14:15."""
    made = SNOOZED_AT - timedelta(days=1)
    ada = make_client(made, "Ada Lovelace")
    contact(ada, SNOOZED_AT, days_ago=1)
    promise = add_promise(ada, "call Bob", made, tz, due=DUE).ids[0]
    (coming,) = check(SNOOZED_AT, tz).firing
    assert coming.kind is ReminderKind.PROMISE_COMING_DUE
    confirm_shown(claim([coming], SNOOZED_AT - timedelta(minutes=55)))
    snooze(coming, "1h", SNOOZED_AT, tz)
    return promise


@pytest.mark.parametrize("minutes_later", [4, 5, 6, 30, 59])
def test_quiet_until_the_snooze_ends_though_it_turned_overdue(snoozed_promise, tz, minutes_later):
    during = SNOOZED_AT + timedelta(minutes=minutes_later)
    result = check(during, tz)
    assert result.firing == ()  # neither "overdue" (due 14:20) nor the start-up batch
    assert result.next_wake is not None and result.next_wake <= SNOOZED_AT + timedelta(hours=1)
    today = today_report(during, tz)
    assert snoozed_promise not in [r.subject_id for r in today.rows(Section.OVERDUE)]
    assert snoozed_promise not in [r.subject_id for r in today.rows(Section.DUE_TODAY)]
    report = due_report(during, tz)
    assert snoozed_promise not in [p.subject_id for p in report.overdue + report.due_today]
    assert report.snoozed >= 1


def test_shown_once_when_the_snooze_ends_with_its_true_state(snoozed_promise, tz):
    end = SNOOZED_AT + timedelta(hours=1)
    (shown,) = check(end, tz).firing
    assert shown.kind is ReminderKind.PROMISE_OVERDUE and shown.subject_id == snoozed_promise
    assert shown.title == "Promise overdue since 14:20, snoozed at 14:15"
    assert shown.body == "Ada Lovelace: call Bob (was due Wed 18 Nov 2026 14:20)"
    confirm_shown(claim([shown], end))
    for later in (timedelta(seconds=1), timedelta(hours=1), timedelta(days=2)):
        assert check(end + later, tz).firing == ()
    # Back on Today and the tray as overdue once the snooze is over.
    assert snoozed_promise in [r.subject_id for r in today_report(end, tz).rows(Section.OVERDUE)]


def test_a_start_during_the_snooze_leaves_it_out_of_the_batch(snoozed_promise, tz):
    # Something else came due while ckbook was closed: the batch lists it, not the snoozed one.
    other = make_client(SNOOZED_AT, "Grace Hopper")
    contact(other, SNOOZED_AT, days_ago=1)
    add_promise(other, "send the deck", SNOOZED_AT, tz, due=Due(date(2026, 11, 17)))
    firing = check(SNOOZED_AT + timedelta(minutes=30), tz).firing
    assert [o.body for o in firing] == ["Grace Hopper: send the deck (was due Tue 17 Nov 2026)"]
    assert missed_summary(firing) == "While you were away: 1 promise came due"


def test_a_snooze_that_ended_before_the_due_says_nothing_of_it(db, tz):
    made = SNOOZED_AT - timedelta(days=1)
    ada = make_client(made, "Ada Lovelace")
    contact(ada, SNOOZED_AT, days_ago=1)
    add_promise(ada, "call Bob", made, tz, due=Due(date(2026, 11, 18), time(15, 0)))
    (coming,) = check(SNOOZED_AT, tz).firing
    snooze(coming, "15m", SNOOZED_AT, tz)
    (again,) = check(SNOOZED_AT + timedelta(minutes=15), tz).firing
    assert again.title == "Promise due Wed 18 Nov 2026 15:00, snoozed at 14:15"
    confirm_shown(claim([again], SNOOZED_AT + timedelta(minutes=15)))
    (overdue,) = check(datetime(2026, 11, 18, 15, 0, tzinfo=TZ), tz).firing
    assert overdue.title == "Promise overdue"  # the snooze was over long before
