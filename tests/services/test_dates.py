"""One date style: relative within a week, day and month farther away (the year only when not
this year), the weekday in the long form, a time as 15:00; an open promise's past due is late."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from ckbook.services.dates import day_text, due_text, long_day, moment_text, since_text
from ckbook.services.due import Due

TZ = ZoneInfo("Europe/Berlin")
TODAY = date(2026, 11, 18)  # a Wednesday
NOW = datetime(2026, 11, 18, 10, 0, tzinfo=TZ)


@pytest.mark.parametrize(
    ("day", "short", "long"),
    [
        (date(2026, 11, 18), "today", "today"),
        (date(2026, 11, 19), "tomorrow", "tomorrow"),
        (date(2026, 11, 17), "yesterday", "yesterday"),
        (date(2026, 11, 21), "in 3 days", "in 3 days"),
        (date(2026, 11, 12), "6 days ago", "6 days ago"),
        (date(2026, 11, 25), "25 Nov", "Wed 25 Nov"),
        (date(2026, 11, 6), "6 Nov", "Fri 6 Nov"),
        (date(2025, 11, 1), "1 Nov 2025", "Sat 1 Nov 2025"),
        (date(2027, 1, 3), "3 Jan 2027", "Sun 3 Jan 2027"),
    ],
)
def test_a_day_is_relative_when_near_and_its_date_when_far(day, short, long):
    assert day_text(day, TODAY) == short
    assert day_text(day, TODAY, long=True) == long


@pytest.mark.parametrize(
    ("due", "text"),
    [
        (Due(date(2026, 11, 18)), "today"),
        (Due(date(2026, 11, 18), time(15, 0)), "today 15:00"),
        (Due(date(2026, 11, 18), time(9, 0)), "late since 09:00"),
        (Due(date(2026, 11, 19), time(9, 0)), "tomorrow 09:00"),
        (Due(date(2026, 11, 20)), "in 2 days"),
        (Due(date(2026, 11, 21), time(17, 30)), "in 3 days, 17:30"),
        (Due(date(2026, 11, 17)), "1 day late"),
        (Due(date(2026, 11, 15), time(12, 0)), "3 days late"),
        (Due(date(2024, 1, 28)), "late since 28 Jan 2024"),
        (Due(date(2026, 11, 12)), "6 days late"),
        (Due(date(2026, 11, 11)), "late since 11 Nov"),
        (Due(date(2026, 11, 30), time(17, 30)), "30 Nov 17:30"),
        (Due(date(2027, 2, 1)), "1 Feb 2027"),
    ],
)
def test_an_open_promises_due_reads_as_when_or_how_late(due, text):
    assert due_text(due, NOW, TZ) == text


def test_instants_are_shown_in_local_time_by_the_local_day():
    late_evening_utc = datetime(2026, 11, 17, 23, 30, tzinfo=ZoneInfo("UTC"))  # 00:30 in Berlin
    assert since_text(late_evening_utc, NOW, TZ) == "today"
    assert moment_text(late_evening_utc, NOW, TZ) == "today 00:30"
    older = datetime(2025, 3, 2, 8, 5, tzinfo=TZ)
    assert moment_text(older, NOW, TZ, long=True) == "Sun 2 Mar 2025 08:05"
    assert long_day(date(2026, 12, 24), TODAY) == "Thu 24 Dec"


def test_a_narrow_column_shows_a_long_late_due_as_its_day():
    assert due_text(Due(date(2026, 5, 3)), NOW, TZ, compact=True) == "3 May"
    assert due_text(Due(date(2026, 11, 18), time(9, 0)), NOW, TZ, compact=True) == "today 09:00"
    assert due_text(Due(date(2026, 11, 16)), NOW, TZ, compact=True) == "2 days late"


def test_a_moment_is_relative_only_for_today_yesterday_and_tomorrow():
    assert moment_text(datetime(2026, 11, 17, 18, 0, tzinfo=TZ), NOW, TZ) == "yesterday 18:00"
    assert moment_text(datetime(2026, 11, 16, 18, 0, tzinfo=TZ), NOW, TZ, long=True) == (
        "Mon 16 Nov 18:00"
    )


def test_overdue_since_is_near_words_or_the_long_day():
    from ckbook.services.dates import overdue_since

    assert overdue_since(date(2026, 11, 15), TODAY) == "due 3 days ago"
    assert overdue_since(date(2026, 2, 18), TODAY) == "due since Wed 18 Feb"
