"""The input limits (services/limits.py): a value out of range is refused with one line naming the
field and the range, before anything is written; the same limits in the services, the due reader
and ``--now``."""

from __future__ import annotations

from datetime import date, time

import pytest

from ckbook.services.base import InputError
from ckbook.services.care import add_incident, record_incident_fix
from ckbook.services.clients import ClientInput, add_client, client_detail, update_client
from ckbook.services.clock import parse_now
from ckbook.services.due import Due
from ckbook.services.due_phrases import parse_due, read_due
from ckbook.services.notes import add_note, update_note
from ckbook.services.promises import (
    add_promise,
    get_promise,
    renegotiate_promise,
    update_promise,
)
from tests.conftest import NOW, TZ
from tests.factories import make_client
from tests.rows import row_counts

HUGE = 2**63 - 1


def counts(target: str) -> dict[str, int]:
    every = row_counts(target)
    return {table: every[table] for table in ("client", "promise", "note", "incident")}


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"checkin_days": HUGE},
            "check-in cadence must be 1 to 3650 days, not 9223372036854775807",
        ),
        ({"checkin_days": 3_000_000}, "check-in cadence must be 1 to 3650 days"),
        ({"checkin_days": 10**20}, "check-in cadence must be 1 to 3650 days"),
        ({"checkin_days": 0}, "check-in cadence must be 1 to 3650 days, not 0"),
        ({"response_hours": 80_000_000}, "expected response time must be 1 to 8760 hours"),
        ({"response_hours": 0}, "expected response time must be 1 to 8760 hours"),
    ],
)
def test_a_profile_number_out_of_range_is_refused_and_nothing_written(
    db, db_target, now, fields, message
):  # type: ignore[no-untyped-def]
    before = counts(db_target)
    with pytest.raises(InputError, match=message):
        add_client(ClientInput(name="Zed", **fields), now)
    assert counts(db_target) == before
    ada = make_client(now, "Ada")
    with pytest.raises(InputError, match=message):
        update_client(ada, now, **fields)
    assert client_detail(ada, now).checkin_days == 14


def test_the_edges_of_the_profile_ranges_are_accepted(db, now):  # type: ignore[no-untyped-def]
    client = make_client(now, "Ada", checkin_days=3650, response_hours=8760)
    detail = client_detail(client, now)
    assert (detail.checkin_days, detail.response_hours) == (3650, 8760)


@pytest.mark.parametrize(
    "due",
    [Due(date(9999, 12, 31)), Due(date(1, 1, 1)), Due(date(2200, 1, 1)), Due(date(1899, 12, 31))],
)
def test_a_due_out_of_range_is_refused_by_every_use_case(db, db_target, now, tz, due):  # type: ignore[no-untyped-def]
    ada = make_client(now, "Ada")
    kept = add_promise(ada, "send deck", now, tz, due=Due(date(2026, 11, 20))).ids[0]
    incident = add_incident(ada, "late delivery", now).ids[0]
    before = counts(db_target)
    message = r"due \d{4}-\d\d-\d\d is out of range: the year must be 1900 to 2199"
    with pytest.raises(InputError, match=message):
        add_promise(ada, "x", now, tz, due=due)
    with pytest.raises(InputError, match=message):
        update_promise(kept, due=due)
    with pytest.raises(InputError, match=message):
        renegotiate_promise(kept, due, now)
    with pytest.raises(InputError, match=message):
        record_incident_fix(incident, "ship it again", due, now)
    assert counts(db_target) == before
    assert get_promise(kept).status == "open"
    assert get_promise(kept).due == Due(date(2026, 11, 20))


def test_the_edge_years_are_accepted(db, now, tz):  # type: ignore[no-untyped-def]
    ada = make_client(now, "Ada")
    for day in (date(1900, 1, 1), date(2199, 12, 31)):
        promise = add_promise(ada, "x", now, tz, due=Due(day, time(23, 30))).ids[0]
        assert get_promise(promise).due == Due(day, time(23, 30))


def test_remind_before_and_note_duration_have_limits(db, now, tz):  # type: ignore[no-untyped-def]
    ada = make_client(now, "Ada")
    with pytest.raises(InputError, match="remind before must be 0 to 10080 minutes, not -1"):
        add_promise(ada, "x", now, tz, remind_before_minutes=-1)
    promise = add_promise(ada, "x", now, tz, remind_before_minutes=0).ids[0]
    with pytest.raises(InputError, match="remind before must be 0 to 10080 minutes"):
        update_promise(promise, remind_before_minutes=HUGE)
    assert get_promise(promise).remind_before_minutes == 0
    with pytest.raises(InputError, match="note duration must be 0 to 604800 seconds"):
        add_note(ada, now, duration_seconds=HUGE)
    note = add_note(ada, now, duration_seconds=60).ids[0]
    with pytest.raises(InputError, match="note duration must be 0 to 604800 seconds, not -5"):
        update_note(note, now, duration_seconds=-5)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("9999-12-31", "'9999-12-31' is out of range: the year must be 1900 to 2199"),
        ("0001-01-01", "'0001-01-01' is out of range: the year must be 1900 to 2199"),
        ("9999-12-31T23:30", "out of range: the year must be 1900 to 2199"),
        ("in 300 years", "'in 300 years' is 2326-11-18, out of range: the year must be 1900"),
    ],
)
def test_parse_due_refuses_a_year_out_of_range(value, message):  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match=message):
        parse_due(value, NOW, TZ)


def test_a_phrase_out_of_range_in_free_text_is_no_due():  # type: ignore[no-untyped-def]
    reading = read_due("retire in 300 years", NOW, TZ)
    assert reading.due is None
    assert read_due("call in 3 years", NOW, TZ).due == Due(date(2029, 11, 18))


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31T23:59", "1899-12-31", "2200-01-01"])
def test_now_out_of_range_names_the_option(value):  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match=f"--now: '{value}' is out of range: the year must be"):
        parse_now(value, TZ)
