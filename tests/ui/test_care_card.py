"""The care pieces of a card: header sentence and sparkline, incidents, insight chart."""

from __future__ import annotations

from datetime import timedelta

from ckbook.services.care import add_incident, add_request
from ckbook.services.promises import add_promise, close_promise
from ckbook.ui.care_card import CareCard
from ckbook.ui.incident_dialog import IncidentDialog
from tests.factories import contact, make_client


def test_the_card_header_says_how_long_since_the_last_contact(qtbot, notebook, now, tz):
    cid = make_client(now, "Ada", checkin_days=14)
    contact(cid, now, 20)
    contact(cid, now, 45)
    card = CareCard(notebook)
    for widget in (card.header, card.incidents, card.requests, card.insight):
        qtbot.addWidget(widget)
    card.set_client(cid)
    assert card.header.contact.text() == "20 days since last contact (cadence 14 days)"
    assert "3 in all" not in card.header.sparkline.toolTip()
    assert "(2 in all)" in card.header.sparkline.toolTip()
    assert card.header.open_items.text() == ""

    # Logging a contact, an incident and a request updates the header at once.
    notebook.run(add_incident, cid, "Late delivery", now)
    notebook.run(add_request, cid, "Call me", now, received_at=now - timedelta(days=2))
    from ckbook.services.notes import add_note

    notebook.run(add_note, cid, now)
    assert card.header.contact.text() == "Last contact today (cadence 14 days)"
    assert card.header.open_items.text() == "1 open incident · 1 awaiting reply (1 overdue)"
    assert [line.row.what for line in card.incidents.lines] == ["Late delivery"]
    assert card.incidents.lines[0].open_button.text() == "Next step…"


def test_incidents_section_opens_the_dialog_for_the_next_step(qtbot, notebook, now, monkeypatch):
    cid = make_client(now, "Ada")
    iid = add_incident(cid, "Wrong venue address", now).ids[0]
    card = CareCard(notebook)
    qtbot.addWidget(card.incidents)
    card.set_client(cid)
    opened: list[tuple[int, int | None]] = []
    monkeypatch.setattr(
        IncidentDialog,
        "ask",
        classmethod(
            lambda cls, p, nb, client, incident=None, **kw: opened.append((client, incident))
        ),
    )
    card.incidents.lines[0].open_button.click()
    card.incidents.add_button.click()
    assert opened == [(cid, iid), (cid, None)]


def test_insight_section_compares_the_client_with_everyone(qtbot, notebook, now, tz):
    ada = make_client(now, "Ada")
    bob = make_client(now, "Bob")
    for client, status in ((ada, "kept"), (ada, "kept"), (bob, "broken")):
        pid = add_promise(client, "thing", now, tz, read_due_from_text=False).ids[0]
        close_promise(pid, status, now)
    card = CareCard(notebook)
    qtbot.addWidget(card.insight)
    card.set_client(ada)
    assert card.insight.caption.text() == (
        "Ada: 100% kept (2 of 2) in 12 months. Everyone: 67% kept (2 of 3) in 12 months"
    )
    pid = add_promise(ada, "another", now, tz, read_due_from_text=False).ids[0]
    notebook.run(close_promise, pid, "broken", now)
    assert card.insight.caption.text() == (
        "Ada: 67% kept (2 of 3) in 12 months. Everyone: 50% kept (2 of 4) in 12 months"
    )
