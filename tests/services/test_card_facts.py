"""The card header's facts: each said once, in words, from what is stored."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ckbook.services.care import add_incident, add_request
from ckbook.services.clients import client_detail
from ckbook.services.due import Due
from ckbook.services.insight import MONTHS, CardFacts, MonthCount, card_facts
from ckbook.services.promises import add_promise, close_promise
from ckbook.services.rules import Health
from tests.factories import contact, make_client


def _facts(**changes: object) -> CardFacts:
    base: dict[str, object] = {
        "status": "lead",
        "health": Health.GREEN,
        "contact_text": "3 days since last contact (cadence 14 days)",
        "kept_rate": None,
        "open_promises": 0,
        "open_incidents": 0,
        "awaiting_requests": 0,
        "overdue_requests": 0,
        "touchpoints": (),
    }
    return CardFacts(**{**base, **changes})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "contact", "standing", "care", "flagged"),
    [
        (
            {},
            "3 days since last contact (cadence 14 days)",
            "Lead · 0 open promises · kept rate —",
            "0 open incidents · 0 requests awaiting reply",
            False,
        ),
        (
            {"health": Health.YELLOW, "kept_rate": 0.8, "open_promises": 1, "open_incidents": 1},
            "3 days since last contact (cadence 14 days) — time to check in",
            "Lead · 1 open promise · kept rate 80%",
            "1 open incident · 0 requests awaiting reply",
            True,
        ),
        (
            {"health": Health.RED, "status": "active", "awaiting_requests": 2},
            "3 days since last contact (cadence 14 days) — check-in overdue",
            "Active · 0 open promises · kept rate —",
            "0 open incidents · 2 requests awaiting reply",
            False,
        ),
        (
            {"health": Health.NONE, "awaiting_requests": 1, "overdue_requests": 1},
            "3 days since last contact (cadence 14 days)",
            "Lead · 0 open promises · kept rate —",
            "0 open incidents · 1 request awaiting reply (1 overdue)",
            True,
        ),
    ],
)
def test_header_lines(changes, contact, standing, care, flagged):
    facts = _facts(**changes)
    assert (facts.contact_line, facts.standing_line, facts.care_line) == (contact, standing, care)
    assert facts.needs_care is flagged


def test_touchpoints_caption():
    months = tuple(MonthCount(date(2026, m, 1), m % 3) for m in range(1, 13))
    assert _facts(touchpoints=months).touchpoints_caption == "12 touchpoints in 12 months"
    assert _facts(touchpoints=months[:1]).touchpoints_caption == "1 touchpoint in 1 month"


def test_card_facts_from_the_notebook(db, now, tz):
    ada = make_client(now, "Ada", checkin_days=14, response_hours=2)
    contact(ada, now, 16)
    contact(ada, now, 40)
    kept = add_promise(ada, "send the plan", now, tz, due=Due(date(2026, 11, 20))).ids[0]
    close_promise(kept, "kept", now)
    add_promise(ada, "book the band", now, tz)
    add_incident(ada, "Wrong venue address", now)
    add_request(ada, "Call me back", now, received_at=now - timedelta(hours=3))
    add_request(ada, "Menu?", now, received_at=now - timedelta(minutes=30))

    facts = card_facts(client_detail(ada, now), now, tz)
    assert facts.contact_line == "16 days since last contact (cadence 14 days) — time to check in"
    assert facts.standing_line == "Active · 1 open promise · kept rate 100%"
    assert facts.care_line == "1 open incident · 2 requests awaiting reply (1 overdue)"
    assert len(facts.touchpoints) == MONTHS
    assert facts.touchpoints_caption == "2 touchpoints in 12 months"


def test_a_client_never_contacted_says_so(db, now, tz):
    bob = make_client(now, "Bob", checkin_days=30)
    facts = card_facts(client_detail(bob, now), now, tz)
    assert facts.contact_line == "No contact logged yet (cadence 30 days)"
    assert [p.count for p in facts.touchpoints] == [0] * MONTHS
