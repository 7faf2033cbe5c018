"""Reminder use-cases: gather every occurrence from the notebook, decide which fire now (rules in
``reminder_rules``), and record fired / snoozed / done in the reminder log so nothing fires twice,
even across restarts.

Showing is claimed first (``claim``): one conditional write per occurrence in a write transaction,
which only one process can win, then shown, then confirmed (``confirm_shown``). Two processes on
one notebook never both show an occurrence; a process that dies after claiming and before showing
leaves a claim that expires (``CLAIM_LEASE``) and is taken over, so the reminder is not lost; one
that dies after showing has already recorded it, so it is not shown again.
"""

from __future__ import annotations

import heapq
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, tzinfo

import peewee

from ckbook.i18n import tr
from ckbook.services.base import Changed, Kind, NotFoundError, write_transaction
from ckbook.services.care import answer_request, requests
from ckbook.services.clients import client_summaries
from ckbook.services.limits import warn_bad_row
from ckbook.services.promises import close_promise, open_promises
from ckbook.services.reminder_rules import (
    CLAIM_LEASE,
    DEFAULT_REMIND_BEFORE_MINUTES,
    PROMISE_KINDS,
    LogState,
    Occurrence,
    ReminderKind,
    checkin_occurrence,
    due_now,
    next_wake,
    promise_occurrences,
    request_occurrence,
    snooze_until,
)
from ckbook.store.models import Promise, ReminderLog
from ckbook.store.people import signed_in
from ckbook.store.rows import tuples


@dataclass(frozen=True)
class ReminderCheck:
    """What a check found: the reminders to show now, and when to look again."""

    firing: tuple[Occurrence, ...]
    next_wake: datetime | None


def all_occurrences(
    now: datetime,
    tz: tzinfo,
    default_minutes: int = DEFAULT_REMIND_BEFORE_MINUTES,
    client_ids: list[int] | None = None,
    owner: str | None = None,
) -> list[Occurrence]:
    """Every reason to remind (of these clients only, given ``client_ids``; given ``owner``,
    only that person's promises and requests and those of no known author — a reminder goes to
    the promise's owner — and every check-in, which is nobody's in particular). A row that cannot be
    turned into one (a value stored out of range by an earlier release that the rules could not
    clip) is logged and skipped: one bad row never stops the reminders of every other."""
    found: list[Occurrence] = []
    for p in open_promises(client_ids, owner):
        try:
            found.extend(
                promise_occurrences(
                    p.id,
                    p.client_id,
                    p.client_name,
                    p.text,
                    p.due,
                    p.remind_before_minutes,
                    tz,
                    default_minutes,
                )
            )
        except (OverflowError, ValueError) as exc:
            warn_bad_row("promise", p.id, exc)
    # Every client with a cadence, not only the overdue ones: next_wake then knows when the next
    # check-in comes due instead of waiting for the minute re-check.
    for client in client_summaries(now, tz, client_ids=client_ids):
        if client.checkin_due_at is not None:
            found.append(
                checkin_occurrence(
                    client.id,
                    client.name,
                    client.checkin_due_at,
                    client.checkin_since,
                    contact_logged=client.last_contact is not None,
                )
            )
    for r in requests(awaiting_only=True, client_ids=client_ids, owner=owner):
        if r.acknowledged_at is None:
            try:
                found.append(
                    request_occurrence(r.id, r.client_id, r.client_name, r.summary, r.deadline)
                )
            except (OverflowError, ValueError) as exc:
                warn_bad_row("request", r.id, exc)
    return found


def whose_reminders(everyone: bool = False) -> str | None:
    """Whose reminders this person gets: in team mode their own (a reminder goes to the
    promise's owner) unless they asked to see ``everyone``'s; on a notebook file everything is
    theirs (None: no one's are left out)."""
    person = signed_in()
    return person.name if person.team and not everyone else None


def snoozed_keys(now: datetime) -> set[tuple[str, int, str]]:
    """The reminder occurrences snoozed at ``now`` (and not done). Today and the tray leave out
    what these are about until the snooze ends: one rule, so the two never disagree. A snoozed
    promise is snoozed whole: both its reminders (coming due, overdue) for that due are in the
    set, so one that turns overdue during the snooze stays out too."""
    found: set[tuple[str, int, str]] = set()
    for kind, subject, occurrence in tuples(
        ReminderLog.select(ReminderLog.kind, ReminderLog.subject_id, ReminderLog.occurrence).where(
            (ReminderLog.snoozed_until > now) & ReminderLog.done_at.is_null()
        )
    ):
        if kind in PROMISE_KINDS:
            found.update((promise_kind, subject, occurrence) for promise_kind in PROMISE_KINDS)
        else:
            found.add((kind, subject, occurrence))
    return found


def _log_states(subject_ids: list[int] | None = None) -> dict[tuple[str, int, str], LogState]:
    # Plain tuples: this runs on every full check over every reminder ever fired.
    convert = ReminderLog.fired_at.python_value
    logs = ReminderLog.select(
        ReminderLog.kind,
        ReminderLog.subject_id,
        ReminderLog.occurrence,
        ReminderLog.fired_at,
        ReminderLog.snoozed_until,
        ReminderLog.done_at,
        ReminderLog.claimed_by,
    )
    if subject_ids is not None:
        logs = logs.where(ReminderLog.subject_id.in_(subject_ids))
    return {
        (kind, subject_id, occurrence): LogState(
            convert(fired_at), convert(snoozed_until), convert(done_at), claimed_by is not None
        )
        for kind, subject_id, occurrence, fired_at, snoozed_until, done_at, claimed_by in tuples(
            logs
        )
    }


def check(
    now: datetime,
    tz: tzinfo,
    default_minutes: int = DEFAULT_REMIND_BEFORE_MINUTES,
    owner: str | None = None,
) -> ReminderCheck:
    """Which reminders fire now (not yet recorded as fired) and the next instant to wake
    (``owner``: that person's, as ``all_occurrences`` says)."""
    occurrences = all_occurrences(now, tz, default_minutes, owner=owner)
    log = _log_states()
    firing = due_now(occurrences, log, now, tz)
    return ReminderCheck(tuple(firing), next_wake(occurrences, log, now))


def _wake_at(occurrence: Occurrence, state: LogState | None) -> datetime | None:
    """From when ``occurrence`` may fire (``rules.should_fire``), or None when it never will
    again (done, or shown and not snoozed). Never later than the rules would fire it."""
    if state is None:
        return occurrence.due_at
    if state.done_at is not None:
        return None
    if state.claimed and state.fired_at is not None:  # a claim never confirmed: taken over
        return max(occurrence.due_at, state.fired_at + CLAIM_LEASE)
    if state.fired_at is None:
        return max(occurrence.due_at, state.snoozed_until or occurrence.due_at)
    if state.snoozed_until is not None and state.fired_at < state.snoozed_until:
        return max(occurrence.due_at, state.snoozed_until)
    return None


Key = tuple[str, int, str]


def _subject(occurrence: Occurrence) -> tuple[str, int]:
    """What a reminder is about: a promise (both its reminders together), a client's check-in,
    a request."""
    return ("promise" if occurrence.is_promise else occurrence.kind.value, occurrence.subject_id)


class ReminderBook:
    """The reminder check kept between checks, so a steady check looks only at what can fire.

    ``load`` reads every occurrence and the reminder log once (what ``check`` does on every
    call); ``check`` then looks only at the subjects (a promise, a check-in, a request) with a
    reminder whose instant has come, found on a heap of the instants at which unsettled
    reminders may fire, and decides with the rules' own ``due_now`` over those: about a
    millisecond at 10,000 clients, where a full check takes most of a second.
    ``refresh(client_ids)`` reads again the occurrences and log rows of the clients a change
    names (a change of this process, one seen from another, a claim or record of our own). Its
    answers are those of ``check`` on the same rows (tests/services/test_reminder_book.py).
    Not thread-safe: one worker thread owns it.
    """

    def __init__(
        self,
        tz: tzinfo,
        default_minutes: int = DEFAULT_REMIND_BEFORE_MINUTES,
        owner: str | None = None,
    ) -> None:
        self.tz = tz
        self.default_minutes = default_minutes
        #: Whose reminders it holds (``all_occurrences``); None: everyone's.
        self.owner = owner
        self.loaded = False
        #: ``base.notebook_stamp()`` when what it holds was last known current (set by the
        #: caller, which knows which writes it heard of).
        self.stamp: tuple[int, ...] = ()
        self.loaded_at = 0.0  # time.monotonic() of the last ``load``
        self._occurrences: dict[Key, Occurrence] = {}
        self._of_client: dict[int, set[Key]] = {}
        self._of_subject: dict[tuple[str, int], set[Key]] = {}
        self._log: dict[Key, LogState] = {}
        self._wake: dict[Key, datetime] = {}
        self._heap: list[tuple[datetime, Key]] = []
        #: A promise's overdue instant: once past, its coming-due reminder is stale for good.
        self._overdue_at: dict[int, datetime] = {}

    def load(self, now: datetime) -> None:
        """Read everything (the first check; after another program changed the notebook)."""
        self._occurrences.clear()
        self._of_client.clear()
        self._of_subject.clear()
        self._overdue_at.clear()
        self._log = _log_states()
        self._wake.clear()
        self._heap.clear()
        for occurrence in all_occurrences(now, self.tz, self.default_minutes, owner=self.owner):
            self._add(occurrence)
        heapq.heapify(self._heap)
        self.loaded = True
        self.loaded_at = time.monotonic()

    def refresh(self, now: datetime, client_ids: Iterable[int]) -> None:
        """Read again what these clients' reminders are (their promises, check-in, requests,
        and those reminders' log rows)."""
        clients = sorted(set(client_ids))
        if not clients:
            return
        for client_id in clients:
            for key in self._of_client.pop(client_id, set()):
                self._drop(key)
        fresh = all_occurrences(now, self.tz, self.default_minutes, clients, self.owner)
        subjects = sorted({o.subject_id for o in fresh})
        self._log.update(_log_states(subjects) if subjects else {})
        for occurrence in fresh:
            self._add(occurrence, push=True)

    def check(self, now: datetime) -> ReminderCheck:
        """What fires now and when to look again: ``check``'s answer, from the heap."""
        heap = self._heap
        seen: set[Key] = set()
        keep: list[tuple[datetime, Key]] = []
        subjects: set[tuple[str, int]] = set()
        while heap and heap[0][0] <= now:
            at, key = heapq.heappop(heap)
            if self._wake.get(key) != at or key in seen:
                continue  # stale (the occurrence moved or settled since), or twice on the heap
            seen.add(key)
            occurrence = self._occurrences[key]
            if occurrence.kind is ReminderKind.PROMISE_COMING_DUE:
                overdue_at = self._overdue_at.get(occurrence.subject_id)
                if overdue_at is not None and overdue_at <= now:
                    del self._wake[key]  # stale for good: the promise is overdue
                    continue
            keep.append((at, key))
            subjects.add(_subject(occurrence))
        # Every entry left is after now: the first live one is when to look again.
        while heap and self._wake.get(heap[0][1]) != heap[0][0]:
            heapq.heappop(heap)
        wake = heap[0][0] if heap else None
        for item in keep:  # unsettled until shown and recorded: looked at again next time
            heapq.heappush(heap, item)
        keys = [key for subject in subjects for key in self._of_subject.get(subject, ())]
        occurrences = [self._occurrences[key] for key in keys]
        log = {key: self._log[key] for key in keys if key in self._log}
        return ReminderCheck(tuple(due_now(occurrences, log, now, self.tz)), wake)

    def _add(self, occurrence: Occurrence, push: bool = False) -> None:
        key = occurrence.key
        self._occurrences[key] = occurrence
        self._of_client.setdefault(occurrence.client_id, set()).add(key)
        self._of_subject.setdefault(_subject(occurrence), set()).add(key)
        if occurrence.kind is ReminderKind.PROMISE_OVERDUE:
            self._overdue_at[occurrence.subject_id] = occurrence.due_at
        self._set_wake(key, push)

    def _set_wake(self, key: Key, push: bool) -> None:
        at = _wake_at(self._occurrences[key], self._log.get(key))
        if at is None:
            self._wake.pop(key, None)
            return
        self._wake[key] = at
        if push:
            heapq.heappush(self._heap, (at, key))
        else:
            self._heap.append((at, key))  # ``load`` heapifies once at the end

    def _drop(self, key: Key) -> None:
        occurrence = self._occurrences.pop(key, None)
        self._wake.pop(key, None)  # its heap entries are now stale
        if occurrence is None:
            return
        group = self._of_subject.get(_subject(occurrence))
        if group is not None:
            group.discard(key)
        if occurrence.kind is ReminderKind.PROMISE_OVERDUE:
            self._overdue_at.pop(occurrence.subject_id, None)


def _upsert(occurrence: Occurrence, **values: object) -> None:
    _upsert_many([occurrence], **values)


def _log_rows(occurrences: list[Occurrence], **values: object) -> list[dict[str, object]]:
    """The reminder log rows for ``occurrences`` (their key and due), with ``values``, recorded
    by the person signed in."""
    author = signed_in().name
    return [
        {
            "kind": o.kind.value,
            "subject_id": o.subject_id,
            "occurrence": o.occurrence,
            "due_at": o.due_at,
            "author": author,
            **values,
        }
        for o in occurrences
    ]


def _upsert_many(occurrences: list[Occurrence], **values: object) -> None:
    """Insert or update log rows by key: one statement per 500 rows, however many there are
    (the first start on a big notebook may record thousands at once)."""
    values = {"author": signed_in().name, **values}
    rows = _log_rows(occurrences, **values)
    for start in range(0, len(rows), 500):
        (
            ReminderLog.insert_many(rows[start : start + 500])
            .on_conflict(
                conflict_target=[ReminderLog.kind, ReminderLog.subject_id, ReminderLog.occurrence],
                update={getattr(ReminderLog, name): value for name, value in values.items()},
            )
            .execute()
        )


@dataclass(frozen=True)
class Claim:
    """The occurrences this process won the right to show, under ``token``."""

    token: str
    won: tuple[Occurrence, ...]


def _claimable(now: datetime) -> peewee.Expression:
    """SQL twin of ``reminder_rules.should_fire`` over a log row (its due is checked already)."""
    log = ReminderLog
    never_shown = log.fired_at.is_null() & (
        log.snoozed_until.is_null() | (log.snoozed_until <= now)
    )
    snooze_over = (
        log.snoozed_until.is_null(False)
        & (log.fired_at < log.snoozed_until)
        & (log.snoozed_until <= now)
    )
    abandoned = log.claimed_by.is_null(False) & (log.fired_at <= now - CLAIM_LEASE)
    return log.done_at.is_null() & (never_shown | snooze_over | abandoned)


def claim(occurrences: tuple[Occurrence, ...] | list[Occurrence], now: datetime) -> Claim:
    """Claim the right to show ``occurrences``; returns those this call won, in their order.

    One write transaction: the log rows are made if missing, then marked fired and claimed only
    where they are still due to show. Another process doing the same at the same moment waits for
    the write lock, then finds them taken.
    """
    token = uuid.uuid4().hex
    occurrences = list(occurrences)
    keys = [o.key for o in occurrences]
    with write_transaction():
        rows = _log_rows(occurrences)
        for start in range(0, len(rows), 500):
            ReminderLog.insert_many(rows[start : start + 500]).on_conflict_ignore().execute()
        for start in range(0, len(keys), 300):
            chunk = keys[start : start + 300]
            (
                ReminderLog.update(fired_at=now, claimed_by=token, author=signed_in().name)
                .where(
                    peewee.Tuple(
                        ReminderLog.kind, ReminderLog.subject_id, ReminderLog.occurrence
                    ).in_(chunk)
                    & _claimable(now)
                )
                .execute()
            )
        won = set(
            tuples(
                ReminderLog.select(
                    ReminderLog.kind, ReminderLog.subject_id, ReminderLog.occurrence
                ).where(ReminderLog.claimed_by == token)
            )
        )
    return Claim(token, tuple(o for o in occurrences if o.key in won))


def confirm_shown(claim_made: Claim) -> Changed:
    """The claimed reminders were shown: they are fired for good (the claim is released)."""
    with write_transaction():
        ReminderLog.update(claimed_by=None).where(
            ReminderLog.claimed_by == claim_made.token
        ).execute()
    return Changed(
        Kind.REMINDER,
        tuple(o.subject_id for o in claim_made.won),
        tuple(sorted({o.client_id for o in claim_made.won})),
        "fired",
    )


def mark_fired(occurrences: tuple[Occurrence, ...] | list[Occurrence], now: datetime) -> Changed:
    """Record that these were shown, in one transaction, so they never show again."""
    with write_transaction():
        _upsert_many(list(occurrences), fired_at=now, claimed_by=None)
    return Changed(
        Kind.REMINDER,
        tuple(o.subject_id for o in occurrences),
        tuple(sorted({o.client_id for o in occurrences})),
        "fired",
    )


def snooze(occurrence: Occurrence, choice: str, now: datetime, tz: tzinfo) -> Changed:
    until = snooze_until(choice, now, tz)
    with write_transaction():
        _upsert(occurrence, fired_at=now, snoozed_until=until, claimed_by=None)
    return Changed(Kind.REMINDER, (occurrence.subject_id,), (occurrence.client_id,), "snoozed")


def done(occurrence: Occurrence, now: datetime) -> Changed:
    """Done from the pop-up: a promise is kept, a request answered; the reminder closes.

    A pop-up can outlive its subject (closed from the card meanwhile): Done then changes nothing
    but the reminder, so a promise marked broken is never turned into kept behind the user's back.
    """
    changed = Changed(Kind.REMINDER, (occurrence.subject_id,), (occurrence.client_id,), "done")
    with write_transaction():
        if occurrence.is_promise:
            promise = Promise.get_or_none(Promise.id == occurrence.subject_id)
            if promise is not None and promise.status == "open":
                changed = close_promise(occurrence.subject_id, "kept", now)
        elif occurrence.kind is ReminderKind.REQUEST_OVERDUE:
            changed = answer_request(occurrence.subject_id, now)
        _upsert(occurrence, fired_at=now, done_at=now, claimed_by=None)
    return changed


def find_occurrence(key: tuple[str, int, str], now: datetime, tz: tzinfo) -> Occurrence:
    for occurrence in all_occurrences(now, tz):
        if occurrence.key == key:
            return occurrence
    raise NotFoundError(tr("reminder {key} no longer applies").format(key=key))
