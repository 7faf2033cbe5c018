"""The care log: incidents (something went wrong, and how we owned it) and requests (a client
message awaiting our acknowledgement and answer)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ckbook.services.base import (
    Changed,
    InputError,
    NotFoundError,
    require_choice,
    require_text,
    write_transaction,
)
from ckbook.services.clients import _get_live
from ckbook.services.rules import request_deadline, request_overdue
from ckbook.store.models import CHANNELS, SEVERITIES, Client, Incident, Request

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

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None

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

    @property
    def deadline(self) -> datetime:
        return request_deadline(self.received_at, self.response_hours)

    def overdue(self, now: datetime) -> bool:
        return request_overdue(
            self.received_at, self.acknowledged_at, self.answered_at, self.response_hours, now
        )

    def to_json(self, now: datetime) -> dict[str, object]:
        return {
            "id": self.id,
            "client_id": self.client_id,
            "client": self.client_name,
            "summary": self.summary,
            "channel": self.channel,
            "received_at": self.received_at.isoformat(),
            "acknowledged_at": self.acknowledged_at.isoformat() if self.acknowledged_at else None,
            "answered_at": self.answered_at.isoformat() if self.answered_at else None,
            "overdue": self.overdue(now),
        }


def add_incident(
    client_id: int,
    what: str,
    now: datetime,
    severity: str = "minor",
    happened_at: datetime | None = None,
    note_id: int | None = None,
) -> Changed:
    what = require_text(what, "what happened", 5000)
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
        )
    return Changed("incident", (incident.id,), (client_id,), "added")


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


def update_incident(incident_id: int, **changes: object) -> Changed:
    """Record a step of owning it (apology, fix, root cause, prevention, goodwill, resolved)."""
    unknown = set(changes) - set(INCIDENT_FIELDS)
    if unknown:
        raise InputError(f"unknown incident field(s): {', '.join(sorted(unknown))}")
    if "severity" in changes:
        require_choice(str(changes["severity"]), SEVERITIES, "severity")
    if "what" in changes:
        changes["what"] = require_text(str(changes["what"]), "what happened", 5000)
    with write_transaction():
        incident = Incident.get_or_none(Incident.id == incident_id)
        if incident is None:
            raise NotFoundError(f"no incident with id {incident_id}")
        for name, value in changes.items():
            setattr(incident, name, value)
        incident.save()
    return Changed("incident", (incident_id,), (incident.client_id,), "updated")


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
    )


def incidents(client_id: int | None = None, open_only: bool = False) -> list[IncidentRow]:
    query = (
        Incident.select(Incident, Client.name)
        .join(Client)
        .where(Client.deleted_at.is_null())
        .order_by(Incident.happened_at.desc())
    )
    if client_id is not None:
        query = query.where(Incident.client == client_id)
    if open_only:
        query = query.where(Incident.resolved_at.is_null())
    return [_incident_row(i) for i in query]


def get_incident(incident_id: int) -> IncidentRow:
    found = incidents_by_ids([incident_id])
    if not found:
        raise NotFoundError(f"no incident with id {incident_id}")
    return found[0]


def incidents_by_ids(ids: list[int]) -> list[IncidentRow]:
    query = Incident.select(Incident, Client.name).join(Client).where(Incident.id.in_(ids))
    return [_incident_row(i) for i in query]


def add_request(
    client_id: int,
    summary: str,
    now: datetime,
    channel: str = "email",
    received_at: datetime | None = None,
    note_id: int | None = None,
) -> Changed:
    summary = require_text(summary, "request summary", 5000)
    require_choice(channel, CHANNELS, "channel")
    received = received_at or now
    if received > now:
        raise InputError("a request cannot be received in the future")
    with write_transaction():
        _get_live(client_id)
        request = Request.create(
            client=client_id, note=note_id, received_at=received, channel=channel, summary=summary
        )
    return Changed("request", (request.id,), (client_id,), "added")


def _mark_request(request_id: int, field: str, now: datetime) -> Changed:
    with write_transaction():
        request = Request.get_or_none(Request.id == request_id)
        if request is None:
            raise NotFoundError(f"no request with id {request_id}")
        if getattr(request, field) is None:
            setattr(request, field, now)
            if field == "answered_at" and request.acknowledged_at is None:
                request.acknowledged_at = now  # an answer acknowledges too
            request.save()
    return Changed("request", (request_id,), (request.client_id,), field)


def acknowledge_request(request_id: int, now: datetime) -> Changed:
    return _mark_request(request_id, "acknowledged_at", now)


def answer_request(request_id: int, now: datetime) -> Changed:
    return _mark_request(request_id, "answered_at", now)


def requests(
    client_id: int | None = None, awaiting_only: bool = False, ids: list[int] | None = None
) -> list[RequestRow]:
    query = (
        Request.select(Request, Client.name, Client.response_hours)
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
    return [
        RequestRow(
            id=r.id,
            client_id=r.client_id,
            client_name=r.client.name,
            received_at=r.received_at,
            channel=r.channel,
            summary=r.summary,
            acknowledged_at=r.acknowledged_at,
            answered_at=r.answered_at,
            response_hours=r.client.response_hours,
            note_id=r.note_id,
        )
        for r in query
    ]
