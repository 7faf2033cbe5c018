"""Daylight saving, one way everywhere (clock.local_instant): a local time in the spring-forward
gap is moved forward by the gap, a time in the autumn overlap is its first occurrence; `ckbook
due` and `ckbook today` show the same time, the one at which the promise comes due."""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from datetime import UTC, date, datetime, time

import pytest

from ckbook.services.clock import local_instant, on_the_clock, parse_now
from ckbook.services.due import Due
from ckbook.services.due_phrases import parse_due, read_due
from ckbook.services.promises import add_promise, close_promise, get_promise
from ckbook.store.maintenance import check
from tests.cli.test_cli import row_counts
from tests.conftest import TZ
from tests.factories import make_client

SPRING = date(2027, 3, 28)  # Berlin: 02:00 CET -> 03:00 CEST
AUTUMN = date(2027, 10, 31)  # Berlin: 03:00 CEST -> 02:00 CET


@pytest.mark.parametrize(
    ("day", "at", "utc"),
    [
        (SPRING, time(1, 59), datetime(2027, 3, 28, 0, 59, tzinfo=UTC)),
        (SPRING, time(2, 0), datetime(2027, 3, 28, 1, 0, tzinfo=UTC)),  # = 03:00 CEST
        (SPRING, time(2, 30), datetime(2027, 3, 28, 1, 30, tzinfo=UTC)),  # = 03:30 CEST
        (SPRING, time(3, 30), datetime(2027, 3, 28, 1, 30, tzinfo=UTC)),
        (AUTUMN, time(2, 30), datetime(2027, 10, 31, 0, 30, tzinfo=UTC)),  # first: CEST
        (AUTUMN, time(3, 0), datetime(2027, 10, 31, 2, 0, tzinfo=UTC)),
    ],
)
def test_a_local_time_becomes_one_instant(day, at, utc):  # type: ignore[no-untyped-def]
    assert local_instant(day, at, TZ) == utc
    assert Due(day, at).deadline(TZ) == utc
    assert on_the_clock(day, at, TZ) == utc.astimezone(TZ)


def test_every_reader_of_a_due_resolves_the_gap_the_same_way() -> None:
    now = datetime(2027, 3, 27, 10, 0, tzinfo=TZ)
    moved = Due(SPRING, time(3, 30))
    assert parse_due("2027-03-28T02:30", now, TZ) == moved
    assert parse_due("tomorrow 2:30am", now, TZ) == moved
    assert read_due("call back tomorrow at 2:30am", now, TZ).due == moved
    assert Due(SPRING, time(2, 30)).on_the_clock(TZ) == moved
    assert Due(AUTUMN, time(2, 30)).on_the_clock(TZ) == Due(AUTUMN, time(2, 30))
    assert parse_now("2027-03-28T02:30", TZ) == datetime(2027, 3, 28, 1, 30, tzinfo=UTC)


def _shown_times(run, now: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    due = run("due", "--now", now)
    today = run("today", "--now", now)
    assert due.code == today.code == 0, (due.err, today.err)
    due_line = next(line for line in due.out.splitlines() if "send the plan" in line)
    today_line = next(line for line in today.out.splitlines() if "send the plan" in line)
    # Today's when is in the one date style ("today 03:30"): its time of day is what counts.
    today_time = re.findall(r"\b\d\d:\d\d\b", today_line.split(" — ")[-1])[-1]
    return due_line.rsplit(" ", 1)[-1], today_time


def test_due_and_today_show_a_gap_time_as_it_comes_due(run, db_target):  # type: ignore[no-untyped-def]
    assert run("client", "add", "Ada", "--now", "2027-03-27T10:00").code == 0
    added = run(
        "promise", "add", "Ada", "send the plan", "--due", "2027-03-28T02:30",
        "--now", "2027-03-27T10:00", "--json",
    ).json()  # fmt: skip
    assert added["due"] == "2027-03-28T03:30"
    assert _shown_times(run, "2027-03-28T01:00") == ("03:30", "03:30")
    # Due today until 03:30 summer time, overdue after: in both.
    assert "Due today" in run("due", "--now", "2027-03-28T03:15").out
    assert "Overdue" in run("due", "--now", "2027-03-28T03:45").out
    assert "Overdue promises" in run("today", "--now", "2027-03-28T03:45").out
    assert check(db_target).ok
    assert row_counts(db_target)["promise"] == 1


@pytest.mark.sqlite_only("writes a row as an earlier release did, with a raw sqlite3 connection")
def test_a_gap_time_stored_by_an_earlier_release_is_shown_as_it_comes_due(run, db_path):  # type: ignore[no-untyped-def]
    assert run("client", "add", "Ada", "--now", "2027-03-27T10:00").code == 0
    run("promise", "add", "Ada", "send the plan", "--due", "2027-03-29", "--now", "2027-03-27")
    with closing(sqlite3.connect(db_path)) as con, con:
        con.execute("UPDATE promise SET due_date = '2027-03-28', due_time = '02:30:00'")
    assert _shown_times(run, "2027-03-28T01:00") == ("03:30", "03:30")
    data = run("due", "--now", "2027-03-28T03:15", "--json").json()
    assert [p["text"] for p in data["due_today"]] == ["send the plan"]
    assert check(db_path).ok
    assert row_counts(db_path)["promise"] == 1


def test_an_overlap_time_is_its_first_occurrence_in_both(run, db_target):  # type: ignore[no-untyped-def]
    assert run("client", "add", "Ada", "--now", "2027-10-30T10:00").code == 0
    run(
        "promise", "add", "Ada", "send the plan", "--due", "2027-10-31T02:30",
        "--now", "2027-10-30T10:00",
    )  # fmt: skip
    assert _shown_times(run, "2027-10-31T01:00") == ("02:30", "02:30")
    # 02:45 summer time is after the first 02:30: overdue, though 02:30 comes again.
    assert "Overdue" in run("due", "--now", "2027-10-31T02:45+02:00").out
    assert "Overdue promises" in run("today", "--now", "2027-10-31T02:45+02:00").out
    assert "Overdue" not in run("due", "--now", "2027-10-31T02:15+02:00").out
    assert check(db_target).ok
    assert row_counts(db_target)["promise"] == 1


def test_a_repeating_promise_keeps_its_wall_time_across_the_gap(db, tz):  # type: ignore[no-untyped-def]
    now = datetime(2027, 3, 27, 10, 0, tzinfo=TZ)
    ada = make_client(now, "Ada")
    promise = add_promise(ada, "call the night shift every Sunday at 2:30am", now, tz).ids[0]
    first = get_promise(promise).due
    assert first == Due(SPRING, time(2, 30))  # the series' time, stored as typed
    assert first.on_the_clock(TZ) == Due(SPRING, time(3, 30))  # shown and due at 03:30 that day
    assert first.deadline(TZ) == datetime(2027, 3, 28, 1, 30, tzinfo=UTC)
    close_promise(promise, "kept", now)
    assert get_promise(promise).due == Due(date(2027, 4, 4), time(2, 30))  # not 03:30 for good
    assert check(db.location).ok
