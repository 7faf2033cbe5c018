"""What only a PostgreSQL notebook needs, as no-ops on SQLite: locking tables for a bulk write,
moving the id sequences past rows written with explicit ids; ``ckbook check`` on a server; and
the one place a dropped server connection is replaced (``ServerDatabase``).

SQLite takes one write lock for the whole file (``BEGIN IMMEDIATE``) and numbers new rows from the
table's largest id; PostgreSQL locks rows and numbers new rows from a sequence that an INSERT with
explicit ids does not move. A bulk writer that picks its own ids (the demo, ``migrate-to``) locks
the tables against other writers first and sets the sequences after.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from typing import Any

import peewee

from ckbook.i18n import tr

#: libpq's TCP keepalives and user timeout: a connection whose server vanished without a word (a
#: network gone, a machine switched off) is found dead within ~20 s instead of hours.
KEEPALIVE_PARAMS = {
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 3,
    "keepalives_count": 3,
    "tcp_user_timeout": 20_000,
}


def connection_lost(connection: object) -> bool:
    """Whether a driver connection is gone (the server restarted, the network dropped): psycopg
    marks it ``broken`` (lost) or ``closed`` once an operation on it failed."""
    return bool(getattr(connection, "broken", False) or getattr(connection, "closed", False))


class ServerDatabase(peewee.PostgresqlDatabase):
    """A server notebook's database that gets over a dropped connection by itself.

    Each thread keeps its connection (the GUI thread's for as long as the window is open), and a
    server restart or a network drop kills it. Outside a transaction, a connection found lost is
    forgotten and the next statement connects anew (failing, while the server is away, with the
    error ``store.errors`` reads as "server unreachable"). Only what cannot have changed anything
    is repeated on the new connection: ``BEGIN``, and a ``SELECT`` run on its own. A write sent on
    a connection that died may or may not have committed, and a transaction's earlier
    statements are gone with its connection: those fail, and the use-case's caller keeps the
    user's input and tries again (autosave does so by itself).
    """

    def cursor(self, named_cursor: Any = None) -> Any:
        if not self.in_transaction() and self._lost():
            self._forget_connection()
        return super().cursor(named_cursor)  # connects (autoconnect) when there is none

    def begin(self, isolation_level: str | None = None) -> None:
        try:
            super().begin(isolation_level)
        except (peewee.OperationalError, peewee.InterfaceError):
            if self.in_transaction() or not self._lost():
                raise
            self._forget_connection()
            super().begin(isolation_level)  # nothing was done yet: once more, connected anew

    def execute_sql(self, sql: str, params: Any = None) -> Any:
        try:
            return super().execute_sql(sql, params)
        except (peewee.OperationalError, peewee.InterfaceError):
            if self.in_transaction() or not self._lost() or not _only_reads(sql):
                raise
            self._forget_connection()
            return super().execute_sql(sql, params)

    def connect(self, reuse_if_open: bool = False) -> bool:
        # peewee forgets the thread's open ``connection_context`` blocks when it connects (or
        # fails to): a connection replaced inside a worker's job would make the block's end
        # fail with "pop from empty list". They are still open: keep them.
        state = self._state  # type: ignore[attr-defined]  # peewee's per-thread connection
        blocks = list(state.ctx)
        try:
            return bool(super().connect(reuse_if_open))
        finally:
            state.ctx = blocks

    def _lost(self) -> bool:
        state = self._state  # type: ignore[attr-defined]
        return not self.is_closed() and connection_lost(state.conn)

    def _forget_connection(self) -> None:
        """Drop this thread's dead connection (closing it cannot fail: it is gone already), not
        its open ``connection_context`` blocks (``close()`` would end those too)."""
        state = self._state  # type: ignore[attr-defined]
        dead, state.conn, state.closed = state.conn, None, True
        with contextlib.suppress(Exception):
            dead.close()


def _only_reads(sql: str) -> bool:
    return sql.lstrip().lower().startswith("select")


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
