"""Claiming a reminder before showing it: one winner among processes racing for it, nothing shown
twice after a crash between claiming and showing (or after showing), nothing lost either."""

from __future__ import annotations

import threading
from datetime import date, time, timedelta

from ckbook.services.due import Due
from ckbook.services.promises import add_promise
from ckbook.services.reminder_rules import CLAIM_LEASE, LogState, should_fire
from ckbook.services.reminders import check, claim, confirm_shown, snooze
from ckbook.store.models import ReminderLog, database_proxy
from tests.factories import contact, make_client


def _due_reminders(now, tz) -> list[int]:  # type: ignore[no-untyped-def]
    ada = make_client(now, "Ada Lovelace")
    contact(ada, now, days_ago=1)
    return [
        add_promise(ada, f"task {i}", now, tz, due=Due(date(2026, 11, 17), time(9 + i))).ids[0]
        for i in range(5)
    ]


def test_racing_claims_on_separate_connections_have_one_winner_each(db, now, tz) -> None:  # type: ignore[no-untyped-def]
    _due_reminders(now, tz)
    firing = check(now, tz).firing
    assert len(firing) == 5
    racers = 4
    start = threading.Barrier(racers)
    won: list[list[tuple[str, int, str]]] = [[] for _ in range(racers)]

    def race(index: int) -> None:
        # Its own SQLite connection, as a second process has.
        with database_proxy.obj.connection_context():
            start.wait()
            won[index] = [o.key for o in claim(firing, now).won]

    threads = [threading.Thread(target=race, args=(i,)) for i in range(racers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    every_win = [key for keys in won for key in keys]
    assert sorted(every_win) == sorted(o.key for o in firing)  # each shown exactly once
    assert sum(1 for keys in won if keys) == 1  # one claim takes the batch whole


def test_a_crash_after_showing_never_shows_it_again(db, now, tz) -> None:  # type: ignore[no-untyped-def]
    _due_reminders(now, tz)
    made = claim(check(now, tz).firing, now)
    confirm_shown(made)
    later = now + CLAIM_LEASE * 10  # a restart much later
    assert check(later, tz).firing == ()
    assert claim(made.won, later).won == ()
    assert ReminderLog.select().where(ReminderLog.claimed_by.is_null(False)).count() == 0


def test_a_crash_between_claiming_and_showing_loses_nothing(db, now, tz) -> None:  # type: ignore[no-untyped-def]
    _due_reminders(now, tz)
    firing = check(now, tz).firing
    claim(firing, now)  # ... and the process dies before showing or confirming
    soon = now + timedelta(seconds=30)
    assert check(soon, tz).firing == ()  # the claimer may still be showing it: hands off
    assert claim(firing, soon).won == ()
    assert check(soon, tz).next_wake == now + CLAIM_LEASE  # looks again when the claim expires
    after_lease = now + CLAIM_LEASE + timedelta(seconds=1)
    taken_over = check(after_lease, tz).firing
    assert [o.key for o in taken_over] == [o.key for o in firing]
    retry = claim(taken_over, after_lease)
    assert [o.key for o in retry.won] == [o.key for o in firing]
    confirm_shown(retry)
    assert check(after_lease + CLAIM_LEASE * 3, tz).firing == ()  # shown once, for good


def test_a_snooze_releases_the_claim_and_the_snooze_end_claims_once(db, now, tz) -> None:  # type: ignore[no-untyped-def]
    _due_reminders(now, tz)
    first, *_ = check(now, tz).firing
    confirm_shown(claim([first], now))
    snooze(first, "15m", now, tz)
    assert claim([first], now + timedelta(minutes=10)).won == ()  # still snoozed
    end = now + timedelta(minutes=15, seconds=1)
    won = claim([first], end)
    assert won.won == (first,)
    assert claim([first], end + timedelta(seconds=1)).won == ()
    confirm_shown(won)
    assert claim([first], end + CLAIM_LEASE * 2).won == ()


def test_should_fire_takes_over_only_expired_claims(now) -> None:  # type: ignore[no-untyped-def]
    from ckbook.services.reminder_rules import Occurrence, ReminderKind

    due = Occurrence(
        ReminderKind.PROMISE_OVERDUE, 1, "2026-11-17", now - timedelta(hours=1), 1, "t", "b"
    )
    fresh = LogState(fired_at=now - timedelta(seconds=10), claimed=True)
    stale = LogState(fired_at=now - CLAIM_LEASE, claimed=True)
    shown = LogState(fired_at=now - CLAIM_LEASE * 5)
    done = LogState(fired_at=now - CLAIM_LEASE * 5, claimed=True, done_at=now)
    assert [should_fire(due, s, now) for s in (fresh, stale, shown, done)] == [
        False,
        True,
        False,
        False,
    ]
