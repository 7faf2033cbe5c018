"""0002: full-text search over notes, promises and clients (SQLite FTS5).

Three external-content FTS5 tables index the text where it already lives, so nothing is stored
twice and ``snippet()`` reads the original rows:

    note_fts(body)                                  content = note,    rowid = note.id
    promise_fts(text)                               content = promise, rowid = promise.id
    client_fts(name, organisation, handling_notes)  content = client,  rowid = client.id

Triggers in the database keep them in step on every insert, update and delete (cascaded deletes
included), whoever writes: the app, the CLI, an import, or a second process. The update triggers
fire only when an indexed column is in the UPDATE, so storing a call's duration or bumping a
client's version costs nothing. Existing rows are indexed by a ``rebuild`` here.

The tables are not models (``schema_diff`` skips virtual tables). A later migration that rebuilds
``note``, ``promise`` or ``client`` (SQLite table copy) drops their triggers and must recreate
them (the statements below). On PostgreSQL this step does nothing; search falls back to ILIKE.

The token rules: ``unicode61`` with diacritics removed ("cafe" finds "café"), and a prefix index for
2- and 3-letter prefixes so search-as-you-type stays fast on short prefixes.
"""

from peewee import *

TOKENIZE = "unicode61 remove_diacritics 2"

INDEXES = (
    # (fts table, content table, indexed columns)
    ("note_fts", "note", ("body",)),
    ("promise_fts", "promise", ("text",)),
    ("client_fts", "client", ("name", "organisation", "handling_notes")),
)


def _statements(fts, table, columns):
    cols = ", ".join(columns)
    new_values = ", ".join(f"new.{c}" for c in columns)
    old_values = ", ".join(f"old.{c}" for c in columns)
    delete_old = f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old_values});"
    insert_new = f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new_values});"
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', content_rowid='id', "
        f"tokenize='{TOKENIZE}', prefix='2 3')",
        f"CREATE TRIGGER {fts}_after_insert AFTER INSERT ON {table} BEGIN {insert_new} END",
        f"CREATE TRIGGER {fts}_after_delete AFTER DELETE ON {table} BEGIN {delete_old} END",
        f"CREATE TRIGGER {fts}_after_update AFTER UPDATE OF {cols} ON {table} "
        f"BEGIN {delete_old} {insert_new} END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


def up(migrator, db):
    if not isinstance(db, SqliteDatabase):
        return
    for fts, table, columns in INDEXES:
        for statement in _statements(fts, table, columns):
            db.execute_sql(statement)


def down(migrator, db):
    if not isinstance(db, SqliteDatabase):
        return
    for fts, _table, _columns in INDEXES:
        for suffix in ("after_insert", "after_delete", "after_update"):
            db.execute_sql(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
        db.execute_sql(f"DROP TABLE IF EXISTS {fts}")
