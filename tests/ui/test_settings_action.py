"""Edit ▸ Settings… opens the settings dialog and nothing else: the window's placeholder
("Settings are not available yet.") is replaced, not run beside it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from ckbook.ui.main_window import MainWindow
from ckbook.ui.reminder_wiring import install_reminders
from ckbook.ui.settings_dialog import SettingsDialog


def test_the_settings_action_opens_the_dialog_without_the_placeholder_message(
    db, notebook, qtbot, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/no-bus")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(QCoreApplication, "quit", lambda *_: None)
    window = MainWindow(notebook)
    qtbot.addWidget(window)
    asked: list[bool] = []
    monkeypatch.setattr(SettingsDialog, "ask", classmethod(lambda cls, *a, **k: asked.append(True)))
    app = QApplication.instance()
    parts = install_reminders(app, window, notebook, "nb.sqlite3")
    try:
        window.statusBar().clearMessage()
        window.action("settings").trigger()
        assert asked == [True]
        assert "not available" not in window.statusBar().currentMessage()
    finally:
        parts.engine.stop()
        parts.desktop.stop()
        parts.tray.hide()
        app.setQuitOnLastWindowClosed(True)
