"""Log a client's message on the card, then acknowledge and answer it with one click each."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ckbook.services.care import requests
from ckbook.ui.incident_dialog import to_qdatetime
from ckbook.ui.request_dialog import RequestDialog, RequestInput, RequestsSection
from tests.factories import make_client


def test_the_dialog_needs_a_summary_and_returns_what_was_typed(qtbot, notebook, now, tz):
    dialog = RequestDialog(notebook, "message")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.summary, "  Can we add two guests?  ")
    assert ok.isEnabled()
    dialog.received.setDateTime(to_qdatetime(now - timedelta(hours=3), tz))
    assert dialog.value() == RequestInput(
        "Can we add two guests?", "message", now - timedelta(hours=3)
    )
    # A message cannot arrive in the future.
    dialog.received.setDateTime(to_qdatetime(now + timedelta(days=1), tz))
    assert dialog.value().received_at <= now


def test_log_acknowledge_and_answer_from_the_card(qtbot, notebook, clock, now, monkeypatch):
    cid = make_client(now, "Ada", response_hours=2, preferred_channel="message")
    section = RequestsSection(notebook)
    qtbot.addWidget(section)
    section.set_client(cid, "message")
    assert section.empty.text() == "No messages awaiting a reply."
    seen: list[str] = []

    def fake_ask(cls, parent, notebook, channel="email"):  # type: ignore[no-untyped-def]
        seen.append(channel)
        return RequestInput("Send the floor plan", channel, now - timedelta(hours=3))

    monkeypatch.setattr(RequestDialog, "ask", classmethod(fake_ask))
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    assert seen == ["message"]
    (line,) = section.lines
    assert line.detail.objectName() == "request_status_overdue"
    assert section.empty.text() == "1 awaiting a reply, 1 overdue"

    qtbot.mouseClick(line.ack_button, Qt.MouseButton.LeftButton)
    (line,) = section.lines
    assert line.detail.objectName() == "request_status_acknowledged"
    assert not line.ack_button.isEnabled() and line.answer_button.isEnabled()

    clock.set(now + timedelta(minutes=30))
    qtbot.mouseClick(line.answer_button, Qt.MouseButton.LeftButton)
    (line,) = section.lines
    assert line.detail.objectName() == "request_status_answered"
    assert not line.answer_button.isEnabled()
    assert section.empty.text() == "No messages awaiting a reply."
    (stored,) = requests(client_id=cid)
    assert (stored.acknowledged_at, stored.answered_at) == (now, now + timedelta(minutes=30))
