"""0008: who made each note, promise, incident, request and reminder record (team mode).

Each of ``note``, ``promise``, ``incident``, ``request`` and ``reminder_log`` gets a nullable
``author`` column: the name of the person signed in when the row was made (``store.people``) —
on a server notebook the PostgreSQL role (``current_user``), on a notebook file the "Your name"
setting or the operating system's user name. Rows made before this step keep ``NULL``: their
author is unknown and shown as nothing special (a promise with no author reminds everyone).

For ``reminder_log`` the author is the person whose ckbook recorded the reminder (shown,
snoozed or done). ``promise`` gets an index on ``(author, status)``: a team's reminder engine
reads the open promises of one person.

The columns are added in place (``ALTER TABLE … ADD COLUMN``, nullable, no default), on SQLite and
on PostgreSQL alike: no table copy, so the full-text triggers of 0002, the journal triggers of
0006 and the generated search columns of 0007 stay as they are.
"""

from peewee import *

TABLES = ("note", "promise", "incident", "request", "reminder_log")
MAX_AUTHOR = 200


def up(migrator, db):
    for table in TABLES:
        migrator.migrate(
            migrator.add_column(table, "author", CharField(max_length=MAX_AUTHOR, null=True))
        )
    migrator.migrate(migrator.add_index("promise", ("author", "status"), False))


def down(migrator, db):
    migrator.migrate(migrator.drop_index("promise", "promise_author_status"))
    for table in TABLES:
        migrator.migrate(migrator.drop_column(table, "author"))
