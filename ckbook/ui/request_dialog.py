"""Requests awaiting reply: log a client's message, then acknowledge and answer it with one click
each. ``RequestDialog`` asks for the message; ``RequestsSection`` is the card's "Requests" section.

A request is overdue once it is older than the client's expected response time without an
acknowledgement; overdue ones are flagged here, on Today, and by the reminders.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from typing_extensions import override

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
        self.setWindowTitle("Log a client message")
        now = notebook.now()
        self.tz = notebook.tz
        self.channel = QComboBox()
        self.channel.addItems(list(CHANNELS))
        self.channel.setCurrentText(channel if channel in CHANNELS else "email")
        self.channel.setAccessibleName("Channel")
        self.received = QDateTimeEdit(to_qdatetime(now, self.tz))
        self.received.setCalendarPopup(True)
        self.received.setMaximumDateTime(to_qdatetime(now, self.tz))
        self.received.setAccessibleName("Received at")
        self.summary = QPlainTextEdit()
        self.summary.setPlaceholderText("What they asked for, in a line")
        self.summary.setTabChangesFocus(True)
        self.summary.setMaximumHeight(80)
        self.summary.setAccessibleName("Summary")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Log it")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.summary.textChanged.connect(self._on_summary_text_changed)
        form = QFormLayout(self)
        form.addRow("What they asked", self.summary)
        form.addRow("Channel", self.channel)
        form.addRow("Received", self.received)
        form.addRow(self.buttons)
        self._on_summary_text_changed()

    def value(self) -> RequestInput:
        return RequestInput(
            self.summary.toPlainText().strip(),
            self.channel.currentText(),
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
        self.ack_button = QPushButton("Acknowledge")
        self.ack_button.setToolTip("Tell them it arrived; stops it being overdue")
        self.ack_button.setEnabled(row.acknowledged_at is None and row.answered_at is None)
        self.answer_button = QPushButton("Answered")
        self.answer_button.setToolTip("Mark it answered")
        self.answer_button.setEnabled(row.answered_at is None)
        self.ack_button.clicked.connect(lambda: section.acknowledge(row.id))
        self.answer_button.clicked.connect(lambda: section.answer(row.id))
        self._lay_out(
            row.summary,
            f"{row.channel}, received {received} — {status}",
            tint,
            [self.ack_button, self.answer_button],
        )
        self.detail.setObjectName(f"request_status_{status}")


class RequestsSection(LineListSection[RequestLine]):
    """The card's "Requests" section: log a message, acknowledge, answer."""

    def __init__(self, notebook: Notebook, parent: QWidget | None = None) -> None:
        super().__init__(
            notebook,
            "No messages awaiting a reply.",
            "Log a message…",
            "A client message that needs a reply",
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
            self.empty.setText("No messages awaiting a reply.")
        else:
            text = f"{len(awaiting)} awaiting a reply"
            self.empty.setText(text + (f", {overdue} overdue" if overdue else ""))

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

    def acknowledge(self, request_id: int) -> Changed | None:
        return self.notebook.run(acknowledge_request, request_id, self.notebook.now())

    def answer(self, request_id: int) -> Changed | None:
        return self.notebook.run(answer_request, request_id, self.notebook.now())

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
