"""Promises: what we said we would do, and whether we did.

A promise is added with its due read from its own text ("send the proposal by Friday") unless a due
is given. Closing it records kept / broken / cancelled with the moment; renegotiating closes it as
renegotiated and opens its successor with the new due, so the history shows what was agreed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo

from ckbook.i18n import tr
from ckbook.services.base import (
    Changed,
    InputError,
    Kind,
    NotFoundError,
    get_row,
    locking,
    write_transaction,
)
from ckbook.services.clients import _get_live
from ckbook.services.clock import instant_json
from ckbook.services.due import Due
from ckbook.services.due_phrases import read_due
from ckbook.services.limits import REMIND_BEFORE_MINUTES, check_date
from ckbook.services.recurrence import check_rule, next_occurrence
from ckbook.services.rules import PromiseState, promise_state
from ckbook.services.settings import end_of_business
from ckbook.services.text import require_text
from ckbook.services.versions import HasVersion, deleted_meanwhile, merge_fields
from ckbook.store.models import Client, Promise
from ckbook.store.people import signed_in
from ckbook.store.rows import tuples

CLOSING_STATUSES = ("kept", "broken", "cancelled")


@dataclass(frozen=True)
class PromiseRow:
    id: int
    client_id: int
    client_name: str
    text: str
    made_at: datetime
    due: Due | None
    remind_before_minutes: int | None
    status: str
    closed_at: datetime | None
    note_id: int | None
    renegotiated_from: int | None
    recurrence: str | None = None
    """A repeating promise's RRULE value; ``due`` is its current occurrence."""
    author: str | None = None
    """Who made it, the promise's owner (None: made before authors were kept)."""
    version: int = 1

    def state(self, now: datetime, tz: tzinfo) -> PromiseState:
        return promise_state(self.status, self.due, now, tz)

    def to_json(self, tz: tzinfo) -> dict[str, object]:
        return {
            "id": self.id,
            "client_id": self.client_id,
            "client": self.client_name,
            "text": self.text,
            "due": self.due.to_json() if self.due else None,
            "status": self.status,
            "made_at": instant_json(self.made_at, tz),
            "closed_at": instant_json(self.closed_at, tz),
            "note_id": self.note_id,
            "author": self.author,
        }


def _check_due(due: Due | None) -> None:
    """InputError when a due's year is outside ``limits.YEARS``; before anything is written."""
    if due is not None:
        check_date(due.date)


def _due_of(promise: Promise) -> Due | None:
    return due_from(promise.due_date, promise.due_time)


def due_from(due_date: object, due_time: object) -> Due | None:
    """The due stored as these two columns (values as the driver or peewee gives them)."""
    if due_date is None:
        return None
    if not isinstance(due_date, date):
        due_date = date.fromisoformat(str(due_date))
    if due_time is not None and not isinstance(due_time, time):
        due_time = time.fromisoformat(str(due_time))
    return Due(due_date, due_time)


def _row(promise: Promise, client_name: str) -> PromiseRow:
    return PromiseRow(
        id=promise.id,
        client_id=promise.client_id,
        client_name=client_name,
        text=promise.text,
        made_at=promise.made_at,
        due=_due_of(promise),
        remind_before_minutes=promise.remind_before_minutes,
        status=promise.status,
        closed_at=promise.closed_at,
        note_id=promise.note_id,
        renegotiated_from=promise.renegotiated_from_id,
        recurrence=promise.recurrence,
        author=promise.author,
        version=promise.version,
    )


def insert_promise(
    client_id: int,
    text: str,
    due: Due | None,
    now: datetime,
    note_id: int | None,
    remind_before_minutes: int | None = None,
    renegotiated_from: int | None = None,
    recurrence: str | None = None,
    author: str | None = None,
) -> Promise:
    """A new open promise, inside the caller's transaction (text already checked); made by
    the person signed in unless ``author`` names its owner (a renegotiated promise keeps its
    owner)."""
    if recurrence is not None and due is None:
        recurrence = None  # a repeat rule counts from a due; without one there is nothing to repeat
    return Promise.create(
        client=client_id,
        note=note_id,
        text=text,
        made_at=now,
        due_date=due.date if due else None,
        due_time=due.time if due else None,
        remind_before_minutes=remind_before_minutes,
        status="open",
        renegotiated_from=renegotiated_from,
        recurrence=recurrence,
        author=author if author is not None else signed_in().name,
    )


def add_promise(
    client_id: int,
    text: str,
    now: datetime,
    tz: tzinfo,
    due: Due | None = None,
    read_due_from_text: bool = True,
    note_id: int | None = None,
    remind_before_minutes: int | None = None,
    recurrence: str | None = None,
) -> Changed:
    """Record a promise. Without ``due``, the due (and a repeat rule, "every Monday at 10") is
    read from ``text``; the text is kept whole, because the user's own words are the record of
    what was promised. ``recurrence`` is an RRULE value ("FREQ=WEEKLY;BYDAY=MO")."""
    text = require_text(text, tr("promise text"), 2000)
    REMIND_BEFORE_MINUTES.check_optional(remind_before_minutes)
    if recurrence is not None:
        recurrence = _checked_rule(recurrence)
    if due is None and read_due_from_text:
        reading = read_due(text, now, tz, end_of_business=end_of_business())
        due, recurrence = reading.due, recurrence or reading.recurrence
    _check_due(due)
    if due is not None and recurrence is None:
        # Stored as it will come due (clock.local_instant); a series keeps its wall time, and
        # each occurrence is resolved where it is shown and comes due.
        due = due.on_the_clock(tz)
    with write_transaction():
        _get_live(client_id)
        promise = insert_promise(
            client_id, text, due, now, note_id, remind_before_minutes, recurrence=recurrence
        )
    return Changed(Kind.PROMISE, (promise.id,), (client_id,), "added")


def _checked_rule(rule: str) -> str:
    try:
        return check_rule(rule)
    except ValueError as exc:
        raise InputError(str(exc)) from None


def close_promise(
    promise_id: int, status: str, now: datetime, base: PromiseRow | None = None
) -> Changed:
    """Mark an open promise kept, broken or cancelled.

    A repeating promise kept or broken records that occurrence as a closed promise of its own
    (so the kept rate counts it) and moves on to its next occurrence; cancelled ends the series,
    and so does keeping the last occurrence of a series that ends. With ``base`` (the promise
    as the user saw it) a promise someone else closed or deleted meanwhile is a conflict."""
    if status not in CLOSING_STATUSES:
        raise InputError(
            tr("status {status!r} is not one of: {statuses}").format(
                status=status, statuses=", ".join(CLOSING_STATUSES)
            )
        )
    with write_transaction():
        promise, write = _edited(promise_id, base, {"status": status}, ("due",))
        if base is not None and not write:  # someone else did the same meanwhile
            return Changed(Kind.PROMISE, (promise_id,), (promise.client_id,), status,
                           versions=(promise.version,))  # fmt: skip
        current = _due_of(promise)
        following = None
        if promise.recurrence and current is not None and status != "cancelled":
            following = next_occurrence(promise.recurrence, current)
        if following is None or promise.status != "open":
            promise.status = status
            promise.closed_at = now
            promise.save()
            return Changed(Kind.PROMISE, (promise_id,), (promise.client_id,), status)
        record = Promise.create(
            client=promise.client_id,
            note=promise.note_id,
            text=promise.text,
            made_at=promise.made_at,
            due_date=promise.due_date,
            due_time=promise.due_time,
            remind_before_minutes=promise.remind_before_minutes,
            status=status,
            closed_at=now,
            renegotiated_from=None,
            author=promise.author,  # the record of an occurrence is the series owner's
        )
        promise.due_date, promise.due_time = following.date, following.time
        promise.save()
    ids = (promise_id, record.id)
    return Changed(Kind.PROMISE, ids, (promise.client_id,), f"{status}, next {following.to_json()}")


def undo_occurrence(promise_id: int, record_id: int) -> Changed:
    """Undo keeping (or breaking) one occurrence of a repeating promise: the promise is back at
    that occurrence and the record of it is gone."""
    with write_transaction():
        promise = get_row(Promise, promise_id)
        record = get_row(Promise, record_id)
        if record.client_id != promise.client_id or record.status == "open" or record.recurrence:
            raise InputError(
                tr("promise {record} is not a recorded occurrence of {promise}").format(
                    record=record_id, promise=promise_id
                )
            )
        promise.due_date, promise.due_time = record.due_date, record.due_time
        promise.status, promise.closed_at = "open", None
        promise.save()
        record.delete_instance()
    return Changed(Kind.PROMISE, (promise_id, record_id), (promise.client_id,), "reopened")


def reopen_promise(promise_id: int, base: PromiseRow | None = None) -> Changed:
    """Undo a tick: the promise is open again."""
    with write_transaction():
        promise, write = _edited(promise_id, base, {"status": "open"}, ("due",))
        if base is not None and not write:
            return Changed(Kind.PROMISE, (promise_id,), (promise.client_id,), "reopened",
                           versions=(promise.version,))  # fmt: skip
        promise.status = "open"
        promise.closed_at = None
        promise.save()
    return Changed(Kind.PROMISE, (promise_id,), (promise.client_id,), "reopened")


def renegotiate_promise(
    promise_id: int,
    new_due: Due | None,
    now: datetime,
    new_text: str | None = None,
    base: PromiseRow | None = None,
) -> Changed:
    """Close as renegotiated and open the successor with the new due; returns both ids."""
    _check_due(new_due)
    with write_transaction():
        old, _ = _edited(promise_id, base, {"status": "renegotiated"}, ("due",))
        if old.status != "open":
            raise InputError(
                tr("promise {promise} is {status}, not open").format(
                    promise=promise_id, status=old.status
                )
            )
        old.status = "renegotiated"
        old.closed_at = now
        old.save()
        text = require_text(new_text, tr("promise text"), 2000) if new_text else old.text
        successor = insert_promise(
            old.client_id,
            text,
            new_due,
            now,
            old.note_id,
            old.remind_before_minutes,
            renegotiated_from=old.id,
            author=old.author,
        )
    return Changed(Kind.PROMISE, (old.id, successor.id), (old.client_id,), "renegotiated")


def promise_labels() -> dict[str, str]:
    """A promise's editable fields as the conflict chooser names them."""
    return {
        "text": tr("Promise"),
        "due": tr("Due"),
        "remind_before_minutes": tr("Remind before"),
        "status": tr("Status"),
    }


def describe_promise(row: HasVersion) -> tuple[Kind, int, str]:
    assert isinstance(row, PromiseRow)
    return Kind.PROMISE, row.client_id, _what(row)


def _what(row: PromiseRow) -> str:
    text = row.text if len(row.text) <= 60 else row.text[:59] + "…"
    return tr("Promise “{text}”").format(text=text)


def _edited(
    promise_id: int,
    base: PromiseRow | None,
    changes: dict[str, object],
    depends_on: tuple[str, ...] = (),
) -> tuple[Promise, dict[str, object]]:
    """The promise, locked for this transaction, and what of ``changes`` to write over it: with
    ``base`` (the promise as the editor loaded it) merged three ways per field, a promise (or
    its client) deleted meanwhile is RecordDeletedError (``services.versions``)."""
    promise = locking(Promise.select().where(Promise.id == promise_id)).first()
    if base is None:
        if promise is None:
            raise NotFoundError(tr("no promise with id {id}").format(id=promise_id))
        return promise, changes
    client = Client.get_or_none(Client.id == base.client_id)
    if promise is None or client is None or client.deleted_at is not None:
        raise deleted_meanwhile(base, changes, Kind.PROMISE, base.client_id, _what(base),
                                promise_labels())  # fmt: skip
    current = _row(promise, client.name)
    merged = merge_fields(base, current, changes, describe_promise, promise_labels(), depends_on)
    return promise, merged


def update_promise(
    promise_id: int,
    *,
    text: str | None = None,
    due: Due | None = None,
    clear_due: bool = False,
    remind_before_minutes: int | None = None,
    base: PromiseRow | None = None,
) -> Changed:
    """Change the given fields; with ``base`` (the promise as the editor loaded it) only those
    that differ from it, merged with anyone else's change meanwhile (``services.versions``)."""
    _check_due(due)
    REMIND_BEFORE_MINUTES.check_optional(remind_before_minutes)
    changes: dict[str, object] = {}
    if text is not None:
        changes["text"] = require_text(text, tr("promise text"), 2000)
    if clear_due or due is not None:
        changes["due"] = None if clear_due else due
    if remind_before_minutes is not None:
        changes["remind_before_minutes"] = remind_before_minutes
    with write_transaction():
        promise, changes = _edited(promise_id, base, changes)
        if "text" in changes:
            promise.text = str(changes["text"])
        if "due" in changes:
            new_due = changes["due"]
            assert new_due is None or isinstance(new_due, Due)
            promise.due_date = new_due.date if new_due else None
            promise.due_time = new_due.time if new_due else None
        if "remind_before_minutes" in changes:
            promise.remind_before_minutes = changes["remind_before_minutes"]  # type: ignore[assignment]
        promise.save()
    return Changed(
        Kind.PROMISE, (promise_id,), (promise.client_id,), "updated", versions=(promise.version,)
    )


def get_promise(promise_id: int) -> PromiseRow:
    promise = get_row(Promise, promise_id)
    return _row(promise, promise.client.name)


def _open_order(row: PromiseRow) -> tuple[bool, date, time, datetime]:
    """Soonest due first; a date-only due counts as the end of its day (after timed dues on the
    same date); undated last. (``Due`` itself cannot compare a time with no time.)"""
    if row.due is None:
        return (True, date.max, time.max, row.made_at)
    return (False, row.due.date, row.due.time or time.max, row.made_at)


def promises_for_client(client_id: int, include_closed: bool = True) -> list[PromiseRow]:
    """Open first (soonest due first, undated last), then closed newest first."""
    query = (
        Promise.select(Promise, Client.id, Client.name)
        .join(Client)
        .where(Promise.client == client_id)
    )
    if not include_closed:
        query = query.where(Promise.status == "open")
    rows = [_row(p, p.client.name) for p in query]
    open_rows = sorted(
        (r for r in rows if r.status == "open"),
        key=_open_order,
    )
    closed = sorted(
        (r for r in rows if r.status != "open"),
        key=lambda r: r.closed_at or r.made_at,
        reverse=True,
    )
    return open_rows + closed


def promises_for_note(note_id: int) -> list[PromiseRow]:
    query = (
        Promise.select(Promise, Client.id, Client.name)
        .join(Client)
        .where(Promise.note == note_id)
        .order_by(Promise.id)
    )
    return [_row(p, p.client.name) for p in query]


def open_promises(
    client_ids: list[int] | None = None, owner: str | None = None
) -> list[PromiseRow]:
    """Every open promise of a live client (of ``owner``'s only, and of no known owner, when
    given), as plain tuples from SQL (a model instance per row was most of a reminder check's
    time on a big notebook)."""
    query = (
        Promise.select(
            Promise.id,
            Promise.client,
            Client.name,
            Promise.text,
            Promise.made_at,
            Promise.due_date,
            Promise.due_time,
            Promise.remind_before_minutes,
            Promise.status,
            Promise.closed_at,
            Promise.note,
            Promise.renegotiated_from,
            Promise.recurrence,
            Promise.author,
            Promise.version,
        )
        .join(Client)
        .where((Promise.status == "open") & Client.deleted_at.is_null())
    )
    if client_ids is not None:
        query = query.where(Promise.client.in_(client_ids))
    if owner is not None:  # this person's promises, and those of no known owner
        query = query.where(Promise.author.is_null() | (Promise.author == owner))
    return [
        PromiseRow(pid, cid, name, text, made, due_from(day, hour), *rest)
        for pid, cid, name, text, made, day, hour, *rest in tuples(query)
    ]
