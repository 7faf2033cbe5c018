"""The care log: incidents (something went wrong, and how we owned it) and requests (a client
message awaiting our acknowledgement and answer)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import datetime, tzinfo

from ckbook.i18n import tr
from ckbook.services.base import (
    Changed,
    InputError,
    Kind,
    NotFoundError,
    get_row,
    locking,
    require_choice,
    write_transaction,
)
from ckbook.services.clients import _get_live
from ckbook.services.clock import instant_json
from ckbook.services.due import Due
from ckbook.services.limits import check_date
from ckbook.services.promises import insert_promise
from ckbook.services.rules import request_deadline, request_overdue
from ckbook.services.text import optional_text, require_text
from ckbook.services.versions import HasVersion, deleted_meanwhile, merge_fields
from ckbook.store.models import CHANNELS, SEVERITIES, Client, Incident, Note, Promise, Request
from ckbook.store.people import signed_in
from ckbook.store.rows import tuples

INCIDENT_STEPS = (
    "apology",
    "fix",
    "root_cause",
    "prevention",
    "goodwill",
)


@dataclass(frozen=True)
class IncidentRow:
    id: int
    client_id: int
    client_name: str
    what: str
    happened_at: datetime
    severity: str
    apologised_at: datetime | None
    apology: str
    fix: str
    fix_promise_id: int | None
    root_cause: str
    prevention: str
    goodwill: str
    resolved_at: datetime | None
    note_id: int | None
    #: Who recorded it (None: recorded before authors were kept).
    author: str | None = None
    version: int = 1

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None

    def to_json(self, tz: tzinfo) -> dict[str, object]:
        return {
            "id": self.id,
            "client_id": self.client_id,
            "client": self.client_name,
            "what": self.what,
            "severity": self.severity,
            "happened_at": instant_json(self.happened_at, tz),
            "apologised_at": instant_json(self.apologised_at, tz),
            "apology": self.apology,
            "fix": self.fix,
            "fix_promise_id": self.fix_promise_id,
            "root_cause": self.root_cause,
            "prevention": self.prevention,
            "goodwill": self.goodwill,
            "resolved_at": instant_json(self.resolved_at, tz),
            "next_step": self.next_step(),
            "note_id": self.note_id,
            "author": self.author,
        }

    def next_step(self) -> str:
        """The next thing to do to own it, in the practice's order."""
        if self.apologised_at is None:
            return "apologise"
        for step in ("fix", "root_cause", "prevention", "goodwill"):
            if not getattr(self, step):
                return step.replace("_", " ")
        return "resolve" if self.resolved_at is None else "done"


@dataclass(frozen=True)
class RequestRow:
    id: int
    client_id: int
    client_name: str
    received_at: datetime
    channel: str
    summary: str
    acknowledged_at: datetime | None
    answered_at: datetime | None
    response_hours: int
    note_id: int | None
    #: Who logged it, the one it reminds (None: logged before authors were kept).
    author: str | None = None
    version: int = 1

    @property
    def deadline(self) -> datetime:
        return request_deadline(self.received_at, self.response_hours)

    def overdue(self, now: datetime) -> bool:
        return request_overdue(
            self.received_at, self.acknowledged_at, self.answered_at, self.response_hours, now
        )

    def to_json(self, now: datetime, tz: tzinfo) -> dict[str, object]:
        return {
            "id": self.id,
            "client_id": self.client_id,
            "client": self.client_name,
            "summary": self.summary,
            "channel": self.channel,
            "received_at": instant_json(self.received_at, tz),
            "acknowledged_at": instant_json(self.acknowledged_at, tz),
            "answered_at": instant_json(self.answered_at, tz),
            "reply_due": instant_json(self.deadline, tz),
            "overdue": self.overdue(now),
            "author": self.author,
        }


def add_incident(
    client_id: int,
    what: str,
    now: datetime,
    severity: str = "minor",
    happened_at: datetime | None = None,
    note_id: int | None = None,
) -> Changed:
    what = require_text(what, tr("what happened"), 5000, multiline=True)
    require_choice(severity, SEVERITIES, "severity")
    with write_transaction():
        _get_live(client_id)
        incident = Incident.create(
            client=client_id,
            note=note_id,
            what=what,
            happened_at=happened_at or now,
            severity=severity,
            created_at=now,
            author=signed_in().name,
        )
    return Changed(Kind.INCIDENT, (incident.id,), (client_id,), "added")


INCIDENT_FIELDS = (
    "what",
    "severity",
    "happened_at",
    "apologised_at",
    "apology",
    "fix",
    "fix_promise",
    "root_cause",
    "prevention",
    "goodwill",
    "resolved_at",
)


_INCIDENT_TEXTS = ("apology", "fix", "root_cause", "prevention", "goodwill")
_INCIDENT_INSTANTS = ("happened_at", "apologised_at", "resolved_at")


def _clean_incident_changes(changes: dict[str, object]) -> dict[str, object]:
    unknown = set(changes) - set(INCIDENT_FIELDS)
    if unknown:
        raise InputError(
            tr("unknown incident field(s): {fields}").format(fields=", ".join(sorted(unknown)))
        )
    clean = dict(changes)
    if "severity" in clean:
        require_choice(str(clean["severity"]), SEVERITIES, "severity")
    if "what" in clean:
        clean["what"] = require_text(str(clean["what"]), tr("what happened"), 5000, multiline=True)
    for name in _INCIDENT_TEXTS:
        if name in clean:
            what = name.replace("_", " ")
            clean[name] = optional_text(str(clean[name] or ""), what, 5000, multiline=True)
    for name in _INCIDENT_INSTANTS:
        value = clean.get(name)
        if value is not None and (not isinstance(value, datetime) or value.tzinfo is None):
            raise InputError(
                tr("{what} must be a moment with its time zone").format(what=name.replace("_", " "))
            )
    if "happened_at" in clean and clean["happened_at"] is None:
        raise InputError(tr("when it happened cannot be empty"))
    return clean


def incident_labels() -> dict[str, str]:
    """An incident's editable fields as the conflict chooser names them."""
    return {
        "what": tr("What happened"),
        "severity": tr("Severity"),
        "happened_at": tr("When it happened"),
        "apologised_at": tr("Apologised on"),
        "apology": tr("Apology"),
        "fix": tr("Fix"),
        "fix_promise_id": tr("Fix promise"),
        "root_cause": tr("Root cause"),
        "prevention": tr("Prevention"),
        "goodwill": tr("Goodwill gesture"),
        "resolved_at": tr("Resolved on"),
    }


def describe_incident(row: HasVersion) -> tuple[Kind, int, str]:
    assert isinstance(row, IncidentRow)
    return Kind.INCIDENT, row.client_id, _incident_what(row)


def _incident_what(row: IncidentRow) -> str:
    text = row.what if len(row.what) <= 60 else row.what[:59] + "…"
    return tr("Incident “{what}”").format(what=text)


def _edited_incident(
    incident_id: int, base: IncidentRow | None, changes: dict[str, object]
) -> tuple[Incident, dict[str, object]]:
    """The incident, locked, and what of ``changes`` (row field names) to write over it: with
    ``base`` merged three ways per field; deleted meanwhile (or its client) is
    RecordDeletedError (``services.versions``)."""
    incident = locking(Incident.select().where(Incident.id == incident_id)).first()
    if base is None:
        if incident is None:
            raise NotFoundError(tr("no incident with id {id}").format(id=incident_id))
        return incident, changes
    client = Client.get_or_none(Client.id == base.client_id)
    if incident is None or client is None or client.deleted_at is not None:
        raise deleted_meanwhile(base, changes, Kind.INCIDENT, base.client_id,
                                _incident_what(base), incident_labels())  # fmt: skip
    current = incidents_by_ids([incident_id])[0]
    merged = merge_fields(base, current, changes, describe_incident, incident_labels())
    return incident, merged


def update_incident(
    incident_id: int, base: IncidentRow | None = None, **changes: object
) -> Changed:
    """Record a step of owning it (apology, fix, root cause, prevention, goodwill, resolved).
    With ``base`` (the incident as the editor loaded it) only the fields that differ from it are
    written, merged with anyone else's change meanwhile (``services.versions``)."""
    changes = _clean_incident_changes(changes)
    if "fix_promise" in changes:  # the row's name for it
        changes["fix_promise_id"] = changes.pop("fix_promise")
    with write_transaction():
        incident, changes = _edited_incident(incident_id, base, changes)
        if "fix_promise_id" in changes:
            changes["fix_promise"] = changes.pop("fix_promise_id")
        fix_promise = changes.get("fix_promise")
        if fix_promise is not None:
            promise = Promise.get_or_none(Promise.id == fix_promise)
            if promise is None or promise.client_id != incident.client_id:
                raise InputError(
                    tr("promise {promise} is not one of this client's promises").format(
                        promise=fix_promise
                    )
                )
        for name, value in changes.items():
            setattr(incident, name, value)
        incident.save()
    return Changed(Kind.INCIDENT, (incident_id,), (incident.client_id,), "updated",
                   versions=(incident.version,))  # fmt: skip


def record_incident_fix(
    incident_id: int, fix: str, due: Due | None, now: datetime, base: IncidentRow | None = None
) -> Changed:
    """The fix is a promise: record what we will do and by when, as a promise linked to the
    incident, in one transaction. A second call updates the open fix promise rather than adding
    another; a fix promise already closed is left as history and a new one is made."""
    fix = require_text(fix, tr("the fix"), 2000, multiline=True)
    if due is not None:
        check_date(due.date)
    with write_transaction():
        incident, _ = _edited_incident(incident_id, base, {"fix": fix})
        _get_live(incident.client_id)
        promise = (
            Promise.get_or_none(Promise.id == incident.fix_promise_id)
            if incident.fix_promise_id
            else None
        )
        if promise is not None and promise.status == "open":
            promise.text = fix
            promise.due_date = due.date if due else None
            promise.due_time = due.time if due else None
            promise.save()
        else:
            promise = insert_promise(incident.client_id, fix, due, now, incident.note_id)
        incident.fix = fix
        incident.fix_promise = promise
        incident.save()
    return Changed(
        Kind.INCIDENT, (incident_id,), (incident.client_id,), f"fix promise {promise.id}"
    )


def _incident_row(i: Incident) -> IncidentRow:
    return IncidentRow(
        id=i.id,
        client_id=i.client_id,
        client_name=i.client.name,
        what=i.what,
        happened_at=i.happened_at,
        severity=i.severity,
        apologised_at=i.apologised_at,
        apology=i.apology,
        fix=i.fix,
        fix_promise_id=i.fix_promise_id,
        root_cause=i.root_cause,
        prevention=i.prevention,
        goodwill=i.goodwill,
        resolved_at=i.resolved_at,
        note_id=i.note_id,
        author=i.author,
        version=i.version,
    )


_INCIDENT_COLUMNS = (
    Incident.id,
    Incident.client,
    Client.name,
    Incident.what,
    Incident.happened_at,
    Incident.severity,
    Incident.apologised_at,
    Incident.apology,
    Incident.fix,
    Incident.fix_promise,
    Incident.root_cause,
    Incident.prevention,
    Incident.goodwill,
    Incident.resolved_at,
    Incident.note,
    Incident.author,
    Incident.version,
)


def incidents(client_id: int | None = None, open_only: bool = False) -> list[IncidentRow]:
    query = (
        Incident.select(*_INCIDENT_COLUMNS)
        .join(Client)
        .where(Client.deleted_at.is_null())
        .order_by(Incident.happened_at.desc())
    )
    if client_id is not None:
        query = query.where(Incident.client == client_id)
    if open_only:
        query = query.where(Incident.resolved_at.is_null())
    # Plain tuples in IncidentRow's field order: no model instance per row.
    return [IncidentRow(*values) for values in tuples(query)]


def get_incident(incident_id: int) -> IncidentRow:
    found = incidents_by_ids([incident_id])
    if not found:
        raise NotFoundError(tr("no incident with id {id}").format(id=incident_id))
    return found[0]


def incidents_by_ids(ids: list[int]) -> list[IncidentRow]:
    query = (
        Incident.select(Incident, Client.id, Client.name).join(Client).where(Incident.id.in_(ids))
    )
    return [_incident_row(i) for i in query]


def add_request(
    client_id: int,
    summary: str,
    now: datetime,
    channel: str = "email",
    received_at: datetime | None = None,
    note_id: int | None = None,
) -> Changed:
    summary = require_text(summary, tr("request summary"), 5000, multiline=True)
    require_choice(channel, CHANNELS, "channel")
    received = received_at or now
    if received > now:
        raise InputError(tr("a request cannot be received in the future"))
    with write_transaction():
        _get_live(client_id)
        request = Request.create(
            client=client_id,
            note=note_id,
            received_at=received,
            channel=channel,
            summary=summary,
            author=signed_in().name,
        )
    return Changed(Kind.REQUEST, (request.id,), (client_id,), "added")


def _mark_request(
    request_id: int, field: str, now: datetime, base: RequestRow | None = None
) -> Changed:
    """Acknowledge or answer once: a request someone else marked meanwhile stays as they marked
    it ("already" in the change's detail); with ``base`` (the request as the user saw it), one
    deleted meanwhile (or its client) is RecordDeletedError, never a silent nothing."""
    with write_transaction():
        request = locking(Request.select().where(Request.id == request_id)).first()
        client = Client.get_or_none(Client.id == base.client_id) if base is not None else None
        if base is not None and (request is None or client is None or client.deleted_at):
            what = tr("The request “{summary}”").format(summary=base.summary[:60])
            labels = {"acknowledged_at": tr("Acknowledged"), "answered_at": tr("Answered")}
            raise deleted_meanwhile(base, {field: now}, Kind.REQUEST, base.client_id, what,
                                    labels)  # fmt: skip
        if request is None:
            raise NotFoundError(tr("no request with id {id}").format(id=request_id))
        if getattr(request, field) is not None:
            return Changed(Kind.REQUEST, (request_id,), (request.client_id,),
                           f"already {field}", versions=(request.version,))  # fmt: skip
        if getattr(request, field) is None:
            setattr(request, field, now)
            if field == "answered_at" and request.acknowledged_at is None:
                request.acknowledged_at = now  # an answer acknowledges too
            request.save()
    return Changed(Kind.REQUEST, (request_id,), (request.client_id,), field)


def acknowledge_request(request_id: int, now: datetime, base: RequestRow | None = None) -> Changed:
    return _mark_request(request_id, "acknowledged_at", now, base)


def answer_request(request_id: int, now: datetime, base: RequestRow | None = None) -> Changed:
    return _mark_request(request_id, "answered_at", now, base)


def requests(
    client_id: int | None = None,
    awaiting_only: bool = False,
    ids: list[int] | None = None,
    client_ids: list[int] | None = None,
    owner: str | None = None,
) -> list[RequestRow]:
    """Requests of live clients, oldest first (``owner``: only that person's and those of no
    known author)."""
    query = (
        Request.select(
            Request.id,
            Request.client,
            Client.name,
            Request.received_at,
            Request.channel,
            Request.summary,
            Request.acknowledged_at,
            Request.answered_at,
            Client.response_hours,
            Request.note,
            Request.author,
            Request.version,
        )
        .join(Client)
        .where(Client.deleted_at.is_null())
        .order_by(Request.received_at)
    )
    if client_id is not None:
        query = query.where(Request.client == client_id)
    if awaiting_only:
        query = query.where(Request.answered_at.is_null())
    if ids is not None:
        query = query.where(Request.id.in_(ids))
    if client_ids is not None:
        query = query.where(Request.client.in_(client_ids))
    if owner is not None:
        query = query.where(Request.author.is_null() | (Request.author == owner))
    # Plain tuples: a model instance per row is most of the cost on a big notebook.
    return [RequestRow(*values) for values in tuples(query)]


#: The channel a request came through, by the kind of note it was typed in.
NOTE_KIND_CHANNELS = {
    "call": "call",
    "meeting": "in person",
    "email": "email",
    "message": "message",
}


def sync_note_requests(
    note_id: int, old_lines: list[str], new_lines: list[str], now: datetime
) -> list[int]:
    """Make a note's complete ``? `` lines its requests, exactly once (runs inside the caller's
    transaction: the note's autosave).

    ``old_lines`` are the request lines of the stored body, ``new_lines`` those of the body being
    saved. A line the note already has a request for changes nothing; a line edited in place
    updates its request's summary; a new line is a new request, received when the note started
    (never later than now) through the note's channel. A deleted line leaves its request as it is:
    the client still asked. Returns the requests added or updated."""
    if not new_lines:
        return []
    note = get_row(Note, note_id)
    existing = list(Request.select().where(Request.note == note_id).order_by(Request.id))
    by_text: dict[str, Request] = {}
    for request in existing:
        by_text.setdefault(request.summary, request)
    unowned = [text for text in new_lines if text[:5000] not in by_text]
    if not unowned:
        return []
    edited: dict[str, str] = {}
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "replace":
            for old, new in zip(old_lines[i1:i2], new_lines[j1:j2], strict=False):
                edited[new] = old
    channel = NOTE_KIND_CHANNELS.get(note.kind) or note.client.preferred_channel
    received = min(note.started_at, now)
    touched: list[int] = []
    for text in unowned:
        summary = text[:5000]
        previous = by_text.get(edited.get(text, ""))
        if previous is not None and previous.summary not in new_lines:
            previous.summary = summary
            previous.save()
            request = previous
        else:
            request = Request.create(
                client=note.client_id,
                note=note_id,
                received_at=received,
                channel=channel,
                summary=summary,
                author=signed_in().name,
            )
        by_text[summary] = request
        touched.append(request.id)
    return touched
