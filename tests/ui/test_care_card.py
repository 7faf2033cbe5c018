"""The care pieces of a card: incidents, requests, insight chart."""

from __future__ import annotations

from datetime import timedelta

from ckbook.services.care import add_incident, add_request
from ckbook.services.promises import add_promise, close_promise
from ckbook.ui.care_card import CareCard
from ckbook.ui.incident_dialog import IncidentDialog
from tests.factories import make_client


def test_care_sections_follow_the_client(qtbot, notebook, now, tz):
    cid = make_client(now, "Ada", checkin_days=14)
    card = CareCard(notebook)
    for widget in (card.incidents, card.requests, card.insight):
        qtbot.addWidget(widget)
    card.set_client(cid)
    assert card.incidents.empty.text() == "Nothing has gone wrong."

    # Logging an incident and a request updates the sections at once.
    notebook.run(add_incident, cid, "Late delivery", now)
    notebook.run(add_request, cid, "Call me", now, received_at=now - timedelta(days=2))
    assert [line.row.what for line in card.incidents.lines] == ["Late delivery"]
    assert card.incidents.lines[0].open_button.text() == "Next step…"
    assert [line.row.summary for line in card.requests.lines] == ["Call me"]


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
