"""The card of a client whose cadence and response time an earlier release stored out of range
still opens: its fields show the values read into range, and editing another field saves."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from PySide6.QtCore import Qt

from ckbook.services.clients import client_detail
from ckbook.ui.client_card import ClientCard
from tests.factories import make_client

HUGE = 2**63 - 1


def test_the_card_of_a_poisoned_client_opens_and_saves(qtbot, notebook, db, db_path, now):  # type: ignore[no-untyped-def]
    zed = make_client(now, "Zed")
    with closing(sqlite3.connect(db_path)) as raw, raw:
        raw.execute(
            "UPDATE client SET checkin_days = ?, response_hours = ? WHERE id = ?", (HUGE, HUGE, zed)
        )
    card = ClientCard(notebook)
    qtbot.addWidget(card)
    card.show()
    card.show_client(zed)
    profile = card.profile
    assert profile.name.text() == "Zed"
    assert (profile.checkin_days.value(), profile.response_hours.value()) == (3650, 8760)
    profile.organisation.selectAll()
    qtbot.keyClicks(profile.organisation, "Zed Ltd")
    qtbot.keyClick(profile.organisation, Qt.Key.Key_Return)
    assert client_detail(zed, now).organisation == "Zed Ltd"
    assert not profile.error.isVisible()
