"""Today: every section built from the notebook, in the order and with the flags a person needs."""

from __future__ import annotations

from datetime import date, time, timedelta

from ckbook.services.care import acknowledge_request, add_incident, add_request, update_incident
from ckbook.services.clients import delete_client
from ckbook.services.due import Due
from ckbook.services.money import MoneyTermsInput, set_money_terms
from ckbook.services.promises import add_promise, close_promise
from ckbook.services.reminders import check, snooze
from ckbook.services.today import RowKind, Section, reminder_for, today_report
from tests.factories import contact, make_client


def _texts(report, section):  # type: ignore[no-untyped-def]
    return [row.text for row in report.rows(section)]


def test_promises_split_into_overdue_today_and_the_next_seven_days(db, now, tz):
    cid = make_client(now)
    contact(cid, now, 1)
    set_money_terms(cid, MoneyTermsInput("hourly"), now)
    # now is Wed 18 Nov 2026 10:00 Berlin
    add_promise(cid, "late one", now, tz, due=Due(date(2026, 11, 17)))
    add_promise(cid, "later today", now, tz, due=Due(date(2026, 11, 18), time(16, 0)))
    add_promise(cid, "this morning", now, tz, due=Due(date(2026, 11, 18), time(9, 0)))
    add_promise(cid, "end of today", now, tz, due=Due(date(2026, 11, 18)))
    add_promise(cid, "next week", now, tz, due=Due(date(2026, 11, 25)))
    add_promise(cid, "too far", now, tz, due=Due(date(2026, 11, 26)))
    add_promise(cid, "no due", now, tz, read_due_from_text=False)
    kept = add_promise(cid, "kept already", now, tz, due=Due(date(2026, 11, 17))).ids[0]
    close_promise(kept, "kept", now)

    report = today_report(now, tz)
    assert _texts(report, Section.OVERDUE) == ["late one", "this morning"]
    assert _texts(report, Section.DUE_TODAY) == ["later today", "end of today"]
    assert _texts(report, Section.UPCOMING) == ["next week"]
    assert all(r.flag == "overdue" for r in report.rows(Section.OVERDUE))
    assert report.counts()["overdue"] == 2
    assert report.counts()["upcoming"] == 1


def test_checkins_red_first_then_yellow_and_paused_clients_never(db, now, tz):
    yellow = make_client(now, "Yellow", checkin_days=10)
    contact(yellow, now, 12)
    red = make_client(now, "Red", checkin_days=10)
    contact(red, now, 20)
    green = make_client(now, "Green", checkin_days=10)
    contact(green, now, 2)
    paused = make_client(now, "Paused", checkin_days=10, status="paused")
    contact(paused, now, 90)
    rows = today_report(now, tz).rows(Section.CHECKINS)
    assert [(r.client_name, r.flag) for r in rows] == [("Red", "red"), ("Yellow", "yellow")]
    assert rows[0].text == "20 days since last contact (cadence 10 days)"
    assert rows[0].kind is RowKind.CHECKIN and rows[0].can_snooze


def test_requests_awaiting_reply_overdue_first(db, now, tz):
    cid = make_client(now, response_hours=24)
    add_request(cid, "fresh question", now, received_at=now - timedelta(hours=1))
    add_request(cid, "old question", now, received_at=now - timedelta(hours=30))
    acked = add_request(cid, "acknowledged", now, received_at=now - timedelta(hours=40)).ids[0]
    acknowledge_request(acked, now)
    rows = today_report(now, tz).rows(Section.REQUESTS)
    assert [(r.text, r.flag) for r in rows] == [
        ("old question (email)", "overdue"),
        ("acknowledged (email)", "acknowledged"),
        ("fresh question (email)", ""),
    ]
    assert rows[0].can_snooze and not rows[2].can_snooze


def test_open_incidents_worst_first_with_the_next_step(db, now, tz):
    cid = make_client(now)
    add_incident(cid, "Minor slip", now)
    add_incident(cid, "Lost the booking", now, severity="critical")
    done = add_incident(cid, "Old and resolved", now).ids[0]
    update_incident(done, resolved_at=now)
    rows = today_report(now, tz).rows(Section.INCIDENTS)
    assert [r.text for r in rows] == [
        "Lost the booking — next: apologise",
        "Minor slip — next: apologise",
    ]
    assert rows[0].urgent


def test_money_not_discussed_lists_active_and_lead_clients_only(db, now, tz):
    agreed = make_client(now, "Agreed")
    set_money_terms(agreed, MoneyTermsInput("fixed"), now)
    make_client(now, "Lead", status="lead")
    make_client(now, "Former", status="former")
    gone = make_client(now, "Deleted")
    delete_client(gone, now)
    rows = today_report(now, tz).rows(Section.MONEY)
    assert [r.client_name for r in rows] == ["Lead"]


def test_a_snoozed_row_is_hidden_until_the_snooze_ends(db, now, tz):
    cid = make_client(now)
    contact(cid, now, 1)
    add_promise(cid, "late one", now, tz, due=Due(date(2026, 11, 17)))
    (row,) = today_report(now, tz).rows(Section.OVERDUE)
    reminder = reminder_for(row, tz)
    assert reminder is not None and reminder.key == row.reminder_key
    snooze(reminder, "1h", now, tz)
    report = today_report(now, tz)
    assert report.rows(Section.OVERDUE) == () and report.snoozed == 1
    later = now + timedelta(hours=1, minutes=1)
    assert today_report(later, tz).rows(Section.OVERDUE)[0].text == "late one"
    # …and the reminder fires again at that moment.
    assert [o.subject_id for o in check(later, tz).firing] == [row.subject_id]


def test_empty_notebook_says_nothing_needs_you(db, now, tz):
    report = today_report(now, tz)
    assert report.total == 0
    assert report.summary() == "Nothing needs you today"
    data = report.to_json(tz)
    assert [s["key"] for s in data["sections"]] == [
        "overdue",
        "due_today",
        "upcoming",
        "checkins",
        "requests",
        "incidents",
        "money_not_discussed",
    ]


def test_due_report_sorts_a_timed_and_a_date_only_due_on_the_same_day(db, now, tz):
    from ckbook.services.agenda import due_report

    cid = make_client(now)
    add_promise(cid, "end of today", now, tz, due=Due(date(2026, 11, 18)))
    add_promise(cid, "at four", now, tz, due=Due(date(2026, 11, 18), time(16, 0)))
    assert [p.text for p in due_report(now, tz).due_today] == ["at four", "end of today"]


def test_the_summary_counts_in_words_that_read_well(db, now, tz):
    for name in ("Ann", "Ben"):
        make_client(now, name)  # active, no money terms
    cid = make_client(now, "Cleo")
    set_money_terms(cid, MoneyTermsInput("hourly"), now)
    add_incident(cid, "Lost the booking", now)
    add_promise(cid, "late one", now, tz, due=Due(date(2026, 11, 17)))
    assert today_report(now, tz).summary() == (
        "1 overdue promise · 1 open incident · 2 clients without money terms"
    )


def test_an_acknowledged_request_says_when_it_was_acknowledged(db, now, tz):
    cid = make_client(now, response_hours=24)
    acked = add_request(cid, "invoice copy", now, received_at=now - timedelta(hours=40)).ids[0]
    acknowledge_request(acked, now - timedelta(hours=39))
    (row,) = today_report(now, tz).rows(Section.REQUESTS)
    assert row.flag == "acknowledged"
    assert row.when == "received Mon 16 Nov 18:00, acknowledged Mon 16 Nov 19:00"


def test_a_checkin_rows_reminder_reads_like_the_pop_up(db, now, tz):
    never = make_client(now, "Freya MacLeod", checkin_days=14, client_since=date(2023, 12, 26))
    (row,) = [r for r in today_report(now, tz).rows(Section.CHECKINS) if r.client_id == never]
    reminder = reminder_for(row, tz)
    assert reminder is not None
    assert reminder.body == (
        "Freya MacLeod: no contact logged since they became a client on 26 Dec 2023"
    )
    assert reminder.body in [o.body for o in check(now, tz).firing]


def test_repeated_money_notices_become_one_row_and_others_stay_rows(db, now, tz):
    from ckbook.services.today import NoticeGroup, shown_rows

    for name in ("Ann", "Ben", "Cleo"):
        make_client(now, name)  # active, no money terms
    report = today_report(now, tz)
    (group,) = shown_rows(Section.MONEY, report.rows(Section.MONEY))
    assert isinstance(group, NoticeGroup)
    assert group.text == "3 clients without money terms"
    assert group.client_names == ("Ann", "Ben", "Cleo")
    one = report.rows(Section.MONEY)[:1]
    assert shown_rows(Section.MONEY, one) == one  # a single notice is its own row


def test_the_filter_keeps_rows_by_client_or_text_and_a_group_by_any_member(db, now, tz):
    from ckbook.services.today import filter_words, row_matches, shown_rows

    cid = make_client(now, "Ada Lovelace")
    set_money_terms(cid, MoneyTermsInput("hourly"), now)
    add_promise(cid, "send the seating plan", now, tz, due=Due(date(2026, 11, 17)))
    for name in ("Ben", "Cleo"):
        make_client(now, name)
    report = today_report(now, tz)
    (promise,) = report.rows(Section.OVERDUE)
    (group,) = shown_rows(Section.MONEY, report.rows(Section.MONEY))
    assert row_matches(promise, filter_words("  LOVELACE "))
    assert row_matches(promise, filter_words("seating ada"))  # every word, anywhere
    assert not row_matches(promise, filter_words("seating ben"))
    assert row_matches(group, filter_words("cleo"))
    assert not row_matches(group, filter_words("ada"))
    assert row_matches(group, filter_words(""))


def test_an_incidents_next_step_is_said_in_the_users_language(db, now, tz, german):  # type: ignore[no-untyped-def]
    add_incident(make_client(now), "Lost the booking", now)
    (row,) = today_report(now, tz).rows(Section.INCIDENTS)
    assert row.text == "Lost the booking – nächster Schritt: entschuldigen"
