"""Counting a notebook's rows from a connection of its own (what another process would see):
a SQLite file, or a database on a PostgreSQL server."""

from __future__ import annotations

import sqlite3
from contextlib import closing

#: Tables of the tests' interest are ckbook's own; not the history, not SQLite's FTS shadows.
_SKIP_SQLITE = "name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'"


def row_counts(target: str) -> dict[str, int]:
    """{table: rows} of the notebook at ``target`` (a path or a postgresql:// URL)."""
    if "://" in target:
        import psycopg

        with psycopg.connect(target) as connection:
            tables = [
                name
                for (name,) in connection.execute(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                )
            ]
            counts: dict[str, int] = {}
            for table in tables:
                row = connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()  # type: ignore[arg-type]
                counts[table] = int(row[0]) if row else 0
            return counts
    with closing(sqlite3.connect(f"file:{target}?mode=ro", uri=True)) as con:
        tables = [
            name
            for (name,) in con.execute(
                f"SELECT name FROM sqlite_master WHERE type = 'table' AND {_SKIP_SQLITE}"
            )
        ]
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def select_rows(target: str, sql: str) -> list[tuple[object, ...]]:
    """The rows of one query (no parameters) on the notebook at ``target``."""
    if "://" in target:
        import psycopg

        with psycopg.connect(target) as connection:
            return [tuple(row) for row in connection.execute(sql)]  # type: ignore[arg-type]
    with closing(sqlite3.connect(f"file:{target}?mode=ro", uri=True)) as con:
        return [tuple(row) for row in con.execute(sql)]


def execute_elsewhere(target: str, sql: str, params: tuple[object, ...] = ()) -> None:
    """Run one statement and commit it on a connection of its own: another person's change.
    ``?`` marks the parameters on either database."""
    if "://" in target:
        import psycopg

        with psycopg.connect(target) as connection:
            connection.execute(sql.replace("?", "%s"), params)  # type: ignore[arg-type]
        return
    with closing(sqlite3.connect(target)) as con, con:
        con.execute(sql, params)
