"""Client use-cases: create, edit, delete (undoable), find, and the rows the list and card show.

Rows are frozen dataclasses built in a handful of set-based queries (never a query per client), so
the client list stays smooth with 10,000 clients.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, tzinfo
from typing import Any, TypeVar

from peewee import JOIN, Field, ModelSelect, fn

from ckbook.i18n import tr
from ckbook.services.base import (
    MAX_ID,
    Changed,
    ConflictError,
    InputError,
    Kind,
    NotFoundError,
    locking,
    require_choice,
    write_transaction,
)
from ckbook.services.due import Due
from ckbook.services.limits import CHECKIN_DAYS, RESPONSE_HOURS
from ckbook.services.rules import CheckinStatus, Health, checkin_status, kept_rate
from ckbook.services.text import clean_block, clean_line, nfc, require_text
from ckbook.store.models import (
    ATTENTION_LEVELS,
    CHANNELS,
    CLIENT_STATUSES,
    Client,
    ClientTag,
    ContactDetail,
    Incident,
    Note,
    Promise,
    Tag,
)
from ckbook.store.rows import tuples

PROFILE_FIELDS = (
    "name",
    "organisation",
    "address",
    "status",
    "client_since",
    "handling_notes",
    "attention_level",
    "checkin_days",
    "response_hours",
    "preferred_channel",
)


@dataclass(frozen=True)
class ClientInput:
    """What a person types when setting up or editing a client."""

    name: str
    organisation: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    address: str = ""
    tags: tuple[str, ...] = ()
    status: str = "active"
    client_since: date | None = None
    handling_notes: str = ""
    attention_level: str = "standard"
    checkin_days: int = 14
    response_hours: int = 24
    preferred_channel: str = "email"


@dataclass(frozen=True)
class ClientSummary:
    """One row of the client list."""

    id: int
    name: str
    organisation: str
    status: str
    tags: tuple[str, ...]
    emails: tuple[str, ...]
    phones: tuple[str, ...]
    health: Health
    last_contact: datetime | None
    next_due: Due | None
    open_promises: int
    attention_level: str
    checkin_since: datetime
    checkin_due_at: datetime | None


@dataclass(frozen=True)
class ClientDetail:
    """Everything the card header and profile section show."""

    id: int
    name: str
    organisation: str
    address: str
    status: str
    client_since: date | None
    handling_notes: str
    attention_level: str
    checkin_days: int
    response_hours: int
    preferred_channel: str
    emails: tuple[str, ...]
    phones: tuple[str, ...]
    tags: tuple[str, ...]
    created_at: datetime
    checkin: CheckinStatus
    kept_rate: float | None
    open_incidents: int
    open_promises: int
    version: int
    extra: dict[str, str] = field(default_factory=dict, compare=False)


def _validate(data: ClientInput) -> ClientInput:
    """``data`` checked; its text is expected cleaned already (``clean_client_input``)."""
    require_text(data.name, tr("client name"), 200)
    if len(data.organisation) > 200:
        raise InputError(tr("organisation is too long (at most 200 characters)"))
    require_choice(data.status, CLIENT_STATUSES, "status")
    require_choice(data.attention_level, ATTENTION_LEVELS, "attention level")
    require_choice(data.preferred_channel, CHANNELS, "preferred channel")
    CHECKIN_DAYS.check(data.checkin_days)
    RESPONSE_HOURS.check(data.response_hours)
    for email in data.emails:
        if "@" not in email or email.strip() != email or " " in email:
            raise InputError(tr("email {email!r} is not an email address").format(email=email))
    for phone in data.phones:
        if not any(ch.isdigit() for ch in phone):
            raise InputError(tr("phone {phone!r} has no digits").format(phone=phone))
    return data


def _clean_list(values: tuple[str, ...] | list[str], what: str) -> tuple[str, ...]:
    """One-line values cleaned (``services.text``), without blanks or repeats (any case)."""
    seen: dict[str, None] = {}
    for value in values:
        value = clean_line(value, what)
        if value and value.lower() not in {v.lower() for v in seen}:
            seen[value] = None
    return tuple(seen)


def _write_contacts(client_id: int, emails: tuple[str, ...], phones: tuple[str, ...]) -> None:
    # An email or phone that stays keeps its label (work, home, mobile…, from an import): the
    # card edits values only, and rewriting them must not drop what it does not show.
    query = ContactDetail.select(
        ContactDetail.kind, ContactDetail.value, ContactDetail.label
    ).where(ContactDetail.client == client_id)
    labels = {(kind, value.lower()): label for kind, value, label in tuples(query)}
    ContactDetail.delete().where(ContactDetail.client == client_id).execute()
    rows = [
        {"client": client_id, "kind": kind, "value": value, "position": i,
         "label": labels.get((kind, value.lower()), "")}
        for kind, values in (("email", emails), ("phone", phones))
        for i, value in enumerate(values)
    ]  # fmt: skip
    if rows:
        ContactDetail.insert_many(rows).execute()


def _write_tags(client_id: int, tags: tuple[str, ...]) -> None:
    ClientTag.delete().where(ClientTag.client == client_id).execute()
    for name in tags:
        tag, _ = Tag.get_or_create(name=name)
        ClientTag.create(client=client_id, tag=tag)


def _cleaned(data: ClientInput) -> ClientInput:
    """``data``'s text through the one text rule (``services.text``): one-line fields trimmed,
    lists without blanks or repeats, address and handling notes as blocks."""
    return ClientInput(
        **{
            **data.__dict__,
            "name": clean_line(data.name, tr("client name")),
            "organisation": clean_line(data.organisation, tr("organisation")),
            "emails": _clean_list(data.emails, "email"),
            "phones": _clean_list(data.phones, "phone"),
            "tags": _clean_list(data.tags, "tag"),
            "address": clean_block(data.address, tr("address")),
            "handling_notes": clean_block(data.handling_notes, tr("how they like to be handled")),
        }
    )


def clean_client_input(data: ClientInput) -> ClientInput:
    """``data`` as a new client is stored (cleaned by the one text rule, lists without blanks
    or repeats), checked by the same rules as ``add_client``; raises InputError naming what is
    wrong."""
    return _validate(_cleaned(data))


def add_client(data: ClientInput, now: datetime) -> Changed:
    """Create a client with its attention profile; returns the new id in ``ids``."""
    data = clean_client_input(data)
    with write_transaction():
        client = Client.create(
            name=data.name,
            organisation=data.organisation,
            address=data.address,
            status=data.status,
            client_since=data.client_since or now.date(),
            handling_notes=data.handling_notes,
            attention_level=data.attention_level,
            checkin_days=data.checkin_days,
            response_hours=data.response_hours,
            preferred_channel=data.preferred_channel,
            created_at=now,
            updated_at=now,
        )
        _write_contacts(client.id, data.emails, data.phones)
        _write_tags(client.id, data.tags)
    return Changed(Kind.CLIENT, (client.id,), (client.id,), "added")


def update_client(
    client_id: int, now: datetime, expected_version: int | None = None, **changes: object
) -> Changed:
    """Change some profile fields (and ``emails``/``phones``/``tags``); others stay as stored.

    Optimistic locking (RELIABILITY #8, team mode): the row is updated ``WHERE version = ?`` with
    the version read in this transaction, so on PostgreSQL (READ COMMITTED, no write lock up
    front) an editor who committed in between makes this ConflictError instead of being undone.
    ``expected_version`` (what the caller showed the user) must also still be the stored one.
    """
    return _update_client(client_id, now, changes, expected_version, None)


def update_client_fields(
    client_id: int, now: datetime, changes: Mapping[str, object], based_on: Mapping[str, object]
) -> Changed:
    """Change fields of a client checked field by field against ``based_on`` (each field's value
    when the editor loaded it), not the whole row's version: two people changing different fields
    of one client both keep their change; a field someone else changed meanwhile (to another value
    than this edit's) is a FieldConflictError naming it and what is stored now, and nothing is
    written. The row is locked while it is read (``locking``), so the check and the write are one.
    """
    return _update_client(client_id, now, changes, None, based_on)


def _update_client(
    client_id: int,
    now: datetime,
    changes: Mapping[str, object],
    expected_version: int | None,
    based_on: Mapping[str, object] | None,
) -> Changed:
    unknown = set(changes) - set(PROFILE_FIELDS) - {"emails", "phones", "tags"}
    if unknown:
        raise InputError(
            tr("unknown client field(s): {fields}").format(fields=", ".join(sorted(unknown)))
        )
    with write_transaction():
        client = _get_live(client_id, lock=True)
        current = client_detail(client_id, now)
        if based_on is not None:
            clashes = {
                name: getattr(current, name)
                for name in changes
                if name in based_on
                and _comparable(getattr(current, name)) != _comparable(based_on[name])
                and _comparable(getattr(current, name)) != _comparable(changes[name])
            }
            if clashes:
                raise FieldConflictError(client.name, clashes)
        elif expected_version is not None and client.version != expected_version:
            raise _changed_elsewhere(client)
        merged: dict[str, Any] = {  # checked as a whole by _validate below
            name: getattr(current, name) for name in (*PROFILE_FIELDS, "emails", "phones", "tags")
        }
        merged.update(changes)
        data = clean_client_input(ClientInput(**merged))
        row: dict[Any, object] = {
            getattr(Client, name): getattr(data, name) for name in PROFILE_FIELDS if name in changes
        }
        row.update({Client.updated_at: now, Client.version: client.version + 1})
        written = (
            Client.update(row)
            .where((Client.id == client_id) & (Client.version == client.version))
            .execute()
        )
        if written != 1:
            raise _changed_elsewhere(client)
        if "emails" in changes or "phones" in changes:
            _write_contacts(client_id, data.emails, data.phones)
        if "tags" in changes:
            _write_tags(client_id, data.tags)
    return Changed(Kind.CLIENT, (client_id,), (client_id,), "updated")


def _comparable(value: object) -> object:
    """Lists and tuples alike (an editor may hold a list where the detail holds a tuple)."""
    return tuple(value) if isinstance(value, list | tuple) else value


class FieldConflictError(ConflictError):
    """Fields someone else changed since the editor loaded them; nothing was written."""

    def __init__(self, client_name: str, stored_now: Mapping[str, object]) -> None:
        self.stored_now = dict(stored_now)
        names = ", ".join(name.replace("_", " ") for name in self.stored_now)
        super().__init__(
            f"{client_name}: {names} changed elsewhere since it was loaded; nothing was saved "
            "(what is stored now is shown; save again to put yours over it)"
        )


def _changed_elsewhere(client: Client) -> ConflictError:
    return ConflictError(
        tr("{name} was changed elsewhere since it was loaded; reload it and try again").format(
            name=client.name
        )
    )


def delete_client(client_id: int, now: datetime) -> Changed:
    """Hide a client and everything of theirs; ``restore_client`` undoes it."""
    with write_transaction():
        client = _get_live(client_id)
        client.deleted_at = now
        client.save()
    return Changed(Kind.CLIENT, (client_id,), (client_id,), "deleted")


def restore_client(client_id: int) -> Changed:
    with write_transaction():
        updated = Client.update(deleted_at=None).where(Client.id == client_id).execute()
    if not updated:
        raise NotFoundError(tr("no client with id {id}").format(id=client_id))
    return Changed(Kind.CLIENT, (client_id,), (client_id,), "restored")


def purge_deleted_clients(client_ids: Iterable[int] | None = None) -> int:
    """Remove for good the clients deleted earlier (their notes, promises… cascade); with
    ``client_ids``, only those of them (the ones this window deleted and could still undo)."""
    deleted = Client.deleted_at.is_null(False)
    with write_transaction():
        if client_ids is None:
            purged: int = Client.delete().where(deleted).execute()  # execute() is untyped
            return purged
        ids = sorted(set(client_ids))
        if not ids:
            return 0
        purged = Client.delete().where(deleted & Client.id.in_(ids)).execute()
        return purged


def _get_live(client_id: int, lock: bool = False) -> Client:
    """The live client ``client_id``; ``lock``: held until the transaction ends (PostgreSQL's
    FOR UPDATE; on SQLite the IMMEDIATE transaction holds the whole file already)."""
    client: Client | None = None
    if 0 < client_id <= MAX_ID:  # a larger id would overflow the query
        query = Client.select().where((Client.id == client_id) & Client.deleted_at.is_null())
        client = (locking(query) if lock else query).first()
    if client is None:
        raise NotFoundError(tr("no client with id {id}").format(id=client_id))
    return client


def find_client(reference: str | int) -> int:
    """A live client's id from ``#ID``, an id, or its unique name.

    Names match case-insensitively in every script ("émile" finds "Émile"; SQLite's lower() folds
    ASCII only, so names are compared in Python: one narrow query, a few ms for 10,000 clients).
    Digits alone are an id, unless another client is named exactly those digits: then the
    reference is ambiguous and InputError says which two it could be and to write ``#ID`` (a
    promise must never land on the wrong client). ``#ID`` is always the id.
    """
    text = clean_line(str(reference), tr("client"))  # NFC: "Zoé" typed either way finds Zoé
    if not text:
        raise InputError(tr("client is empty: give an id or a name"))
    live = Client.deleted_at.is_null()
    if text.startswith("#") and text[1:].isdigit():
        return _get_live(int(text[1:])).id
    by_id: tuple[int, str] | None = None
    if text.isdigit() and 0 < int(text) <= MAX_ID:
        found = _raw_rows(
            Client.select(Client.id, Client.name).where(live & (Client.id == int(text)))
        )
        by_id = found[0] if found else None
    wanted = text.casefold()
    named: list[tuple[int, str]] = [
        (cid, name)
        for cid, name in _raw_rows(Client.select(Client.id, Client.name).where(live))
        if nfc(name).casefold() == wanted
    ]
    if by_id is not None:
        others = [cid for cid, _name in named if cid != by_id[0]]
        if others:
            raise InputError(
                tr(
                    "client {text!r} is ambiguous: id {id} is {name!r}, and client {other} "
                    "is named {text!r}; write #{id} or #{other}"
                ).format(text=text, id=by_id[0], name=by_id[1], other=others[0])
            )
        return by_id[0]
    if not named:
        if text.isdigit():
            missing = tr("no client with id or name {text!r}")
        else:
            missing = tr("no client named {text!r}")
        raise NotFoundError(missing.format(text=text))
    if len(named) > 1:
        ids = ", ".join(str(cid) for cid, _name in named)
        raise InputError(
            tr("several clients are named {text!r} (ids {ids}); use the id").format(
                text=text, ids=ids
            )
        )
    return named[0][0]


def _raw_rows(query: ModelSelect[Any]) -> list[tuple[Any, ...]]:
    """The query's rows as the driver returns them, skipping peewee's per-value conversion (the
    list of 10,000 clients spent most of its time there); callers convert what they use."""
    return list(query.model._meta.database.execute(query).fetchall())


def _instant(value: object) -> datetime | None:
    """A stored UTC instant (SQLite text or a driver's datetime) as an aware datetime."""
    if value is None:
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _contacts_by_client(client_ids: list[int] | None) -> dict[int, dict[str, list[str]]]:
    query = ContactDetail.select(
        ContactDetail.client, ContactDetail.kind, ContactDetail.value
    ).order_by(ContactDetail.client, ContactDetail.kind, ContactDetail.position)
    if client_ids is not None:
        query = query.where(ContactDetail.client.in_(client_ids))
    result: dict[int, dict[str, list[str]]] = defaultdict(lambda: {"email": [], "phone": []})
    for client_id, kind, value in _raw_rows(query):
        result[client_id][kind].append(value)
    return result


def _tags_by_client(client_ids: list[int] | None) -> dict[int, list[str]]:
    query = (
        ClientTag.select(ClientTag.client, Tag.name).join(Tag).order_by(ClientTag.client, Tag.name)
    )
    if client_ids is not None:
        query = query.where(ClientTag.client.in_(client_ids))
    result: dict[int, list[str]] = defaultdict(list)
    for client_id, name in _raw_rows(query):
        result[client_id].append(name)
    return result


def _as_instant(day: date | None, fallback: datetime) -> datetime:
    if day is None:
        return fallback
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


_Query = TypeVar("_Query", bound="ModelSelect[Any]")  # peewee classes are generic in stubs only

#: Above this many ids, reading everything and keeping some is cheaper than a long IN (...).
_MAX_IN_IDS = 500


def client_summaries(
    now: datetime,
    tz: tzinfo,
    include_deleted: bool = False,
    client_ids: Iterable[int] | None = None,
) -> list[ClientSummary]:
    """Every client's list row (or only ``client_ids``' rows), in name order, in five queries.

    Rows come straight from the driver (no per-value conversion by peewee): 10,000 clients with
    their notes and promises take a fraction of a second.
    """
    wanted = None if client_ids is None else set(client_ids)
    ids = sorted(wanted) if wanted is not None and len(wanted) <= _MAX_IN_IDS else None

    def only(query: _Query, column: Field[Any]) -> _Query:
        return query if ids is None else query.where(column.in_(ids))

    clients = only(
        Client.select(
            Client.id,
            Client.name,
            Client.organisation,
            Client.status,
            Client.checkin_days,
            Client.client_since,
            Client.created_at,
            Client.attention_level,
        ).order_by(fn.lower(Client.name), Client.id),
        Client.id,
    )
    if not include_deleted:
        clients = clients.where(Client.deleted_at.is_null())
    last_contact = dict(
        _raw_rows(
            only(Note.select(Note.client, fn.max(Note.started_at)), Note.client).group_by(
                Note.client
            )
        )
    )
    open_promises = dict(
        _raw_rows(
            only(
                Promise.select(Promise.client, fn.count(Promise.id)).where(
                    Promise.status == "open"
                ),
                Promise.client,
            ).group_by(Promise.client)
        )
    )
    # The next due: smallest (date, time) among open promises; a date-only due (no time) counts
    # as the end of its day, so it sorts after a timed due on the same date.
    next_due: dict[int, Due] = {}
    for client_id, due_date, due_time in _raw_rows(
        only(
            Promise.select(Promise.client, Promise.due_date, Promise.due_time).where(
                (Promise.status == "open") & Promise.due_date.is_null(False)
            ),
            Promise.client,
        ).order_by(Promise.client, Promise.due_date, Promise.due_time.asc(nulls="LAST"))
    ):
        if client_id not in next_due:
            next_due[client_id] = Due(_to_date(due_date), _to_time(due_time))
    contacts = _contacts_by_client(ids)
    tags = _tags_by_client(ids)
    no_contacts: dict[str, list[str]] = {"email": [], "phone": []}
    rows = []
    for cid, name, org, status, cadence, since, created, level in _raw_rows(clients):
        if wanted is not None and cid not in wanted:
            continue
        created_at = _instant(created)
        assert created_at is not None
        last_at = _instant(last_contact.get(cid))
        since_at = _as_instant(_to_date(since) if since else None, created_at)
        checkin = checkin_status(status, cadence, last_at, since_at, now)
        person = contacts.get(cid, no_contacts)
        rows.append(
            ClientSummary(
                id=cid,
                name=name,
                organisation=org,
                status=status,
                tags=tuple(tags.get(cid, ())),
                emails=tuple(person["email"]),
                phones=tuple(person["phone"]),
                health=checkin.health,
                last_contact=last_at,
                next_due=next_due.get(cid),
                open_promises=open_promises.get(cid, 0),
                attention_level=level,
                checkin_since=checkin.last_contact,
                checkin_due_at=checkin.due_at,
            )
        )
    return rows


def _to_date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _to_time(value: object) -> time | None:
    if value is None or isinstance(value, time):
        return value
    return time.fromisoformat(str(value))


def client_detail(client_id: int, now: datetime) -> ClientDetail:
    client = _get_live(client_id)
    last = Note.select(fn.max(Note.started_at)).where(Note.client == client_id).scalar()
    last_at = Note.started_at.python_value(last) if last is not None else None
    since_at = _as_instant(client.client_since, client.created_at)
    checkin = checkin_status(client.status, client.checkin_days, last_at, since_at, now)
    statuses = [
        s for (s,) in tuples(Promise.select(Promise.status).where(Promise.client == client_id))
    ]
    open_incidents = (
        Incident.select()
        .where((Incident.client == client_id) & Incident.resolved_at.is_null())
        .count()
    )
    person = _contacts_by_client([client_id]).get(client_id, {"email": [], "phone": []})
    return ClientDetail(
        id=client.id,
        name=client.name,
        organisation=client.organisation,
        address=client.address,
        status=client.status,
        client_since=client.client_since,
        handling_notes=client.handling_notes,
        attention_level=client.attention_level,
        # Read into range: a value an earlier release let in must not break the card's fields.
        checkin_days=CHECKIN_DAYS.clip(client.checkin_days),
        response_hours=RESPONSE_HOURS.clip(client.response_hours),
        preferred_channel=client.preferred_channel,
        emails=tuple(person["email"]),
        phones=tuple(person["phone"]),
        tags=tuple(_tags_by_client([client_id]).get(client_id, [])),
        created_at=client.created_at,
        checkin=checkin,
        kept_rate=kept_rate(statuses),
        open_incidents=open_incidents,
        open_promises=statuses.count("open"),
        version=client.version,
    )


@dataclass(frozen=True)
class ClientName:
    """Just enough to pick a client: the quick switcher and "which client?" prompts."""

    id: int
    name: str
    organisation: str


def client_names() -> list[ClientName]:
    """Every live client's id, name and organisation, in name order, in one query."""
    query = (
        Client.select(Client.id, Client.name, Client.organisation)
        .where(Client.deleted_at.is_null())
        .order_by(fn.lower(Client.name), Client.id)
    )
    return [ClientName(cid, name, org) for cid, name, org in _raw_rows(query)]


def all_tags() -> list[str]:
    used = Tag.select(Tag.name).join(ClientTag, JOIN.INNER).distinct().order_by(Tag.name)
    return [name for (name,) in tuples(used)]
