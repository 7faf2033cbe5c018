"""What only a PostgreSQL notebook needs, as no-ops on SQLite: locking tables for a bulk write,
moving the id sequences past rows written with explicit ids; and ``ckbook check`` on a server.

SQLite takes one write lock for the whole file (``BEGIN IMMEDIATE``) and numbers new rows from the
table's largest id; PostgreSQL locks rows and numbers new rows from a sequence that an INSERT with
explicit ids does not move. A bulk writer that picks its own ids (the demo, ``migrate-to``) locks
the tables against other writers first and sets the sequences after.
"""

from __future__ import annotations

from collections.abc import Iterable

import peewee

from ckbook.i18n import tr


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


#: Migration 0007's search columns and their GIN indexes, by table.
SEARCH_INDEXES = {"note": "note_search", "promise": "promise_search", "client": "client_search"}


def inspect_server(
    url: str, *, repair: bool = True
) -> tuple[tuple[str, ...], int, tuple[str, ...], tuple[str, ...], bool]:
    """What ``ckbook check`` finds on a server notebook, on a connection of its own:
    (integrity, rows pointing at missing rows, schema steps, search indexes out of step,
    repaired). Integrity is every row of every table read back (a damaged page fails the read);
    links are counted row by row as on SQLite; a search index missing or left invalid (a failed
    build) is rebuilt with REINDEX when ``repair``."""
    from ckbook.store.database import (
        HISTORY_TABLE,
        _connect_server,
        _server_database,
        without_password,
    )
    from ckbook.store.models import ALL_MODELS

    database = _server_database(url)
    _connect_server(database, without_password(url))
    try:
        tables = set(database.get_tables())
        integrity: list[str] = []
        links = 0
        for model in ALL_MODELS:
            table = model._meta.table_name
            if table not in tables:
                integrity.append(tr("table {table} is missing").format(table=table))
                continue
            try:
                database.execute_sql(f'SELECT * FROM "{table}"').fetchall()
            except peewee.DatabaseError as exc:
                integrity.append(f"{table}: {' '.join(str(exc).split())}")
                continue
            for field in model._meta.sorted_fields:
                if not isinstance(field, peewee.ForeignKeyField):
                    continue
                parent = field.rel_model._meta.table_name
                key = field.rel_field.column_name
                row = database.execute_sql(
                    f'SELECT count(*) FROM "{table}" c WHERE c."{field.column_name}" IS NOT NULL '
                    f'AND NOT EXISTS (SELECT 1 FROM "{parent}" p '
                    f'WHERE p."{key}" = c."{field.column_name}")'
                ).fetchone()
                links += int(row[0]) if row else 0
        steps: tuple[str, ...] = ()
        if HISTORY_TABLE in tables:
            cursor = database.execute_sql(f'SELECT name FROM "{HISTORY_TABLE}" ORDER BY name')
            steps = tuple(row[0] for row in cursor.fetchall())
        damaged = _damaged_search_indexes(database) if "0007_search_postgres" in steps else ()
        repaired = False
        if damaged and repair:
            for index in damaged:
                database.execute_sql(f'REINDEX INDEX "{index}"')
            repaired = not _damaged_search_indexes(database)
        return tuple(integrity) or ("ok",), links, steps, damaged, repaired
    finally:
        database.close()


def _damaged_search_indexes(database: peewee.Database) -> tuple[str, ...]:
    valid = {
        name
        for name, ok in database.execute_sql(
            "SELECT c.relname, i.indisvalid AND i.indisready FROM pg_index i "
            "JOIN pg_class c ON c.oid = i.indexrelid "
            "WHERE c.relname = ANY(%s) AND pg_table_is_visible(c.oid)",
            (list(SEARCH_INDEXES.values()),),
        ).fetchall()
        if ok
    }
    return tuple(sorted(set(SEARCH_INDEXES.values()) - valid))
