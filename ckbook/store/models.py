"""The peewee models: one table per domain word in DESIGN.md.

Instants are stored as UTC (``UTCDateTimeField`` hands back aware datetimes); a promise's due is a
local date plus an optional local time of day, never an instant. Money is Decimal stored as text, so
SQLite's NUMERIC affinity can never round it through a float.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Generic, Literal, Self, TypeVar, overload

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    Field,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
    TimeField,
)

database_proxy = DatabaseProxy()

_Id = TypeVar("_Id", int, int | None)
_Instant = TypeVar("_Instant", datetime, datetime | None)

if TYPE_CHECKING:

    class ForeignId(Generic[_Id]):
        """What peewee's implicit ``<fk>_id`` accessor gives: the field on a class, the id on a row.

        Typing only: peewee adds the accessor when it builds the model; its stubs cannot name it.
        """

        @overload
        def __get__(self, instance: None, owner: type) -> ForeignKeyField[Any]: ...
        @overload
        def __get__(self, instance: object, owner: type) -> _Id: ...
        def __get__(self, instance: object, owner: type) -> Any: ...
        def __set__(self, instance: object, value: _Id) -> None: ...


CLIENT_STATUSES = ("lead", "active", "paused", "former")
ATTENTION_LEVELS = ("light", "standard", "high-touch")
CHANNELS = ("call", "email", "message", "in person")
PRICING_MODELS = ("hourly", "fixed", "retainer", "per item")
NOTE_KINDS = ("call", "meeting", "email", "message", "other")
MOODS = ("delighted", "content", "neutral", "frustrated", "angry")
PROMISE_STATUSES = ("open", "kept", "broken", "renegotiated", "cancelled")
SEVERITIES = ("minor", "major", "critical")
CONTACT_KINDS = ("email", "phone")


def mint_uid() -> str:
    """A new client's UID: what exports carry and imports match on (see migration 0005)."""
    return f"urn:uuid:{uuid.uuid4()}"


class UTCDateTimeField(Field, Generic[_Instant]):
    """An instant: written as naive UTC ISO text, read back timezone-aware (UTC)."""

    field_type = "DATETIME"

    if TYPE_CHECKING:  # a row's value is a datetime, or datetime | None when the column is nullable

        @overload
        def __new__(
            cls, *, null: Literal[True], index: bool = ...
        ) -> UTCDateTimeField[datetime | None]: ...
        @overload
        def __new__(
            cls, *, null: Literal[False] = ..., index: bool = ...
        ) -> UTCDateTimeField[datetime]: ...
        def __new__(cls, *, null: bool = ..., index: bool = ...) -> Any: ...
        @overload
        def __get__(self, instance: None, owner: type) -> Self: ...
        @overload
        def __get__(self, instance: object, owner: type) -> _Instant: ...
        def __get__(self, instance: object, owner: type) -> Any: ...
        def __set__(self, instance: object, value: _Instant) -> None: ...

    def db_value(self, value: datetime | None) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("instants must be timezone-aware")
        return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")

    def python_value(self, value: Any) -> datetime | None:
        if value is None:
            return None
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


class MoneyField(Field):
    """A Decimal amount kept as exact text."""

    field_type = "TEXT"

    if TYPE_CHECKING:  # None for no amount, and for stored text that is not a number

        @overload
        def __get__(self, instance: None, owner: type) -> Self: ...
        @overload
        def __get__(self, instance: object, owner: type) -> Decimal | None: ...
        def __get__(self, instance: object, owner: type) -> Any: ...
        def __set__(self, instance: object, value: Decimal | None) -> None: ...

    def db_value(self, value: Decimal | None) -> str | None:
        if value is None:
            return None
        if not isinstance(value, Decimal):
            raise TypeError("money must be a Decimal, never a float")
        if not value.is_finite():
            raise ValueError("money must be a finite amount")
        return str(value)

    def python_value(self, value: Any) -> Decimal | None:
        if value is None:
            return None
        try:
            return Decimal(str(value))
        except InvalidOperation:
            return None


class BaseModel(Model):
    """Each model names the ``id = AutoField()`` peewee would add anyway (same schema), and declares
    its ``<fk>_id`` accessors under ``TYPE_CHECKING``, so the type checker knows both."""

    class Meta:
        database = database_proxy
        legacy_table_names = False
        only_save_dirty = True  # two editors of one client must not revert each other's fields


class StaleRowError(LookupError):
    """A versioned row was changed or deleted by another connection between this transaction's
    read and its write: nothing was written (``services.base.write_transaction`` reports it as a
    conflict)."""

    def __init__(self, table: str, row_id: object) -> None:
        super().__init__(f"{table} {row_id} changed or deleted elsewhere since it was read")
        self.table = table
        self.row_id = row_id


class Versioned(BaseModel):
    """A row people edit (migration 0009): every save of a change is ``UPDATE … SET version =
    version + 1 WHERE id = ? AND version = <the version read>``, so a change committed by someone
    else between the read and the write is never overwritten (StaleRowError instead). Each model
    declares its own ``version`` column (kept in the table's column order)."""

    version: IntegerField

    def save(self, force_insert: bool = False, only: Any = None) -> Any:
        row: Any = self  # peewee's private row state (_pk, _dirty) is not in its type stubs
        if force_insert or row._pk is None:
            return super().save(force_insert=force_insert, only=only)
        model: Any = type(self)
        names = {getattr(f, "name", f) for f in only} if only is not None else set(row._dirty)
        names -= {"version", model._meta.primary_key.name}
        if not names:
            row._dirty.clear()
            return False
        read = self.version
        values = {name: self.__data__.get(name) for name in names}
        written = (
            model.update(**values, version=read + 1)
            .where((model._meta.primary_key == row._pk) & (model.version == read))
            .execute()
        )
        if written != 1:
            raise StaleRowError(model._meta.table_name, row._pk)
        self.version = read + 1
        row._dirty -= names | {"version"}
        return written


class Client(BaseModel):
    id = AutoField()
    name = CharField(max_length=200, index=True)
    organisation = CharField(max_length=200, default="")
    address = TextField(default="")
    status = CharField(max_length=16, default="active")
    client_since = DateField(null=True)
    handling_notes = TextField(default="")
    attention_level = CharField(max_length=16, default="standard")
    checkin_days = IntegerField(default=14)
    response_hours = IntegerField(default=24)
    preferred_channel = CharField(max_length=16, default="email")
    created_at = UTCDateTimeField()
    updated_at = UTCDateTimeField()
    deleted_at = UTCDateTimeField(null=True, index=True)
    version = IntegerField(default=1)
    uid = CharField(max_length=255, unique=True, default=mint_uid)


class ContactDetail(BaseModel):
    id = AutoField()
    client = ForeignKeyField(Client, backref="contacts", on_delete="CASCADE")
    kind = CharField(max_length=8)
    value = CharField(max_length=300)
    label = CharField(max_length=40, default="")
    position = IntegerField(default=0)

    if TYPE_CHECKING:
        client_id: ForeignId[int]


class Tag(BaseModel):
    id = AutoField()
    name = CharField(max_length=80, unique=True)


class ClientTag(BaseModel):
    id = AutoField()
    client = ForeignKeyField(Client, backref="client_tags", on_delete="CASCADE")
    tag = ForeignKeyField(Tag, backref="client_tags", on_delete="CASCADE")

    if TYPE_CHECKING:
        client_id: ForeignId[int]
        tag_id: ForeignId[int]

    class Meta:
        indexes = ((("client", "tag"), True),)


class MoneyTerms(BaseModel):
    """One version of a client's money agreement; a change adds a row, old rows stay."""

    id = AutoField()
    client = ForeignKeyField(Client, backref="money_terms", on_delete="CASCADE")
    version = IntegerField()
    pricing_model = CharField(max_length=16)
    amount = MoneyField(null=True)
    currency = CharField(max_length=3, default="EUR")
    budget_ceiling = MoneyField(null=True)
    payment_terms_days = IntegerField(null=True)
    deposit = MoneyField(null=True)
    discount = TextField(default="")
    discount_condition = TextField(default="")
    scope_in = TextField(default="")
    scope_out = TextField(default="")
    agreed_on = DateField(null=True)
    confirmed_by_client = BooleanField(default=False)
    change_reason = TextField(default="")
    created_at = UTCDateTimeField()

    if TYPE_CHECKING:
        client_id: ForeignId[int]

    class Meta:
        indexes = ((("client", "version"), True),)


class Note(Versioned):
    id = AutoField()
    client = ForeignKeyField(Client, backref="notes", on_delete="CASCADE")
    kind = CharField(max_length=16, default="call")
    started_at = UTCDateTimeField(index=True)
    duration_seconds = IntegerField(null=True)
    mood = CharField(max_length=16, null=True)
    body = TextField(default="")
    created_at = UTCDateTimeField()
    updated_at = UTCDateTimeField()
    #: Who made it (``store.people``; migration 0008); None when made before authors were kept.
    author = CharField(max_length=200, null=True)
    version = IntegerField(default=1)

    if TYPE_CHECKING:
        client_id: ForeignId[int]

    class Meta:
        indexes = ((("client", "started_at"), False),)


class Promise(Versioned):
    id = AutoField()
    client = ForeignKeyField(Client, backref="promises", on_delete="CASCADE")
    note = ForeignKeyField(Note, backref="promises", null=True, on_delete="SET NULL")
    text = TextField()
    made_at = UTCDateTimeField()
    due_date = DateField(null=True, index=True)
    due_time = TimeField(null=True, formats=["%H:%M:%S", "%H:%M"])
    remind_before_minutes = IntegerField(null=True)
    status = CharField(max_length=16, default="open", index=True)
    closed_at = UTCDateTimeField(null=True)
    renegotiated_from: ForeignKeyField[Promise | None] = ForeignKeyField(  # "self" types as Any
        "self", backref="renegotiations", null=True, on_delete="SET NULL"
    )
    #: A repeating promise's RFC 5545 RRULE value; its due is the current occurrence.
    recurrence = TextField(null=True)
    #: Who made it (``store.people``; migration 0008); None when made before authors were kept.
    author = CharField(max_length=200, null=True)
    version = IntegerField(default=1)

    if TYPE_CHECKING:
        client_id: ForeignId[int]
        note_id: ForeignId[int | None]
        renegotiated_from_id: ForeignId[int | None]

    class Meta:
        # (status, due_date): open promises by due, for Today, the tray and reminders (0003).
        indexes = (
            (("client", "status"), False),
            (("status", "due_date"), False),
            (("author", "status"), False),  # one person's open promises, for reminders (0008)
        )


class Incident(Versioned):
    id = AutoField()
    client = ForeignKeyField(Client, backref="incidents", on_delete="CASCADE")
    note = ForeignKeyField(Note, backref="incidents", null=True, on_delete="SET NULL")
    what = TextField()
    happened_at = UTCDateTimeField()
    severity = CharField(max_length=16, default="minor")
    apologised_at = UTCDateTimeField(null=True)
    apology = TextField(default="")
    fix = TextField(default="")
    fix_promise = ForeignKeyField(Promise, null=True, backref="fixes", on_delete="SET NULL")
    root_cause = TextField(default="")
    prevention = TextField(default="")
    goodwill = TextField(default="")
    resolved_at = UTCDateTimeField(null=True, index=True)
    created_at = UTCDateTimeField()
    #: Who made it (``store.people``; migration 0008); None when made before authors were kept.
    author = CharField(max_length=200, null=True)
    version = IntegerField(default=1)

    if TYPE_CHECKING:
        client_id: ForeignId[int]
        note_id: ForeignId[int | None]
        fix_promise_id: ForeignId[int | None]


class Request(Versioned):
    id = AutoField()
    client = ForeignKeyField(Client, backref="requests", on_delete="CASCADE")
    note = ForeignKeyField(Note, backref="requests", null=True, on_delete="SET NULL")
    received_at = UTCDateTimeField()
    channel = CharField(max_length=16, default="email")
    summary = TextField()
    acknowledged_at = UTCDateTimeField(null=True)
    answered_at = UTCDateTimeField(null=True, index=True)
    #: Who made it (``store.people``; migration 0008); None when made before authors were kept.
    author = CharField(max_length=200, null=True)
    version = IntegerField(default=1)

    if TYPE_CHECKING:
        client_id: ForeignId[int]
        note_id: ForeignId[int | None]


class ReminderLog(BaseModel):
    """Each reminder occurrence, stored so it fires once even across restarts."""

    id = AutoField()
    kind = CharField(max_length=24)
    subject_id = IntegerField()
    occurrence = CharField(max_length=64)
    due_at = UTCDateTimeField()
    fired_at = UTCDateTimeField(null=True)
    snoozed_until = UTCDateTimeField(null=True)
    done_at = UTCDateTimeField(null=True)
    #: The claim that is showing it (fired_at is then when it was claimed); cleared once shown.
    claimed_by = CharField(max_length=32, null=True)
    #: Whose ckbook recorded it (shown, snoozed or done); None before authors were kept (0008).
    author = CharField(max_length=200, null=True)

    class Meta:
        indexes = ((("kind", "subject_id", "occurrence"), True),)


class Setting(BaseModel):
    key = CharField(max_length=80, primary_key=True)
    value = TextField()


class ChangeJournal(BaseModel):
    """What changed in the notebook, written by triggers (migration 0006) whoever writes: this
    window, the CLI, an import, another process. A window reads the rows after the last it saw
    when SQLite's ``data_version`` says another connection committed, and refreshes just those
    rows. Kept short: old rows are pruned (``store.changes``)."""

    id = AutoField()
    kind = CharField(max_length=16)
    row_id = IntegerField()
    client_id = IntegerField(null=True)
    #: "text" when only a note's text changed (no list row shows it), else "rows".
    scope = CharField(max_length=8, default="rows")


ALL_MODELS: tuple[type[BaseModel], ...] = (
    Client,
    ContactDetail,
    Tag,
    ClientTag,
    MoneyTerms,
    Note,
    Promise,
    Incident,
    Request,
    ReminderLog,
    Setting,
    ChangeJournal,
)
