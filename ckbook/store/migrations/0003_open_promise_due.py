"""0003: an index on promise (status, due_date), so "open promises due by a date" (Today, the
tray, ``ckbook due``, the reminder check) reads the few thousand open ones instead of walking
every promise ever made by due date and dropping the closed ones (0.26 s -> a few ms at 100,000
promises). Only an index: no table is rebuilt, 0002's search triggers stay.
"""

from peewee import *


def up(migrator, db):
    migrator.migrate(migrator.add_index("promise", ("status", "due_date"), False))


def down(migrator, db):
    migrator.migrate(migrator.drop_index("promise", "promise_status_due_date"))
