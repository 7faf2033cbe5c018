"""What only a PostgreSQL notebook needs, as no-ops on SQLite: locking tables for a bulk write,
and moving the id sequences past rows written with explicit ids.

SQLite takes one write lock for the whole file (``BEGIN IMMEDIATE``) and numbers new rows from the
table's largest id; PostgreSQL locks rows and numbers new rows from a sequence that an INSERT with
explicit ids does not move. A bulk writer that picks its own ids (the demo, ``migrate-to``) locks
the tables against other writers first and sets the sequences after.
"""

from __future__ import annotations

from collections.abc import Iterable

import peewee


def _server(database: peewee.Database) -> peewee.PostgresqlDatabase | None:
    return database if isinstance(database, peewee.PostgresqlDatabase) else None


def lock_for_bulk_write(database: peewee.Database, models: Iterable[type[peewee.Model]]) -> None:
    """Inside a transaction: keep other writers out of ``models``' tables until it ends (readers
    go on). On SQLite the IMMEDIATE transaction already holds the file's write lock."""
    server = _server(database)
    if server is None:
        return
    tables = ", ".join(f'"{model._meta.table_name}"' for model in models)
    server.execute_sql(f"LOCK TABLE {tables} IN EXCLUSIVE MODE")


def reset_id_sequences(database: peewee.Database, models: Iterable[type[peewee.Model]]) -> None:
    """After rows were written with explicit ids: the next new row of each table gets the id after
    its largest (what SQLite does by itself)."""
    server = _server(database)
    if server is None:
        return
    for model in models:
        key = model._meta.primary_key
        if not isinstance(key, peewee.AutoField):
            continue
        table, column = model._meta.table_name, key.column_name
        server.execute_sql(
            f"SELECT setval(pg_get_serial_sequence(%s, %s), "
            f'COALESCE((SELECT MAX("{column}") FROM "{table}"), 0) + 1, false)',
            (table, column),
        )
