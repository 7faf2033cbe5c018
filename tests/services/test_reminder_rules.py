"""Reminder rules, table-driven: which reminders exist, when each fires (once), snooze, done,
missed-while-closed, clock jumps and daylight-saving days. No database, no clock, no Qt."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from ckbook.services.due import Due
from ckbook.services.reminder_rules import (
    LogState,
    Occurrence,
    QuietHours,
    ReminderKind,
    checkin_occurrence,
    due_now,
    missed_summary,
    next_wake,
    parse_key_text,
    promise_occurrences,
    promise_reminder_time,
    quiet_until,
    request_occurrence,
    should_fire,
    snooze_until,
    summarise,
)

BERLIN = ZoneInfo("Europe/Berlin")
Log = dict[tuple[str, int, str], LogState]


def berlin(*args: int) -> datetime:
    return datetime(*args, tzinfo=BERLIN).astimezone(UTC)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def promise(
    due: Due, pid: int = 1, remind: int | None = None, default: int = 60
) -> list[Occurrence]:
    return promise_occurrences(pid, 7, "Ada", "send the deck", due, remind, BERLIN, default)


def checks(occurrences: Iterable[Occurrence], log: Log, nows: Iterable[datetime]) -> list:
    """Run the engine's loop by hand: at each instant, what fires; record it as fired."""
    occurrences = list(occurrences)
    shown = []
    for now in nows:
        firing = due_now(occurrences, log, now)
        for o in firing:
            old = log.get(o.key, LogState())
            log[o.key] = LogState(now, old.snoozed_until, old.done_at)
        shown.append([(o.kind, o.subject_id) for o in firing])
    return shown


def fired(shown: list) -> list:
    return [item for batch in shown for item in batch]


# --- when a promise reminds -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("due", "remind", "default", "expected"),
    [
        # timed due: the default remind-before (1 hour) ...
        (Due(date(2026, 11, 20), time(15)), None, 60, berlin(2026, 11, 20, 14)),
        # ... or the default from settings ...
        (Due(date(2026, 11, 20), time(15)), None, 30, berlin(2026, 11, 20, 14, 30)),
        # ... or the promise's own, which wins; 0 reminds at the due itself
        (Due(date(2026, 11, 20), time(15)), 15, 60, berlin(2026, 11, 20, 14, 45)),
        (Due(date(2026, 11, 20), time(15)), 0, 60, berlin(2026, 11, 20, 15)),
        (Due(date(2026, 11, 20), time(15)), 24 * 60, 60, berlin(2026, 11, 19, 15)),
        # date-only due: 09:00 on its day, whatever the default
        (Due(date(2026, 11, 20)), None, 60, berlin(2026, 11, 20, 9)),
        (Due(date(2026, 11, 20)), None, 5, berlin(2026, 11, 20, 9)),
        # date-only with its own remind-before: counted back from the end of the day
        (Due(date(2026, 11, 20)), 120, 60, berlin(2026, 11, 20, 22)),
        # daylight saving starts 29 Mar 2026 02:00 -> 03:00: two real hours before 03:30 CEST
        (Due(date(2026, 3, 29), time(3, 30)), 120, 60, utc(2026, 3, 28, 23, 30)),
        (Due(date(2026, 3, 29)), None, 60, utc(2026, 3, 29, 7)),  # 09:00 CEST
        # daylight saving ends 25 Oct 2026 03:00 -> 02:00
        (Due(date(2026, 10, 25)), None, 60, utc(2026, 10, 25, 8)),  # 09:00 CET
        (Due(date(2026, 10, 25), time(4)), 180, 60, utc(2026, 10, 25, 0)),  # 02:00 CEST
    ],
)
def test_promise_reminder_time(due, remind, default, expected):
    assert promise_reminder_time(due, remind, BERLIN, default) == expected


def test_each_kind_of_reminder_has_a_stable_key_and_says_what_it_is_about():
    due = Due(date(2026, 11, 20), time(15))
    coming, overdue = promise(due)
    checkin = checkin_occurrence(7, "Ada", berlin(2026, 11, 10), berlin(2026, 10, 27, 9))
    request = request_occurrence(3, 7, "Ada", "invoice question", berlin(2026, 11, 19, 10))
    table = [
        (coming, ReminderKind.PROMISE_COMING_DUE, berlin(2026, 11, 20, 14), "Ada: send the deck"),
        (overdue, ReminderKind.PROMISE_OVERDUE, berlin(2026, 11, 20, 15), "Ada: send the deck"),
        (checkin, ReminderKind.CHECKIN_OVERDUE, berlin(2026, 11, 10), "Ada has not heard"),
        (request, ReminderKind.REQUEST_OVERDUE, berlin(2026, 11, 19, 10), "Ada: invoice"),
    ]
    for occurrence, kind, due_at, body in table:
        assert occurrence.kind is kind
        assert occurrence.due_at == due_at
        assert occurrence.body.startswith(body)
        assert occurrence.client_id == 7
        assert parse_key_text(occurrence.key_text) == occurrence.key
    # the same facts give the same keys (so the log recognises them after a restart) ...
    assert [o.key for o in promise(due)] == [coming.key, overdue.key]
    # ... and a moved due gives fresh reminders
    moved = promise(Due(date(2026, 11, 21), time(15)))
    assert {o.key for o in moved}.isdisjoint({coming.key, overdue.key})
    assert promise_occurrences(1, 7, "Ada", "x", None, None, BERLIN) == []


@pytest.mark.parametrize("text", ["", "nonsense", "promise-overdue|x|y", "bogus|1|x"])
def test_parse_key_text_refuses_what_is_not_a_key(text):
    with pytest.raises(ValueError):
        parse_key_text(text)


# --- should it fire ---------------------------------------------------------------------------

T = berlin(2026, 11, 18, 10)
OCC = promise(Due(date(2026, 11, 18), time(11)))[0]  # reminds at 10:00


@pytest.mark.parametrize(
    ("state", "now", "expected"),
    [
        (None, T - timedelta(seconds=1), False),  # not yet
        (None, T, True),  # due this instant
        (None, T + timedelta(days=3), True),  # late is still shown (missed while closed)
        (LogState(fired_at=T), T + timedelta(minutes=1), False),  # once only
        (LogState(fired_at=T), T - timedelta(hours=2), False),  # clock went back
        (LogState(T, snoozed_until=T + timedelta(hours=1)), T + timedelta(minutes=59), False),
        (LogState(T, snoozed_until=T + timedelta(hours=1)), T + timedelta(hours=1), True),
        # fired again after the snooze ended: once only again
        (
            LogState(T + timedelta(hours=1), snoozed_until=T + timedelta(hours=1)),
            T + timedelta(hours=2),
            False,
        ),
        (LogState(T, done_at=T), T + timedelta(days=1), False),  # done
        (LogState(T, T + timedelta(hours=1), T), T + timedelta(hours=2), False),  # done wins
    ],
)
def test_should_fire(state, now, expected):
    assert should_fire(OCC, state, now) is expected


# --- timelines --------------------------------------------------------------------------------


def minutes(start: datetime, end: datetime, step: int = 1) -> list[datetime]:
    out, t = [], start
    while t <= end:
        out.append(t)
        t += timedelta(minutes=step)
    return out


def test_each_occurrence_fires_once_checked_every_minute_and_after_a_restart():
    occ = promise(Due(date(2026, 11, 18), time(11)))
    log: Log = {}
    shown = checks(occ, log, minutes(berlin(2026, 11, 18, 9, 50), berlin(2026, 11, 18, 12)))
    assert fired(shown) == [
        (ReminderKind.PROMISE_COMING_DUE, 1),
        (ReminderKind.PROMISE_OVERDUE, 1),
    ]
    # coming due fired exactly at 10:00, overdue at 11:00
    assert shown[10] == [(ReminderKind.PROMISE_COMING_DUE, 1)]
    assert shown[70] == [(ReminderKind.PROMISE_OVERDUE, 1)]
    # a restart reads the same log: nothing again
    assert fired(checks(occ, log, [berlin(2026, 11, 18, 12, 5)])) == []


def test_snooze_moves_the_reminder_to_an_absolute_time_and_it_fires_once_more():
    occ = promise(Due(date(2026, 11, 18), time(15)))
    log: Log = {}
    assert fired(checks(occ, log, [T + timedelta(hours=4)])) == [
        (ReminderKind.PROMISE_COMING_DUE, 1)
    ]
    now = T + timedelta(hours=4)
    until = snooze_until("15m", now, BERLIN)
    log[occ[0].key] = LogState(now, until)
    shown = checks(occ, log, minutes(now, now + timedelta(minutes=30)))
    assert fired(shown) == [(ReminderKind.PROMISE_COMING_DUE, 1)]
    assert shown[15] == [(ReminderKind.PROMISE_COMING_DUE, 1)]


def test_a_coming_due_snoozed_past_the_due_gives_way_to_the_overdue_reminder():
    occ = promise(Due(date(2026, 11, 18), time(11)))
    log: Log = {}
    checks(occ, log, [T])
    log[occ[0].key] = LogState(T, snooze_until("1h", T + timedelta(minutes=30), BERLIN))
    shown = checks(occ, log, minutes(T, T + timedelta(hours=3), 5))
    assert fired(shown) == [(ReminderKind.PROMISE_OVERDUE, 1)]


def test_done_stops_it_for_good():
    occ = promise(Due(date(2026, 11, 18), time(11)))
    log: Log = {occ[0].key: LogState(T, T + timedelta(minutes=15), T)}
    shown = checks(occ[:1], log, minutes(T, T + timedelta(hours=2), 5))
    assert fired(shown) == []


def test_missed_while_closed_comes_back_in_one_batch_once():
    occurrences = [
        *promise(Due(date(2026, 11, 16)), pid=1),  # came due and turned overdue while closed
        *promise(Due(date(2026, 11, 17), time(16)), pid=2),
        *promise(Due(date(2026, 11, 18), time(10, 30)), pid=3),  # coming due, not yet due
        *promise(Due(date(2026, 11, 25)), pid=4),  # nowhere near
        checkin_occurrence(7, "Ada", berlin(2026, 11, 17), berlin(2026, 11, 3)),
        request_occurrence(3, 8, "Bo", "quote?", berlin(2026, 11, 18, 9)),
    ]
    log: Log = {}
    # the app was last running on the 15th; it starts on the 18th at 10:00
    checks(occurrences, log, [berlin(2026, 11, 15, 18)])
    start = berlin(2026, 11, 18, 10)
    batch = due_now(occurrences, log, start)
    # overdue promises show once each (not also as "coming due")
    assert [(o.kind, o.subject_id) for o in batch] == [
        (ReminderKind.CHECKIN_OVERDUE, 7),
        (ReminderKind.PROMISE_OVERDUE, 1),
        (ReminderKind.PROMISE_OVERDUE, 2),
        (ReminderKind.REQUEST_OVERDUE, 3),
        (ReminderKind.PROMISE_COMING_DUE, 3),
    ]
    assert missed_summary(batch) == (
        "While you were away: 3 promises came due, 1 client is overdue for a check-in, "
        "1 message awaits your reply"
    )
    checks(occurrences, log, [start])
    # nothing repeats afterwards; the next thing is promise 3 turning overdue at 10:30
    assert fired(checks(occurrences, log, minutes(start, start + timedelta(minutes=29)))) == []
    assert next_wake(occurrences, log, start) == berlin(2026, 11, 18, 10, 30)


def test_clock_jump_forward_fires_everything_passed_once_and_drops_stale_coming_due():
    occurrences = [
        *promise(Due(date(2026, 11, 18), time(11)), pid=1),
        *promise(Due(date(2026, 11, 18), time(12)), pid=2),
        *promise(Due(date(2026, 11, 18), time(15, 30)), pid=3),
    ]
    log: Log = {}
    shown = checks(
        occurrences,
        log,
        [T - timedelta(minutes=1), T + timedelta(hours=5), T + timedelta(hours=5, minutes=1)],
    )
    assert shown[0] == []
    assert sorted(shown[1]) == sorted(
        [
            (ReminderKind.PROMISE_OVERDUE, 1),
            (ReminderKind.PROMISE_OVERDUE, 2),
            (ReminderKind.PROMISE_COMING_DUE, 3),
        ]
    )
    assert shown[2] == []
    # a stale "coming due" never shows later either; only promise 3 turning overdue at 15:30
    later = minutes(T + timedelta(hours=5), T + timedelta(hours=7), 10)
    assert fired(checks(occurrences, log, later)) == [(ReminderKind.PROMISE_OVERDUE, 3)]


def test_clock_jump_back_neither_repeats_nor_loses_a_reminder():
    occurrences = [
        *promise(Due(date(2026, 11, 18), time(11)), pid=1),  # reminds 10:00, overdue 11:00
    ]
    log: Log = {}
    # 10:00 fires; the clock is then set back two hours and runs on to 11:30
    nows = [
        T,
        T - timedelta(hours=2),
        *minutes(T - timedelta(hours=2), T + timedelta(minutes=90), 5),
    ]
    shown = checks(occurrences, log, nows)
    assert fired(shown) == [
        (ReminderKind.PROMISE_COMING_DUE, 1),
        (ReminderKind.PROMISE_OVERDUE, 1),
    ]


@pytest.mark.parametrize(
    ("due", "expected_utc"),
    [
        # spring forward 29 Mar 2026: 02:00 becomes 03:00 Berlin
        (Due(date(2026, 3, 29), time(3, 30)), utc(2026, 3, 29, 0, 30)),  # 1 h before 03:30 CEST
        (Due(date(2026, 3, 29), time(2, 30)), utc(2026, 3, 29, 0, 30)),  # 02:30 does not exist
        # fall back 25 Oct 2026: 03:00 becomes 02:00 Berlin; 02:30 happens twice, first one counts
        (Due(date(2026, 10, 25), time(2, 30)), utc(2026, 10, 24, 23, 30)),
        (Due(date(2026, 10, 25), time(4)), utc(2026, 10, 25, 2)),
    ],
)
def test_daylight_saving_night_fires_once_at_the_right_instant(due, expected_utc):
    occ = promise(due)[:1]
    log: Log = {}
    start = berlin(2026, 3, 28, 22) if due.date.month == 3 else berlin(2026, 10, 24, 22)
    nows = minutes(start, start + timedelta(hours=8), 1)
    shown = checks(occ, log, nows)
    assert fired(shown) == [(ReminderKind.PROMISE_COMING_DUE, 1)]
    assert nows[next(i for i, b in enumerate(shown) if b)] == expected_utc


# --- when to wake next ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "now", "expected"),
    [
        (None, T - timedelta(hours=1), T),  # the reminder time
        (None, T, T + timedelta(hours=1)),  # then the overdue reminder
        (
            LogState(T),
            T - timedelta(hours=1),
            T + timedelta(hours=1),
        ),  # fired: no repeat after a jump back
        (LogState(T, T + timedelta(minutes=15)), T, T + timedelta(minutes=15)),  # end of snooze
        (LogState(T, T + timedelta(minutes=15), T), T, T + timedelta(hours=1)),  # done
    ],
)
def test_next_wake(state, now, expected):
    coming, overdue = promise(Due(date(2026, 11, 18), time(11)))
    log = {} if state is None else {coming.key: state}
    assert next_wake([coming, overdue], log, now) == expected


def test_next_wake_is_none_when_nothing_is_ahead():
    occ = promise(Due(date(2026, 11, 1)))
    log = {o.key: LogState(T) for o in occ}
    assert next_wake(occ, log, T) is None
    assert next_wake([], {}, T) is None


# --- snooze ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("choice", "now", "expected"),
    [
        ("15m", T, T + timedelta(minutes=15)),
        ("1h", T, T + timedelta(hours=1)),
        ("tomorrow", T, berlin(2026, 11, 19, 9)),
        ("tomorrow", berlin(2026, 11, 18, 23, 50), berlin(2026, 11, 19, 9)),
        ("tomorrow", berlin(2026, 11, 19, 0, 10), berlin(2026, 11, 20, 9)),
        # across daylight saving, tomorrow 09:00 is still 09:00 on the wall clock
        ("tomorrow", berlin(2026, 3, 28, 20), utc(2026, 3, 29, 7)),
        ("tomorrow", berlin(2026, 10, 24, 20), utc(2026, 10, 25, 8)),
        # 1 h is one real hour, also through the night the clocks go back
        ("1h", utc(2026, 10, 25, 0, 30), utc(2026, 10, 25, 1, 30)),
    ],
)
def test_snooze_until(choice, now, expected):
    assert snooze_until(choice, now, BERLIN) == expected


def test_snooze_refuses_an_unknown_choice():
    with pytest.raises(ValueError, match="unknown snooze"):
        snooze_until("forever", T, BERLIN)


# --- quiet hours -------------------------------------------------------------------------------

NIGHT = QuietHours(time(22), time(7))
LUNCH = QuietHours(time(12), time(13, 30))


@pytest.mark.parametrize(
    ("quiet", "now", "expected"),
    [
        (None, berlin(2026, 11, 18, 23), None),  # off by default
        (QuietHours(time(9), time(9)), berlin(2026, 11, 18, 9), None),  # empty span = off
        (NIGHT, berlin(2026, 11, 18, 21, 59), None),
        (NIGHT, berlin(2026, 11, 18, 22), berlin(2026, 11, 19, 7)),
        (NIGHT, berlin(2026, 11, 18, 23, 30), berlin(2026, 11, 19, 7)),
        (NIGHT, berlin(2026, 11, 19, 3), berlin(2026, 11, 19, 7)),
        (NIGHT, berlin(2026, 11, 19, 7), None),
        (LUNCH, berlin(2026, 11, 18, 11, 59), None),
        (LUNCH, berlin(2026, 11, 18, 12, 15), berlin(2026, 11, 18, 13, 30)),
        (LUNCH, berlin(2026, 11, 18, 13, 30), None),
        # the nights the clocks change: quiet hours still end at 07:00 on the wall clock
        (NIGHT, berlin(2026, 3, 28, 23), utc(2026, 3, 29, 5)),
        (NIGHT, berlin(2026, 10, 24, 23), utc(2026, 10, 25, 6)),
    ],
)
def test_quiet_until(quiet, now, expected):
    assert quiet_until(now, BERLIN, quiet) == expected


# --- what the batch says -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("occurrences", "expected"),
    [
        ([], ""),
        (promise(Due(date(2026, 11, 1))), "1 promise came due"),  # both of one promise: one
        (
            [*promise(Due(date(2026, 11, 1)), pid=1), *promise(Due(date(2026, 11, 2)), pid=2)],
            "2 promises came due",
        ),
        (
            [
                checkin_occurrence(1, "A", T, T),
                checkin_occurrence(2, "B", T, T),
                request_occurrence(1, 1, "A", "x", T),
                request_occurrence(2, 1, "A", "y", T),
            ],
            "2 clients are overdue for a check-in, 2 messages await your reply",
        ),
    ],
)
def test_summarise(occurrences, expected):
    assert summarise(occurrences) == expected


def test_a_checkin_never_logged_names_the_client_since_date_with_the_same_key():
    logged = checkin_occurrence(7, "Ada", berlin(2026, 11, 10), berlin(2026, 10, 27, 9))
    never = checkin_occurrence(
        7, "Ada", berlin(2026, 11, 10), berlin(2026, 10, 27, 9), contact_logged=False
    )
    assert never.body == "Ada: no contact logged since they became a client on 27 Oct 2026"
    assert never.key == logged.key  # the same occurrence: a fired reminder stays fired
