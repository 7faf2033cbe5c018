"""Copying a whole notebook into another database: ``ckbook migrate-to``.

A notebook moves to a PostgreSQL server (team mode) or back to a SQLite file. The source is read
in one snapshot and never written. The target is opened the one way (``open_database``, so it has
every migration) and must hold no rows yet: a server database that is empty (or an empty
notebook), or a file that does not exist yet, written beside its name and published only once
complete (``store.output``: never over the notebook or an existing file).

Every table of the models (but the change journal) is copied in id order in batches, in one
transaction on the target. Values travel as stored, except where the two databases store a kind
of value differently (instants, dates, times, booleans), which pass through the model field's own
conversion. Before the target commits, each table is read back from it: its row count and a
SHA-256 of its rows (canonical text of each value, in id order) must equal the source's, else
nothing is kept.
"""

from __future__ import annotations

import hashlib
import json
import os
import time as timer
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import peewee

from ckbook.i18n import tr
from ckbook.store.database import (
    OpenedDatabase,
    close_database,
    is_server,
    open_database,
    without_password,
)
from ckbook.store.errors import StoreError
from ckbook.store.models import ALL_MODELS, BaseModel, ChangeJournal, UTCDateTimeField
from ckbook.store.output import atomic_output
from ckbook.store.server import lock_for_bulk_write, reset_id_sequences

#: Rows read and written at a time: bounded memory whatever the notebook's size.
BATCH_ROWS = 5000
#: Field kinds each database keeps in its own way (SQLite as text or 0/1, PostgreSQL as types).
_CONVERTED = (
    UTCDateTimeField,
    peewee.DateTimeField,
    peewee.DateField,
    peewee.TimeField,
    peewee.BooleanField,
)


class NotEmptyTargetError(StoreError):
    """The target already holds rows; nothing was copied."""


class CopyMismatchError(StoreError):
    """What the target holds differs from the source; nothing was kept."""


@dataclass(frozen=True)
class TableCopied:
    table: str
    rows: int
    checksum: str
    """SHA-256 (hex) of the table's rows, each value as canonical text, in id order."""


@dataclass(frozen=True)
class NotebookCopy:
    source: str
    target: str
    tables: tuple[TableCopied, ...]
    seconds: float

    @property
    def rows(self) -> int:
        return sum(table.rows for table in self.tables)

    def to_json(self) -> dict[str, object]:
        return {
            "source": self.source,
            "target": self.target,
            "rows": self.rows,
            "seconds": round(self.seconds, 3),
            "tables": [
                {"table": t.table, "rows": t.rows, "sha256": t.checksum} for t in self.tables
            ],
        }


#: Not content: the log a window polls to see others' changes (migration 0006). A new notebook
#: starts with none; what the target's triggers log while the rows go in is dropped.
_TRANSIENT: tuple[type[BaseModel], ...] = (ChangeJournal,)


def _models() -> list[type[BaseModel]]:
    """Every table of content, parents before children (foreign keys hold at each insert)."""
    content = [model for model in ALL_MODELS if model not in _TRANSIENT]
    ordered: list[type[BaseModel]] = peewee.sort_models(content)  # type: ignore[attr-defined]
    return ordered


def _columns(model: type[BaseModel]) -> list[peewee.Field]:
    return list(model._meta.sorted_fields)


def _quoted(name: str) -> str:
    return f'"{name}"'


def _canonical(value: object) -> object:
    """A value as the same JSON on either database (instants are UTC-aware once read)."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value


def _normalise(fields: Sequence[peewee.Field], row: Sequence[Any]) -> tuple[Any, ...]:
    """A row read raw, with the kinds each database stores its own way read as Python values."""
    return tuple(
        field.python_value(value) if isinstance(field, _CONVERTED) else value
        for field, value in zip(fields, row, strict=True)
    )


def _for_target(
    database: peewee.Database, fields: Sequence[peewee.Field], row: Sequence[Any]
) -> tuple[Any, ...]:
    """A normalised row as the target database stores it."""
    sqlite = isinstance(database, peewee.SqliteDatabase)
    out: list[Any] = []
    for field, value in zip(fields, row, strict=True):
        if isinstance(field, _CONVERTED) and value is not None:
            value = field.db_value(value)
            if sqlite and isinstance(value, datetime):
                value = value.isoformat(sep=" ")
            elif sqlite and isinstance(value, date | time):
                value = value.isoformat()
        out.append(value)
    return tuple(out)


def _batches(
    database: peewee.Database, model: type[BaseModel], fields: Sequence[peewee.Field]
) -> Iterator[list[tuple[Any, ...]]]:
    """The table's rows (normalised) in id order, a batch at a time (keyset paging)."""
    key = model._meta.primary_key
    assert isinstance(key, peewee.Field)  # every table has a one-column key
    key_index = fields.index(key)
    columns = ", ".join(_quoted(f.column_name) for f in fields)
    base = f"SELECT {columns} FROM {_quoted(model._meta.table_name)}"
    order = f" ORDER BY {_quoted(key.column_name)} LIMIT {BATCH_ROWS}"
    last: Any = None
    while True:
        if last is None:
            rows = database.execute_sql(base + order).fetchall()
        else:
            after = f" WHERE {_quoted(key.column_name)} > {database.param}"
            rows = database.execute_sql(base + after + order, (last,)).fetchall()
        if not rows:
            return
        last = rows[-1][key_index]
        yield [_normalise(fields, row) for row in rows]


def _digest_rows(digest: Any, rows: Sequence[Sequence[Any]]) -> None:
    for row in rows:
        line = json.dumps([_canonical(v) for v in row], ensure_ascii=False, default=str)
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")


def _summary(database: peewee.Database, model: type[BaseModel]) -> TableCopied:
    """What the table holds: its row count and checksum."""
    fields = _columns(model)
    digest = hashlib.sha256()
    count = 0
    for rows in _batches(database, model, fields):
        _digest_rows(digest, rows)
        count += len(rows)
    return TableCopied(model._meta.table_name, count, digest.hexdigest())


def _copy_rows(source: peewee.Database, target: peewee.Database) -> tuple[TableCopied, ...]:
    """Every table from ``source`` into ``target`` (inside the caller's transactions), then
    each read back from the target and compared."""
    copied: list[TableCopied] = []
    for model in _models():
        fields = _columns(model)
        columns = ", ".join(_quoted(f.column_name) for f in fields)
        marks = ", ".join([target.param] * len(fields))
        insert = f"INSERT INTO {_quoted(model._meta.table_name)} ({columns}) VALUES ({marks})"
        digest = hashlib.sha256()
        count = 0
        for rows in _batches(source, model, fields):
            _digest_rows(digest, rows)
            count += len(rows)
            cursor = target.cursor()
            cursor.executemany(insert, [_for_target(target, fields, row) for row in rows])
        copied.append(TableCopied(model._meta.table_name, count, digest.hexdigest()))
    for expected in copied:
        model = next(m for m in _models() if m._meta.table_name == expected.table)
        found = _summary(target, model)
        if found != expected:
            raise CopyMismatchError(
                tr(
                    "the copy of table {table} differs from the notebook ({rows} rows, "
                    "sha256 {checksum}… instead of {expected_rows}, {expected_checksum}…); "
                    "nothing was kept"
                ).format(
                    table=expected.table,
                    rows=found.rows,
                    checksum=found.checksum[:12],
                    expected_rows=expected.rows,
                    expected_checksum=expected.checksum[:12],
                )
            )
    return tuple(copied)


def _refuse_rows(opened: OpenedDatabase) -> None:
    held = [
        f"{count} {model._meta.table_name}"
        for model in _models()
        if (count := model.select().bind(opened.database).count())
    ]
    if held:
        raise NotEmptyTargetError(
            tr(
                "{notebook} already holds a notebook ({tables} rows…); migrate-to "
                "copies only into an empty database — nothing was copied"
            ).format(notebook=opened.location, tables=", ".join(held[:3]))
        )


def _snapshot(database: peewee.Database) -> Any:
    """A read transaction in which every table is read as of one moment."""
    if isinstance(database, peewee.PostgresqlDatabase):
        return database.atomic("REPEATABLE READ")
    return database.atomic()


def _into(source: OpenedDatabase, target: OpenedDatabase) -> tuple[TableCopied, ...]:
    _refuse_rows(target)
    with _snapshot(source.database), target.database.atomic():
        lock_for_bulk_write(target.database, _models())
        tables = _copy_rows(source.database, target.database)
        for model in _TRANSIENT:
            model.delete().bind(target.database).execute()
        reset_id_sequences(target.database, _models())
    return tables


def copy_notebook(source: OpenedDatabase, target: str | os.PathLike[str]) -> NotebookCopy:
    """Copy the whole notebook ``source`` into ``target`` (a postgresql:// URL or a new file)."""
    started = timer.monotonic()
    target = os.fspath(target)
    if is_server(target):
        shown = without_password(target)
        if shown == source.location:
            raise StoreError(
                tr("{notebook} is the notebook itself; name another database").format(
                    notebook=shown
                )
            )
        opened = open_database(target, bind=False)
        try:
            tables = _into(source, opened)
        finally:
            close_database(opened)
    else:
        path = Path(target).expanduser()
        protected = (source.path,) if source.path is not None else ()
        with atomic_output(path, protected=protected) as out:
            opened = open_database(out.temp, bind=False)
            try:
                tables = _into(source, opened)
                opened.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                close_database(opened)
                for suffix in ("-wal", "-shm"):
                    Path(f"{out.temp}{suffix}").unlink(missing_ok=True)
        shown = os.fspath(out.path)
    return NotebookCopy(source.location, shown, tables, timer.monotonic() - started)
