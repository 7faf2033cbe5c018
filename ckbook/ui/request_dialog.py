"""Requests awaiting reply: log a client's message, then acknowledge and answer it with one click
each. ``RequestDialog`` asks for the message; ``RequestsSection`` is the card's "Requests" section.

A request is overdue once it is older than the client's expected response time without an
acknowledgement; overdue ones are flagged here, on Today, and by the reminders.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from typing_extensions import override

from ckbook.i18n import tr
from ckbook.services import dates
from ckbook.services.base import Changed
from ckbook.services.care import (
    RequestRow,
    acknowledge_request,
    add_request,
    answer_request,
    requests,
)
from ckbook.store.models import CHANNELS
from ckbook.ui import theme
from ckbook.ui.dialogs import run_modal
from ckbook.ui.dialogs.choices import (
    choice,
    choice_box,
    date_time_edit_format,
    label,
    set_choice,
)
from ckbook.ui.dialogs.conflict import save_with_choice
from ckbook.ui.incident_dialog import from_qdatetime, to_qdatetime
from ckbook.ui.line_list import ItemLine, LineListSection
from ckbook.ui.notebook import Notebook

#: Answered requests the card still shows under the awaiting ones.
ANSWERED_SHOWN = 5


@dataclass(frozen=True)
class RequestInput:
    summary: str
    channel: str
    received_at: datetime


class RequestDialog(QDialog):
    """A client's message that needs us: channel, when it came in, what they asked."""

    def __init__(
        self, notebook: Notebook, channel: str = "email", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Log a client message"))
        now = notebook.now()
        self.tz = notebook.tz
        self.channel = choice_box("channel", CHANNELS)
        set_choice(self.channel, channel if channel in CHANNELS else "email")
        self.channel.setAccessibleName(tr("Channel"))
        self.received = QDateTimeEdit(to_qdatetime(now, self.tz))
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat(date_time_edit_format())
        self.received.setMaximumDateTime(to_qdatetime(now, self.tz))
        self.received.setAccessibleName(tr("Received at"))
        self.summary = QPlainTextEdit()
        self.summary.setPlaceholderText(tr("What they asked for, in a line"))
        self.summary.setTabChangesFocus(True)
        self.summary.setMaximumHeight(80)
        self.summary.setAccessibleName(tr("Summary"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Log it"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.summary.textChanged.connect(self._on_summary_text_changed)
        form = QFormLayout(self)
        form.addRow(tr("What they asked"), self.summary)
        form.addRow(tr("Channel"), self.channel)
        form.addRow(tr("Received"), self.received)
        form.addRow(self.buttons)
        self._on_summary_text_changed()

    def value(self) -> RequestInput:
        return RequestInput(
            self.summary.toPlainText().strip(),
            choice(self.channel),
            from_qdatetime(self.received.dateTime(), self.tz),
        )

    def _on_summary_text_changed(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.summary.toPlainText().strip()))

    @classmethod
    def ask(
        cls, parent: QWidget | None, notebook: Notebook, channel: str = "email"
    ) -> RequestInput | None:
        return run_modal(cls(notebook, channel, parent), lambda d: d.value())


def request_status(row: RequestRow, now: datetime) -> str:
    """``overdue``, ``awaiting``, ``acknowledged`` or ``answered``."""
    if row.answered_at is not None:
        return "answered"
    if row.overdue(now):
        return "overdue"
    return "acknowledged" if row.acknowledged_at is not None else "awaiting"


def _status_text(status: str) -> str:
    """A :func:`request_status` as the card shows it."""
    return {
        "overdue": tr("overdue", "request"),
        "awaiting": tr("awaiting", "request"),
        "acknowledged": tr("acknowledged", "request"),
        "answered": tr("answered", "request"),
    }.get(status, status)


class RequestLine(ItemLine):
    """One request with its two one-click buttons."""

    def __init__(self, section: RequestsSection, row: RequestRow, now: datetime) -> None:
        super().__init__(section)
        self.row = row
        tz = section.notebook.tz
        status = request_status(row, now)
        received = dates.moment_text(row.received_at, now, tz, long=True)
        colour = theme.colors()
        tint = {"overdue": colour.overdue, "answered": colour.muted}.get(status)
        self.ack_button = QPushButton(tr("Acknowledge"))
        self.ack_button.setToolTip(tr("Tell them it arrived; stops it being overdue"))
        self.ack_button.setEnabled(row.acknowledged_at is None and row.answered_at is None)
        self.answer_button = QPushButton(tr("Answered"))
        self.answer_button.setToolTip(tr("Mark it answered"))
        self.answer_button.setEnabled(row.answered_at is None)
        self.ack_button.clicked.connect(lambda: section.acknowledge(row.id, row))
        self.answer_button.clicked.connect(lambda: section.answer(row.id, row))
        self._lay_out(
            row.summary,
            tr("{channel}, received {when} — {status}").format(
                channel=label("channel", row.channel), when=received, status=_status_text(status)
            ),
            tint,
            [self.ack_button, self.answer_button],
        )
        self.detail.setObjectName(f"request_status_{status}")


class RequestsSection(LineListSection[RequestLine]):
    """The card's "Requests" section: log a message, acknowledge, answer."""

    def __init__(self, notebook: Notebook, parent: QWidget | None = None) -> None:
        super().__init__(
            notebook,
            tr("No messages awaiting a reply."),
            tr("Log a message…"),
            tr("A client message that needs a reply"),
            parent,
        )
        self.preferred_channel = "email"

    def set_client(self, client_id: int | None, preferred_channel: str = "email") -> None:
        self.client_id = client_id
        self.preferred_channel = preferred_channel
        self.refresh()

    def refresh(self) -> None:
        self._clear_lines()
        if self.client_id is None:
            self.empty.setText("")
            return
        rows = self.notebook.attempt(requests, self.client_id) or []
        now = self.notebook.now()
        awaiting = [r for r in rows if r.answered_at is None]
        awaiting.sort(key=lambda r: (not r.overdue(now), r.received_at))
        answered = sorted(
            (r for r in rows if r.answered_at is not None),
            key=lambda r: r.answered_at or r.received_at,
            reverse=True,
        )[:ANSWERED_SHOWN]
        self._show_lines(RequestLine(self, row, now) for row in awaiting + answered)
        overdue = sum(1 for r in awaiting if r.overdue(now))
        if not awaiting:
            self.empty.setText(tr("No messages awaiting a reply."))
        else:
            waiting = len(awaiting)
            text = tr("%n awaiting a reply", "", waiting)
            if overdue:
                text = tr("{awaiting}, %n overdue", "", overdue).format(awaiting=text)
            self.empty.setText(text)

    def add(self, value: RequestInput) -> Changed | None:
        if self.client_id is None:
            return None
        return self.notebook.run(
            add_request,
            self.client_id,
            value.summary,
            self.notebook.now(),
            channel=value.channel,
            received_at=value.received_at,
        )

    def acknowledge(self, request_id: int, base: RequestRow | None = None) -> Changed | None:
        """Acknowledge it; ``base`` (the request as shown): one deleted meanwhile is said so,
        one someone else acknowledged meanwhile stays as they did it (and is said so)."""
        now = self.notebook.now()
        return self._mark(
            lambda row, _c: acknowledge_request(request_id, now, base=row),
            base,
            tr("Someone else had already acknowledged it."),
        )

    def answer(self, request_id: int, base: RequestRow | None = None) -> Changed | None:
        now = self.notebook.now()
        return self._mark(
            lambda row, _c: answer_request(request_id, now, base=row),
            base,
            tr("Someone else had already marked it answered."),
        )

    def _mark(
        self,
        mark: Callable[[RequestRow | None, dict[str, object]], Changed],
        base: RequestRow | None,
        already: str,
    ) -> Changed | None:
        if base is None:
            return self.notebook.run(mark, None, {})
        done = save_with_choice(self.notebook, self, mark, base, {"marked": True})
        if done is not None and done.detail.startswith("already"):
            self.notebook.message.emit("info", already)
            self.refresh()
        return done

    @override
    def _on_add_button_clicked(self) -> None:
        value = RequestDialog.ask(self, self.notebook, self.preferred_channel)
        if value is not None:
            self.add(value)

    @override
    def _on_notebook_changed(self, changed: Changed) -> None:
        mine = self.client_id is not None and self.client_id in changed.client_ids
        if mine and changed.kind in ("request", "note", "client") and not changed.text_only:
            self.refresh()
