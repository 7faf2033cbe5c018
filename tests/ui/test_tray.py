"""The tray icon, offscreen: the badge counts what needs attention, the tooltip summarises it,
the menu is rebuilt when opened and each entry does what it says."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QSystemTrayIcon

from ckbook.services.agenda import due_report
from ckbook.services.care import add_request
from ckbook.services.due import Due
from ckbook.services.promises import add_promise
from ckbook.ui.tray import MENU_ITEMS, Tray, badge_pixmap
from tests.factories import contact, make_client


def test_no_tray_offscreen(qapp):
    # RELIABILITY #12: offscreen (and plain GNOME) has no tray, although messages claim support
    assert Tray.available() is QSystemTrayIcon.isSystemTrayAvailable()
    assert Tray.available() is False


def test_the_badge_is_drawn_on_the_icon(qapp):
    plain = badge_pixmap(32, 0).toImage()
    three = badge_pixmap(32, 3).toImage()
    many = badge_pixmap(32, 250).toImage()
    assert plain != three != many
    # the badge sits top right, in red
    corner = three.pixelColor(26, 6)
    assert corner.red() > 150 and corner.green() < 120
    assert plain.pixelColor(26, 6) != corner


def test_badge_tooltip_and_menu_follow_the_report(db, now, tz, qtbot):
    ada = make_client(now, "Ada & Co")
    contact(ada, now, days_ago=1)
    bo = make_client(now, "Bo", checkin_days=7)
    contact(bo, now, days_ago=9)
    add_promise(ada, "send the deck", now, tz, due=Due(date(2026, 11, 17)))
    add_promise(ada, "call the bank", now, tz, due=Due(date(2026, 11, 18)))
    add_request(bo, "quote?", now, received_at=now - timedelta(hours=30))
    tray = Tray(tz)
    shown_counts = []
    tray.set_report(due_report(now, tz))
    shown_counts.append(tray.count)
    assert tray.count == 4
    assert "1 promise overdue, 1 promise due today, 1 check-in overdue, 1 reply overdue" in (
        tray.icon.toolTip()
    )
    tray.menu.aboutToShow.emit()
    texts = list(tray.actions())
    assert texts[:4] == [
        "Overdue: Ada && Co — send the deck",
        "Due today: Ada && Co — call the bank",
        "Check in with Bo",
        "Reply to Bo — quote?",
    ]
    assert texts[4:] == ["New call note…", "Open ckbook", "Pause reminders for 1 hour", "Quit"]
    with qtbot.waitSignal(tray.openClient) as opened:
        tray.actions()["Check in with Bo"].trigger()
    assert opened.args == [bo]
    for text, signal in [
        ("New call note…", tray.newCallNote),
        ("Open ckbook", tray.openApp),
        ("Pause reminders for 1 hour", tray.pauseRequested),
        ("Quit", tray.quitRequested),
    ]:
        with qtbot.waitSignal(signal):
            tray.actions()[text].trigger()


def test_the_menu_is_rebuilt_when_opened(db, now, tz, qtbot):
    ada = make_client(now, "Ada")
    contact(ada, now, days_ago=1)
    tray = Tray(tz)
    tray.set_report(due_report(now, tz))
    tray.menu.aboutToShow.emit()
    assert "Nothing needs you right now" in tray.actions()
    assert tray.count == 0
    for n in range(MENU_ITEMS + 3):
        add_promise(ada, f"task {n}", now, tz, due=Due(date(2026, 11, 17)))
    tray.set_report(due_report(now, tz))
    tray.set_paused_until(now + timedelta(hours=1))
    tray.menu.aboutToShow.emit()
    texts = list(tray.actions())
    assert texts[MENU_ITEMS] == "3 more… (open ckbook)"
    assert "Resume reminders (paused until 11:00)" in texts
    assert "paused until 11:00" in tray.icon.toolTip()
    assert tray.count == MENU_ITEMS + 3
    with qtbot.waitSignal(tray.resumeRequested):
        tray.actions()["Resume reminders (paused until 11:00)"].trigger()


def test_clicking_the_icon_opens_the_window(qapp, tz, qtbot):
    tray = Tray(tz)
    with qtbot.waitSignal(tray.openApp):
        tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)


def test_a_promise_snoozed_from_today_leaves_the_menu_and_the_badge(db, now, tz, qtbot):
    from ckbook.services.reminders import snooze
    from ckbook.services.today import Section, reminder_for, today_report

    leila = make_client(now, "Leila Dubois")
    contact(leila, now, days_ago=1)
    add_promise(leila, "share the invoice draft", now, tz, due=Due(date(2026, 11, 11)))
    add_promise(leila, "send the floor plan", now, tz, due=Due(date(2026, 11, 12)))
    row = next(
        r
        for r in today_report(now, tz).rows(Section.OVERDUE)
        if r.text == "share the invoice draft"
    )
    reminder = reminder_for(row, tz)
    assert reminder is not None
    snooze(reminder, "1h", now, tz)  # Today ▸ Snooze ▸ 1 hour
    tray = Tray(tz)
    tray.set_report(due_report(now, tz))
    tray.menu.aboutToShow.emit()
    texts = list(tray.actions())
    assert "Overdue: Leila Dubois — send the floor plan" in texts
    assert not any("share the invoice draft" in t for t in texts)
    assert tray.count == 1
    assert "(1 snoozed)" in tray.icon.toolTip()
