"""A notebook poisoned by an earlier release (values out of range, written before the limits
existed) still lists clients, reports dues and fires every other reminder.

The rows are written with raw SQL, as the reviewer's /tmp/rv/poisoned.sqlite3 and ovf.sqlite3
held them: a check-in cadence and a response time of 2**63-1, promises due 9999-12-31,
0001-01-01 and 9999-12-31 23:30, and a remind-before of 2**63-1 minutes.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date, timedelta

import pytest

from ckbook.services.agenda import due_report
from ckbook.services.care import add_request, requests
from ckbook.services.clients import client_detail, client_summaries
from ckbook.services.due import Due
from ckbook.services.insight import card_facts
from ckbook.services.promises import add_promise, open_promises
from ckbook.services.reminder_rules import ReminderKind
from ckbook.services.reminders import check, mark_fired
from ckbook.services.today import Section, today_report
from tests.factories import contact, make_client

HUGE = 2**63 - 1

pytestmark = pytest.mark.sqlite_only(
    "only SQLite stores the out-of-range values an earlier release let through"
)


@pytest.fixture
def poisoned(db, db_path, now, tz):  # type: ignore[no-untyped-def]
    """Ada is healthy and has one of each reminder due; Zed, Zed3 and C hold the bad values."""
    ada = make_client(now, "Ada", checkin_days=7)
    contact(ada, now, days_ago=9)
    late = add_promise(ada, "send deck", now, tz, due=Due(date(2026, 11, 17))).ids[0]
    asked = add_request(ada, "quote?", now, received_at=now - timedelta(hours=30)).ids[0]
    zed = make_client(now, "Zed")
    zed3 = make_client(now, "Zed3")
    contact(zed, now, days_ago=400)
    add_request(zed3, "call me", now, received_at=now - timedelta(days=2))
    c = make_client(now, "C")
    with closing(sqlite3.connect(db_path)) as raw, raw:
        raw.execute("UPDATE client SET checkin_days = ? WHERE id = ?", (HUGE, zed))
        raw.execute("UPDATE client SET response_hours = ? WHERE id = ?", (HUGE, zed3))
        for due_date, due_time, remind in (
            ("9999-12-31", None, None),
            ("0001-01-01", None, None),
            ("9999-12-31", "23:30:00", None),
            ("0001-01-01", "00:30:00", None),
            ("2026-11-25", "12:00:00", HUGE),
        ):
            raw.execute(
                "INSERT INTO promise (client_id, text, made_at, due_date, due_time,"
                " remind_before_minutes, status) VALUES (?, 'x', ?, ?, ?, ?, 'open')",
                (c, "2026-11-01 10:00:00+00:00", due_date, due_time, remind),
            )
    return {"ada": ada, "late": late, "asked": asked, "zed": zed, "zed3": zed3, "c": c}


def test_the_client_list_and_cards_still_open(poisoned, now, tz):  # type: ignore[no-untyped-def]
    names = [row.name for row in client_summaries(now, tz)]
    assert names == ["Ada", "C", "Zed", "Zed3"]
    zed = client_detail(poisoned["zed"], now)
    assert zed.checkin.due_at is not None  # read as the longest cadence: 10 years
    assert card_facts(zed, now, tz).contact_text.startswith("400 days since last contact")
    assert zed.checkin_days == 3650  # read into range, so the card's fields can show it
    assert client_detail(poisoned["zed3"], now).response_hours == 8760
    assert len(open_promises([poisoned["c"]])) == 5


def test_due_and_today_still_report_the_healthy_rows(poisoned, now, tz):  # type: ignore[no-untyped-def]
    report = due_report(now, tz)
    assert poisoned["late"] in [p.subject_id for p in report.overdue]
    assert [c.client_name for c in report.checkins] == ["Ada"]  # Zed: read as 10 years, not late
    assert [r.subject_id for r in report.requests] == [poisoned["asked"]]
    today = dict(today_report(now, tz).sections)
    assert poisoned["late"] in [row.subject_id for row in today[Section.OVERDUE]]
    assert [row.client_name for row in today[Section.CHECKINS]] == ["Ada"]
    requests_shown = {row.subject_id: row.flag for row in today[Section.REQUESTS]}
    assert requests_shown[poisoned["asked"]] == "overdue"
    assert len(requests(awaiting_only=True)) == 2


def test_every_healthy_reminder_still_fires(poisoned, now, tz):  # type: ignore[no-untyped-def]
    result = check(now, tz)
    fired = {(o.kind, o.subject_id) for o in result.firing}
    assert {
        (ReminderKind.PROMISE_OVERDUE, poisoned["late"]),
        (ReminderKind.CHECKIN_OVERDUE, poisoned["ada"]),
        (ReminderKind.REQUEST_OVERDUE, poisoned["asked"]),
    } <= fired
    assert not {o.client_id for o in result.firing} & {poisoned["zed"], poisoned["zed3"]}
    mark_fired(result.firing, now)  # and recording them works too
    assert check(now + timedelta(minutes=1), tz).firing == ()
