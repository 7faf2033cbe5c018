"""The reminder parts wired to a window, offscreen: the missed batch reaches the in-window banner,
closing never hides into a missing tray, the first close into a tray says so once, settings
write the autostart entry, and tray entries reach the window's agreed API."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QToolBar

from ckbook.services.autostart import autostart_file
from ckbook.services.due import Due
from ckbook.services.promises import add_promise
from ckbook.services.settings import Settings, load_settings
from ckbook.ui.main_window import MainWindow
from ckbook.ui.reminder_wiring import ReminderParts, install_reminders, tray_hint
from ckbook.ui.settings_dialog import SettingsDialog
from ckbook.ui.tray import Tray
from tests.factories import contact, make_client


@pytest.fixture
def wired(db, notebook, qtbot, tmp_path, monkeypatch) -> Iterator[tuple[MainWindow, ReminderParts]]:
    # No session bus: desktop notifications are unavailable, as on a bare machine.
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/no-bus")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    window = MainWindow(notebook)
    qtbot.addWidget(window)
    window.opened = []  # type: ignore[attr-defined]
    monkeypatch.setattr(window, "open_client", window.opened.append)
    window.handlers["call_note"] = lambda: window.opened.append(-1)
    quits: list[int] = []
    monkeypatch.setattr(QCoreApplication, "quit", lambda *_: quits.append(1))
    window.quits = quits  # type: ignore[attr-defined]
    app = QApplication.instance()
    parts = install_reminders(app, window, notebook, "nb.sqlite3")
    yield window, parts
    parts.engine.stop()
    parts.desktop.stop()
    parts.tray.hide()
    app.setQuitOnLastWindowClosed(True)


@pytest.fixture
def overdue(db, now, tz) -> int:
    client = make_client(now, "Ada Lovelace")
    contact(client, now, days_ago=1)
    add_promise(client, "send the deck", now, tz, due=Due(date(2026, 11, 16)))
    return client


def test_missed_batch_reaches_the_banner_when_there_is_no_tray_or_service(overdue, wired, qtbot):
    window, parts = wired
    window.show()
    qtbot.waitUntil(lambda: parts.banner.current() is not None, timeout=5000)
    assert parts.banner.current().title == "While you were away: 1 promise came due"
    strip = window.findChild(QToolBar, "reminderBar")
    assert strip is not None and strip.isVisible()
    qtbot.waitUntil(lambda: parts.tray.count == 1, timeout=5000)  # the badge followed
    parts.banner.button("open").click()
    assert not strip.isVisible()


def test_no_tray_means_closing_quits(wired):
    window, _parts = wired
    assert Tray.available() is False
    assert window.close_to_tray is False
    assert QApplication.instance().quitOnLastWindowClosed() is True


def test_the_first_close_into_the_tray_says_so_once(wired, monkeypatch, qtbot):
    window, parts = wired
    monkeypatch.setattr(Tray, "available", staticmethod(lambda: True))
    shown = []
    parts.router.shown.connect(lambda key, route: shown.append(key))
    window.close_to_tray = True
    window.show()
    window.close()
    assert shown == ["batch|tray-hint"]
    assert parts.banner.current().title == tray_hint()[0]
    assert load_settings().tray_hint_shown is True
    window.show()
    window.close()
    assert len(shown) == 1


def test_a_close_when_the_tray_went_away_quits_instead(wired, monkeypatch):
    window, _parts = wired
    window.close_to_tray = True  # decided while a tray existed
    window.show()
    window.close()
    assert window.close_to_tray is False
    assert QApplication.instance().quitOnLastWindowClosed() is True


def test_settings_are_stored_and_start_at_login_writes_the_entry(wired, monkeypatch, tmp_path):
    window, _parts = wired
    monkeypatch.setattr(
        SettingsDialog, "ask", classmethod(lambda cls, *a, **k: Settings(start_at_login=True))
    )
    window.action("settings").trigger()
    assert load_settings().start_at_login is True
    entry = autostart_file()
    assert entry == tmp_path / "config" / "autostart" / "ckbook.desktop"
    assert "--background" in entry.read_text()
    monkeypatch.setattr(SettingsDialog, "ask", classmethod(lambda cls, *a, **k: Settings()))
    window.action("settings").trigger()
    assert not entry.exists()


def test_tray_entries_reach_the_window(wired, qtbot):
    window, parts = wired
    parts.tray.openClient.emit(42)
    parts.tray.newCallNote.emit()
    assert window.opened == [42, -1]
    assert window.isVisible()
    parts.tray.pauseRequested.emit()
    assert parts.engine.paused_until is not None
    parts.tray.resumeRequested.emit()
    assert parts.engine.paused_until is None


def test_quit_from_the_tray_quits_even_when_closing_goes_to_the_tray(wired, monkeypatch):
    window, parts = wired
    monkeypatch.setattr(Tray, "available", staticmethod(lambda: True))
    shown = []
    parts.router.shown.connect(lambda key, route: shown.append(key))
    parts.engine.reportReady.disconnect()  # keep close_to_tray as set here
    window.close_to_tray = True
    window.show()
    parts.tray.quitRequested.emit()
    assert window.quits == [1]
    assert shown == []  # no "still running in the tray" hint on a real quit


def test_the_missed_batch_opens_today(overdue, wired, qtbot):
    window, parts = wired
    today = []
    window.handlers["today"] = lambda: today.append(1)
    qtbot.waitUntil(lambda: parts.banner.current() is not None, timeout=5000)
    parts.banner.button("open").click()
    assert today == [1]
    assert window.isVisible()


def test_a_real_quit_turns_close_to_tray_off_first(wired, monkeypatch):
    window, parts = wired
    monkeypatch.setattr(Tray, "available", staticmethod(lambda: True))
    parts.engine.reportReady.disconnect()
    window.close_to_tray = True
    parts.quit()  # SIGTERM, logout: Qt 6 would cancel a quit that a window refuses
    assert window.quits == [1]
    assert window.close_to_tray is False
    assert QApplication.instance().quitOnLastWindowClosed() is True
