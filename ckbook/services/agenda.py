"""What needs us now: promises overdue, due today and coming up, clients overdue for a check-in,
requests past their response time. ``ckbook due`` prints it and the tray shows it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from ckbook.services.care import RequestRow, requests
from ckbook.services.clients import ClientSummary, client_summaries
from ckbook.services.clock import instant_json
from ckbook.services.promises import PromiseRow, open_promises
from ckbook.services.rules import Health, PromiseState


@dataclass(frozen=True)
class DueReport:
    now: datetime
    overdue: tuple[PromiseRow, ...]
    due_today: tuple[PromiseRow, ...]
    upcoming: tuple[PromiseRow, ...]
    checkins: tuple[ClientSummary, ...]
    requests: tuple[RequestRow, ...]

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
    return DueReport(
        now=now,
        overdue=tuple(sorted(overdue, key=by_due)),
        due_today=tuple(sorted(today, key=by_due)),
        upcoming=tuple(sorted(upcoming, key=by_due)),
        checkins=tuple(checkins),
        requests=tuple(late),
    )
