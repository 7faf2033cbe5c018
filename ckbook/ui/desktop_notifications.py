"""Desktop notifications through the freedesktop service org.freedesktop.Notifications.

This module owns the conversation with the desktop's notification daemon on the D-Bus session
bus: sending a notification with action buttons, closing it, and turning the daemon's
ActionInvoked and NotificationClosed signals into Qt signals that carry the caller's own key
instead of the daemon's numeric id.

It does not decide *what* to notify (that is the reminders service) nor whether a tray icon
exists; when `available()` is False the caller falls back to the tray or an in-window banner.

Why jeepney and not QtDBus: PySide6's QtDBus sends Python ints as int32, and daemons reject
`Notify` unless the signature is `susssasa{sv}i` (replaces_id is a uint32). jeepney takes
explicit signatures.

Threading: one D-Bus connection, read only by a listener thread. Daemons such as dunst send
ActionInvoked and NotificationClosed unicast to the connection that called Notify, so a second
"listening" connection would never see them. The GUI thread sends calls on that connection and
waits (bounded) for the listener to hand back the reply; signals go to the GUI thread through a
queued Qt connection, so the id -> key map is only ever touched there.
"""

from __future__ import annotations

import contextlib
import html
import logging
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from typing import Any

from jeepney import (
    DBusAddress,
    HeaderFields,
    MatchRule,
    Message,
    MessageType,
    message_bus,
    new_method_call,
)
from jeepney.io.threading import DBusConnection, ReceiveStopped, open_dbus_connection
from PySide6.QtCore import QObject, Qt, Signal, SignalInstance, Slot

from ckbook import APP_ID

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
APP_NAME = "ckbook"
DESKTOP_ENTRY = APP_ID  # the launcher's name: the daemon shows its icon and name

URGENCY_NORMAL = 1
URGENCY_CRITICAL = 2
#: NotificationClosed's reason when the notification expired (1); 2 is dismissed by the user,
#: 3 closed by CloseNotification, 4 undefined.
CLOSED_EXPIRED = 1

# Every call from the GUI thread is bounded: a hung daemon freezes the window at most this long.
CALL_TIMEOUT_S = 1.0

_NOTIFICATIONS = DBusAddress(PATH, bus_name=SERVICE, interface=INTERFACE)


def escape_body(text: str) -> str:
    """Make plain text safe for daemons that interpret the body as markup (dunst, GNOME, KDE do)."""
    # quote=False: quotes are harmless in element text, and "&quot;" would show literally on daemons
    # that do not interpret markup.
    return html.escape(text, quote=False)


class _Bridge(QObject):
    """Lives on the GUI thread; the listener thread emits its signals, Qt queues them over."""

    action = Signal(int, str)
    closed = Signal(int, int)  # id, reason
    lost = Signal(str)


class DesktopNotifier(QObject):
    """Send notifications with actions and hear back which action the user picked.

    `key` is the caller's name for a notification (e.g. "promise:42:2026-11-20"). Sending again with
    a key that is still shown replaces that notification instead of stacking a second one.

    Signals, always emitted on the thread that owns this object (the GUI thread); each shown
    notification ends in exactly one of them:
      actionInvoked(key, action) -- the user picked an action; the notification is closed.
      closed(key)                -- it went away without an action: expired, dismissed by the
                                    user, or withdrawn with `close(key)`.
    Before `closed`, `expired(key)` says the daemon took it away unseen (its timeout ran out:
    the spec's reason 1), as opposed to the user dismissing it.
    """

    actionInvoked = Signal(str, str)
    closed = Signal(str)
    expired = Signal(str)

    def __init__(self, parent: QObject | None = None, *, bus_address: str | None = None) -> None:
        super().__init__(parent)
        # "SESSION": jeepney reads DBUS_SESSION_BUS_ADDRESS at each (re)connect, not at import.
        self._bus = bus_address or "SESSION"
        self._link: _Link | None = None
        self._id_to_key: dict[int, str] = {}
        self._key_to_id: dict[str, int] = {}
        self._stopped = False
        # Log a broken bus once per outage, not on every reminder tick.
        self._reported_down = False

        self._bridge = _Bridge(self)
        # Queued explicitly: the bridge's signals are emitted from the listener thread, and the
        # slots must run on the GUI thread where the id -> key maps live.
        self._bridge.action.connect(self._on_action, Qt.ConnectionType.QueuedConnection)
        self._bridge.closed.connect(self._on_closed, Qt.ConnectionType.QueuedConnection)
        self._bridge.lost.connect(self._on_listener_lost, Qt.ConnectionType.QueuedConnection)

    # ----------------------------------------------------------------------------------------- API

    def available(self) -> bool:
        """True when a notification daemon owns org.freedesktop.Notifications on the session bus."""
        reply = self._call(message_bus.NameHasOwner(SERVICE))
        return bool(reply and reply[0])

    def capabilities(self) -> frozenset[str]:
        """The daemon's advertised capabilities ("actions", "body-markup", ...); empty if none."""
        reply = self._call(new_method_call(_NOTIFICATIONS, "GetCapabilities"))
        return frozenset(reply[0]) if reply else frozenset()

    def notify(
        self,
        key: str,
        summary: str,
        body: str,
        actions: Sequence[tuple[str, str]] = (),
        *,
        timeout_ms: int = -1,
        urgency: int = URGENCY_NORMAL,
        resident: bool = False,
    ) -> int:
        """Show a notification; return the daemon's id, or 0 when it could not be shown.

        `actions` are (action_key, label) pairs; action_key comes back in `actionInvoked`.
        `summary` and `body` are plain text.
        `timeout_ms`: -1 lets the daemon decide, 0 keeps it shown until the user acts.
        `urgency` (the spec's hint: 0 low, 1 normal, 2 critical; daemons keep critical ones until
        dismissed) and `resident` (it stays after an action is invoked, until closed).
        """
        flat_actions: list[str] = []
        for action_key, label in actions:
            flat_actions += [action_key, label]
        # The spec makes the summary plain text; only the body may be read as markup, so only the
        # body is escaped (escaping the summary would show "&amp;" on spec-following daemons).
        hints: dict[str, tuple[str, object]] = {
            "desktop-entry": ("s", DESKTOP_ENTRY),
            "urgency": ("y", urgency),
        }
        if resident:
            hints["resident"] = ("b", True)
        msg = new_method_call(
            _NOTIFICATIONS,
            "Notify",
            "susssasa{sv}i",
            (
                APP_NAME,
                self._key_to_id.get(key, 0),  # replaces_id: re-firing a key updates it in place
                "",  # app_icon: none; the desktop-entry hint lets the daemon find ours
                summary,
                escape_body(body),
                flat_actions,
                hints,
                timeout_ms,
            ),
        )
        reply = self._call(msg)
        if not reply:
            return 0
        notification_id = int(reply[0])
        old_id = self._key_to_id.pop(key, None)
        if old_id is not None:
            self._id_to_key.pop(old_id, None)
        self._id_to_key[notification_id] = key
        self._key_to_id[key] = notification_id
        return notification_id

    def close(self, key: str) -> None:
        """Withdraw the notification shown for `key`, if any; the daemon then sends `closed`."""
        notification_id = self._key_to_id.get(key)
        if notification_id is None:
            return
        self._call(new_method_call(_NOTIFICATIONS, "CloseNotification", "u", (notification_id,)))

    def stop(self) -> None:
        """Stop listening and disconnect. Idempotent; `available()` is False afterwards."""
        self._stopped = True
        self._drop_connection()

    # --------------------------------------------------------------------------------- internals

    def _call(self, msg: Message) -> tuple | None:
        """Send one method call and return its body, or None when the bus or daemon fails."""
        if self._stopped:
            return None
        try:
            link = self._ensure_link()
            reply = link.call(msg)
        # Anything the transport can throw: no bus address (KeyError), socket gone (OSError,
        # ConnectionError), no reply in time (TimeoutError), malformed data (ValueError).
        except Exception as exc:
            self._report_down(f"session bus unusable: {exc!r}")
            self._drop_connection()
            return None
        if reply.header.message_type == MessageType.error:
            # A daemon-side refusal (e.g. no daemon running): the bus is fine, keep the connection.
            log.debug("notification call %s refused: %s", msg.header.fields, reply.body)
            return None
        self._reported_down = False
        body: tuple[Any, ...] = reply.body  # jeepney ships no types
        return body

    def _ensure_link(self) -> _Link:
        """The live connection, (re)connecting if there is none; raises when the bus is absent."""
        if self._link is not None and self._link.usable:
            return self._link
        self._drop_connection()
        link = _Link(self._bus, self._bridge)
        link.start()
        try:
            # Subscribed before the first Notify can go out, so no early click is missed.
            link.subscribe()
        except BaseException:
            link.stop()
            raise
        self._link = link
        return link

    def _drop_connection(self) -> None:
        if self._link is not None:
            self._link.stop()
            self._link = None

    def _report_down(self, why: str) -> None:
        if not self._reported_down:
            log.warning("desktop notifications unavailable: %s", why)
            self._reported_down = True

    @Slot(int, str)
    def _on_action(self, notification_id: int, action: str) -> None:
        key = self._forget(notification_id)
        if key is None:
            return
        # An action ends the notification. Some daemons leave it on screen (dunst after its
        # context menu), so close it ourselves. The id is forgotten first: the daemon's
        # NotificationClosed for it is then ignored, so each notification ends in exactly one
        # signal, and a handler may notify the same key again (e.g. snooze) from a clean slate.
        self._call(new_method_call(_NOTIFICATIONS, "CloseNotification", "u", (notification_id,)))
        self.actionInvoked.emit(key, action)

    @Slot(int, int)
    def _on_closed(self, notification_id: int, reason: int) -> None:
        key = self._forget(notification_id)
        if key is not None:
            if reason == CLOSED_EXPIRED:
                self.expired.emit(key)
            self.closed.emit(key)

    def _forget(self, notification_id: int) -> str | None:
        """Drop an id from the maps; return its key, or None for ids we did not issue."""
        # Daemons may broadcast signals: ids we did not issue belong to other applications.
        key = self._id_to_key.pop(notification_id, None)
        if key is not None and self._key_to_id.get(key) == notification_id:
            del self._key_to_id[key]
        return key

    @Slot(str)
    def _on_listener_lost(self, why: str) -> None:
        self._report_down(why)
        # Ids belong to the daemon that issued them; a new daemon will not report on them.
        self._id_to_key.clear()
        self._key_to_id.clear()
        # Only the dead link: a call may already have reconnected before this queued slot ran.
        if self._link is not None and not self._link.usable:
            self._drop_connection()


class _Link(threading.Thread):
    """One bus connection: the thread reads everything, any thread may call through it."""

    def __init__(self, bus: str, bridge: _Bridge) -> None:
        super().__init__(name="ckbook-notifications", daemon=True)
        self._bridge = bridge
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._pending: dict[int, Future[Message]] = {}
        self._dead = False
        self._conn: DBusConnection = open_dbus_connection(bus=bus, auth_timeout=CALL_TIMEOUT_S)

    @property
    def usable(self) -> bool:
        return self.is_alive() and not self._dead

    def subscribe(self) -> None:
        """Ask the bus for the daemon's signals, for daemons that broadcast instead of unicast."""
        for member in ("ActionInvoked", "NotificationClosed"):
            rule = MatchRule(type="signal", interface=INTERFACE, path=PATH, member=member)
            reply = self.call(message_bus.AddMatch(rule))
            if reply.header.message_type == MessageType.error:
                raise RuntimeError(f"AddMatch refused: {reply.body}")

    def call(self, msg: Message) -> Message:
        """Send a method call and wait for its reply; raises on timeout or a lost connection."""
        future: Future[Message] = Future()
        serial = next(self._conn.outgoing_serial)
        with self._lock:
            if self._dead:
                raise ConnectionError("notification bus connection is closed")
            self._pending[serial] = future
        try:
            self._conn.send(msg, serial=serial)  # jeepney serialises concurrent sends
            return future.result(timeout=CALL_TIMEOUT_S)
        finally:
            with self._lock:
                self._pending.pop(serial, None)

    def stop(self) -> None:
        self._stopping.set()
        # interrupt() wakes the blocked receive() with ReceiveStopped; the socket is closed only
        # after the thread is out of select(), so it never sees a half-closed connection.
        with contextlib.suppress(OSError):
            self._conn.interrupt()
        if self.is_alive() and threading.current_thread() is not self:
            self.join(timeout=2.0)
        with contextlib.suppress(OSError):
            self._conn.close()

    def run(self) -> None:
        error: BaseException
        try:
            while True:
                self._dispatch(self._conn.receive())
        except ReceiveStopped:
            error = ConnectionError("notification bus connection closed")
        except Exception as exc:  # bus gone, daemon killed the connection, garbage on the wire
            error = exc
            if not self._stopping.is_set():
                self._emit(self._bridge.lost, f"notification listener lost the bus: {exc!r}")
        with self._lock:
            self._dead = True
            pending, self._pending = self._pending, {}
        # Waiting callers get the error at once instead of sitting out their timeout.
        for future in pending.values():
            future.set_exception(error)

    def _dispatch(self, msg: Message) -> None:
        header = msg.header
        if header.message_type in (MessageType.method_return, MessageType.error):
            with self._lock:
                future = self._pending.pop(header.fields.get(HeaderFields.reply_serial, -1), None)
            if future is not None:
                future.set_result(msg)
            return
        if header.message_type != MessageType.signal:
            return
        if header.fields.get(HeaderFields.interface) != INTERFACE:
            return  # e.g. the bus's own NameAcquired greeting
        member = header.fields.get(HeaderFields.member)
        try:
            if member == "ActionInvoked":
                notification_id, action = msg.body
                self._emit(self._bridge.action, int(notification_id), str(action))
            elif member == "NotificationClosed":
                notification_id, reason = msg.body
                self._emit(self._bridge.closed, int(notification_id), int(reason))
        except (TypeError, ValueError):
            log.warning("ignoring malformed %s signal: %r", member, msg.body)

    def _emit(self, signal: SignalInstance, *args: object) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:
            # The notifier (and its bridge) was deleted without stop(); nobody is left to tell.
            self._stopping.set()
