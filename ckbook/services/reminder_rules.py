"""Which reminders exist and which are due now: pure rules over plain values.

An *occurrence* is one reason to remind (this promise is coming due, this promise turned overdue,
this client is overdue for a check-in since that last contact, this request is past its response
time). Its key is stable, so the reminder log can record that it fired and it never fires twice; a
snooze sets an absolute time at which it fires once more.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, timedelta, tzinfo

from ckbook.i18n import tr
from ckbook.services import dates
from ckbook.services.clock import local_instant
from ckbook.services.due import Due
from ckbook.services.limits import REMIND_BEFORE_MINUTES
from ckbook.services.text import clean_line

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

    @property
    def key_text(self) -> str:
        """The key as one string (for a notification's id, a menu entry's data)."""
        return key_text(self.key)

    @property
    def is_promise(self) -> bool:
        return self.kind in (ReminderKind.PROMISE_COMING_DUE, ReminderKind.PROMISE_OVERDUE)


def key_text(key: tuple[str, int, str]) -> str:
    return f"{key[0]}|{key[1]}|{key[2]}"


def parse_key_text(text: str) -> tuple[str, int, str]:
    """Read back a ``key_text``; ValueError when it is not one."""
    kind, subject, occurrence = text.split("|", 2)
    return (ReminderKind(kind).value, int(subject), occurrence)


#: A claim to show a reminder that was not confirmed shown within this long belongs to a process
#: that died between claiming and showing: another (or the next start) may take it over. Showing
#: takes milliseconds, so a live process never loses its claim to this.
CLAIM_LEASE = timedelta(minutes=2)


@dataclass(frozen=True)
class LogState:
    fired_at: datetime | None = None
    snoozed_until: datetime | None = None
    done_at: datetime | None = None
    #: Claimed (at ``fired_at``) and not yet confirmed shown.
    claimed: bool = False

    def claim_expired(self, now: datetime) -> bool:
        """Claimed by a process that never said it showed it, long enough ago to take over."""
        return self.claimed and self.fired_at is not None and self.fired_at <= now - CLAIM_LEASE


def promise_reminder_time(
    due: Due, remind_before_minutes: int | None, tz: tzinfo, default_minutes: int
) -> datetime:
    """When to remind of a coming due.

    A promise's own remind-before wins; otherwise a timed due reminds ``default_minutes`` before
    and a date-only due at 09:00 local on its day. Minutes are counted on the UTC instant, so a
    daylight-saving change between reminder and due neither adds nor removes an hour.
    """
    deadline = due.deadline(tz)
    try:
        if remind_before_minutes is None and due.time is None:
            return local_instant(due.date, DATE_ONLY_REMIND_AT, tz).astimezone(deadline.tzinfo)
        minutes = default_minutes if remind_before_minutes is None else remind_before_minutes
        return deadline - timedelta(minutes=REMIND_BEFORE_MINUTES.clip(minutes))
    except OverflowError:  # a due stored near year 1 (an earlier release let it in)
        return deadline


def promise_reminder_key(promise_id: int, due: Due, overdue: bool) -> tuple[str, int, str]:
    """The key of the promise's reminder that is current: the overdue one once it is late,
    else the coming-due one (what ``promise_occurrences`` makes, without building both)."""
    kind = ReminderKind.PROMISE_OVERDUE if overdue else ReminderKind.PROMISE_COMING_DUE
    return (kind.value, promise_id, due.to_json())


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
    # Text an earlier release stored may hold direction overrides that would turn the due
    # around in a notification: shown through the one text rule.
    client_name, text = clean_line(client_name), clean_line(text)
    tag = due.to_json()
    shown = due.on_the_clock(tz).describe()  # a time in a DST gap as it comes due
    return [
        Occurrence(
            ReminderKind.PROMISE_COMING_DUE,
            promise_id,
            tag,
            promise_reminder_time(due, remind_before_minutes, tz, default_minutes),
            client_id,
            tr("Promise due {when}").format(when=shown),
            f"{client_name}: {text}",
        ),
        Occurrence(
            ReminderKind.PROMISE_OVERDUE,
            promise_id,
            tag,
            due.deadline(tz),
            client_id,
            tr("Promise overdue"),
            tr("{client}: {text} (was due {when})").format(
                client=client_name, text=text, when=shown
            ),
        ),
    ]


def checkin_occurrence(
    client_id: int,
    client_name: str,
    checkin_due_at: datetime,
    last_contact: datetime,
    *,
    contact_logged: bool = True,
) -> Occurrence:
    """``last_contact`` is the last logged contact, or when ``contact_logged`` is False the
    day they became a client (the cadence counts from there)."""
    day = dates.absolute_day(last_contact.date())
    client_name = clean_line(client_name)  # as promise_occurrences
    if contact_logged:
        body = tr("{client} has not heard from you since {day}").format(client=client_name, day=day)
    else:
        body = tr("{client}: no contact logged since they became a client on {day}").format(
            client=client_name, day=day
        )
    return Occurrence(
        ReminderKind.CHECKIN_OVERDUE,
        client_id,
        last_contact.isoformat(timespec="seconds"),
        checkin_due_at,
        client_id,
        tr("Time to check in"),
        body,
    )


def request_occurrence(
    request_id: int, client_id: int, client_name: str, summary: str, deadline: datetime
) -> Occurrence:
    client_name, summary = clean_line(client_name), clean_line(summary)  # as promise_occurrences
    return Occurrence(
        ReminderKind.REQUEST_OVERDUE,
        request_id,
        "ack",
        deadline,
        client_id,
        tr("Message awaiting your reply"),
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
    if state.claim_expired(now):
        return True
    if state.fired_at is None:
        return state.snoozed_until is None or state.snoozed_until <= now
    return state.snoozed_until is not None and state.fired_at < state.snoozed_until <= now


PROMISE_KINDS = frozenset(
    {ReminderKind.PROMISE_COMING_DUE.value, ReminderKind.PROMISE_OVERDUE.value}
)


def _promise_snoozes(
    log: Mapping[tuple[str, int, str], LogState],
) -> dict[tuple[int, str], LogState]:
    """The latest snooze of each promise due ((promise id, due tag) -> its log state): a snooze
    of a promise's reminder is a snooze of the promise, whichever of its reminders it was on."""
    found: dict[tuple[int, str], LogState] = {}
    for (kind, subject, tag), state in log.items():
        if kind not in PROMISE_KINDS or state.snoozed_until is None or state.done_at is not None:
            continue
        known = found.get((subject, tag))
        if known is None or (known.snoozed_until or state.snoozed_until) < state.snoozed_until:
            found[(subject, tag)] = state
    return found


def _clock_text(moment: datetime, now: datetime, tz: tzinfo) -> str:
    """``14:20`` today, ``Tue 17 Nov 14:20`` another day (local)."""
    return dates.until_text(moment, now, tz)


def after_snooze(
    occurrence: Occurrence, snoozed: LogState, now: datetime, tz: tzinfo
) -> Occurrence:
    """The reminder shown when a snooze ends, saying its true state: "Promise overdue since 14:20,
    snoozed at 14:15" (it turned overdue during the snooze), or the due with "snoozed at"."""
    snoozed_at = (
        f"snoozed at {_clock_text(snoozed.fired_at, now, tz)}" if snoozed.fired_at else "snoozed"
    )
    if occurrence.kind is ReminderKind.PROMISE_OVERDUE:
        timed = "T" in occurrence.occurrence
        since = (
            _clock_text(occurrence.due_at, now, tz)
            if timed
            else dates.long_day(
                (occurrence.due_at.astimezone(tz) - timedelta(days=1)).date(),
                now.astimezone(tz).date(),
            )
        )
        return replace(occurrence, title=f"Promise overdue since {since}, {snoozed_at}")
    return replace(occurrence, title=f"{occurrence.title}, {snoozed_at}")


def due_now(
    occurrences: Iterable[Occurrence],
    log: Mapping[tuple[str, int, str], LogState],
    now: datetime,
    tz: tzinfo | None = None,
) -> list[Occurrence]:
    """The occurrences to show now, oldest first.

    Once a promise is overdue, its coming-due reminder is stale and never shows, whether or not
    the overdue reminder already fired (otherwise "due soon" would pop up after "overdue").
    A snoozed promise stays quiet until the snooze ends, even when it turns overdue meanwhile;
    then it shows once, saying so (``after_snooze``; in ``tz``, else ``now``'s zone).
    """
    zone = tz if tz is not None else now.tzinfo or UTC
    occurrences = list(occurrences)
    snoozes = _promise_snoozes(log)
    overdue_promises = {
        o.subject_id
        for o in occurrences
        if o.kind is ReminderKind.PROMISE_OVERDUE and o.due_at <= now
    }
    firing: list[Occurrence] = []
    for o in occurrences:
        snoozed = snoozes.get((o.subject_id, o.occurrence)) if o.is_promise else None
        if (
            snoozed is not None
            and snoozed.snoozed_until is not None
            and snoozed.snoozed_until > now
        ):
            continue  # the promise is snoozed: none of its reminders show
        if o.kind is ReminderKind.PROMISE_COMING_DUE and o.subject_id in overdue_promises:
            continue
        if not should_fire(o, log.get(o.key), now):
            continue
        # Said only when the snooze held this very reminder back (a snooze that ended before
        # the promise turned overdue has nothing to do with the overdue reminder).
        held_back = snoozed is not None and (snoozed.snoozed_until or now) > o.due_at
        firing.append(after_snooze(o, snoozed, now, zone) if snoozed and held_back else o)
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
        if state is not None and state.claimed and state.fired_at is not None:
            expires = state.fired_at + CLAIM_LEASE
            if expires > now:
                candidates.append(expires)
    return min(candidates, default=None)


def snooze_until(choice: str, now: datetime, tz: tzinfo) -> datetime:
    """Absolute end of a snooze: ``15m``, ``1h``, or ``tomorrow`` (09:00 local next day)."""
    if choice == "15m":
        return now + timedelta(minutes=15)
    if choice == "1h":
        return now + timedelta(hours=1)
    if choice == "tomorrow":
        tomorrow = now.astimezone(tz).date() + timedelta(days=1)
        return local_instant(tomorrow, DATE_ONLY_REMIND_AT, tz).astimezone(now.tzinfo)
    raise ValueError(tr("unknown snooze {choice!r}: use 15m, 1h or tomorrow").format(choice=choice))


@dataclass(frozen=True)
class QuietHours:
    """Local times between which pop-ups are held (``start`` > ``end`` spans midnight)."""

    start: time
    end: time


def quiet_until(now: datetime, tz: tzinfo, quiet: QuietHours | None) -> datetime | None:
    """The instant the quiet hours around ``now`` end, or None when ``now`` is not in them.

    Equal start and end mean no quiet hours. The end is a local wall time, so it stays 07:00
    across a daylight-saving change.
    """
    if quiet is None or quiet.start == quiet.end:
        return None
    local = now.astimezone(tz)
    t = local.time().replace(tzinfo=None)
    if quiet.start < quiet.end:
        inside = quiet.start <= t < quiet.end
        end_day = local.date()
    elif t >= quiet.start:
        inside, end_day = True, local.date() + timedelta(days=1)
    else:
        inside, end_day = t < quiet.end, local.date()
    if not inside:
        return None
    end = local_instant(end_day, quiet.end, tz).astimezone(now.tzinfo)
    return end if end > now else None


def summarise(occurrences: Iterable[Occurrence]) -> str:
    """Counts by kind: "3 promises came due, 1 client is overdue for a check-in"."""
    promises: set[int] = set()
    clients: set[int] = set()
    requests: set[int] = set()
    for o in occurrences:
        if o.is_promise:
            promises.add(o.subject_id)
        elif o.kind is ReminderKind.CHECKIN_OVERDUE:
            clients.add(o.subject_id)
        else:
            requests.add(o.subject_id)
    parts = []
    came, late, waiting = len(promises), len(clients), len(requests)
    if came:
        parts.append(
            tr("1 promise came due") if came == 1 else tr("%n promises came due", "", came)
        )
    if late:
        parts.append(
            tr("1 client is overdue for a check-in")
            if late == 1
            else tr("%n clients are overdue for a check-in", "", late)
        )
    if waiting:
        parts.append(
            tr("1 message awaits your reply")
            if waiting == 1
            else tr("%n messages await your reply", "", waiting)
        )
    return ", ".join(parts)


def missed_summary(occurrences: Iterable[Occurrence]) -> str:
    """The one line shown at start for everything that came due while ckbook was closed."""
    return tr("While you were away: {what}").format(what=summarise(occurrences))
