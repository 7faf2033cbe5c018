"""Which reminders exist and which are due now: pure rules over plain values.

An *occurrence* is one reason to remind (this promise is coming due, this promise turned overdue,
this client is overdue for a check-in since that last contact, this request is past its response
time). Its key is stable, so the reminder log can record that it fired and it never fires twice; a
snooze sets an absolute time at which it fires once more.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo

from ckbook.services.due import Due

#: A timed due reminds this long before by default.
DEFAULT_REMIND_BEFORE_MINUTES = 60
#: A date-only due reminds at this local time on its day.
DATE_ONLY_REMIND_AT = time(9, 0)


class ReminderKind(enum.StrEnum):
    PROMISE_COMING_DUE = "promise-coming-due"
    PROMISE_OVERDUE = "promise-overdue"
    CHECKIN_OVERDUE = "checkin-overdue"
    REQUEST_OVERDUE = "request-overdue"


@dataclass(frozen=True)
class Occurrence:
    kind: ReminderKind
    subject_id: int
    occurrence: str
    due_at: datetime
    client_id: int
    title: str
    body: str

    @property
    def key(self) -> tuple[str, int, str]:
        return (self.kind.value, self.subject_id, self.occurrence)


@dataclass(frozen=True)
class LogState:
    fired_at: datetime | None = None
    snoozed_until: datetime | None = None
    done_at: datetime | None = None


def promise_reminder_time(
    due: Due, remind_before_minutes: int | None, tz: tzinfo, default_minutes: int
) -> datetime:
    """When to remind of a coming due: N minutes before a timed due, 09:00 on a date-only day."""
    if due.time is None and remind_before_minutes is None:
        local = datetime.combine(due.date, DATE_ONLY_REMIND_AT, tzinfo=tz)
        return local.astimezone(due.deadline(tz).tzinfo)
    minutes = default_minutes if remind_before_minutes is None else remind_before_minutes
    if due.time is None:
        start_of_day = datetime.combine(due.date, time(0, 0), tzinfo=tz)
        return (start_of_day + timedelta(hours=24) - timedelta(minutes=minutes)).astimezone(
            due.deadline(tz).tzinfo
        )
    return due.deadline(tz) - timedelta(minutes=minutes)


def promise_occurrences(
    promise_id: int,
    client_id: int,
    client_name: str,
    text: str,
    due: Due | None,
    remind_before_minutes: int | None,
    tz: tzinfo,
    default_minutes: int = DEFAULT_REMIND_BEFORE_MINUTES,
) -> list[Occurrence]:
    """A promise with a due reminds twice: before it is due and when it turns overdue.

    The occurrence key carries the due, so moving the due makes fresh reminders.
    """
    if due is None:
        return []
    tag = due.to_json()
    return [
        Occurrence(
            ReminderKind.PROMISE_COMING_DUE,
            promise_id,
            tag,
            promise_reminder_time(due, remind_before_minutes, tz, default_minutes),
            client_id,
            f"Promise due {due.describe()}",
            f"{client_name}: {text}",
        ),
        Occurrence(
            ReminderKind.PROMISE_OVERDUE,
            promise_id,
            tag,
            due.deadline(tz),
            client_id,
            "Promise overdue",
            f"{client_name}: {text} (was due {due.describe()})",
        ),
    ]


def checkin_occurrence(
    client_id: int, client_name: str, checkin_due_at: datetime, last_contact: datetime
) -> Occurrence:
    return Occurrence(
        ReminderKind.CHECKIN_OVERDUE,
        client_id,
        last_contact.isoformat(timespec="seconds"),
        checkin_due_at,
        client_id,
        "Time to check in",
        f"{client_name} has not heard from you since {last_contact.date().isoformat()}",
    )


def request_occurrence(
    request_id: int, client_id: int, client_name: str, summary: str, deadline: datetime
) -> Occurrence:
    return Occurrence(
        ReminderKind.REQUEST_OVERDUE,
        request_id,
        "ack",
        deadline,
        client_id,
        "Message awaiting your reply",
        f"{client_name}: {summary}",
    )


def should_fire(occurrence: Occurrence, state: LogState | None, now: datetime) -> bool:
    """Due and not yet fired; or snoozed and the snooze has ended; never once done."""
    if occurrence.due_at > now:
        return False
    if state is None:
        return True
    if state.done_at is not None:
        return False
    if state.fired_at is None:
        return state.snoozed_until is None or state.snoozed_until <= now
    return state.snoozed_until is not None and state.fired_at < state.snoozed_until <= now


def due_now(
    occurrences: Iterable[Occurrence],
    log: Mapping[tuple[str, int, str], LogState],
    now: datetime,
) -> list[Occurrence]:
    """The occurrences to show now, oldest first.

    A promise whose overdue reminder is due does not also show its coming-due reminder.
    """
    firing = [o for o in occurrences if should_fire(o, log.get(o.key), now)]
    overdue_promises = {o.subject_id for o in firing if o.kind is ReminderKind.PROMISE_OVERDUE}
    firing = [
        o
        for o in firing
        if not (o.kind is ReminderKind.PROMISE_COMING_DUE and o.subject_id in overdue_promises)
    ]
    return sorted(firing, key=lambda o: (o.due_at, o.kind.value, o.subject_id))


def next_wake(
    occurrences: Iterable[Occurrence],
    log: Mapping[tuple[str, int, str], LogState],
    now: datetime,
) -> datetime | None:
    """The earliest future instant at which something will need to fire (for the timer)."""
    candidates: list[datetime] = []
    for occurrence in occurrences:
        state = log.get(occurrence.key)
        if state is not None and state.done_at is not None:
            continue
        if occurrence.due_at > now and (state is None or state.fired_at is None):
            candidates.append(occurrence.due_at)
        if state is not None and state.snoozed_until is not None and state.snoozed_until > now:
            candidates.append(state.snoozed_until)
    return min(candidates, default=None)


def snooze_until(choice: str, now: datetime, tz: tzinfo) -> datetime:
    """Absolute end of a snooze: ``15m``, ``1h``, or ``tomorrow`` (09:00 local next day)."""
    if choice == "15m":
        return now + timedelta(minutes=15)
    if choice == "1h":
        return now + timedelta(hours=1)
    if choice == "tomorrow":
        tomorrow = now.astimezone(tz).date() + timedelta(days=1)
        return datetime.combine(tomorrow, DATE_ONLY_REMIND_AT, tzinfo=tz).astimezone(now.tzinfo)
    raise ValueError(f"unknown snooze {choice!r}: use 15m, 1h or tomorrow")
