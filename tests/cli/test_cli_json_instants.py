"""Every instant in every JSON output is local time with its offset, to the minute (DESIGN:
stored UTC, shown local): never UTC, never seconds or microseconds, the same field the same way
in every command."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ckbook.services.care import add_request
from ckbook.services.due import Due
from ckbook.services.promises import add_promise, close_promise, get_promise
from tests.conftest import NOW_ARG
from tests.factories import contact, make_client

#: Berlin in November: UTC+1.
LOCAL_INSTANT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d\+01:00")
INSTANT_KEYS = {
    "now",
    "at",
    "made_at",
    "closed_at",
    "last_contact",
    "received_at",
    "acknowledged_at",
    "answered_at",
    "reply_due",
    "happened_at",
    "apologised_at",
    "resolved_at",
    "started_at",
}


#: Any string that starts like an ISO date-time: an instant, or a due with a time (no offset).
ISO_LIKE = re.compile(r"\d{4}-\d\d-\d\dT")
DUE_WITH_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")


def instants(value: object, path: str = "") -> list[tuple[str, object]]:
    """Every (path, value) under a key that holds an instant, or that looks like one."""
    found: list[tuple[str, object]] = []
    if isinstance(value, str) and ISO_LIKE.match(value) and not DUE_WITH_TIME.fullmatch(value):
        found.append((path, value))
    if isinstance(value, dict):
        for key, inner in value.items():
            if key in INSTANT_KEYS or (key == "when" and ".sections" not in path):
                found.append((f"{path}.{key}", inner))
            else:
                found.extend(instants(inner, f"{path}.{key}"))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found.extend(instants(inner, f"{path}[{index}]"))
    return found


def test_every_json_instant_is_local_to_the_minute(db, now, tz, run):  # type: ignore[no-untyped-def]
    ada = make_client(now, "Ada", checkin_days=7)
    contact(ada, now, days_ago=9, body="we spoke about the proposal")
    late = add_promise(ada, "send the proposal", now, tz, due=Due(date(2026, 11, 17))).ids[0]
    kept = add_promise(ada, "call back", now, tz, due=Due(date(2026, 11, 18))).ids[0]
    close_promise(kept, "kept", now)
    add_request(ada, "quote?", now, received_at=now - timedelta(hours=30, seconds=7))
    assert late

    outputs = {
        "client add": run("client", "add", "Bea", "--now", NOW_ARG, "--json"),
        "clients": run("clients", "--now", NOW_ARG, "--json"),
        "promise add": run("promise", "add", "Ada", "send it Friday", "--json"),  # real now
        "due": run("due", "--now", NOW_ARG, "--json"),
        "today": run("today", "--now", NOW_ARG, "--json"),
        "notes": run("notes", "Ada", "--json"),
        "search": run("search", "proposal", "--json"),
        "request add": run("request", "add", "Ada", "call me", "--now", NOW_ARG, "--json"),
        "request ack": run("request", "ack", "1", "--json"),  # real now
        "incident add": run("incident", "add", "Ada", "late", "--json"),  # real now
    }
    seen: set[str] = set()
    for command, result in outputs.items():
        for path, value in instants(result.json()):
            if value is None:
                continue
            assert isinstance(value, str) and LOCAL_INSTANT.fullmatch(value), (command, path, value)
            seen.add(path.rsplit(".", 1)[-1])
    # The fields the review found in UTC or with seconds are all covered.
    assert {"made_at", "last_contact", "received_at", "reply_due", "now"} <= seen
    assert {"acknowledged_at", "happened_at", "started_at", "at", "when"} <= seen
    assert "when" in {path.rsplit(".", 1)[-1] for path, _ in instants(outputs["search"].json())}
    # No command lists closed promises; their row serialises closed_at the same way.
    assert LOCAL_INSTANT.fullmatch(str(get_promise(kept).to_json(tz)["closed_at"]))
