"""`ckbook incident|request|today` on a real SQLite file; Today's counts match the page's."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ckbook.services.care import requests
from ckbook.services.due import Due
from ckbook.services.promises import add_promise
from tests.conftest import NOW_ARG
from tests.factories import contact, make_client


def test_incident_add_prints_it_with_its_next_step(db, now, run):  # type: ignore[no-untyped-def]
    ada = make_client(now, "Ada")
    data = run(
        "incident", "add", "Ada", "Wrong date on the invitations", "--severity", "major",
        "--now", NOW_ARG, "--json",
    ).json()  # fmt: skip
    assert (data["client_id"], data["severity"], data["next_step"]) == (ada, "major", "apologise")
    assert data["happened_at"] == "2026-11-18T10:00+01:00"
    text = run("incident", "add", "Ada", "Late delivery", "--now", NOW_ARG)
    assert text.code == 0 and "Incident" in text.out and "next: apologise" in text.out


def test_a_request_from_received_to_answered_on_the_command_line(db, now, run):  # type: ignore[no-untyped-def]
    make_client(now, "Ada", response_hours=4)
    added = run(
        "request", "add", "Ada", "Can we move the tasting?", "--received", "2026-11-18T05:00",
        "--channel", "message", "--now", NOW_ARG, "--json",
    ).json()  # fmt: skip
    rid = added["id"]
    assert added["overdue"] is True and added["reply_due"] == "2026-11-18T09:00+01:00"
    due = run("due", "--now", NOW_ARG, "--json").json()
    assert [r["id"] for r in due["requests_overdue"]] == [rid]
    today = run("today", "--now", NOW_ARG, "--json").json()
    assert today["counts"]["requests"] == 1
    (section,) = [s for s in today["sections"] if s["key"] == "requests"]
    assert section["rows"][0]["flag"] == "overdue"

    acked = run("request", "ack", str(rid), "--now", NOW_ARG, "--json").json()
    assert acked["acknowledged_at"] == "2026-11-18T10:00+01:00" and acked["overdue"] is False
    assert run("due", "--now", NOW_ARG, "--json").json()["requests_overdue"] == []
    answered = run("request", "answer", str(rid), "--now", "2026-11-18T11:00")
    assert answered.code == 0 and "answered" in answered.out
    (row,) = requests()
    assert row.answered_at is not None
    assert run("today", "--now", NOW_ARG, "--json").json()["counts"]["requests"] == 0


@pytest.mark.parametrize(
    "args",
    [
        ("request", "add", "Nobody", "hello"),
        ("request", "add", "Ada", "   "),
        ("request", "add", "Ada", "hi", "--received", "yesterday-ish"),
        ("request", "add", "Ada", "hi", "--received", "2026-11-19T10:00"),  # in the future
        ("request", "ack", "999"),
        ("request", "answer", "not-a-number"),
        ("incident", "add", "Ada", "x", "--severity", "apocalyptic"),
        ("incident", "add", "Ada", ""),
    ],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(db, now, run, args):  # type: ignore[no-untyped-def]
    make_client(now, "Ada")
    result = run(*args, "--now", NOW_ARG)
    assert result.code == 2
    assert result.out == ""
    assert len(result.err.strip().splitlines()) == 1 and result.err.startswith("ckbook: error:")
    assert requests() == []


def test_due_lists_checkins_and_overdue_requests(db, now, run):  # type: ignore[no-untyped-def]
    quiet = make_client(now, "Quiet", checkin_days=7)
    contact(quiet, now, 30)
    text = run("due", "--now", NOW_ARG)
    assert "Check-ins overdue" in text.out and "Quiet" in text.out


def test_today_counts_match_the_today_page(db, now, tz, run, qtbot, notebook):  # type: ignore[no-untyped-def]
    from ckbook.services.care import add_incident, add_request
    from ckbook.ui.today_page import TodayPage

    ada = make_client(now, "Ada", checkin_days=7, response_hours=2)
    contact(ada, now, 12)
    bob = make_client(now, "Bob")
    contact(bob, now, 1)
    add_promise(ada, "late", now, tz, due=Due(date(2026, 11, 16)))
    add_promise(bob, "today", now, tz, due=Due(date(2026, 11, 18)))
    add_promise(bob, "soon", now, tz, due=Due(date(2026, 11, 21)))
    add_request(ada, "call me", now, received_at=now - timedelta(hours=5))
    add_incident(bob, "lost the file", now)

    page = TodayPage(notebook)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.pending)  # the report is built on a worker
    data = run("today", "--now", NOW_ARG, "--json").json()
    assert data["counts"] == page.counts()
    assert data["counts"] == {
        "overdue": 1,
        "due_today": 1,
        "upcoming": 1,
        "checkins": 1,
        "requests": 1,
        "incidents": 1,
        "money_not_discussed": 2,
    }
    text = run("today", "--now", NOW_ARG)
    assert "Overdue promises (1):" in text.out and "[promise" in text.out
