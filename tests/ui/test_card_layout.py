"""The client card at the width it gets in a 1280×800 window: the money-terms history and the
emails field show their text without sideways scrolling."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ckbook.services.money import MoneyTermsInput, set_money_terms
from ckbook.ui.card_sections.money import HistoryColumn
from ckbook.ui.client_card import ClientCard
from tests.factories import make_client

CARD_WIDTH = 630  # the card's share of a 1280 px wide main window

EMAILS = ("leila.okafor@blueharbour.example", "leila42@post.example")


@pytest.fixture
def leila(db, now):  # type: ignore[no-untyped-def]
    client = make_client(now, "Leila Okafor", emails=EMAILS)
    for amount, reason in (
        ("178.75", ""),
        ("190", "client asked for a lower rate after the second event; agreed for winter"),
        ("200", "back to the list price"),
    ):
        terms = MoneyTermsInput(
            "per item",
            Decimal(amount),
            payment_terms_days=60,
            scope_in="labour and standard fittings",
            scope_out="materials above the standard range",
            change_reason=reason,
        )
        set_money_terms(client, terms, now)
    return client


@pytest.fixture
def card(qtbot, notebook, leila):  # type: ignore[no-untyped-def]
    widget = ClientCard(notebook)
    qtbot.addWidget(widget)
    widget.resize(CARD_WIDTH, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.show_client(leila)
    return widget


def test_the_history_fits_the_card_and_shows_why_it_changed(qtbot, card) -> None:  # type: ignore[no-untyped-def]
    card.money.history_button.setChecked(True)
    history = card.money.history
    qtbot.waitUntil(history.isVisible)
    header = history.horizontalHeader()
    reason = HistoryColumn.REASON
    right_edge = header.sectionViewportPosition(reason) + header.sectionSize(reason)
    assert right_edge <= history.viewport().width()  # no column hidden to the right
    assert history.horizontalScrollBar().maximum() == 0
    assert header.sectionSize(reason) >= 100  # room to read the reason, which wraps
    index = card.money.history_model.index(1, reason)
    text = index.data()
    assert text.startswith("client asked for a lower rate")
    lines_needed = history.fontMetrics().boundingRect(text).width() / header.sectionSize(reason)
    assert history.rowHeight(1) >= history.fontMetrics().height() * min(lines_needed, 3)


def test_two_email_addresses_fit_in_the_emails_field(card) -> None:  # type: ignore[no-untyped-def]
    emails = card.profile.emails
    assert emails.text() == ", ".join(EMAILS)
    assert emails.width() > emails.fontMetrics().horizontalAdvance(emails.text()) + 8
