"""0007: full-text search on PostgreSQL, with the server's own tsvector and GIN indexes.

Each searched table gets a generated ``search_vector`` column (kept in step by the database on
every insert and update, whoever writes) and a GIN index on it:

    note.search_vector      body
    promise.search_vector   text
    client.search_vector    name, organisation, handling_notes

The words are split as SQLite's ``unicode61`` splits them in 0002 (anything but a letter or a
digit separates words, so "follow-up" is "follow" "up" and an address "ada@example.com" is three
words) and read through the ``ckbook_search`` configuration: lower case, and accents removed
("cafe" finds "café") where the server has the ``unaccent`` extension (PostgreSQL's contrib, a
trusted extension since 13); without it, accents must match. No stop words, no stemming: the same
words match as on SQLite.

The column is not a model field (the models stay the same on both databases); the search service
reads it with SQL. On SQLite this step does nothing (0002 made FTS5 tables there).
"""

from peewee import *

CONFIGURATION = "ckbook_search"

INDEXES = (
    # (table, indexed columns)
    ("note", ("body",)),
    ("promise", ("text",)),
    ("client", ("name", "organisation", "handling_notes")),
)


def words_expression(columns):
    """The indexed text as SQL: the columns, each word split as unicode61 splits them."""
    joined = " || ' ' || ".join(f"coalesce({c}, '')" for c in columns)
    return f"regexp_replace({joined}, '[^[:alnum:]]+', ' ', 'g')"


def _has_unaccent(db):
    """Try to enable ``unaccent``; a server without contrib, or a role without the right to
    create extensions, searches with accents (a savepoint keeps the migration going)."""
    try:
        with db.atomic():
            db.execute_sql("CREATE EXTENSION IF NOT EXISTS unaccent")
    except DatabaseError:
        return False
    return True


def up(migrator, db):
    if not isinstance(db, PostgresqlDatabase):
        return
    db.execute_sql(f"CREATE TEXT SEARCH CONFIGURATION {CONFIGURATION} (COPY = pg_catalog.simple)")
    if _has_unaccent(db):
        db.execute_sql(
            f"ALTER TEXT SEARCH CONFIGURATION {CONFIGURATION} "
            "ALTER MAPPING FOR word, numword, hword, hword_part, hword_numpart "
            "WITH unaccent, simple"
        )
    for table, columns in INDEXES:
        db.execute_sql(
            f"ALTER TABLE {table} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
            f"(to_tsvector('{CONFIGURATION}'::regconfig, {words_expression(columns)})) STORED"
        )
        db.execute_sql(f"CREATE INDEX {table}_search ON {table} USING GIN (search_vector)")


def down(migrator, db):
    if not isinstance(db, PostgresqlDatabase):
        return
    for table, _columns in INDEXES:
        db.execute_sql(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector")
    db.execute_sql(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIGURATION}")
