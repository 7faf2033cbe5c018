"""0005: every client gets a stable UID (``client.uid``), the identity exports carry.

The UID is what a vCard's UID, a CSV's ``uid`` column, a JSON export's ``uid`` and an iCalendar
entry name, so re-importing a file matches the client it came from whatever was renamed. It is
kept from an imported vCard's UID, minted (``urn:uuid:…``) otherwise; existing rows get one minted
here. The column is added in place (``ALTER TABLE … ADD COLUMN``, NOT NULL with an empty default
that is never used) rather than by a table copy, which would drop the full-text triggers of
0002.
"""

import uuid

from peewee import *


def _mint():
    return f"urn:uuid:{uuid.uuid4()}"


def up(migrator, db):
    column = CharField(max_length=255, constraints=[SQL("DEFAULT ''")])
    migrator.migrate(migrator.add_column("client", "uid", column, allow_not_null=True))

    class Client(Model):  # a frozen copy: just what this step reads and writes
        id = AutoField()
        uid = CharField(max_length=255)

        class Meta:
            database = db
            table_name = "client"

    ids = [client.id for client in Client.select(Client.id).where(Client.uid == "")]
    for client_id in ids:
        Client.update(uid=_mint()).where(Client.id == client_id).execute()
    migrator.migrate(migrator.add_index("client", ("uid",), True))


def down(migrator, db):
    migrator.migrate(migrator.drop_index("client", "client_uid"))
    migrator.migrate(migrator.drop_column("client", "uid"))
