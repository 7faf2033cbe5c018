"""The pure domain rules, table-driven: no database, no clock, no Qt."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from ckbook.services.due import Due
from ckbook.services.rules import (
    Health,
    PromiseState,
    checkin_status,
    format_rate,
    kept_rate,
    promise_state,
    request_overdue,
)

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def local(*args: int, tz=BERLIN) -> datetime:
    return datetime(*args, tzinfo=tz)


@pytest.mark.parametrize(
    ("status", "due", "now", "expected"),
    [
        ("open", None, local(2026, 11, 18, 10), PromiseState.NO_DUE),
        ("open", Due(date(2026, 11, 20)), local(2026, 11, 18, 10), PromiseState.UPCOMING),
        ("open", Due(date(2026, 11, 18)), local(2026, 11, 18, 10), PromiseState.DUE_TODAY),
        # A date-only due is due at the end of its day: still due today at 23:59 ...
        ("open", Due(date(2026, 11, 18)), local(2026, 11, 18, 23, 59), PromiseState.DUE_TODAY),
        # ... and overdue from the next day on.
        ("open", Due(date(2026, 11, 18)), local(2026, 11, 19, 0, 0), PromiseState.OVERDUE),
        (
            "open",
            Due(date(2026, 11, 18), time(15)),
            local(2026, 11, 18, 14, 59),
            PromiseState.DUE_TODAY,
        ),
        (
            "open",
            Due(date(2026, 11, 18), time(15)),
            local(2026, 11, 18, 15, 0),
            PromiseState.OVERDUE,
        ),
        ("open", Due(date(2026, 11, 17), time(9)), local(2026, 11, 18, 8), PromiseState.OVERDUE),
        ("kept", Due(date(2026, 11, 1)), local(2026, 11, 18, 10), PromiseState.CLOSED),
        ("broken", None, local(2026, 11, 18, 10), PromiseState.CLOSED),
        ("renegotiated", Due(date(2026, 11, 1)), local(2026, 11, 18), PromiseState.CLOSED),
        ("cancelled", Due(date(2026, 11, 1)), local(2026, 11, 18), PromiseState.CLOSED),
    ],
)
def test_promise_state(status, due, now, expected):
    assert promise_state(status, due, now.astimezone(UTC), BERLIN) is expected


@pytest.mark.parametrize(
    ("due", "tz", "deadline_utc"),
    [
        # Date-only: the next local midnight.
        (Due(date(2026, 11, 18)), BERLIN, datetime(2026, 11, 18, 23, 0, tzinfo=UTC)),
        # Spring forward in Berlin (29 March 2026 is 23 hours long): midnight is still midnight.
        (Due(date(2026, 3, 28)), BERLIN, datetime(2026, 3, 28, 23, 0, tzinfo=UTC)),
        (Due(date(2026, 3, 29)), BERLIN, datetime(2026, 3, 29, 22, 0, tzinfo=UTC)),
        # Fall back in New York (1 November 2026): 15:00 local is 20:00 UTC after the change.
        (Due(date(2026, 11, 1), time(15)), NEW_YORK, datetime(2026, 11, 1, 20, 0, tzinfo=UTC)),
        (Due(date(2026, 10, 31), time(15)), NEW_YORK, datetime(2026, 10, 31, 19, 0, tzinfo=UTC)),
    ],
)
def test_due_deadline_across_daylight_saving(due, tz, deadline_utc):
    assert due.deadline(tz) == deadline_utc


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-20", Due(date(2026, 11, 20))),
        ("2026-11-20T15:00", Due(date(2026, 11, 20), time(15))),
        ("2026-11-20 07:30", Due(date(2026, 11, 20), time(7, 30))),
    ],
)
def test_due_from_iso(text, expected):
    assert Due.from_iso(text) == expected
    assert Due.from_iso(expected.to_json()) == expected


@pytest.mark.parametrize("text", ["", "tomorrow", "2026-13-01", "2026-11-20T15:00+01:00"])
def test_due_from_iso_rejects_with_the_value_named(text):
    with pytest.raises(ValueError, match="not an ISO"):
        Due.from_iso(text)


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([], None),
        (["open", "cancelled", "renegotiated"], None),
        (["kept"], 1.0),
        (["broken"], 0.0),
        (["kept", "kept", "kept", "broken"], 0.75),
        (["kept", "broken", "open", "cancelled", "renegotiated"], 0.5),
    ],
)
def test_kept_rate_counts_only_kept_and_broken(statuses, expected):
    assert kept_rate(statuses) == expected


def test_format_rate():
    assert format_rate(None) == "—"
    assert format_rate(2 / 3) == "67%"


NOW = datetime(2026, 11, 18, 9, 0, tzinfo=UTC)
SINCE = NOW - timedelta(days=400)


@pytest.mark.parametrize(
    ("status", "cadence", "days_ago", "expected"),
    [
        ("active", 14, 0, Health.GREEN),
        ("active", 14, 13.9, Health.GREEN),
        ("active", 14, 14, Health.YELLOW),  # the cadence has run out: time to check in
        ("active", 14, 20.9, Health.YELLOW),
        ("active", 14, 21, Health.RED),  # 1.5 x the cadence: the client may feel forgotten
        ("lead", 7, 30, Health.RED),
        ("paused", 7, 300, Health.NONE),  # paused and former clients expect no check-ins
        ("former", 7, 300, Health.NONE),
    ],
)
def test_checkin_health_by_how_far_past_cadence(status, cadence, days_ago, expected):
    last = NOW - timedelta(days=days_ago)
    result = checkin_status(status, cadence, last, SINCE, NOW)
    assert result.health is expected
    assert result.overdue is (expected in (Health.YELLOW, Health.RED))


def test_a_client_never_contacted_counts_from_client_since():
    since = NOW - timedelta(days=3)
    assert checkin_status("active", 7, None, since, NOW).health is Health.GREEN
    since = NOW - timedelta(days=30)
    result = checkin_status("active", 7, None, since, NOW)
    assert result.health is Health.RED
    assert result.due_at == since + timedelta(days=7)
    assert result.days_since == 30


@pytest.mark.parametrize(
    ("hours_ago", "acknowledged", "answered", "response_hours", "expected"),
    [
        (1, False, False, 4, False),
        (4, False, False, 4, True),  # exactly the expected response time: overdue
        (30, False, False, 24, True),
        (30, True, False, 24, False),  # acknowledged in time: not overdue while we work on it
        (30, False, True, 24, False),
        (47, False, False, 48, False),
    ],
)
def test_request_overdue_after_expected_response_time(
    hours_ago, acknowledged, answered, response_hours, expected
):
    received = NOW - timedelta(hours=hours_ago)
    ack = NOW if acknowledged else None
    ans = NOW if answered else None
    assert request_overdue(received, ack, ans, response_hours, NOW) is expected
