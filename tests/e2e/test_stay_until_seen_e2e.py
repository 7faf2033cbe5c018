"""End-to-end against a real daemon (dunst): a reminder that must stay goes out critical and
resident; one the daemon lets expire comes back as ``expired`` (NotificationClosed reason 1), which
the router keeps as missed.

In-process: D-Bus needs no X, so the offscreen QApplication of pytest-qt is fine (as in
test_desktop_notifications.test_bus_loss_is_logged_and_reported_unavailable).
"""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from ckbook.ui.desktop_notifications import URGENCY_CRITICAL, DesktopNotifier

pytestmark = pytest.mark.e2e


def test_critical_resident_reaches_dunst_and_an_expired_one_says_so(desktop, qtbot: QtBot) -> None:
    notifier = DesktopNotifier(bus_address=desktop.bus_address)
    try:
        stays = notifier.notify(
            "promise-overdue|1|2026-11-17",
            "Promise overdue",
            "Ada: send the deck",
            [("done", "Done")],
            timeout_ms=0,
            urgency=URGENCY_CRITICAL,
            resident=True,
        )
        assert stays > 0
        with qtbot.waitSignal(notifier.expired, timeout=5000) as expired:
            # The daemon's timeout runs out (a user away from the desk).
            notifier.notify(
                "promise-coming-due|2|2026-11-18", "Promise due", "Ada: call", [], timeout_ms=300
            )
        assert expired.args == ["promise-coming-due|2|2026-11-18"]
        shown = desktop.wait_for_notifications(2)
        assert [(n["summary"], n["urgency"]) for n in shown] == [
            ("Promise overdue", "CRITICAL"),
            ("Promise due", "NORMAL"),
        ]
        assert desktop.displayed_count() == 1  # the critical one is still there
    finally:
        notifier.stop()
