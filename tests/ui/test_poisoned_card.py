"""The card of a client whose cadence and response time an earlier release stored out of range
still opens: its fields show the values read into range, and editing another field saves."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from PySide6.QtCore import Qt

from ckbook.services.clients import client_detail
from ckbook.services.promises import add_promise, get_promise
from ckbook.services.reminder_rules import promise_occurrences
from ckbook.store.maintenance import check
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


def test_a_direction_override_stored_earlier_cannot_turn_the_due_around(  # type: ignore[no-untyped-def]
    qtbot, notebook, db, db_path, now, tz
):
    """Text an earlier release stored with U+202E is shown through the text rule in the card
    and in the reminder it makes: the due after it reads as it is."""
    ada = make_client(now, "Ada")
    promise = add_promise(ada, "placeholder", now, tz, read_due_from_text=False).ids[0]
    with closing(sqlite3.connect(db_path)) as raw, raw:
        raw.execute(
            "UPDATE promise SET text = ?, due_date = '2026-11-20' WHERE id = ?",
            ("send \u202eplan\nnow", promise),
        )
    card = ClientCard(notebook)
    qtbot.addWidget(card)
    card.show_client(ada)
    shown = card.promises.model.data(card.promises.model.index(0, 0))
    assert shown == "send plan now — due Fri 20 Nov 2026"
    row = get_promise(promise)
    bodies = [o.body for o in promise_occurrences(row.id, ada, "Ada", row.text, row.due, None, tz)]
    assert bodies == ["Ada: send plan now", "Ada: send plan now (was due Fri 20 Nov 2026)"]
    assert check(db.location).ok
    assert get_promise(promise).text == "send \u202eplan\nnow"  # shown cleaned, stored as it was
