"""Where a reminder pops up, and what its buttons do.

Routes, best first (RELIABILITY #12):
1. the desktop's notification service (org.freedesktop.Notifications over D-Bus) with the actions
   Done, Snooze 15 min, Snooze 1 h, Tomorrow 09:00 and Open, clicking the notification itself
   opening the item;
2. the tray icon's message, when there is a tray (a click opens the item);
3. a banner inside the ckbook window with the same actions.

A reminder that must stay until seen (settings choose which kinds: overdue promises and late
replies by default) goes out resident and critical; one the daemon closed unseen (it expired) is
kept as *missed* (``missed()``, ``missedChanged``) for the tray's badge and menu until the user
opens it or acts on what it is about.

The router remembers which pop-up shows which reminder occurrence, so an action taken on a pop-up
reaches the right promise, check-in or request; the work itself is done by the reminder
use-cases through the notebook (one transaction each, one ``changed`` broadcast).
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from ckbook.i18n import tr
from ckbook.services import reminders
from ckbook.services.base import Changed
from ckbook.services.reminder_rules import Occurrence, ReminderKind
from ckbook.ui.banner import ReminderBanner
from ckbook.ui.desktop_notifications import URGENCY_CRITICAL, URGENCY_NORMAL
from ckbook.ui.notebook import Notebook

log = logging.getLogger(__name__)


def item_actions() -> tuple[tuple[str, str], ...]:
    """(action key, label) of a reminder's pop-up: "default" is the click on the notification
    itself."""
    return (
        ("default", tr("Open", "reminder action")),
        ("done", tr("Done", "reminder action")),
        ("snooze-15m", tr("Snooze 15 min")),
        ("snooze", tr("Snooze 1 h")),
        ("snooze-tomorrow", tr("Tomorrow 09:00")),
        ("open", tr("Open", "reminder action")),
    )


#: Snooze action key -> ``reminder_rules.snooze_until`` choice.
SNOOZE_ACTIONS: dict[str, str] = {
    "snooze-15m": "15m",
    "snooze": "1h",
    "snooze-tomorrow": "tomorrow",
}


def snoozed_text(action: str, what: str) -> str:
    """What the status bar says after a snooze from a pop-up."""
    if action == "snooze-15m":
        return tr("Snoozed for 15 minutes: {what}").format(what=what)
    if action == "snooze":
        return tr("Snoozed for 1 hour: {what}").format(what=what)
    return tr("Snoozed until tomorrow 09:00: {what}").format(what=what)


def app_actions(label: str) -> tuple[tuple[str, str], ...]:
    """Actions of a pop-up that opens the window rather than one item."""
    return (("default", label), ("open", label))


BATCH_PREFIX = "batch|"
TEST_KEY = "test|0|reminder"


class Route(enum.StrEnum):
    DESKTOP = "desktop notifications"
    TRAY = "the tray icon's messages"
    BANNER = "a banner in the ckbook window"

    def text(self) -> str:
        """The route in words, in the installed language."""
        return {
            Route.DESKTOP: tr("desktop notifications"),
            Route.TRAY: tr("the tray icon's messages"),
            Route.BANNER: tr("a banner in the ckbook window"),
        }[self]


class DesktopNotifierLike(Protocol):
    """What the router needs of ``ckbook.ui.desktop_notifications.DesktopNotifier``."""

    actionInvoked: SignalInstance
    closed: SignalInstance
    expired: SignalInstance

    def available(self) -> bool: ...

    def notify(
        self,
        key: str,
        summary: str,
        body: str,
        actions: Sequence[tuple[str, str]] = (),
        *,
        timeout_ms: int = -1,
        urgency: int = 1,
        resident: bool = False,
    ) -> int: ...

    def close(self, key: str) -> None: ...


class ReminderRouter(QObject):
    """Shows reminders by the best route there is and acts on what the user picks."""

    openClient = Signal(int)
    openApp = Signal()
    #: key, route value: a reminder (or batch, or test) was shown.
    shown = Signal(str, str)
    #: The reminders the daemon closed unseen and the user has not acted on (tuple[Occurrence]).
    missedChanged = Signal(object)

    def __init__(
        self,
        notebook: Notebook,
        banner: ReminderBanner,
        desktop: DesktopNotifierLike | None = None,
        tray_icon: QSystemTrayIcon | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._notebook = notebook
        self._banner = banner
        self._desktop = desktop
        self._tray_icon: QSystemTrayIcon | None = None
        #: pop-up key → the occurrence it shows (None for a batch or the test).
        self._items: dict[str, Occurrence | None] = {}
        self._tray_last_key: str | None = None
        #: pop-up key → the occurrence it showed, closed unseen and not acted on yet.
        self._missed: dict[str, Occurrence] = {}
        banner.actionChosen.connect(self._on_popup_action)
        banner.dismissed.connect(self._on_popup_closed)
        notebook.changed.connect(self._on_notebook_changed)
        if desktop is not None:
            desktop.actionInvoked.connect(self._on_popup_action)
            desktop.expired.connect(self._on_popup_expired)
            desktop.closed.connect(self._on_popup_closed)
        if tray_icon is not None:
            self.set_tray_icon(tray_icon)

    # --- API ----------------------------------------------------------------------------------

    def set_tray_icon(self, icon: QSystemTrayIcon | None) -> None:
        if self._tray_icon is not None:
            self._tray_icon.messageClicked.disconnect(self._on_tray_message_clicked)
        self._tray_icon = icon
        if icon is not None:
            icon.messageClicked.connect(self._on_tray_message_clicked)

    def route(self) -> Route:
        """The route the next pop-up would take."""
        if self._desktop is not None and self._desktop.available():
            return Route.DESKTOP
        if self._tray_usable():
            return Route.TRAY
        return Route.BANNER

    def show_occurrence(self, occurrence: Occurrence, *, stay: bool = False) -> Route:
        """Pop up one reminder; ``stay``: resident and critical, on screen until seen."""
        self._forget_missed(lambda o: o.key == occurrence.key)  # shown afresh
        return self._deliver(
            occurrence.key_text,
            occurrence,
            occurrence.title,
            occurrence.body,
            item_actions(),
            stay=stay,
        )

    def show_batch(
        self,
        title: str,
        body: str,
        key: str = "",
        open_label: str | None = None,
        *,
        stay: bool = False,
    ) -> Route:
        """One pop-up standing for many reminders (or a notice); it opens the window."""
        actions = app_actions(open_label or tr("Show what's due"))
        return self._deliver(BATCH_PREFIX + (key or title), None, title, body, actions, stay=stay)

    def missed(self) -> tuple[Occurrence, ...]:
        """Reminders closed unseen by the daemon and not acted on since, oldest first."""
        return tuple(self._missed.values())

    def open_missed(self, key: str) -> None:
        """The user picked a missed reminder (the tray menu): open its card; it is seen."""
        occurrence = self._missed.pop(key, None)
        if occurrence is None:
            return
        self.missedChanged.emit(self.missed())
        self.openClient.emit(occurrence.client_id)

    def send_test(self) -> Route:
        route = self.route()
        body = tr("Reminders reach you through {route}.").format(route=route.text())
        return self._deliver(
            TEST_KEY, None, tr("ckbook test reminder"), body, app_actions(tr("Open ckbook"))
        )

    def showing(self) -> dict[str, Occurrence | None]:
        """The pop-ups the router still knows of (key → occurrence)."""
        return dict(self._items)

    # --- delivery -------------------------------------------------------------------------------

    def _tray_usable(self) -> bool:
        icon = self._tray_icon
        # supportsMessages() says True even where there is no tray (offscreen, plain GNOME).
        return (
            icon is not None
            and icon.isVisible()
            and QSystemTrayIcon.isSystemTrayAvailable()
            and QSystemTrayIcon.supportsMessages()
        )

    def _deliver(
        self,
        key: str,
        occurrence: Occurrence | None,
        title: str,
        body: str,
        actions: Sequence[tuple[str, str]],
        *,
        stay: bool = False,
    ) -> Route:
        self._items[key] = occurrence
        route = Route.BANNER
        if self._desktop is not None and self._desktop.available():
            urgency = URGENCY_CRITICAL if stay else URGENCY_NORMAL
            # Staying: no timeout (0), critical, resident; otherwise the daemon's own timeout.
            timeout_ms = 0 if stay else -1
            shown = self._desktop.notify(
                key, title, body, actions, timeout_ms=timeout_ms, urgency=urgency, resident=stay
            )
            if shown:
                route = Route.DESKTOP
            else:
                log.warning("the notification service refused a reminder; trying the tray")
        if route is Route.BANNER and self._tray_usable():
            assert self._tray_icon is not None
            # Tray balloons are plain text (titles never carry user text).
            self._tray_icon.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, 0)
            self._tray_last_key = key
            route = Route.TRAY
        if route is Route.BANNER:
            self._banner.show_item(key, title, body, [a for a in actions if a[0] != "default"])
            window = self._banner.window()
            if window is not None:
                QApplication.alert(window)
        self.shown.emit(key, route.value)
        return route

    # --- what the user picked -------------------------------------------------------------------

    def _on_popup_action(self, key: str, action: str) -> None:
        if key not in self._items:
            return  # a pop-up from before a restart, or already handled
        occurrence = self._items.pop(key)
        if occurrence is None:
            self.openApp.emit()
            return
        self._forget_missed(lambda o: o.key == occurrence.key)
        notebook = self._notebook
        if action == "done":
            if notebook.run(reminders.done, occurrence, notebook.now()) is not None:
                notebook.message.emit("info", tr("Done: {what}").format(what=occurrence.body))
        elif action in SNOOZE_ACTIONS:
            choice = SNOOZE_ACTIONS[action]
            if notebook.run(reminders.snooze, occurrence, choice, notebook.now(), notebook.tz):
                notebook.message.emit("info", snoozed_text(action, occurrence.body))

        else:  # "open", "default"
            self.openClient.emit(occurrence.client_id)

    def _on_popup_closed(self, key: str) -> None:
        self._items.pop(key, None)

    def _on_popup_expired(self, key: str) -> None:
        occurrence = self._items.get(key)
        if occurrence is None:
            return  # a batch or the test: the window lists what it stood for
        self._missed[key] = occurrence
        self.missedChanged.emit(self.missed())

    def _forget_missed(self, acted_on: Callable[[Occurrence], bool]) -> None:
        gone = [key for key, occurrence in self._missed.items() if acted_on(occurrence)]
        for key in gone:
            del self._missed[key]
        if gone:
            self.missedChanged.emit(self.missed())

    def _on_notebook_changed(self, changed: Changed) -> None:
        """Acting on what a missed reminder is about (from a pop-up, Today, the card, the CLI in
        another process) counts as seeing it."""
        if not self._missed:
            return
        ids = set(changed.ids)
        clients = set(changed.client_ids)

        def acted_on(o: Occurrence) -> bool:
            if changed.kind == "reminder":  # snoozed or done (not another one fired)
                return changed.detail in ("snoozed", "done") and o.subject_id in ids
            if changed.kind == "promise":
                return o.is_promise and o.subject_id in ids
            if changed.kind == "request":
                return o.kind is ReminderKind.REQUEST_OVERDUE and o.subject_id in ids
            if changed.kind == "note":
                return o.kind is ReminderKind.CHECKIN_OVERDUE and o.client_id in clients
            return False

        self._forget_missed(acted_on)

    def _on_tray_message_clicked(self) -> None:
        if self._tray_last_key is not None:
            self._on_popup_action(self._tray_last_key, "open")
