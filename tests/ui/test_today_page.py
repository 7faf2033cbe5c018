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


def loaded(qtbot, page: TodayPage) -> TodayPage:  # type: ignore[no-untyped-def]
    """Wait until the report asked for last (built on the worker) is on screen."""
    qtbot.waitUntil(lambda: not page.pending, timeout=10_000)
    return page


def fresh(qtbot, page: TodayPage) -> None:  # type: ignore[no-untyped-def]
    """Ask for a new report and wait until it is shown."""
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.refresh()


@pytest.fixture
def page(qtbot, notebook):  # type: ignore[no-untyped-def]
    widget = TodayPage(notebook)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    return loaded(qtbot, widget)


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
    loaded(qtbot, page)
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
    loaded(qtbot, page)
    # Logged as it comes in: awaiting, not overdue, nothing to snooze, no reminder.
    rid = notebook.run(add_request, cid, "Can we move the tasting?", now, "message").ids[0]
    qtbot.waitUntil(lambda: _rows(page, Section.REQUESTS) == ["Can we move the tasting? (message)"])
    assert page.report.rows(Section.REQUESTS)[0].flag == ""
    assert not [o for o in check(now, tz).firing if o.kind is ReminderKind.REQUEST_OVERDUE]

    # Five hours later, with no acknowledgement: overdue on Today and as a reminder.
    clock.set(now + timedelta(hours=5))
    fresh(qtbot, page)
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
    loaded(qtbot, page)
    assert page.select(RowKind.CHECKIN, cid)
    assert page.snooze_button.isEnabled()
    with qtbot.waitSignal(page.refreshed):
        page.snooze_menu.actions()[1].trigger()  # 1 hour
    assert page.report.rows(Section.CHECKINS) == ()
    assert "1 snoozed" in page.summary.text()
    clock.set(now + timedelta(hours=2))
    fresh(qtbot, page)
    assert [r.client_id for r in page.report.rows(Section.CHECKINS)] == [cid]


def test_check_in_done_logs_a_contact(qtbot, notebook, now, tz):
    from ckbook.services.notes import notes_for_client

    cid = make_client(now, "Ada", checkin_days=7)
    contact(cid, now, 20)
    page = TodayPage(notebook)
    qtbot.addWidget(page)
    loaded(qtbot, page)
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
    loaded(qtbot, page)
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
    loaded(qtbot, page)
    assert page.model.rowCount() == 0
    assert page.summary.text() == "Nothing needs you today"
    make_client(now, "Ada")
    fresh(qtbot, page)
    header = page.model.section_index(Section.MONEY)
    assert header.data() == "Money not discussed yet (1)"
    assert page.counts()["money_not_discussed"] == 1


class _Gate:
    """Stands in for the page's builder (``agenda.my_today``, Today's report as I see it):
    counts builds, notes their thread, holds them at a gate."""

    def __init__(self, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        import threading

        from ckbook.services import agenda
        from ckbook.store.models import database_proxy

        self.open = threading.Event()
        self.threads: list[threading.Thread] = []
        self.connections: list[object] = []
        self._real = agenda.my_today
        self._database = database_proxy

        def held(now, tz):  # type: ignore[no-untyped-def]
            self.threads.append(threading.current_thread())
            self.connections.append(self._database.obj.connection())
            self.open.wait(10)
            return self._real(now, tz)

        monkeypatch.setattr("ckbook.ui.today_page.my_today", held)


def test_the_page_paints_at_once_and_the_report_comes_from_a_worker(
    qtbot, notebook, now, tz, monkeypatch
):
    import threading

    from ckbook.store.models import database_proxy

    cid = make_client(now, "Ada")
    add_promise(cid, "send the plan", now, tz, due=Due(date(2026, 11, 17)))
    gate = _Gate(monkeypatch)
    page = TodayPage(notebook)  # returns while the report is still being built
    qtbot.addWidget(page)
    page.show()
    assert page.pending and page.summary.text() == "Loading…"
    assert page.title.text() == "Today — Wednesday 18 November"
    assert page.model.rowCount() == 0 and not page.done_button.isEnabled()
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        gate.open.set()
    assert _rows(page, Section.OVERDUE) == ["send the plan"]
    assert page.done_button.isEnabled()
    assert gate.threads and threading.main_thread() not in gate.threads
    assert database_proxy.obj.connection() not in gate.connections  # its own connection


def test_the_newest_report_wins_and_bursts_collapse(qtbot, notebook, now, tz, monkeypatch):
    cid = make_client(now, "Ada")
    gate = _Gate(monkeypatch)
    page = TodayPage(notebook)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: len(gate.threads) == 1)  # the first build is under way, held
    shown: list[int] = []
    page.refreshed.connect(lambda: shown.append(page.report.total if page.report else -1))
    # While it is held: a change (refresh on notebook.changed) and two more asks.
    notebook.run(add_promise, cid, "send the plan", now, tz, due=Due(date(2026, 11, 17)))
    # The change's refresh is coalesced on a zero-delay timer: let it ask before the gate opens,
    # or it may ask after the second build started and make a third (a race, not the behaviour).
    qtbot.waitUntil(lambda: not page._refresh_timer.isActive())
    page.refresh()
    page.refresh()
    gate.open.set()
    loaded(qtbot, page)
    assert len(gate.threads) == 2  # the held build, then one for the newest ask
    assert shown == [page.report.total]  # the out-of-date first report never appeared
    assert _rows(page, Section.OVERDUE) == ["send the plan"]


def test_a_storage_problem_while_building_is_said_not_raised(qtbot, notebook, monkeypatch):
    import sqlite3

    def full(now, tz):  # type: ignore[no-untyped-def]
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr("ckbook.ui.today_page.my_today", full)
    with qtbot.waitSignal(notebook.message, timeout=10_000) as said:
        page = TodayPage(notebook)
        qtbot.addWidget(page)
    assert said.args[0] == "error"
    assert page.summary.text().startswith("Today is not available")
    assert not page.pending


def test_the_when_column_shows_an_overdue_request_whole_and_grey_rows_say_why(
    qtbot, notebook, now, tz
):
    from ckbook.services.care import acknowledge_request
    from ckbook.ui.today_page import Column, acknowledged_hint

    cid = make_client(now, "Carla <b>Vogel</b>", response_hours=24)
    contact(cid, now, 1)
    late = add_request(cid, "move the deposit date", now, received_at=now - timedelta(days=5))
    acked = add_request(cid, "send a copy", now, received_at=now - timedelta(hours=3)).ids[0]
    acknowledge_request(acked, now - timedelta(hours=2))
    page = TodayPage(notebook)
    qtbot.addWidget(page)
    page.resize(1280, 700)
    page.show()
    loaded(qtbot, page)
    index = page.model.find(RowKind.REQUEST, late.ids[0]).siblingAtColumn(Column.WHEN)
    text = index.data()
    assert text.startswith("received Fri 13 Nov 10:00, reply was due")
    assert page.view.columnWidth(Column.WHEN) > page.view.fontMetrics().horizontalAdvance(text)
    grey = page.model.find(RowKind.REQUEST, acked)
    assert "acknowledged today 08:00" in grey.siblingAtColumn(Column.WHEN).data()
    tip = grey.data(Qt.ItemDataRole.ToolTipRole)
    assert acknowledged_hint() in tip
    assert "&lt;b&gt;Vogel&lt;/b&gt;" in tip  # a client's name is shown as typed, never as markup


def test_kept_snooze_and_acknowledge_say_what_they_did(qtbot, notebook, now, tz):
    said: list[str] = []
    notebook.message.connect(lambda _level, text: said.append(text))
    cid = make_client(now, "Leila Dubois", response_hours=24)
    contact(cid, now, 1)
    kept = add_promise(cid, "share the invoice draft", now, tz, due=Due(date(2026, 11, 17)))
    later = add_promise(cid, "send the floor plan", now, tz, due=Due(date(2026, 11, 16)))
    asked = add_request(cid, "quote?", now, received_at=now - timedelta(hours=30))
    page = TodayPage(notebook)
    qtbot.addWidget(page)
    loaded(qtbot, page)
    page.mark_done(page.report.rows(Section.OVERDUE)[1])
    assert said[-1] == "Kept “share the invoice draft” (Leila Dubois). Undo (Ctrl+Z) reopens it."
    assert get_promise(kept.ids[0]).status == "kept"
    (row,) = [r for r in page.report.rows(Section.OVERDUE) if r.subject_id == later.ids[0]]
    page.snooze(row, "1h")
    assert said[-1] == "Snoozed “send the floor plan” (Leila Dubois) until 11:00."
    (request,) = [r for r in page.report.rows(Section.REQUESTS) if r.subject_id == asked.ids[0]]
    page.acknowledge(request)
    assert said[-1] == "Acknowledged “quote? (email)” (Leila Dubois); the answer is owed."
