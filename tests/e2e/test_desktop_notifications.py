"""End-to-end: DesktopNotifier against a real notification daemon (dunst) and tray host (trayer).

The Qt side runs in a child interpreter with QT_QPA_PLATFORM=xcb on the test's Xvfb display,
because pytest-qt's QApplication in this process is offscreen and cannot be switched.
"""

from __future__ import annotations

import html
import logging

import pytest
from pytestqt.qtbot import QtBot

from ckbook.ui.desktop_notifications import DesktopNotifier, escape_body

pytestmark = pytest.mark.e2e

KEY = "promise:7:2026-11-20"
SUMMARY = "Promise due: send the revised quote"
# Markup characters and non-ASCII on purpose: the daemon must show them, not parse them.
BODY = "Ann Müller <ann@example.com> & Co\nDue today 15:00"
ACTIONS = [("done", "Done"), ("snooze", "Snooze"), ("open", "Open")]

NOTIFY_CHILD = f"""
import json, sys
from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QApplication
from ckbook.ui.desktop_notifications import DesktopNotifier

def say(**event):
    print(json.dumps(event), flush=True)

app = QApplication(sys.argv)
notifier = DesktopNotifier()

def on_action(key, action):
    say(event="action", key=key, action=action, types=[type(key).__name__, type(action).__name__],
        gui_thread=QThread.currentThread() is app.thread())
    # Then a second notification, withdrawn by us: that one must end in closed(key).
    say(event="sent", id=notifier.notify("promise:8", "Second", "to be withdrawn", []))
    notifier.close("promise:8")

def on_closed(key):
    say(event="closed", key=key, gui_thread=QThread.currentThread() is app.thread())
    QTimer.singleShot(200, app.quit)  # long enough for a stray second signal to show up

notifier.actionInvoked.connect(on_action)
notifier.closed.connect(on_closed)
available = notifier.available()
nid = notifier.notify({KEY!r}, {SUMMARY!r}, {BODY!r}, {ACTIONS!r}, timeout_ms=0)
say(event="sent", platform=app.platformName(), available=available, id=nid,
    capabilities=sorted(notifier.capabilities()))
QTimer.singleShot(10_000, app.quit)  # never hang the test run
app.exec()
notifier.stop()
say(event="stopped", available=notifier.available())
"""

TRAY_CHILD = """
import json, sys, time
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

app = QApplication(sys.argv)
deadline = time.monotonic() + 3
while not QSystemTrayIcon.isSystemTrayAvailable() and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.05)
print(json.dumps({"platform": app.platformName(),
                  "tray": QSystemTrayIcon.isSystemTrayAvailable()}), flush=True)
"""


def test_notification_reaches_daemon_and_action_comes_back(desktop) -> None:
    child = desktop.spawn_python(NOTIFY_CHILD)

    sent = child.next_event(timeout=10)
    assert sent["event"] == "sent"
    assert sent["platform"] == "xcb"
    assert sent["available"] is True
    assert "actions" in sent["capabilities"]
    assert sent["id"] > 0

    shown = desktop.wait_for_notifications(1)
    assert len(shown) == 1, shown
    note = shown[0]
    assert note["appname"] == "ckbook"
    assert note["summary"] == SUMMARY
    # Sent escaped, so a markup-reading daemon shows the text exactly as typed.
    assert note["body"] == escape_body(BODY)
    assert html.unescape(note["body"]) == BODY
    assert note["actions"] == dict(ACTIONS)
    assert int(note["id"]) == sent["id"]
    assert "Unable to parse markup" not in desktop.dunst_errors()

    picked = desktop.invoke_action("done", notification_id=sent["id"])
    assert picked.startswith("#Done")

    assert child.next_event() == {
        "event": "action",
        "key": KEY,
        "action": "done",
        "types": ["str", "str"],
        "gui_thread": True,
    }
    second = child.next_event()
    assert second["event"] == "sent" and second["id"] > 0
    # The action ended the first notification (exactly one signal for it, no closed); the second
    # one was withdrawn with close() and reports closed.
    assert child.next_event() == {"event": "closed", "key": "promise:8", "gui_thread": True}
    assert child.next_event() == {"event": "stopped", "available": False}
    assert child.wait() == 0
    assert [n["summary"] for n in desktop.notifications()] == [SUMMARY, "Second"]
    assert desktop.displayed_count() == 0  # both are off the screen


def test_tray_is_available_under_trayer(desktop) -> None:
    child = desktop.spawn_python(TRAY_CHILD)
    assert child.next_event(timeout=10) == {"platform": "xcb", "tray": True}
    assert child.wait() == 0


def test_bus_loss_is_logged_and_reported_unavailable(
    spare_bus, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    """In-process (the offscreen QApplication is fine: no X is needed to talk D-Bus)."""
    notifier = DesktopNotifier(bus_address=spare_bus.address)
    try:
        assert notifier.available()
        assert notifier.notify("k", "summary", "body", [("done", "Done")]) > 0

        with caplog.at_level(logging.WARNING, logger="ckbook.ui.desktop_notifications"):
            spare_bus.kill_bus()
            # The listener notices on its own; available() and notify() then fail soft.
            qtbot.waitUntil(lambda: "lost the bus" in caplog.text, timeout=3000)
            assert notifier.available() is False
            assert notifier.notify("k", "summary", "body", []) == 0
            notifier.close("k")  # no exception, nothing to close
    finally:
        notifier.stop()
    assert notifier.available() is False


def test_no_session_bus_means_unavailable(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """No desktop at all (e.g. a bare SSH session): fail soft, log once."""
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    notifier = DesktopNotifier()
    with caplog.at_level(logging.WARNING, logger="ckbook.ui.desktop_notifications"):
        assert notifier.available() is False
        assert notifier.notify("k", "s", "b", []) == 0
        assert notifier.capabilities() == frozenset()
    assert caplog.text.count("desktop notifications unavailable") == 1
    notifier.stop()
