"""What every use-case shares: input errors worded for the user, the "what changed" value, and
the one way to run a use-case in a transaction."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TypeVar

import peewee

from ckbook.store.models import database_proxy

#: The largest id SQLite (and PostgreSQL's bigint) can hold; a larger one names no row.
MAX_ID = 2**63 - 1


class InputError(ValueError):
    """Bad input from the user: the message names what is wrong; nothing was written."""


class NotFoundError(InputError):
    """The thing asked for does not exist (or no longer does)."""


class ConflictError(InputError):
    """Someone else changed the row since it was loaded (its version moved): nothing was
    written; reload and try again."""


@dataclass(frozen=True)
class Changed:
    """What a use-case changed, so each view refreshes only that.

    ``kind`` is the domain word (client, money, note, promise, incident, request, reminder,
    settings); ``ids`` the rows of that kind; ``client_ids`` the clients whose card or list row
    is affected.
    """

    kind: str
    ids: tuple[int, ...] = ()
    client_ids: tuple[int, ...] = ()
    detail: str = field(default="", compare=False)


@contextmanager
def write_transaction() -> Iterator[None]:
    """One use-case, one transaction. SQLite takes the write lock up front (IMMEDIATE), so a
    read-then-write waits for the busy timeout instead of failing at once with "locked"."""
    database = database_proxy.obj
    if isinstance(database, peewee.SqliteDatabase):
        with database.atomic("IMMEDIATE"):
            yield
    else:
        with database.atomic():
            yield


@contextmanager
def worker_connection() -> Iterator[None]:
    """A worker thread's own connection for one job, closed after it (RELIABILITY #6): sqlite
    objects never cross threads, and an idle worker holds no connection or snapshot."""
    with database_proxy.obj.connection_context():
        yield


ModelT = TypeVar("ModelT", bound=peewee.Model)


def get_row(model: type[ModelT], row_id: int, hint: str = "") -> ModelT:
    """The ``model`` row with ``row_id``; else NotFoundError ``no <model> with id <row_id>``."""
    found: ModelT | None = None
    if 0 < row_id <= MAX_ID:  # a larger id would overflow the query, and names no row anyway
        found = model.get_or_none(model._meta.primary_key == row_id)
    if found is None:
        raise NotFoundError(f"no {model.__name__.lower()} with id {row_id}{hint}")
    return found


def require_choice(value: str, choices: tuple[str, ...], what: str) -> str:
    if value not in choices:
        raise InputError(f"{what} {value!r} is not one of: {', '.join(choices)}")
    return value
