"""A card's checklist order: open promises soonest due first, timed before date-only on the
same day, undated last; then closed ones."""

from __future__ import annotations

from datetime import time, timedelta

from ckbook.services.due import Due
from ckbook.services.promises import add_promise, close_promise, promises_for_client
from tests.factories import make_client


def test_open_promises_sort_with_and_without_times(db, now, tz):
    client = make_client(now)
    day = now.astimezone(tz).date() + timedelta(days=1)
    add_promise(client, "undated", now, tz, read_due_from_text=False)
    add_promise(client, "end of day", now, tz, due=Due(day))
    add_promise(client, "afternoon", now, tz, due=Due(day, time(15, 0)))
    add_promise(client, "morning", now, tz, due=Due(day, time(9, 0)))
    add_promise(client, "earlier day", now, tz, due=Due(day - timedelta(days=1)))
    done = add_promise(client, "done", now, tz).ids[0]
    close_promise(done, "kept", now)
    assert [p.text for p in promises_for_client(client)] == [
        "earlier day",
        "morning",
        "afternoon",
        "end of day",
        "undated",
        "done",
    ]
