"""Recurring promises: the reader turns "every Monday at 10" into an RRULE and its first
occurrence; keeping an occurrence records it and moves the promise to the next; each occurrence
reminds once; the iCalendar export carries the rule."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from icalendar import Calendar

from ckbook.interop.transfer import export_file
from ckbook.services.base import InputError
from ckbook.services.clients import client_detail
from ckbook.services.due import Due
from ckbook.services.due_phrases import read_due
from ckbook.services.promises import add_promise, close_promise, get_promise, promises_for_client
from ckbook.services.recurrence import check_rule, describe, next_occurrence
from ckbook.services.reminder_rules import ReminderKind
from ckbook.services.reminders import check, mark_fired
from tests.conftest import NOW, TZ
from tests.factories import make_client

# (line, first occurrence, rule, the occurrence after it, the rule in words); now is Wednesday
# 18 November 2026, 10:00 in Berlin.
RECURRING = [
    ("check in every Monday at 10", "2026-11-23T10:00", "FREQ=WEEKLY;BYDAY=MO",
     "2026-11-30T10:00", "every Monday"),
    ("call every other Friday", "2026-11-20", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "2026-12-04",
     "every other Friday"),
    ("report monthly on the 1st", "2026-12-01", "FREQ=MONTHLY;BYMONTHDAY=1", "2027-01-01",
     "every month on the 1st"),
    ("review each quarter", "2026-12-31", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1",
     "2027-03-31", "every quarter (on its last day)"),
    ("standup notes every weekday until the launch", "2026-11-18",
     "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-11-19", "every weekday"),
    ("send stats every Monday and Thursday", "2026-11-19", "FREQ=WEEKLY;BYDAY=MO,TH",
     "2026-11-23", "every Monday and Thursday"),
    ("call every day at 9", "2026-11-19T09:00", "FREQ=DAILY", "2026-11-20T09:00", "every day"),
    ("invoice every month", "2026-12-18", "FREQ=MONTHLY;BYMONTHDAY=18", "2027-01-18",
     "every month on the 18th"),
    ("call weekly", "2026-11-25", "FREQ=WEEKLY;BYDAY=WE", "2026-12-02", "every Wednesday"),
    ("pay rent monthly on the 31st", "2026-12-31", "FREQ=MONTHLY;BYMONTHDAY=31", "2027-01-31",
     "every month on the 31st"),
    ("every weekday until 4 December", "2026-11-18",
     "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20261204T235959", "2026-11-19",
     "every weekday until 2026-12-04"),
]  # fmt: skip


@pytest.mark.parametrize(("line", "first", "rule", "after", "words"), RECURRING)
def test_a_repeating_line_reads_as_a_rule_and_its_first_occurrence(
    line: str, first: str, rule: str, after: str, words: str
) -> None:
    reading = read_due(line, NOW, TZ)
    assert reading.recurrence == rule
    assert reading.due == Due.from_iso(first)
    assert next_occurrence(rule, reading.due) == Due.from_iso(after)
    assert describe(rule) == words
    assert check_rule(rule) == rule


@pytest.mark.parametrize(
    "line", ["every time we talk", "each of them", "call Monday", "the weekly report is late"]
)
def test_ordinary_words_are_not_a_rule(line: str) -> None:
    assert read_due(line, NOW, TZ).recurrence is None


def test_a_series_with_an_end_stops() -> None:
    rule = "FREQ=WEEKLY;BYDAY=FR;UNTIL=20261127T235959"
    assert next_occurrence(rule, Due(date(2026, 11, 20))) == Due(date(2026, 11, 27))
    assert next_occurrence(rule, Due(date(2026, 11, 27))) is None


@pytest.mark.parametrize(
    "rule", ["", "weekly", "DTSTART=20260101;FREQ=DAILY", "FREQ=HOURLY;BYDAY=XX"]
)
def test_a_bad_rule_is_refused_by_name(db, now, tz, rule: str) -> None:
    client = make_client(now, "Ada Lovelace")
    with pytest.raises(InputError, match="repeat rule"):
        add_promise(client, "call", now, tz, due=Due(date(2026, 11, 23)), recurrence=rule)


def test_keeping_an_occurrence_records_it_and_moves_to_the_next(db, now, tz) -> None:
    client = make_client(now, "Ada Lovelace")
    pid = add_promise(client, "check in every Monday at 10", now, tz).ids[0]
    promise = get_promise(pid)
    assert (promise.due, promise.recurrence) == (
        Due(date(2026, 11, 23), time(10, 0)),
        "FREQ=WEEKLY;BYDAY=MO",
    )
    changed = close_promise(pid, "kept", now + timedelta(days=5))
    moved = get_promise(pid)
    assert moved.status == "open" and moved.due == Due(date(2026, 11, 30), time(10, 0))
    (record,) = [p for p in promises_for_client(client) if p.id != pid]
    assert record.id in changed.ids
    assert (record.status, record.due, record.recurrence) == (
        "kept",
        Due(date(2026, 11, 23), time(10, 0)),
        None,
    )
    detail = client_detail(client, now + timedelta(days=5))
    assert (detail.kept_rate, detail.open_promises) == (1.0, 1)  # the kept occurrence counts
    close_promise(pid, "broken", now + timedelta(days=12))
    assert client_detail(client, now + timedelta(days=12)).kept_rate == 0.5
    assert get_promise(pid).due == Due(date(2026, 12, 7), time(10, 0))
    close_promise(pid, "cancelled", now + timedelta(days=13))  # cancelling ends the series
    assert get_promise(pid).status == "cancelled"


def test_a_recurring_promise_reminds_on_two_consecutive_occurrences(db, now, tz) -> None:
    client = make_client(now, "Ada Lovelace")
    pid = add_promise(client, "check in every Monday at 10", now, tz).ids[0]

    def coming_due(at: datetime) -> list[int]:
        result = check(at, tz)
        mark_fired(result.firing, at)
        return [o.subject_id for o in result.firing if o.kind is ReminderKind.PROMISE_COMING_DUE]

    monday = datetime(2026, 11, 23, 9, 0, tzinfo=TZ)  # an hour before (the default)
    assert coming_due(monday - timedelta(minutes=1)) == []
    assert coming_due(monday) == [pid]
    assert coming_due(monday + timedelta(minutes=5)) == []  # once per occurrence
    close_promise(pid, "kept", monday + timedelta(hours=1, minutes=5))
    next_monday = monday + timedelta(days=7)
    assert coming_due(next_monday - timedelta(minutes=1)) == []
    assert coming_due(next_monday) == [pid]
    assert coming_due(next_monday + timedelta(minutes=5)) == []


def test_the_calendar_export_writes_the_rule(db, now, tz, tmp_path) -> None:
    client = make_client(now, "Ada Lovelace")
    add_promise(client, "check in every Monday at 10", now, tz)
    path = tmp_path / "todo.ics"
    export_file("ics", path, now, tz, remind_before_minutes=15)
    todos = Calendar.from_ical(path.read_bytes()).walk("VTODO")
    (todo,) = [t for t in todos if str(t["uid"]).startswith("promise-")]
    assert todo["RRULE"].to_ical() == b"FREQ=WEEKLY;BYDAY=MO"
    assert todo.decoded("DTSTART") == datetime(2026, 11, 23, 10, 0, tzinfo=TZ)
