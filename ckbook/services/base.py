"""What every use-case shares: input errors worded for the user, the "what changed" value, and
the one way to run a use-case in a transaction."""

from __future__ import annotations

import enum
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TypeVar

import peewee

from ckbook.i18n import tr
from ckbook.store.models import StaleRowError, database_proxy

#: The largest id SQLite (and PostgreSQL's bigint) can hold; a larger one names no row.
MAX_ID = 2**63 - 1


class InputError(ValueError):
    """Bad input from the user: the message names what is wrong; nothing was written."""


class NotFoundError(InputError):
    """The thing asked for does not exist (or no longer does)."""


class ConflictError(InputError):
    """Someone else changed the row since it was loaded (its version moved): nothing was
    written; reload and try again."""


class Kind(enum.StrEnum):
    """What sort of row a change is about (the domain words). A ``StrEnum``: ``Kind.NOTE ==
    "note"``, so a view may test either way."""

    CLIENT = "client"
    MONEY = "money"
    NOTE = "note"
    PROMISE = "promise"
    INCIDENT = "incident"
    REQUEST = "request"
    REMINDER = "reminder"
    SETTINGS = "settings"


class Scope(enum.Enum):
    """How far a change reaches into what the views show."""

    ROWS = "rows"
    """Anything a list row, Today, the tray or a reminder shows may have moved."""
    TEXT = "text"
    """Only free text changed (a note's body, as a call-note autosave writes it): the card's
    timeline and search show it; no list row, Today row or reminder does."""


@dataclass(frozen=True)
class Changed:
    """What a use-case changed, so each view refreshes only that.

    ``kind`` says what the ``ids`` are (a ``Kind``; a plain string naming one is taken as it);
    ``client_ids`` the clients whose card or list row is affected; ``scope`` how far the change
    reaches (``Scope.TEXT``: only a note's text, which no list shows). A change that names no
    client (an import of unknown size, a restore) tells the views to reload what they show.
    """

    kind: Kind
    ids: tuple[int, ...] = ()
    client_ids: tuple[int, ...] = ()
    detail: str = field(default="", compare=False)
    scope: Scope = Scope.ROWS
    versions: tuple[int, ...] = field(default=(), compare=False)
    """The version each of ``ids`` is at after the change (versioned edits only): the base of the
    editor's next edit (``services.versions``)."""

    def __post_init__(self) -> None:
        if not isinstance(self.kind, Kind):
            object.__setattr__(self, "kind", Kind(self.kind))  # ValueError on an unknown kind

    @property
    def text_only(self) -> bool:
        return self.scope is Scope.TEXT


@contextmanager
def write_transaction() -> Iterator[None]:
    """One use-case, one transaction. SQLite takes the write lock up front (IMMEDIATE), so a
    read-then-write waits for the busy timeout instead of failing at once with "locked".

    A versioned row another connection changed between this transaction's read and its write
    (``StaleRowError``, PostgreSQL's READ COMMITTED) rolls everything back as a ConflictError."""
    database = database_proxy.obj
    try:
        if isinstance(database, peewee.SqliteDatabase):
            with database.atomic("IMMEDIATE"):
                yield
        else:
            with database.atomic():
                yield
    except StaleRowError as exc:
        raise ConflictError(
            tr("Changed by someone else at the same moment; nothing was saved: try again")
        ) from exc


SelectT = TypeVar("SelectT", bound=peewee.SelectQuery)


def locking(query: SelectT) -> SelectT:
    """Inside ``write_transaction``: ``query`` locking the rows it reads until the transaction
    ends, so a read-then-write cannot interleave with another editor. PostgreSQL needs FOR
    UPDATE; SQLite's IMMEDIATE transaction holds the whole file's write lock already."""
    if isinstance(database_proxy.obj, peewee.PostgresqlDatabase):
        locked: SelectT = query.for_update()  # type: ignore[attr-defined]
        return locked
    return query


@contextmanager
def worker_connection() -> Iterator[None]:
    """A worker thread's own connection for one job, closed after it (RELIABILITY #6): sqlite
    objects never cross threads, and an idle worker holds no connection or snapshot."""
    with database_proxy.obj.connection_context():
        yield


@contextmanager
def brief_lock_wait(milliseconds: int) -> Iterator[None]:
    """On this thread's connection, wait at most ``milliseconds`` (not the busy timeout) for
    another connection's write lock: a use-case run on the GUI thread while another process
    writes fails soon with "database busy" (the caller keeps the input) instead of freezing the
    window for seconds (RELIABILITY #7)."""
    from ckbook.store.database import BUSY_TIMEOUT_MS

    database = database_proxy.obj
    if not isinstance(database, peewee.SqliteDatabase):
        yield
        return
    database.execute_sql(f"PRAGMA busy_timeout = {int(milliseconds)}")
    try:
        yield
    finally:
        database.execute_sql(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def notebook_stamp() -> tuple[int, ...]:
    """Changes whenever any connection, of this process or another, commits to the notebook
    file (its and its write-ahead log's size and modification time); empty when the notebook is
    not a file. Cheap (two ``stat`` calls): a view that holds what it read compares stamps to
    learn whether someone it did not hear from wrote meanwhile."""
    database = database_proxy.obj
    if not isinstance(database, peewee.SqliteDatabase):
        return ()
    stamp: list[int] = []
    for suffix in ("", "-wal"):
        try:
            info = os.stat(f"{database.database}{suffix}")
        except OSError:
            stamp += [0, 0]
            continue
        stamp += [info.st_mtime_ns, info.st_size]
    return tuple(stamp)


ModelT = TypeVar("ModelT", bound=peewee.Model)


def get_row(model: type[ModelT], row_id: int, hint: str = "") -> ModelT:
    """The ``model`` row with ``row_id``; else NotFoundError ``no <model> with id <row_id>``."""
    found: ModelT | None = None
    if 0 < row_id <= MAX_ID:  # a larger id would overflow the query, and names no row anyway
        found = model.get_or_none(model._meta.primary_key == row_id)
    if found is None:
        kind = model.__name__.lower()
        missing = {
            "client": tr("no client with id {id}"),
            "promise": tr("no promise with id {id}"),
            "note": tr("no note with id {id}"),
            "incident": tr("no incident with id {id}"),
            "request": tr("no request with id {id}"),
        }.get(kind, f"no {kind} with id {{id}}")
        raise NotFoundError(missing.format(id=row_id) + hint)
    return found


def require_choice(value: str, choices: tuple[str, ...], what: str) -> str:
    if value not in choices:
        raise InputError(
            tr("{what} {value!r} is not one of: {choices}").format(
                what=what, value=value, choices=", ".join(choices)
            )
        )
    return value
