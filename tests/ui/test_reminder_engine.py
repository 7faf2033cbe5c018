"""The reminder engine and its router, offscreen: what pops up, once, by which route, what the
pop-up's buttons do to the notebook, and the holds (quiet hours, pause)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QObject, Signal

from ckbook.services.clock import OffsetClock
from ckbook.services.due import Due
from ckbook.services.promises import add_promise, get_promise
from ckbook.services.reminder_rules import ReminderKind
from ckbook.services.settings import update_settings
from ckbook.store.models import ReminderLog
from ckbook.ui.banner import ReminderBanner
from ckbook.ui.notebook import Notebook
from ckbook.ui.notifications import ReminderRouter, Route
from ckbook.ui.reminder_engine import ReminderEngine
from tests.factories import contact, make_client


class FakeDesktop(QObject):
    """Stands in for DesktopNotifier: records what was sent; tests press its actions."""

    actionInvoked = Signal(str, str)
    closed = Signal(str)
    expired = Signal(str)

    def __init__(self, up: bool = True) -> None:
        super().__init__()
        self.up = up
        self.sent: list[tuple[str, str, str, tuple[tuple[str, str], ...]]] = []
        #: key -> (urgency, resident, timeout_ms) of the last send
        self.hints: dict[str, tuple[int, bool, int]] = {}

    def available(self) -> bool:
        return self.up

    def notify(
        self, key, summary, body, actions=(), *, timeout_ms=-1, urgency=1, resident=False
    ) -> int:  # type: ignore[no-untyped-def]
        if not self.up:
            return 0
        self.sent.append((key, summary, body, tuple(actions)))
        self.hints[key] = (urgency, resident, timeout_ms)
        return len(self.sent)

    def close(self, key: str) -> None:
        pass


@pytest.fixture
def ada(db, now) -> int:
    client = make_client(now, "Ada Lovelace")
    contact(client, now, days_ago=1)
    return client


@pytest.fixture
def banner(qtbot) -> ReminderBanner:
    widget = ReminderBanner()
    qtbot.addWidget(widget)
    return widget


def make_engine(notebook, banner, desktop=None, **kwargs) -> tuple[ReminderEngine, ReminderRouter]:  # type: ignore[no-untyped-def]
    router = ReminderRouter(notebook, banner, desktop)
    engine = ReminderEngine(notebook, router, threaded=False, **kwargs)
    return engine, router


def test_what_came_due_while_closed_shows_once_in_one_batch(notebook, banner, clock, tz, ada, now):
    add_promise(ada, "send the deck", now, tz, due=Due(date(2026, 11, 16)))
    add_promise(ada, "call the bank", now, tz, due=Due(date(2026, 11, 17), time(15)))
    add_promise(ada, "later", now, tz, due=Due(date(2026, 11, 30)))
    engine, _router = make_engine(notebook, banner)
    engine.start()
    item = banner.current()
    assert item is not None and banner.pending() == 1
    assert item.title == "While you were away: 2 promises came due"
    assert "Ada Lovelace: send the deck" in item.body
    assert "Ada Lovelace: call the bank" in item.body
    assert ReminderLog.select().where(ReminderLog.fired_at.is_null(False)).count() == 2
    engine.stop()

    # a restart shows nothing again
    banner.remove(item.key)
    again, _ = make_engine(notebook, banner)
    again.start()
    assert banner.current() is None
    again.stop()


def test_a_reminder_coming_due_while_running_pops_up_once(notebook, banner, clock, tz, ada, now):
    desktop = FakeDesktop()
    add_promise(ada, "call back", now, tz, due=Due(date(2026, 11, 18), time(11, 0, 30)))
    engine, _ = make_engine(notebook, banner, desktop)
    engine.start()
    assert desktop.sent == []
    # the timer is set for the reminder instant (10:00:30), not a minute later
    assert engine.next_check_at is not None
    assert now + timedelta(seconds=30) <= engine.next_check_at <= now + timedelta(seconds=31)
    clock.set(now + timedelta(seconds=31))
    engine.check_now()
    engine.check_now()
    assert len(desktop.sent) == 1
    _key, summary, body, actions = desktop.sent[0]
    assert summary == "Promise due Wed 18 Nov 2026 11:00"
    assert body == "Ada Lovelace: call back"
    assert [a for a, _label in actions] == [
        "default",
        "done",
        "snooze-15m",
        "snooze",
        "snooze-tomorrow",
        "open",
    ]
    assert banner.current() is None
    engine.stop()


def test_done_on_the_pop_up_keeps_the_promise(notebook, banner, clock, tz, ada, now, qtbot):
    desktop = FakeDesktop()
    engine, _ = make_engine(notebook, banner, desktop)
    engine.start()  # nothing missed
    due = Due(date(2026, 11, 18), time(10, 30))
    promise = add_promise(ada, "call back", now, tz, due=due).ids[0]
    engine.check_now()
    (key, *_rest) = desktop.sent[-1]
    with qtbot.waitSignal(notebook.changed) as changed:
        desktop.actionInvoked.emit(key, "done")
    assert changed.args[0].kind == "promise"
    assert get_promise(promise).status == "kept"
    desktop.actionInvoked.emit(key, "done")  # a second press changes nothing
    engine.stop()


def test_snooze_and_open_from_the_pop_up(notebook, banner, clock, tz, ada, now, qtbot):
    desktop = FakeDesktop()
    engine, router = make_engine(notebook, banner, desktop)
    engine.start()
    add_promise(ada, "call back", now, tz, due=Due(date(2026, 11, 18), time(10, 59)))
    engine.check_now()
    key = desktop.sent[-1][0]
    desktop.actionInvoked.emit(key, "snooze")
    row = ReminderLog.get()
    assert row.snoozed_until == now + timedelta(hours=1)
    clock.set(now + timedelta(minutes=59))  # overdue from 10:59, but snoozed until 11:00
    engine.check_now()
    assert desktop.sent[1:] == []
    clock.set(now + timedelta(hours=1))  # the snooze ends: shown once, with its true state
    engine.check_now()
    engine.check_now()
    assert [s[1] for s in desktop.sent[1:]] == ["Promise overdue since 10:59, snoozed at 10:00"]
    with qtbot.waitSignal(router.openClient) as opened:
        desktop.actionInvoked.emit(desktop.sent[-1][0], "default")
    assert opened.args == [ada]
    engine.stop()


def test_the_missed_batch_opens_the_window(notebook, banner, tz, ada, now, qtbot):
    desktop = FakeDesktop()
    add_promise(ada, "send the deck", now, tz, due=Due(date(2026, 11, 16)))
    engine, router = make_engine(notebook, banner, desktop)
    engine.start()
    (key, summary, body, _actions) = desktop.sent[0]
    assert summary == "While you were away: 1 promise came due"
    assert body == "• Ada Lovelace: send the deck (was due Mon 16 Nov 2026)"
    with qtbot.waitSignal(router.openApp):
        desktop.actionInvoked.emit(key, "default")
    engine.stop()


def test_more_than_a_handful_at_once_is_one_batch(notebook, banner, clock, tz, ada, now):
    desktop = FakeDesktop()
    engine, _ = make_engine(notebook, banner, desktop)
    engine.start()
    for n in range(5):
        add_promise(ada, f"task {n}", now, tz, due=Due(date(2026, 11, 18), time(12, n)))
    clock.set(now + timedelta(hours=3))  # e.g. a laptop that slept through them
    engine.check_now()
    assert [s[1] for s in desktop.sent] == ["5 promises came due"]
    assert desktop.sent[0][2].count("•") == 5
    engine.stop()


def test_quiet_hours_hold_pop_ups_until_they_end(notebook, banner, clock, tz, ada, now):
    desktop = FakeDesktop()
    update_settings(quiet_hours_enabled=True, quiet_start=time(22), quiet_end=time(7))
    engine, _ = make_engine(notebook, banner, desktop)
    engine.start()
    add_promise(ada, "night task", now, tz, due=Due(date(2026, 11, 18), time(23, 30)))
    clock.set(datetime(2026, 11, 18, 23, 0, tzinfo=tz))
    engine.check_now()
    assert desktop.sent == []
    assert ReminderLog.select().count() == 0  # held, not lost
    assert engine.next_check_at is not None  # re-checks within the minute anyway
    clock.set(datetime(2026, 11, 19, 7, 0, tzinfo=tz))
    engine.check_now()
    assert [s[1] for s in desktop.sent] == ["Promise overdue"]
    engine.stop()


def test_pause_holds_for_an_hour_and_resume_releases(notebook, banner, clock, tz, ada, now):
    desktop = FakeDesktop()
    engine, _ = make_engine(notebook, banner, desktop)
    engine.start()
    engine.pause()
    assert engine.paused_until == now + timedelta(hours=1)
    add_promise(ada, "call", now, tz, due=Due(date(2026, 11, 18), time(10, 30)))
    clock.set(now + timedelta(minutes=40))
    engine.check_now()
    assert desktop.sent == []
    engine.resume()
    assert len(desktop.sent) == 1
    engine.stop()


def test_settings_change_the_default_remind_before(notebook, banner, clock, tz, ada, now):
    desktop = FakeDesktop()
    add_promise(ada, "call", now, tz, due=Due(date(2026, 11, 18), time(11, 30)))
    engine, _ = make_engine(notebook, banner, desktop)
    engine.start()
    assert desktop.sent == []
    notebook.run(update_settings, remind_before_minutes=120)  # Changed("settings") → re-check
    assert [s[1] for s in desktop.sent] == ["Promise due Wed 18 Nov 2026 11:30"]
    engine.stop()


def test_without_a_notification_service_or_tray_the_banner_has_the_actions(
    notebook, banner, clock, tz, ada, now, qtbot
):
    engine, router = make_engine(notebook, banner, FakeDesktop(up=False))
    assert router.route() is Route.BANNER
    engine.start()
    promise = add_promise(ada, "call", now, tz, due=Due(date(2026, 11, 18), time(10, 30))).ids[0]
    engine.check_now()
    item = banner.current()
    assert item is not None
    assert [a for a, _ in item.actions] == [
        "done",
        "snooze-15m",
        "snooze",
        "snooze-tomorrow",
        "open",
    ]
    assert banner.button("done") is not None
    banner.button("done").click()
    assert get_promise(promise).status == "kept"
    assert banner.current() is None
    engine.stop()


def test_the_test_reminder_says_which_route(notebook, banner):
    desktop = FakeDesktop()
    router = ReminderRouter(notebook, banner, desktop)
    assert router.send_test() is Route.DESKTOP
    assert desktop.sent[0][2] == "Reminders reach you through desktop notifications."
    desktop.up = False
    assert router.send_test() is Route.BANNER
    assert banner.current().body == "Reminders reach you through a banner in the ckbook window."


def test_the_timer_wakes_for_the_next_reminder_in_real_time(db, qapp, tz, banner, qtbot):
    start = datetime(2026, 11, 18, 10, 59, 58, 500000, tzinfo=tz)
    clock = OffsetClock(start, tz)
    book = Notebook(clock, db.location)
    client = make_client(clock.now(), "Ada")
    add_promise(client, "call", clock.now(), tz, due=Due(date(2026, 11, 18), time(12)))
    desktop = FakeDesktop()
    engine, _ = make_engine(book, banner, desktop)
    engine.start()
    assert desktop.sent == []
    with qtbot.waitSignal(engine.popups, timeout=5000):
        pass
    assert len(desktop.sent) == 1
    assert clock.now() >= datetime(2026, 11, 18, 11, 0, tzinfo=tz)
    engine.stop()


def test_the_threaded_engine_checks_and_records_on_its_worker(
    db, notebook, banner, tz, ada, now, qtbot
):
    desktop = FakeDesktop()
    add_promise(ada, "send the deck", now, tz, due=Due(date(2026, 11, 16)))
    router = ReminderRouter(notebook, banner, desktop)
    engine = ReminderEngine(notebook, router)
    reports = []
    engine.reportReady.connect(reports.append)
    with qtbot.waitSignal(engine.popups, timeout=5000):
        engine.start()
    qtbot.waitUntil(lambda: ReminderLog.select().count() == 1, timeout=5000)
    assert reports and reports[0].attention_count == 1
    assert [s[1] for s in desktop.sent] == ["While you were away: 1 promise came due"]
    assert ReminderLog.get().kind == ReminderKind.PROMISE_OVERDUE.value
    engine.stop()


def test_a_full_disk_neither_repeats_the_pop_up_nor_loses_the_record(
    notebook, banner, clock, tz, ada, now, qtbot, monkeypatch
):
    import sqlite3

    from ckbook.ui import reminder_engine

    real_mark_fired = reminder_engine.mark_fired
    disk_full = [True]

    def flaky_mark_fired(occurrences, at):  # type: ignore[no-untyped-def]
        if disk_full[0]:
            raise sqlite3.OperationalError("database or disk is full")
        return real_mark_fired(occurrences, at)

    real_claim = reminder_engine.claim

    def flaky_claim(occurrences, at):  # type: ignore[no-untyped-def]
        if disk_full[0]:
            raise sqlite3.OperationalError("database or disk is full")
        return real_claim(occurrences, at)

    monkeypatch.setattr(reminder_engine, "mark_fired", flaky_mark_fired)
    monkeypatch.setattr(reminder_engine, "claim", flaky_claim)
    desktop = FakeDesktop()
    engine, _ = make_engine(notebook, banner, desktop)
    messages = []
    notebook.message.connect(lambda level, text: messages.append((level, text)))
    engine.start()
    add_promise(ada, "call", now, tz, due=Due(date(2026, 11, 18), time(10, 30)))
    engine.check_now()
    assert len(desktop.sent) == 1
    assert ReminderLog.select().count() == 0
    for _ in range(3):  # the minute re-checks while the disk is full
        engine.check_now()
    assert len(desktop.sent) == 1  # shown once
    assert len(messages) == 1 and messages[0][0] == "error"  # said once
    assert "not recorded" in messages[0][1]
    disk_full[0] = False
    engine.check_now()
    assert ReminderLog.select().count() == 1  # recorded once there is room
    engine.check_now()
    assert len(desktop.sent) == 1
    engine.stop()


def test_a_snooze_from_today_refreshes_the_trays_report(notebook, banner, tz, ada, now, qtbot):
    from ckbook.services.reminders import snooze
    from ckbook.services.today import Section, reminder_for, today_report

    engine, _router = make_engine(notebook, banner, FakeDesktop())
    engine.start()
    add_promise(ada, "share the invoice draft", now, tz, due=Due(date(2026, 11, 11)))
    with qtbot.waitSignal(engine.reportReady) as first:
        engine.check_now()
    assert [p.text for p in first.args[0].overdue] == ["share the invoice draft"]
    (row,) = today_report(now, tz).rows(Section.OVERDUE)
    with qtbot.waitSignal(engine.reportReady, timeout=5000) as after:
        notebook.run(snooze, reminder_for(row, tz), "1h", now, tz)  # Today ▸ Snooze ▸ 1 hour
    assert after.args[0].overdue == () and after.args[0].snoozed == 1
    engine.stop()


@pytest.mark.parametrize(
    ("action", "until"),
    [
        ("snooze-15m", datetime(2026, 11, 18, 10, 15)),
        ("snooze", datetime(2026, 11, 18, 11, 0)),
        ("snooze-tomorrow", datetime(2026, 11, 19, 9, 0)),
    ],
)
def test_the_pop_up_snoozes_15_min_1_h_or_until_tomorrow_9(
    notebook, banner, tz, ada, now, action, until
):
    desktop = FakeDesktop()
    engine, _router = make_engine(notebook, banner, desktop)
    engine.start()
    add_promise(ada, "call back", now, tz, due=Due(date(2026, 11, 18), time(10, 59)))
    engine.check_now()
    (key, _summary, _body, actions) = desktop.sent[-1]
    assert dict(actions)[action].startswith(("Snooze", "Tomorrow"))
    desktop.actionInvoked.emit(key, action)
    assert ReminderLog.get().snoozed_until == until.replace(tzinfo=tz)
    engine.stop()


def test_overdue_stays_until_seen_coming_due_may_expire_and_settings_choose(
    notebook, banner, clock, tz, ada, now
):
    desktop = FakeDesktop()
    engine, _router = make_engine(notebook, banner, desktop)
    engine.start()  # nothing missed: later ones are single pop-ups
    add_promise(ada, "call back", now, tz, due=Due(date(2026, 11, 18), time(10, 30)))
    engine.check_now()  # coming due (reminds 09:30): normal, the daemon's timeout
    clock.set(now + timedelta(minutes=31))
    engine.check_now()  # overdue since 10:30: critical, resident, no timeout
    (coming, _), (overdue, _) = [(s[0], s[1]) for s in desktop.sent]
    assert desktop.hints[coming] == (1, False, -1)
    assert desktop.hints[overdue] == (2, True, 0)

    notebook.run(update_settings, stay_promise_coming_due=True, stay_promise_overdue=False)
    add_promise(ada, "send the deck", now, tz, due=Due(date(2026, 11, 18), time(11, 30)))
    engine.check_now()
    later = desktop.sent[-1][0]
    assert later.startswith("promise-coming-due") and desktop.hints[later] == (2, True, 0)
    engine.stop()


def test_a_pop_up_closed_unseen_is_counted_and_listed_until_acted_on(
    notebook, banner, clock, tz, ada, now, qtbot
):
    from ckbook.services.promises import close_promise
    from ckbook.ui.tray import Tray

    desktop = FakeDesktop()
    engine, router = make_engine(notebook, banner, desktop)
    tray = Tray(tz)
    router.missedChanged.connect(tray.set_missed)
    tray.missedOpened.connect(router.open_missed)
    engine.reportReady.connect(tray.set_report)
    engine.start()
    first = add_promise(ada, "call back", now, tz, due=Due(date(2026, 11, 18), time(10, 30))).ids[0]
    # Reminded a day ahead: not due today, so not on the badge until its pop-up goes by unseen.
    tomorrow = Due(date(2026, 11, 19), time(9, 45))
    add_promise(ada, "send the deck", now, tz, due=tomorrow, remind_before_minutes=24 * 60)
    engine.check_now()
    keys = [s[0] for s in desktop.sent]
    assert len(keys) == 2 and tray.count == 1  # "call back" is due today
    for key in keys:  # the user was away: the daemon let both expire
        desktop.expired.emit(key)
        desktop.closed.emit(key)
    assert [o.body for o in router.missed()] == [
        "Ada Lovelace: call back",
        "Ada Lovelace: send the deck",
    ]
    assert tray.count == 2  # "call back" counted once; "send the deck" now counts too
    assert "2 reminders went by unseen" in tray.icon.toolTip()
    missed_entries = [t for t in tray.actions() if t.startswith("Missed:")]
    assert missed_entries == [
        "Missed: Promise due Wed 18 Nov 2026 10:30 — Ada Lovelace: call back",
        "Missed: Promise due Thu 19 Nov 2026 09:45 — Ada Lovelace: send the deck",
    ]
    # Acting on what one is about (kept from the card) counts as seeing it.
    notebook.run(close_promise, first, "kept", now)
    assert [o.body for o in router.missed()] == ["Ada Lovelace: send the deck"]
    # Opening the other from the tray menu opens its card, and it is seen.
    with qtbot.waitSignal(router.openClient) as opened:
        tray.actions()[missed_entries[1]].trigger()
    assert opened.args == [ada]
    assert router.missed() == ()
    qtbot.waitUntil(lambda: tray.count == 0, timeout=5000)  # "call back" kept: re-checked
    assert not [t for t in tray.actions() if t.startswith("Missed:")]
    engine.stop()


def test_a_snooze_in_another_process_refreshes_the_trays_report(
    notebook, banner, tz, ada, now, qtbot
):
    from ckbook.services.base import Changed, Kind
    from ckbook.services.live import ELSEWHERE
    from ckbook.services.reminders import find_occurrence, snooze

    engine, _router = make_engine(notebook, banner, FakeDesktop())
    engine.start()
    promise = add_promise(ada, "share the invoice draft", now, tz, due=Due(date(2026, 11, 11)))
    with qtbot.waitSignal(engine.reportReady) as first:
        engine.check_now()
    assert first.args[0].overdue != ()
    occurrence = find_occurrence(("promise-overdue", promise.ids[0], "2026-11-11"), now, tz)
    snooze(occurrence, "1h", now, tz)  # written by another process: no broadcast of its own
    with qtbot.waitSignal(engine.reportReady, timeout=5000) as after:
        # what live changes broadcast once the change journal shows it
        notebook.broadcast(Changed(Kind.REMINDER, (occurrence.subject_id,), (), ELSEWHERE))
    assert after.args[0].overdue == () and after.args[0].snoozed == 1


def test_a_steady_check_reads_only_what_changed(notebook, banner, clock, tz, ada, now, monkeypatch):  # type: ignore[no-untyped-def]
    """After the first check the engine reads nothing again while nothing changes; a change
    of this process is read for the clients it names; a write it did not hear of (another
    program) makes it read everything again. And reminders still fire on time throughout."""
    import ckbook.services.reminders as reminders

    reads: list[object] = []
    whole = reminders.all_occurrences

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        reads.append(args[3] if len(args) > 3 else kwargs.get("client_ids"))
        return whole(*args, **kwargs)

    monkeypatch.setattr(reminders, "all_occurrences", counting)
    engine, _router = make_engine(notebook, banner)
    engine.start()
    assert reads == [None]  # the first check reads everything
    for _ in range(3):
        engine.check_now()
    assert reads == [None]

    notebook.run(add_promise, ada, "call back", now, tz, due=Due(date(2026, 11, 18), time(11)))
    engine.check_now()
    # Ada's reminders are read again (after the change, and after our own claim and record
    # of what it fired), nothing else.
    assert reads[0] is None and reads[1:] and all(r == [ada] for r in reads[1:])
    clock.set(now + timedelta(hours=1, minutes=30))  # 10:30 UTC: 11:30 local, past the due
    engine.check_now()
    assert banner.current() is not None and "call back" in banner.current().body

    elsewhere = add_promise(
        ada, "written by another program", now, tz, due=Due(date(2026, 11, 10))
    ).ids[0]
    engine.check_now()
    assert reads.count(None) == 2  # everything, once more (then what its claim wrote)
    fired = ReminderLog.select().where(
        (ReminderLog.subject_id == elsewhere) & ReminderLog.fired_at.is_null(False)
    )
    assert fired.count() == 1
    engine.stop()
