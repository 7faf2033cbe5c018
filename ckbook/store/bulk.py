"""Writing many rows at once (the demo, a notebook restored from its JSON export, a notebook
copied by ``migrate-to``): the search index rebuilt once instead of a trigger per row, and a
bigger page cache while it runs. ``services.bulk`` offers it on the bound notebook."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from peewee import Database, Model, SqliteDatabase

#: Page cache while rows are written in bulk (KiB): index pages stay in memory, not spilled.
_BULK_CACHE_KIB = 64 * 1024

_FTS5_CONTENT = re.compile(r"USING\s+fts5\s*\(.*\bcontent\s*=\s*'([^']+)'", re.I | re.S)
_AFTER_INSERT = re.compile(r"\bAFTER\s+INSERT\s+ON\b", re.I)


@contextmanager
def bulk_writes(database: Database, models: Sequence[type[Model]]) -> Iterator[None]:
    """Inside the caller's transaction on ``database``: a bigger page cache, and full-text
    indexes rebuilt once (SQLite; on PostgreSQL the server indexes as it goes).

    The search index (migration 0002) is kept by AFTER INSERT triggers that index one row at a
    time, which made a 10,000-client demo take twice as long. Here those triggers (only the ones
    that feed an FTS5 table whose content is a table we fill) are dropped, the rows written, the
    triggers recreated from their stored SQL and each index rebuilt in one pass. DDL is
    transactional in SQLite, so an error anywhere rolls the triggers back with the rows.
    """
    if not isinstance(database, SqliteDatabase):
        yield
        return
    tables = {model._meta.table_name for model in models}
    fts_tables = [
        name
        for name, sql in database.execute_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE '%fts5%'"
        ).fetchall()
        if (match := _FTS5_CONTENT.search(sql or "")) and match.group(1) in tables
    ]
    triggers = [
        (name, sql)
        for name, table, sql in database.execute_sql(
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        ).fetchall()
        if table in tables
        and _AFTER_INSERT.search(sql or "")
        and any(re.search(rf"\bINSERT\s+INTO\s+{fts}\s*\(", sql) for fts in fts_tables)
    ]
    (cache_size,) = database.execute_sql("PRAGMA cache_size").fetchone()
    database.execute_sql(f"PRAGMA cache_size = {-_BULK_CACHE_KIB}")
    try:
        for name, _sql in triggers:
            database.execute_sql(f'DROP TRIGGER "{name}"')
        yield
        for _name, sql in triggers:
            database.execute_sql(sql)
        for fts in fts_tables:
            database.execute_sql(f'INSERT INTO "{fts}"("{fts}") VALUES (\'rebuild\')')
    finally:
        database.execute_sql(f"PRAGMA cache_size = {int(cache_size)}")
