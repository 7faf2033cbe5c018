"""0009: a version on every editable record a person edits from the window: notes, promises,
incidents and requests (clients have had one since 0001; money terms are versions already).

``version`` starts at 1 and goes up by one with every change of the row (``models.Versioned``
saves ``WHERE id = ? AND version = ?``); an edit made over a version the editor did not load is
refused or merged field by field (``services.versions``). Existing rows start at 1. The column is
added in place (``ALTER TABLE … ADD COLUMN``, NOT NULL with a default of 1), never by a table copy,
which would drop the full-text and change-journal triggers of 0002 and 0006.
"""

from peewee import *

TABLES = ("note", "promise", "incident", "request")


def up(migrator, db):
    for table in TABLES:
        column = IntegerField(default=1, constraints=[SQL("DEFAULT 1")])
        migrator.migrate(migrator.add_column(table, "version", column, allow_not_null=True))


def down(migrator, db):
    for table in TABLES:
        migrator.migrate(migrator.drop_column(table, "version"))
