"""Connects the reminder parts to the main window: the tray, the pop-up router, the engine, the
in-window banner, the settings dialog, and closing to the tray.

``app.py`` calls ``install_reminders`` once, after the window exists; everything here speaks to
the window only through its agreed API (``open_client``, ``action(name)``, ``handlers``,
``close_to_tray``, ``show_status``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QToolBar, QVBoxLayout, QWidget
from typing_extensions import override

from ckbook.i18n import tr
from ckbook.services.autostart import launch_command, set_autostart
from ckbook.services.base import Changed
from ckbook.services.people import me
from ckbook.services.settings import load_settings, save_settings, update_settings
from ckbook.ui.banner import ReminderBanner
from ckbook.ui.desktop_notifications import DesktopNotifier
from ckbook.ui.icons import app_icon
from ckbook.ui.notebook import Notebook
from ckbook.ui.notifications import ReminderRouter
from ckbook.ui.reminder_engine import ReminderEngine
from ckbook.ui.settings_dialog import SettingsDialog
from ckbook.ui.tray import Tray

log = logging.getLogger(__name__)


def tray_hint() -> tuple[str, str]:
    """The pop-up the first close into the tray shows: title, body."""
    return (
        tr("ckbook is still running"),
        tr(
            "ckbook keeps running in the tray so reminders can reach you. "
            "To quit, choose Quit in the tray icon's menu."
        ),
    )


@dataclass
class ReminderParts:
    tray: Tray
    router: ReminderRouter
    engine: ReminderEngine
    banner: ReminderBanner
    desktop: DesktopNotifier
    open_settings: Callable[[], None]
    #: Quit for real (SIGTERM, logout): a close now must not hide the window into the tray.
    quit: Callable[[], None]


def show_window(window: QMainWindow) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def _window_action(window: QMainWindow, name: str) -> Any:
    finder = getattr(window, "action", None)
    if finder is None:
        return None
    try:
        return finder(name)
    except (KeyError, LookupError):
        return None


class _CloseToTray(QObject):
    """Keeps ``window.close_to_tray`` true only while the setting is on and a tray exists, and
    says so the first time the window closes into the tray.

    It sees the window's close before the window does; there it only ever turns close-to-tray
    off (the tray went away), never on, so a quit that turned it off is not undone.
    """

    def __init__(self, window: QMainWindow, parts: ReminderParts, notebook: Notebook) -> None:
        super().__init__(window)
        self._window = window
        self._parts = parts
        self._notebook = notebook
        #: Set while the user's Quit runs: that close is not a close into the tray.
        self.quitting = False
        self.apply()

    def _set(self, to_tray: bool) -> None:
        self._window.close_to_tray = to_tray  # type: ignore[attr-defined]
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(not to_tray)

    def apply(self) -> bool:
        to_tray = not self.quitting and load_settings().close_to_tray and Tray.available()
        self._set(to_tray)
        return to_tray

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Close:
            to_tray = bool(getattr(self._window, "close_to_tray", False))
            if to_tray and not Tray.available():
                self._set(False)  # never hide into a tray that is not there
            elif to_tray and not self.quitting and not load_settings().tray_hint_shown:
                title, body = tray_hint()
                self._parts.router.show_batch(title, body, "tray-hint", tr("Open ckbook"))
                self._notebook.run(update_settings, tray_hint_shown=True)
        return False


def _place_banner(window: QMainWindow, banner: ReminderBanner) -> QToolBar:
    """The banner goes in a fixed strip above the window's content, visible only while it shows
    something."""
    bar = QToolBar(tr("Reminders"), window)
    bar.setObjectName("reminderBar")
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.toggleViewAction().setVisible(False)
    # A toolbar controls the visibility of widgets added to it directly; the banner shows and
    # hides itself, so it sits in a plain holder.
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(banner)
    bar.addWidget(holder)
    window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    bar.setVisible(False)
    banner.visibilityChanged.connect(bar.setVisible)
    return bar


def install_reminders(
    app: QApplication,
    window: QMainWindow,
    notebook: Notebook,
    db_argument: str | None = None,
) -> ReminderParts:
    banner = ReminderBanner()
    _place_banner(window, banner)
    desktop = DesktopNotifier(app)
    tray = Tray(notebook.tz, app)
    tray.show()  # Qt docks it whenever a tray host exists, also one that appears later
    router = ReminderRouter(notebook, banner, desktop, tray.icon, parent=app)
    engine = ReminderEngine(notebook, router, parent=app)
    if window.windowIcon().isNull():
        window.setWindowIcon(app_icon())

    def open_client(client_id: int) -> None:
        show_window(window)
        opener = getattr(window, "open_client", None)
        if opener is not None:
            opener(client_id)

    def new_call_note() -> None:
        show_window(window)
        handler = getattr(window, "handlers", {}).get("call_note")
        if handler is not None:
            handler()

    def quit_app() -> None:
        action = _window_action(window, "quit")
        if action is not None:
            action.trigger()
        else:
            window.close_to_tray = False  # type: ignore[attr-defined]
            window.close()
            app.quit()

    def send_test() -> str:
        return router.send_test().text()

    def open_settings() -> None:
        current = load_settings()
        chosen = SettingsDialog.ask(window, current, send_test, Tray.available(), person=me())
        if chosen is None or notebook.run(save_settings, chosen) is None:
            return
        if chosen.start_at_login != current.start_at_login:
            try:
                set_autostart(chosen.start_at_login, launch_command(db_argument))
            except OSError as exc:
                notebook.message.emit(
                    "error", tr("Could not change start at login: {why}").format(why=exc)
                )

    def quit_now() -> None:
        # Qt 6's quit() first closes every window and gives up if one refuses, which a window
        # closing into the tray does: turn that off first.
        closer.quitting = True
        closer.apply()
        app.quit()

    def on_session_ending(_manager: object) -> None:
        closer.quitting = True
        closer.apply()

    parts = ReminderParts(tray, router, engine, banner, desktop, open_settings, quit_now)
    closer = _CloseToTray(window, parts, notebook)
    app.commitDataRequest.connect(on_session_ending)
    window.installEventFilter(closer)

    handlers = getattr(window, "handlers", None)
    if isinstance(handlers, dict) and "quit" in handlers:
        window_quit = handlers["quit"]

        def quit_through_window() -> None:
            closer.quitting = True
            try:
                window_quit()
            finally:
                closer.quitting = False

        handlers["quit"] = quit_through_window

    def show_due() -> None:
        show_window(window)
        today = _window_action(window, "today")
        if today is not None:
            today.trigger()

    def on_changed(changed: Changed) -> None:
        if changed.kind == "settings":
            closer.apply()

    engine.reportReady.connect(tray.set_report)
    # A tray host can come and go (a panel restarting): re-decide at every check.
    engine.reportReady.connect(lambda _report: closer.apply())
    engine.pausedChanged.connect(tray.set_paused_until)
    router.openClient.connect(open_client)
    # Pop-ups the desktop closed unseen: on the badge and in the menu until opened or acted on.
    router.missedChanged.connect(tray.set_missed)
    tray.missedOpened.connect(router.open_missed)
    router.openApp.connect(show_due)
    tray.openClient.connect(open_client)
    tray.openApp.connect(lambda: show_window(window))
    tray.newCallNote.connect(new_call_note)
    tray.pauseRequested.connect(lambda: engine.pause())
    tray.resumeRequested.connect(engine.resume)
    tray.quitRequested.connect(quit_app)
    notebook.changed.connect(on_changed)
    if isinstance(handlers, dict):
        # The window's handler, replaced (not a second slot beside its placeholder, which said
        # "Settings are not available yet." under the open dialog).
        handlers["settings"] = open_settings
    else:
        settings_action = _window_action(window, "settings")
        if settings_action is not None:
            settings_action.triggered.connect(open_settings)

    def shutdown() -> None:
        engine.stop()
        desktop.stop()
        tray.hide()

    app.aboutToQuit.connect(shutdown)
    engine.start()
    return parts
