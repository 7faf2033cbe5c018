"""What needs us now: promises overdue, due today and coming up, clients overdue for a check-in,
requests past their response time. ``ckbook due`` prints it and the tray shows it. What a snoozed
reminder is about is left out until the snooze ends (``reminders.snoozed_keys``, as Today does)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from ckbook.services.care import RequestRow, requests
from ckbook.services.clients import ClientSummary, client_summaries
from ckbook.services.clock import instant_json
from ckbook.services.promises import PromiseRow, open_promises
from ckbook.services.reminder_rules import (
    checkin_occurrence,
    promise_reminder_key,
    request_occurrence,
)
from ckbook.services.reminders import snoozed_keys
from ckbook.services.rules import Health, PromiseState


@dataclass(frozen=True)
class DueReport:
    now: datetime
    overdue: tuple[PromiseRow, ...]
    due_today: tuple[PromiseRow, ...]
    upcoming: tuple[PromiseRow, ...]
    checkins: tuple[ClientSummary, ...]
    requests: tuple[RequestRow, ...]
    snoozed: int = 0  # items left out because their reminder is snoozed (as on Today)

    @property
    def attention_count(self) -> int:
        """What the tray badge counts: everything due now or late."""
        return len(self.overdue) + len(self.due_today) + len(self.checkins) + len(self.requests)

    def summary(self) -> str:
        parts = []
        if self.overdue:
            parts.append(_count(len(self.overdue), "promise overdue", "promises overdue"))
        if self.due_today:
            parts.append(_count(len(self.due_today), "promise due today", "promises due today"))
        if self.checkins:
            parts.append(_count(len(self.checkins), "check-in overdue", "check-ins overdue"))
        if self.requests:
            parts.append(_count(len(self.requests), "reply overdue", "replies overdue"))
        return ", ".join(parts) if parts else "Nothing needs you right now"

    def to_json(self, tz: tzinfo) -> dict[str, object]:
        def client(c: ClientSummary) -> dict[str, object]:
            return {
                "client_id": c.id,
                "client": c.name,
                "health": c.health.value,
                "last_contact": instant_json(c.last_contact, tz),
            }

        return {
            "now": instant_json(self.now, tz),
            "overdue": [p.to_json(tz) for p in self.overdue],
            "due_today": [p.to_json(tz) for p in self.due_today],
            "upcoming": [p.to_json(tz) for p in self.upcoming],
            "checkins_overdue": [client(c) for c in self.checkins],
            "requests_overdue": [r.to_json(self.now, tz) for r in self.requests],
        }


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def due_report(now: datetime, tz: tzinfo, within_days: int = 7) -> DueReport:
    """Everything due or late at ``now``; upcoming promises up to ``within_days`` ahead."""
    horizon = (now.astimezone(tz) + timedelta(days=within_days)).date()
    overdue, today, upcoming = [], [], []
    for promise in open_promises():
        state = promise.state(now, tz)
        if state is PromiseState.OVERDUE:
            overdue.append(promise)
        elif state is PromiseState.DUE_TODAY:
            today.append(promise)
        elif state is PromiseState.UPCOMING and promise.due and promise.due.date <= horizon:
            upcoming.append(promise)

    def by_due(p: PromiseRow) -> tuple[object, ...]:
        # By deadline: comparing Due values fails when a date-only and a timed due share a day.
        return (p.due.deadline(tz) if p.due else now, p.client_name.lower(), p.id)

    checkins = [c for c in client_summaries(now, tz) if c.health in (Health.RED, Health.YELLOW)]
    checkins.sort(key=lambda c: (c.health is not Health.RED, c.last_contact or now, c.name))
    late = [r for r in requests(awaiting_only=True) if r.overdue(now)]

    # A snoozed reminder hides what it is about until the snooze ends, here as on Today.
    snoozed = snoozed_keys(now)
    left_out = 0

    def shown(key: tuple[str, int, str] | None) -> bool:
        nonlocal left_out
        if key is not None and key in snoozed:
            left_out += 1
            return False
        return True

    def promise_key(p: PromiseRow, overdue: bool) -> tuple[str, int, str] | None:
        return promise_reminder_key(p.id, p.due, overdue) if p.due else None

    def checkin_key(c: ClientSummary) -> tuple[str, int, str] | None:
        if c.checkin_due_at is None:
            return None
        return checkin_occurrence(c.id, c.name, c.checkin_due_at, c.checkin_since).key

    def request_key(r: RequestRow) -> tuple[str, int, str]:
        return request_occurrence(r.id, r.client_id, r.client_name, r.summary, r.deadline).key

    return DueReport(
        now=now,
        overdue=tuple(p for p in sorted(overdue, key=by_due) if shown(promise_key(p, True))),
        due_today=tuple(p for p in sorted(today, key=by_due) if shown(promise_key(p, False))),
        upcoming=tuple(sorted(upcoming, key=by_due)),
        checkins=tuple(c for c in checkins if shown(checkin_key(c))),
        requests=tuple(r for r in late if shown(request_key(r))),
        snoozed=left_out,
    )
