"""Insight: kept rate by month over a year, touchpoints per month, time since last contact."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from ckbook.services.clients import client_detail
from ckbook.services.insight import (
    card_facts,
    contact_text,
    kept_rate_series,
    kept_rates_by_client,
    month_starts,
    touchpoints_by_month,
)
from ckbook.services.promises import add_promise, close_promise
from tests.factories import contact, make_client


def test_month_starts_are_the_last_twelve_local_months(now, tz):
    starts = month_starts(now, tz)
    assert len(starts) == 12
    assert (starts[0], starts[-1]) == (date(2025, 12, 1), date(2026, 11, 1))


@pytest.mark.parametrize(
    ("days", "cadence", "text"),
    [
        (12, 14, "12 days since last contact (cadence 14 days)"),
        (1, 7, "1 day since last contact (cadence 7 days)"),
        (0, 1, "Last contact today (cadence 1 day)"),
        (None, 30, "No contact logged yet (cadence 30 days)"),
        (40, None, "40 days since last contact (no check-in cadence)"),
    ],
)
def test_contact_text(days, cadence, text):
    assert contact_text(days, cadence) == text


def _closed(cid: int, status: str, at: datetime, tz) -> None:  # type: ignore[no-untyped-def]
    pid = add_promise(cid, f"{status} thing", at, tz, read_due_from_text=False).ids[0]
    close_promise(pid, status, at)


def test_kept_rate_by_month_overall_and_per_client(db, now, tz):
    ada = make_client(now, "Ada")
    bob = make_client(now, "Bob")
    this_month = now - timedelta(days=2)
    last_month = datetime(2026, 10, 15, 12, 0, tzinfo=tz)
    too_old = datetime(2025, 11, 30, 12, 0, tzinfo=tz)
    _closed(ada, "kept", this_month, tz)
    _closed(ada, "kept", this_month, tz)
    _closed(ada, "broken", last_month, tz)
    _closed(bob, "broken", this_month, tz)
    _closed(bob, "kept", too_old, tz)
    _closed(bob, "cancelled", this_month, tz)  # neither kept nor broken: not counted

    overall = kept_rate_series(now, tz)
    assert (overall.kept, overall.broken) == (2, 2)
    assert overall.rate == 0.5
    assert (overall.months[-1].kept, overall.months[-1].broken) == (2, 1)
    assert (overall.months[-2].kept, overall.months[-2].broken) == (0, 1)
    assert overall.months[0].rate is None

    ada_series = kept_rate_series(now, tz, ada)
    assert ada_series.rate == pytest.approx(2 / 3)
    assert ada_series.describe() == "67% kept (2 of 3) in 12 months"
    by_client = kept_rates_by_client(now, tz)
    assert set(by_client) == {ada, bob}
    assert by_client[bob].rate == 0.0
    assert kept_rate_series(now, tz, make_client(now, "New")).describe() == (
        "No promise kept or broken in 12 months"
    )


def test_a_promise_closed_late_on_the_last_day_of_a_month_counts_in_that_local_month(db, now, tz):
    cid = make_client(now)
    # 31 Oct 23:30 in Berlin is already... still October locally, though 22:30 UTC.
    _closed(cid, "kept", datetime(2026, 10, 31, 23, 30, tzinfo=tz), tz)
    series = kept_rate_series(now, tz, cid)
    assert series.months[-2].month == date(2026, 10, 1) and series.months[-2].kept == 1


def test_touchpoints_per_month_and_the_card_sentence(db, now, tz):
    cid = make_client(now, checkin_days=14)
    contact(cid, now, 3)
    contact(cid, now, 5)
    contact(cid, now, 40)
    contact(cid, now, 400)  # older than a year: not shown
    points = touchpoints_by_month(cid, now, tz)
    assert [p.count for p in points][-3:] == [0, 1, 2]
    assert sum(p.count for p in points) == 3
    facts = card_facts(client_detail(cid, now), now, tz)
    assert facts.contact_text == "3 days since last contact (cadence 14 days)"
    assert sum(p.count for p in facts.touchpoints) == 3


def test_a_paused_client_has_no_cadence_in_the_sentence(db, now, tz):
    cid = make_client(now, status="paused")
    facts = card_facts(client_detail(cid, now), now, tz)
    assert facts.contact_text == "No contact logged yet (no check-in cadence)"
