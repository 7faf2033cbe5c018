"""A reminder snoozed from Today leaves Today and the tray's report (``ckbook due``) alike, until
the snooze ends: one rule for both."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from ckbook.services.agenda import due_report
from ckbook.services.care import add_request
from ckbook.services.due import Due
from ckbook.services.promises import add_promise
from ckbook.services.reminders import snooze
from ckbook.services.today import Section, reminder_for, today_report
from tests.factories import contact, make_client


def _tray_items(report) -> set[tuple[str, int]]:  # type: ignore[no-untyped-def]
    return (
        {("overdue", p.subject_id) for p in report.overdue}
        | {("due_today", p.subject_id) for p in report.due_today}
        | {("checkin", c.client_id) for c in report.checkins}
        | {("request", r.subject_id) for r in report.requests}
    )


@pytest.fixture
def notebook_items(db, now, tz) -> dict[Section, int]:  # type: ignore[no-untyped-def]
    ada = make_client(now, "Ada Lovelace", checkin_days=14)
    contact(ada, now, days_ago=1)
    late = make_client(now, "Bo Late", checkin_days=7)
    contact(late, now, days_ago=9)
    return {
        Section.OVERDUE: add_promise(ada, "send deck", now, tz, due=Due(date(2026, 11, 17))).ids[0],
        Section.DUE_TODAY: add_promise(
            ada, "call back", now, tz, due=Due(date(2026, 11, 18), time(16))
        ).ids[0],
        Section.CHECKINS: late,
        Section.REQUESTS: add_request(
            ada, "quote?", now, received_at=now - timedelta(hours=30)
        ).ids[0],
    }


KIND = {
    Section.OVERDUE: "overdue",
    Section.DUE_TODAY: "due_today",
    Section.CHECKINS: "checkin",
    Section.REQUESTS: "request",
}


@pytest.mark.parametrize("section", list(KIND))
def test_snoozed_from_today_is_left_out_of_the_tray_until_the_snooze_ends(
    notebook_items, now, tz, section
):
    item = (KIND[section], notebook_items[section])
    before = due_report(now, tz)
    assert item in _tray_items(before)
    (row,) = [r for r in today_report(now, tz).rows(section) if r.subject_id == item[1]]
    reminder = reminder_for(row, tz)
    assert reminder is not None
    snooze(reminder, "1h", now, tz)

    report = due_report(now, tz)
    assert item not in _tray_items(report)
    assert report.attention_count == before.attention_count - 1
    assert report.snoozed == today_report(now, tz).snoozed == 1

    later = now + timedelta(hours=1, minutes=1)
    assert item in _tray_items(due_report(later, tz))
    assert due_report(later, tz).snoozed == 0
