"""0004: a promise may repeat: ``promise.recurrence`` holds its RFC 5545 RRULE value
("FREQ=WEEKLY;BYDAY=MO"), NULL for a one-off promise (every promise stored before this step).

A nullable column is added in place (SQLite ALTER TABLE ADD COLUMN), so the table is not rebuilt
and 0002's search triggers on ``promise`` stay as they are.
"""

from peewee import *


def up(migrator, db):
    migrator.migrate(migrator.add_column("promise", "recurrence", TextField(null=True)))


def down(migrator, db):
    migrator.migrate(migrator.drop_column("promise", "recurrence"))
