"""Small helpers for tests to set up a notebook through the services (never raw SQL)."""

from __future__ import annotations

from datetime import datetime, timedelta

from ckbook.services.clients import ClientInput, add_client
from ckbook.services.notes import add_note


def make_client(now: datetime, name: str = "Ada Lovelace", **fields: object) -> int:
    return add_client(ClientInput(name=name, **fields), now).ids[0]  # type: ignore[arg-type]


def contact(client_id: int, now: datetime, days_ago: float, **fields: object) -> int:
    """Log a note ``days_ago`` days before ``now`` (a contact that resets the check-in)."""
    started = now - timedelta(days=days_ago)
    return add_note(client_id, now, started_at=started, **fields).ids[0]  # type: ignore[arg-type]
