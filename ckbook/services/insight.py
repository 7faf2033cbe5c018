"""Insight: are promises kept, and does each client hear from us often enough?

Kept rate over the last twelve months, overall and per client, month by month (by the local month
in which a promise was closed kept or broken); touchpoints (notes) per month for a client; and the
card header's sentence about how long it has been since the last contact against the cadence, and
everything else the card header says (``card_facts``).
Everything is built in one or two grouped queries; grouping by month happens here in local time.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo
from typing import Any

from peewee import SQL, Case, Value, fn

from ckbook.i18n import tr
from ckbook.services.care import requests
from ckbook.services.clients import ClientDetail
from ckbook.services.clock import local_instant
from ckbook.services.rules import CHECKIN_STATUSES, Health, format_rate
from ckbook.store.models import Client, Note, Promise, UTCDateTimeField
from ckbook.store.rows import tuples

MONTHS = 12


@dataclass(frozen=True)
class MonthRate:
    """Promises closed kept or broken in one local month."""

    month: date  # the first day of the month
    kept: int
    broken: int

    @property
    def rate(self) -> float | None:
        total = self.kept + self.broken
        return None if total == 0 else self.kept / total


@dataclass(frozen=True)
class KeptRateSeries:
    """Twelve months, oldest first, and the totals over all of them."""

    months: tuple[MonthRate, ...]

    @property
    def kept(self) -> int:
        return sum(m.kept for m in self.months)

    @property
    def broken(self) -> int:
        return sum(m.broken for m in self.months)

    @property
    def rate(self) -> float | None:
        total = self.kept + self.broken
        return None if total == 0 else self.kept / total

    def describe(self) -> str:
        """E.g. ``87% kept (26 of 30) in 12 months``; ``no promise closed in 12 months``."""
        total, months = self.kept + self.broken, len(self.months)
        if total == 0:
            return tr("No promise kept or broken in %n months", "", months)
        return tr("{rate} kept ({kept} of {total}) in %n months", "", months).format(
            rate=format_rate(self.rate), kept=self.kept, total=total
        )

    def to_json(self) -> dict[str, object]:
        return {
            "kept": self.kept,
            "broken": self.broken,
            "rate": self.rate,
            "months": [
                {
                    "month": m.month.isoformat()[:7],
                    "kept": m.kept,
                    "broken": m.broken,
                    "rate": m.rate,
                }
                for m in self.months
            ],
        }


@dataclass(frozen=True)
class MonthCount:
    month: date
    count: int


def month_starts(now: datetime, tz: tzinfo, months: int = MONTHS) -> list[date]:
    """The first days of the last ``months`` local months, oldest first, this month last."""
    today = now.astimezone(tz).date()
    year, month = today.year, today.month
    starts = []
    for _ in range(months):
        starts.append(date(year, month, 1))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return starts[::-1]


def _window_start(now: datetime, tz: tzinfo, months: int) -> datetime:
    first = month_starts(now, tz, months)[0]
    return local_instant(first, time(0, 0), tz)


def _month_of(instant: datetime, tz: tzinfo) -> date:
    return instant.astimezone(tz).date().replace(day=1)


def _series(counts: dict[date, list[int]], starts: list[date]) -> KeptRateSeries:
    return KeptRateSeries(
        tuple(MonthRate(m, counts.get(m, [0, 0])[0], counts.get(m, [0, 0])[1]) for m in starts)
    )


def _month_bucket(field: UTCDateTimeField[Any], now: datetime, tz: tzinfo, months: int) -> Case:
    """A SQL expression numbering the local month an instant falls in (0 = oldest), so the
    database counts by local month without handing back every row. The bounds are UTC instants
    of each local month's start, compared as stored."""
    starts = month_starts(now, tz, months)
    bounds = [local_instant(m, time(0, 0), tz) for m in starts[1:]]
    return Case(None, [(field < bound, i) for i, bound in enumerate(bounds)], len(starts) - 1)


def _closed_counts(
    now: datetime, tz: tzinfo, months: int, client_id: int | None, by_client: bool
) -> list[tuple[int, str, int, int]]:
    """(client or 0, status, month index, count) for kept and broken promises in the window."""
    bucket = _month_bucket(Promise.closed_at, now, tz, months)
    client = Promise.client if by_client else Value(0)
    query = (
        Promise.select(client, Promise.status, bucket, fn.COUNT(Promise.id))
        .join(Client)
        .where(
            Promise.status.in_(("kept", "broken"))
            & (Promise.closed_at >= _window_start(now, tz, months))
            & (Promise.closed_at <= now)
            & Client.deleted_at.is_null()
        )
        # By position: PostgreSQL sees the bucket's CASE in GROUP BY as another expression than
        # the one selected (each bound value is a parameter of its own).
        .group_by(SQL("1"), SQL("2"), SQL("3"))
    )
    if client_id is not None:
        query = query.where(Promise.client == client_id)
    return [(c, st, int(m), n) for c, st, m, n in tuples(query)]


def kept_rate_series(
    now: datetime, tz: tzinfo, client_id: int | None = None, months: int = MONTHS
) -> KeptRateSeries:
    """Kept rate month by month, for one client or (``None``) for everyone."""
    starts = month_starts(now, tz, months)
    counts: dict[date, list[int]] = defaultdict(lambda: [0, 0])
    for _client, status, month, count in _closed_counts(now, tz, months, client_id, False):
        counts[starts[month]][0 if status == "kept" else 1] += count
    return _series(counts, starts)


def kept_rates_by_client(
    now: datetime, tz: tzinfo, months: int = MONTHS
) -> dict[int, KeptRateSeries]:
    """Every client's series (clients with nothing closed in the window are left out)."""
    starts = month_starts(now, tz, months)
    counts: dict[int, dict[date, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for client, status, month, count in _closed_counts(now, tz, months, None, True):
        counts[client][starts[month]][0 if status == "kept" else 1] += count
    return {client: _series(by_month, starts) for client, by_month in counts.items()}


def touchpoints_by_month(
    client_id: int, now: datetime, tz: tzinfo, months: int = MONTHS
) -> tuple[MonthCount, ...]:
    """How many notes (calls, meetings, emails…) each local month, oldest first."""
    starts = month_starts(now, tz, months)
    counted: Counter[date] = Counter()
    notes = Note.select(Note.started_at).where(
        (Note.client == client_id)
        & (Note.started_at >= _window_start(now, tz, months))
        & (Note.started_at <= now)
    )
    for (started_at,) in tuples(notes):
        counted[_month_of(started_at, tz)] += 1
    return tuple(MonthCount(m, counted.get(m, 0)) for m in starts)


def contact_text(days_since: int | None, cadence_days: int | None) -> str:
    """The card header's sentence, e.g. ``12 days since last contact (cadence 14 days)``.

    ``days_since`` is None when no contact was ever logged; ``cadence_days`` None when the client
    has no check-in cadence (paused or former).
    """
    if days_since is None:
        head = tr("No contact logged yet")
    elif days_since == 0:
        head = tr("Last contact today")
    elif days_since == 1:
        head = tr("1 day since last contact")
    else:
        head = tr("%n days since last contact", "", days_since)
    if cadence_days is None:
        return tr("{head} (no check-in cadence)").format(head=head)
    if cadence_days == 1:
        return tr("{head} (cadence 1 day)").format(head=head)
    return tr("{head} (cadence %n days)", "", cadence_days).format(head=head)


def checkin_words(health: Health) -> str | None:
    """What the check-in health adds to the contact sentence (green and no cadence add
    nothing)."""
    if health is Health.YELLOW:
        return tr("time to check in")
    if health is Health.RED:
        return tr("check-in overdue")
    return None


def status_word(status: str) -> str:
    """A client's status as a card header starts with it: ``Lead``, ``Active``…"""
    words = {
        "lead": tr("Lead", "client status"),
        "active": tr("Active", "client status"),
        "paused": tr("Paused", "client status"),
        "former": tr("Former", "client status"),
    }
    return words.get(status, status[:1].upper() + status[1:])


@dataclass(frozen=True)
class CardFacts:
    """What a card header says, each fact once: status, check-in health, the contact sentence
    against the cadence, kept rate, open promises, open incidents, requests awaiting our reply
    (and how many of those are overdue), and touchpoints per month for the sparkline."""

    status: str
    health: Health
    contact_text: str
    kept_rate: float | None
    open_promises: int
    open_incidents: int
    awaiting_requests: int
    overdue_requests: int
    touchpoints: tuple[MonthCount, ...]

    @property
    def contact_line(self) -> str:
        """``16 days since last contact (cadence 14 days) — time to check in``."""
        words = checkin_words(self.health)
        return f"{self.contact_text} — {words}" if words else self.contact_text

    @property
    def standing_line(self) -> str:
        """``Lead · 7 open promises · kept rate 80%``."""
        count = self.open_promises
        promises = tr("1 open promise") if count == 1 else tr("%n open promises", "", count)
        rate = tr("kept rate {rate}").format(rate=format_rate(self.kept_rate))
        return f"{status_word(self.status)} · {promises} · {rate}"

    @property
    def care_line(self) -> str:
        """``1 open incident · 2 requests awaiting reply (1 overdue)``."""
        count, waiting, late = self.open_incidents, self.awaiting_requests, self.overdue_requests
        incidents = tr("1 open incident") if count == 1 else tr("%n open incidents", "", count)
        if waiting == 1:
            awaiting = tr("1 request awaiting reply")
        else:
            awaiting = tr("%n requests awaiting reply", "", waiting)
        if late:
            awaiting = tr("{requests} ({overdue} overdue)").format(requests=awaiting, overdue=late)
        return f"{incidents} · {awaiting}"

    @property
    def needs_care(self) -> bool:
        """Something went wrong or a client waits too long: the care line is flagged."""
        return bool(self.open_incidents or self.overdue_requests)

    @property
    def touchpoints_caption(self) -> str:
        total, count = sum(p.count for p in self.touchpoints), len(self.touchpoints)
        months = tr("1 month") if count == 1 else tr("%n months", "", count)
        if total == 1:
            return tr("1 touchpoint in {months}").format(months=months)
        return tr("%n touchpoints in {months}", "", total).format(months=months)


def card_facts(detail: ClientDetail, now: datetime, tz: tzinfo, months: int = MONTHS) -> CardFacts:
    """The card header for a client whose ``client_detail`` is at hand (three small queries)."""
    last = Note.select(fn.max(Note.started_at)).where(Note.client == detail.id).scalar()
    last_at = Note.started_at.python_value(last) if last is not None else None
    days = None if last_at is None else max(0, (now - last_at).days)
    cadence = (
        detail.checkin_days
        if detail.status in CHECKIN_STATUSES and detail.checkin_days > 0
        else None
    )
    awaiting = requests(detail.id, awaiting_only=True)
    return CardFacts(
        status=detail.status,
        health=detail.checkin.health,
        contact_text=contact_text(days, cadence),
        kept_rate=detail.kept_rate,
        open_promises=detail.open_promises,
        open_incidents=detail.open_incidents,
        awaiting_requests=len(awaiting),
        overdue_requests=sum(1 for r in awaiting if r.overdue(now)),
        touchpoints=touchpoints_by_month(detail.id, now, tz, months),
    )
