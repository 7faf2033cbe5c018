"""The tray icon: a badge with how many things need attention, a tooltip with the summary, and a
menu rebuilt each time it opens (the reminders that went by unseen, then the items due, each
opening its card; New call note…; Open ckbook; Pause reminders for 1 hour; Quit).

A reminder pop-up the desktop closed unseen (it expired while the user was away) is *missed*: it
adds to the badge and heads the menu until the user opens it or acts on what it is about.

It shows what the reminder engine last computed (``set_report``), so opening the menu never waits
for the database. Whether there is a tray at all is ``available()``: under offscreen Qt or on
plain GNOME there is none, and the app must not hide into it (RELIABILITY #12).
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtCore import QObject, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from ckbook.i18n import tr
from ckbook.services import dates
from ckbook.services.agenda import DueReport
from ckbook.services.reminder_rules import Occurrence, ReminderKind
from ckbook.ui.icons import app_icon
from ckbook.ui.safe_text import plain_tooltip

#: At most this many items in the menu; the rest are one "… more" entry that opens the window.
MENU_ITEMS = 12
_ICON_SIZES = (16, 22, 24, 32, 48, 64)


def _menu_text(text: str, limit: int = 60) -> str:
    """One line, elided, with & doubled (QAction reads a single & as a keyboard mnemonic)."""
    line = " ".join(text.split())
    if len(line) > limit:
        line = line[: limit - 1].rstrip() + "…"
    return line.replace("&", "&&")


def _draw_base(painter: QPainter, size: int) -> None:
    """The ckbook mark: the application icon (one drawing for the window, menu and tray)."""
    app_icon().paint(painter, QRect(0, 0, size, size))


def _draw_badge(painter: QPainter, size: int, count: int) -> None:
    text = "99+" if count > 99 else str(count)
    diameter = size * (0.62 if len(text) < 3 else 0.72)
    rect = QRectF(size - diameter, 0, diameter, diameter)
    painter.setPen(QPen(QColor("#ffffff"), max(1.0, size / 32)))
    painter.setBrush(QBrush(QColor("#d32f2f")))
    painter.drawEllipse(rect)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(6, int(diameter * (0.62 if len(text) == 1 else 0.48))))
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(rect.toRect(), Qt.AlignmentFlag.AlignCenter, text)


def badge_pixmap(size: int, count: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    _draw_base(painter, size)
    if count > 0:
        _draw_badge(painter, size, count)
    painter.end()
    return pixmap


def badge_icon(count: int) -> QIcon:
    """The tray icon with ``count`` drawn on it (no badge at zero)."""
    icon = QIcon()
    for size in _ICON_SIZES:
        icon.addPixmap(badge_pixmap(size, count))
    return icon


class Tray(QObject):
    """Owns the QSystemTrayIcon and its menu; tells the app what the user picked."""

    openClient = Signal(int)
    #: A missed reminder picked from the menu (its pop-up key).
    missedOpened = Signal(str)
    openApp = Signal()
    newCallNote = Signal()
    pauseRequested = Signal()
    resumeRequested = Signal()
    quitRequested = Signal()

    def __init__(self, tz: tzinfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tz = tz
        self._report: DueReport | None = None
        self._missed: tuple[Occurrence, ...] = ()
        self._count = -1
        self._paused_until: datetime | None = None
        self.icon = QSystemTrayIcon(self)
        self.menu = QMenu()
        self.menu.aboutToShow.connect(self._on_menu_about_to_show)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_icon_activated)
        self._set_count(0)
        self.icon.setToolTip(plain_tooltip("ckbook"))
        self._rebuild_menu()

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    @property
    def count(self) -> int:
        return max(self._count, 0)

    def set_report(self, report: DueReport) -> None:
        """What needs attention now: the badge, the tooltip and the next menu follow it."""
        self._report = report
        self._set_count(report.attention_count + len(self._missed_not_in(report)))
        tip = f"ckbook — {report.summary()}"
        if report.snoozed:
            # left out until the snooze ends, as on Today
            snoozed = report.snoozed
            tip += " " + tr("(%n snoozed)", "", snoozed)
        if self._missed:
            count = len(self._missed)
            tip += "\n" + tr("%n reminders went by unseen", "", count)
        if self._paused_until is not None:
            paused = self._local(self._paused_until)
            tip += "\n" + tr("Reminders paused until {time}").format(time=paused)
        self.icon.setToolTip(plain_tooltip(tip))

    def _missed_not_in(self, report: DueReport) -> list[Occurrence]:
        """Missed reminders about something the report does not count already (a promise
        reminded of days before its due), so nothing counts twice on the badge."""
        counted = {(True, p.subject_id) for p in report.overdue + report.due_today} | {
            (False, c.client_id) for c in report.checkins
        }
        requests = {r.subject_id for r in report.requests}
        return [
            o
            for o in self._missed
            if not (
                (o.is_promise and (True, o.subject_id) in counted)
                or (o.kind is ReminderKind.CHECKIN_OVERDUE and (False, o.subject_id) in counted)
                or (o.kind is ReminderKind.REQUEST_OVERDUE and o.subject_id in requests)
            )
        ]

    def set_missed(self, missed: tuple[Occurrence, ...]) -> None:
        """The reminders closed unseen and not acted on yet (the router's ``missedChanged``)."""
        self._missed = tuple(missed)
        if self._report is not None:
            self.set_report(self._report)
        else:
            self._set_count(len(self._missed))
        self._rebuild_menu()

    def set_paused_until(self, until: datetime | None) -> None:
        self._paused_until = until
        if self._report is not None:
            self.set_report(self._report)

    def _local(self, instant: datetime) -> str:
        return dates.clock_time(instant.astimezone(self._tz).time())

    def _set_count(self, count: int) -> None:
        if count != self._count:
            self._count = count
            self.icon.setIcon(badge_icon(count))

    # --- menu -------------------------------------------------------------------------------------

    def _due_entries(self) -> list[tuple[str, int]]:
        report = self._report
        if report is None:
            return []
        entries: list[tuple[str, int]] = []
        overdue = tr("Overdue: {client} — {promise}")
        due_today = tr("Due today: {client} — {promise}")
        check_in = tr("Check in with {client}")
        reply = tr("Reply to {client} — {request}")
        entries += [
            (overdue.format(client=p.client_name, promise=p.text), p.client_id)
            for p in report.overdue
        ]
        entries += [
            (due_today.format(client=p.client_name, promise=p.text), p.client_id)
            for p in report.due_today
        ]
        entries += [(check_in.format(client=c.client_name), c.client_id) for c in report.checkins]
        entries += [
            (reply.format(client=r.client_name, request=r.request.summary), r.client_id)
            for r in report.requests
            if r.request is not None
        ]
        return entries

    def _rebuild_menu(self) -> None:
        menu = self.menu
        menu.clear()
        for occurrence in self._missed[:MENU_ITEMS]:
            text = tr("Missed: {title} — {body}").format(
                title=occurrence.title, body=occurrence.body
            )
            action = QAction(_menu_text(text, 80), menu)
            action.triggered.connect(
                lambda _=False, k=occurrence.key_text: self.missedOpened.emit(k)
            )
            menu.addAction(action)
        if self._missed:
            menu.addSeparator()
        entries = self._due_entries()
        if entries:
            for text, client_id in entries[:MENU_ITEMS]:
                action = QAction(_menu_text(text), menu)
                action.triggered.connect(lambda _=False, c=client_id: self.openClient.emit(c))
                menu.addAction(action)
            if len(entries) > MENU_ITEMS:
                left = len(entries) - MENU_ITEMS
                more = QAction(tr("%n more… (open ckbook)", "", left), menu)
                more.triggered.connect(self.openApp.emit)
                menu.addAction(more)
        else:
            nothing = QAction(tr("Nothing needs you right now"), menu)
            nothing.setEnabled(False)
            menu.addAction(nothing)
        menu.addSeparator()
        call = QAction(tr("New call note…"), menu)
        call.triggered.connect(self.newCallNote.emit)
        menu.addAction(call)
        open_app = QAction(tr("Open ckbook"), menu)
        open_app.triggered.connect(self.openApp.emit)
        menu.addAction(open_app)
        if self._paused_until is None:
            pause = QAction(tr("Pause reminders for 1 hour"), menu)
            pause.triggered.connect(self.pauseRequested.emit)
        else:
            paused = self._local(self._paused_until)
            pause = QAction(tr("Resume reminders (paused until {time})").format(time=paused), menu)
            pause.triggered.connect(self.resumeRequested.emit)
        menu.addAction(pause)
        menu.addSeparator()
        quit_action = QAction(tr("Quit"), menu)

        quit_action.triggered.connect(self.quitRequested.emit)
        menu.addAction(quit_action)

    def actions(self) -> dict[str, QAction]:
        """The current menu entries by text (for the app's tests and for accessibility tools)."""
        return {a.text(): a for a in self.menu.actions() if not a.isSeparator()}

    def _on_menu_about_to_show(self) -> None:
        self._rebuild_menu()

    def _on_icon_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.openApp.emit()
