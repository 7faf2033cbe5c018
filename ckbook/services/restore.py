"""Restoring a whole notebook from its rows (a ``ckbook export json`` file): into an empty
notebook only, every row with its own id, in one transaction, or nothing.

Merging a whole export into a notebook that already holds clients would have to renumber or
match notes, promises, incidents, requests and reminders; rather than guess, a non-empty
notebook is refused with what to do instead (a new notebook with ``--db``, or a vCard/CSV import,
which matches and updates clients). The file format is ``ckbook.interop.json_import``'s business;
this module takes plain rows per table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import peewee

from ckbook.i18n import tr
from ckbook.services.base import InputError, write_transaction
from ckbook.services.bulk import bulk_mode
from ckbook.services.importing import Cancelled, Progress
from ckbook.store.models import (
    Client,
    ClientTag,
    ContactDetail,
    Incident,
    MoneyTerms,
    Note,
    Promise,
    ReminderLog,
    Request,
    Setting,
    Tag,
    database_proxy,
)

#: Tables in the order their rows can be written (every row a foreign key names comes first).
RESTORE_ORDER: tuple[type[peewee.Model], ...] = (
    Tag,
    Client,
    ContactDetail,
    ClientTag,
    MoneyTerms,
    Note,
    Promise,
    Incident,
    Request,
    ReminderLog,
    Setting,
)
_CHUNK = 2000


def _insert(
    database: peewee.Database, model: type[peewee.Model], rows: Sequence[dict[str, Any]]
) -> None:
    """Insert ``rows``: on SQLite one prepared statement run by the driver's ``executemany``
    (peewee's ``insert_many`` builds each statement's SQL in Python, several times slower for a
    200,000-note notebook); values still go through each field's ``db_value``."""
    if not rows:
        return
    if not isinstance(database, peewee.SqliteDatabase):
        for start in range(0, len(rows), 200):
            model.insert_many(rows[start : start + 200]).execute()
        return
    names = list(dict.fromkeys(name for row in rows for name in row))
    fields = [model._meta.fields[name] for name in names]
    columns = ", ".join(f'"{field.column_name}"' for field in fields)
    marks = ", ".join("?" for _ in fields)
    sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})'
    values = []
    for row in rows:
        line = []
        for name, field in zip(names, fields, strict=True):
            if name in row:
                line.append(field.db_value(row[name]))
            elif field.default is not None:
                default = field.default() if callable(field.default) else field.default
                line.append(field.db_value(default))
            else:
                line.append(None)
        values.append(line)
    database.cursor().executemany(sql, values)


class NotEmptyNotebookError(InputError):
    """A whole-notebook restore was pointed at a notebook that already has something in it."""


def _held() -> str | None:
    """What the notebook already holds that a restore would collide with, or None."""
    clients = Client.select().count()
    if clients:
        # The count as digits alone (no grouping): scripts and tests read "10000 clients".
        return tr("1 client") if clients == 1 else tr("{count} clients").format(count=clients)
    if Tag.select().exists():
        return tr("tags")
    if ReminderLog.select().exists():
        return tr("reminder records")
    return None


def check_empty() -> None:
    """NotEmptyNotebookError unless the notebook has no clients, tags or reminder history."""
    held = _held()
    if held is not None:
        raise NotEmptyNotebookError(
            tr(
                "the notebook already has {held}; a full export restores only into an "
                "empty notebook (open a new one with --db NEW-FILE), or import the "
                "clients as vCard or CSV, which matches and updates the ones you have"
            ).format(held=held)
        )


def restore_rows(
    tables: Mapping[type[peewee.Model], Sequence[dict[str, Any]]],
    *,
    progress: Progress | None = None,
) -> int:
    """Write every row of ``tables`` (model -> rows of field values) into the empty notebook in
    one transaction; returns how many rows. ``progress`` may raise Cancelled: nothing is kept."""
    total = sum(len(rows) for rows in tables.values())
    database = database_proxy.obj
    with write_transaction():
        check_empty()
        if isinstance(database, peewee.SqliteDatabase):
            # Rows may name rows of their own table written later (a renegotiated promise);
            # the keys are checked once, at commit.
            database.execute_sql("PRAGMA defer_foreign_keys = ON")
        existing_settings = {setting.key for setting in Setting.select(Setting.key)}
        with bulk_mode(RESTORE_ORDER):
            _write_tables(database, tables, existing_settings, progress, total)
        if progress is not None:
            progress(total, total)
    return total


def _write_tables(
    database: peewee.Database,
    tables: Mapping[type[peewee.Model], Sequence[dict[str, Any]]],
    existing_settings: set[str],
    progress: Progress | None,
    total: int,
) -> None:
    done = 0
    for model in RESTORE_ORDER:
        rows = list(tables.get(model, ()))
        if model is Setting:
            # Settings a new notebook writes for itself make way for the exported ones.
            keys = [row["key"] for row in rows if row["key"] in existing_settings]
            if keys:
                Setting.delete().where(Setting.key.in_(keys)).execute()
        for start in range(0, len(rows), _CHUNK):
            if progress is not None:
                progress(done, total)
            chunk = rows[start : start + _CHUNK]
            _insert(database, model, chunk)
            done += len(chunk)


__all__ = ["RESTORE_ORDER", "Cancelled", "NotEmptyNotebookError", "check_empty", "restore_rows"]
