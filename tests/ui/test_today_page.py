"""The Today page: rows act in place, and what is stored changes as a user would expect."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from ckbook.services.care import add_incident, add_request, requests
from ckbook.services.due import Due
from ckbook.services.promises import add_promise, get_promise
from ckbook.services.reminder_rules import ReminderKind
from ckbook.services.reminders import check
from ckbook.services.today import RowKind, Section
from ckbook.ui.today_page import TodayModel, TodayPage
from tests.factories import contact, make_client


@pytest.fixture
def page(qtbot, notebook):  # type: ignore[no-untyped-def]
    widget = TodayPage(notebook)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    return widget


def _rows(page: TodayPage, section: Section) -> list[str]:
    assert page.report is not None
    return [row.text for row in page.report.rows(section)]


def test_model_is_sound_empty_and_populated(qtmodeltester, notebook, now, tz):
    model = TodayModel()
    qtmodeltester.check(model)
    cid = make_client(now, "Ada")
    add_promise(cid, "send the plan", now, tz, due=Due(date(2026, 11, 17)))
    add_request(cid, "call me back", now, received_at=now - timedelta(hours=30))
    from ckbook.services.today import today_report

    model.set_report(today_report(now, tz))
    qtmodeltester.check(model)
    assert model.rowCount() >= 2


def test_tick_a_promise_from_today(qtbot, notebook, now, tz):
    cid = make_client(now, "Ada")
    contact(cid, now, 1)
    late = add_promise(cid, "send the seating plan", now, tz, due=Due(date(2026, 11, 17))).ids[0]
    other = add_promise(cid, "book the band", now, tz, due=Due(date(2026, 11, 16))).ids[0]
    page = TodayPage(notebook)
    qtbot.addWidget(page)
    page.show()
    assert _rows(page, Section.OVERDUE) == ["book the band", "send the seating plan"]
    assert page.select(RowKind.PROMISE, late)
    assert page.done_button.text() == "Kept"
    with qtbot.waitSignal(page.refreshed):
        qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    assert get_promise(late).status == "kept"
    assert _rows(page, Section.OVERDUE) == ["book the band"]
    # The row that took its place is current, so the keyboard goes on from there.
    assert page.current_row() is not None and page.current_row().subject_id == other
    page.view.setFocus()
    with qtbot.waitSignal(page.refreshed):
        qtbot.keyClick(page.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert get_promise(other).status == "kept"
    assert page.model.section_index(Section.OVERDUE).isValid() is False


def test_a_request_from_received_to_answered(qtbot, notebook, clock, now, tz):
    cid = make_client(now, "Ada", response_hours=4)
    contact(cid, now, 1)
    page = TodayPage(notebook)
    qtbot.addWidget(page)
    # Logged as it comes in: awaiting, not overdue, nothing to snooze, no reminder.
    rid = notebook.run(add_request, cid, "Can we move the tasting?", now, "message").ids[0]
    qtbot.waitUntil(lambda: _rows(page, Section.REQUESTS) == ["Can we move the tasting? (message)"])
    assert page.report.rows(Section.REQUESTS)[0].flag == ""
    assert not [o for o in check(now, tz).firing if o.kind is ReminderKind.REQUEST_OVERDUE]

    # Five hours later, with no acknowledgement: overdue on Today and as a reminder.
    clock.set(now + timedelta(hours=5))
    page.refresh()
    (row,) = page.report.rows(Section.REQUESTS)
    assert row.flag == "overdue" and row.urgent
    assert page.model.find(RowKind.REQUEST, rid).data(Qt.ItemDataRole.ForegroundRole) is not None
    firing = [o for o in check(clock.now(), tz).firing if o.kind is ReminderKind.REQUEST_OVERDUE]
    assert [o.subject_id for o in firing] == [rid]

    # One click to acknowledge: no longer overdue, still awaiting the answer.
    assert page.select(RowKind.REQUEST, rid)
    assert page.ack_button.isEnabled()
    with qtbot.waitSignal(page.refreshed):
        qtbot.mouseClick(page.ack_button, Qt.MouseButton.LeftButton)
    (row,) = page.report.rows(Section.REQUESTS)
    assert row.flag == "acknowledged"
    assert requests(client_id=cid)[0].acknowledged_at == clock.now()
    assert not [o for o in check(clock.now(), tz).firing if o.kind is ReminderKind.REQUEST_OVERDUE]

    # One click to answer: it leaves Today.
    assert page.select(RowKind.REQUEST, rid)
    assert page.done_button.text() == "Answered"
    with qtbot.waitSignal(page.refreshed):
        qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    assert _rows(page, Section.REQUESTS) == []
    assert requests(client_id=cid)[0].answered_at == clock.now()


def test_snooze_hides_the_row_until_later(qtbot, notebook, clock, now, tz):
    cid = make_client(now, "Ada", checkin_days=7)
    contact(cid, now, 20)
    page = TodayPage(notebook)
    qtbot.addWidget(page)
    assert page.select(RowKind.CHECKIN, cid)
    assert page.snooze_button.isEnabled()
    with qtbot.waitSignal(page.refreshed):
        page.snooze_menu.actions()[1].trigger()  # 1 hour
    assert page.report.rows(Section.CHECKINS) == ()
    assert "1 snoozed" in page.summary.text()
    clock.set(now + timedelta(hours=2))
    page.refresh()
    assert [r.client_id for r in page.report.rows(Section.CHECKINS)] == [cid]


def test_check_in_done_logs_a_contact(qtbot, notebook, now, tz):
    from ckbook.services.notes import notes_for_client

    cid = make_client(now, "Ada", checkin_days=7)
    contact(cid, now, 20)
    page = TodayPage(notebook)
    qtbot.addWidget(page)
    assert page.select(RowKind.CHECKIN, cid)
    assert page.done_button.text() == "Checked in"
    with qtbot.waitSignal(page.refreshed):
        page.done_button.click()
    assert page.report.rows(Section.CHECKINS) == ()
    assert notes_for_client(cid)[0].started_at == now


def test_rows_ask_the_window_for_a_card_a_call_note_or_an_incident(qtbot, notebook, now, tz):
    cid = make_client(now, "Ada")
    iid = add_incident(cid, "Wrong date on the invitations", now).ids[0]
    page = TodayPage(notebook)
    qtbot.addWidget(page)
    assert page.select(RowKind.MONEY, cid)
    assert not page.done_button.isEnabled() and not page.snooze_button.isEnabled()
    with qtbot.waitSignal(page.open_client_requested) as opened:
        page.card_button.click()
    assert opened.args == [cid]
    with qtbot.waitSignal(page.call_note_requested) as called:
        page.call_button.click()
    assert called.args == [cid]
    assert page.select(RowKind.INCIDENT, iid)
    with qtbot.waitSignal(page.incident_requested) as asked:
        page.done_button.click()
    assert asked.args == [cid, iid]
    menu = page.build_row_menu(page.current_row())
    assert [a.text() for a in menu.actions() if a.text()] == [
        "Next step…",
        "Open card",
        "Call note",
    ]


def test_sections_show_counts_and_the_empty_day_says_so(qtbot, notebook, now):
    page = TodayPage(notebook)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 0
    assert page.summary.text() == "Nothing needs you today"
    make_client(now, "Ada")
    page.refresh()
    header = page.model.section_index(Section.MONEY)
    assert header.data() == "Money not discussed yet (1)"
    assert page.counts()["money_not_discussed"] == 1
