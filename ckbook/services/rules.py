"""The domain rules: pure functions of plain values and ``now``.

No database, no clock, no Qt: promise due/overdue, kept rate, check-in health, request overdue.
Every rule here has a table-driven test.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from ckbook.services.due import FAR_FUTURE, Due
from ckbook.services.limits import CHECKIN_DAYS, RESPONSE_HOURS

CLOSED_PROMISE_STATUSES = frozenset({"kept", "broken", "renegotiated", "cancelled"})
#: Clients in these statuses have no check-in cadence: nobody expects a call from us.
CHECKIN_STATUSES = frozenset({"lead", "active"})
#: Past cadence by this factor or more, a client is red rather than yellow.
RED_FACTOR = 1.5


class PromiseState(enum.StrEnum):
    NO_DUE = "no due"
    UPCOMING = "upcoming"
    DUE_TODAY = "due today"
    OVERDUE = "overdue"
    CLOSED = "closed"


def promise_state(status: str, due: Due | None, now: datetime, tz: tzinfo) -> PromiseState:
    """Where an open promise stands; a date-only due is overdue from the next local day."""
    if status in CLOSED_PROMISE_STATUSES:
        return PromiseState.CLOSED
    if due is None:
        return PromiseState.NO_DUE
    if now >= due.deadline(tz):
        return PromiseState.OVERDUE
    if due.date <= now.astimezone(tz).date():
        return PromiseState.DUE_TODAY
    return PromiseState.UPCOMING


def kept_rate(statuses: Iterable[str]) -> float | None:
    """kept ÷ (kept + broken); None when nothing was kept or broken yet."""
    kept = broken = 0
    for status in statuses:
        if status == "kept":
            kept += 1
        elif status == "broken":
            broken += 1
    if kept + broken == 0:
        return None
    return kept / (kept + broken)


def format_rate(rate: float | None) -> str:
    return "—" if rate is None else f"{round(rate * 100)}%"


class Health(enum.StrEnum):
    """How a client's check-in cadence stands: on time, overdue, badly overdue."""

    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"
    NONE = "none"  # paused or former clients have no cadence


@dataclass(frozen=True)
class CheckinStatus:
    health: Health
    last_contact: datetime
    due_at: datetime | None
    days_since: int

    @property
    def overdue(self) -> bool:
        return self.health in (Health.YELLOW, Health.RED)


def checkin_status(
    client_status: str,
    checkin_days: int,
    last_contact: datetime | None,
    client_since: datetime,
    now: datetime,
) -> CheckinStatus:
    """Green until the cadence has passed since the last contact, yellow past it, red at 1.5×.

    A client never contacted counts from when they became a client.
    """
    since = last_contact or client_since
    days_since = max(0, (now - since).days)
    if client_status not in CHECKIN_STATUSES or checkin_days <= 0:
        return CheckinStatus(Health.NONE, since, None, days_since)
    # A cadence stored out of range by an earlier release reads as the longest one.
    cadence = timedelta(days=CHECKIN_DAYS.clip(checkin_days))
    try:
        due_at = since + cadence
    except OverflowError:  # a last contact stored near year 9999
        return CheckinStatus(Health.GREEN, since, None, days_since)
    elapsed = now - since
    if elapsed < cadence:
        health = Health.GREEN
    elif elapsed < cadence * RED_FACTOR:
        health = Health.YELLOW
    else:
        health = Health.RED
    return CheckinStatus(health, since, due_at, days_since)


def request_deadline(received_at: datetime, response_hours: int) -> datetime:
    """When the reply is due; a response time stored out of range reads as the longest one."""
    try:
        return received_at + timedelta(hours=RESPONSE_HOURS.clip(response_hours))
    except OverflowError:  # received near year 9999
        return FAR_FUTURE


def request_overdue(
    received_at: datetime,
    acknowledged_at: datetime | None,
    answered_at: datetime | None,
    response_hours: int,
    now: datetime,
) -> bool:
    """Overdue once older than the expected response time without an acknowledgement."""
    if acknowledged_at is not None or answered_at is not None:
        return False
    return now >= request_deadline(received_at, response_hours)


#: Sensible starting profile for each attention level ("decide it at the start").
ATTENTION_DEFAULTS: dict[str, dict[str, int]] = {
    "light": {"checkin_days": 30, "response_hours": 48},
    "standard": {"checkin_days": 14, "response_hours": 24},
    "high-touch": {"checkin_days": 7, "response_hours": 4},
}
