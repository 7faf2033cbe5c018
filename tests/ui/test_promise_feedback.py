"""Closing, reopening and renegotiating a promise on the card says in the status bar what it did."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from ckbook.services.due import Due
from ckbook.services.promises import add_promise
from ckbook.ui.client_card import ClientCard
from ckbook.ui.dialogs.renegotiate import RenegotiateDialog
from tests.factories import make_client


@pytest.fixture
def ada(db, now):  # type: ignore[no-untyped-def]
    return make_client(now, "Ada Lovelace")


@pytest.fixture
def card(qtbot, notebook, ada):  # type: ignore[no-untyped-def]
    widget = ClientCard(notebook)
    qtbot.addWidget(widget)
    widget.show()
    widget.show_client(ada)
    return widget


@pytest.fixture
def said(notebook) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    messages: list[tuple[str, str]] = []
    notebook.message.connect(lambda level, text: messages.append((level, text)))
    return messages


def test_ticking_and_unticking_say_what_happened(qtbot, card, notebook, ada, now, tz, said) -> None:  # type: ignore[no-untyped-def]
    notebook.run(add_promise, ada, "send the deck", now, tz, due=Due(date(2026, 11, 25)))
    view = card.promises.list
    view.setFocus()
    view.setCurrentIndex(card.promises.model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert said[-1] == ("info", "Marked “send the deck” kept. Undo (Ctrl+Z) reopens it.")
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert said[-1] == ("info", "Reopened “send the deck”.")


def test_renegotiating_says_the_new_due(card, notebook, ada, now, tz, said, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    promise_id = notebook.run(add_promise, ada, "send the deck", now, tz).ids[0]
    monkeypatch.setattr(
        RenegotiateDialog, "ask", classmethod(lambda cls, *a: Due(date(2026, 12, 1)))
    )
    assert card.promises.renegotiate(promise_id)
    assert said[-1] == (
        "info",
        f"Renegotiated “send the deck”: now due {Due(date(2026, 12, 1)).describe()}.",
    )
