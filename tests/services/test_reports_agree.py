"""One builder of "what needs the user": Today, the tray (and the reminder engine that feeds
it) and `ckbook due` / `ckbook today` list the same items in the same order, names compared
regardless of case."""

from __future__ import annotations

import json
from datetime import date, timedelta

from ckbook.cli import main as cli_main
from ckbook.services.agenda import due_report
from ckbook.services.demo import make_demo
from ckbook.services.due import Due
from ckbook.services.promises import add_promise
from ckbook.services.today import Section, today_report
from tests.factories import contact, make_client

NOW_ARG = "2026-11-18T09:00:00+00:00"


def _sections(report) -> dict[str, list[tuple[str, int]]]:  # type: ignore[no-untyped-def]
    return {
        "overdue": [("promise", p.subject_id) for p in report.overdue],
        "due_today": [("promise", p.subject_id) for p in report.due_today],
        "upcoming": [("promise", p.subject_id) for p in report.upcoming],
        "checkins": [("client", c.client_id) for c in report.checkins],
        "requests": [("request", r.subject_id) for r in report.requests],
    }


def test_due_and_today_name_the_same_items_in_the_same_order(db, now, tz):  # type: ignore[no-untyped-def]
    make_demo(80, 800, 400, 3, now, tz)
    due = due_report(now, tz, within_days=7)
    today = today_report(now, tz)

    def promises(section: Section) -> list[tuple[str, int]]:
        return [("promise", row.subject_id) for row in today.rows(section)]

    late = [("request", r.subject_id) for r in today.rows(Section.REQUESTS) if r.flag == "overdue"]
    assert _sections(due) == {
        "overdue": promises(Section.OVERDUE),
        "due_today": promises(Section.DUE_TODAY),
        "upcoming": promises(Section.UPCOMING),
        "checkins": [("client", r.client_id) for r in today.rows(Section.CHECKINS)],
        "requests": late,
    }
    assert due.overdue and due.due_today and due.checkins and due.requests  # the test has teeth


def test_names_that_differ_only_in_case_sort_the_same_everywhere(db, now, tz, capsys):  # type: ignore[no-untyped-def]
    """Two promises due at the same moment order by the client's name regardless of case; so do
    check-ins silent since the same moment (the two builders once disagreed here)."""
    day = now.astimezone(tz).date() - timedelta(days=2)
    for name in ("bob", "alice", "Carol", "Bea"):
        client = make_client(now, name, checkin_days=7)
        contact(client, now, days_ago=30)
        add_promise(
            client, f"promise to {name}", now, tz, due=Due(date(day.year, day.month, day.day))
        )
    expected = ["alice", "Bea", "bob", "Carol"]  # by case, "Bea" and "Carol" would lead

    due = due_report(now, tz)
    today = today_report(now, tz)
    assert [p.client_name for p in due.overdue] == expected
    assert [r.client_name for r in today.rows(Section.OVERDUE)] == expected
    assert [c.client_name for c in due.checkins] == expected
    assert [r.client_name for r in today.rows(Section.CHECKINS)] == expected

    assert cli_main(["--db", db.location, "due", "--now", NOW_ARG, "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert [p["client"] for p in printed["overdue"]] == expected
    assert [c["client"] for c in printed["checkins_overdue"]] == expected
    assert cli_main(["--db", db.location, "today", "--now", NOW_ARG, "--json"]) == 0
    sections = {s["key"]: s["rows"] for s in json.loads(capsys.readouterr().out)["sections"]}
    assert [r["client"] for r in sections["overdue"]] == expected
    assert [r["client"] for r in sections["checkins"]] == expected
