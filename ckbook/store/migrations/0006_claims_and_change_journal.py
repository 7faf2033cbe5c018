"""0006: a reminder's claim to be shown, and the change journal.

``reminder_log.claimed_by`` holds the token of the claim (one conditional UPDATE in a write
transaction; only one process can win it) while the pop-up is on its way to the desktop, and is
cleared once it was shown. A claim left by a process that died before showing is taken over after
a lease (``reminder_rules.CLAIM_LEASE``), so a crash never loses a reminder. Rows already in the
log were shown before they were recorded: they start with no claim.

``change_journal`` gets a row from triggers for every insert, update and delete of what the window
shows (clients and their contact details and tags, money terms, notes, promises, incidents,
requests, the reminder log, settings), whoever writes it: a window seeing another connection's
commit (``PRAGMA data_version``) reads the rows after the last it saw and refreshes just those.
A note whose body alone changed is journalled as scope "text" (no list row shows it). On
PostgreSQL the triggers are not made (no data_version to poll there).
"""

from peewee import *

#: table -> (journal kind, row id expression, client id expression), on NEW/OLD as "{r}".
JOURNALLED = {
    "client": ("client", "{r}.id", "{r}.id"),
    "contact_detail": ("client", "{r}.client_id", "{r}.client_id"),
    "client_tag": ("client", "{r}.client_id", "{r}.client_id"),
    "money_terms": ("money", "{r}.id", "{r}.client_id"),
    "note": ("note", "{r}.id", "{r}.client_id"),
    "promise": ("promise", "{r}.id", "{r}.client_id"),
    "incident": ("incident", "{r}.id", "{r}.client_id"),
    "request": ("request", "{r}.id", "{r}.client_id"),
    "reminder_log": ("reminder", "{r}.subject_id", "NULL"),
    "setting": ("settings", "0", "NULL"),
}


def _insert(kind, row, client, scope="rows"):
    return (
        "INSERT INTO change_journal (kind, row_id, client_id, scope) "
        f"VALUES ('{kind}', {row}, {client}, '{scope}');"
    )


def _statements():
    for table, (kind, row, client) in JOURNALLED.items():
        new = _insert(kind, row.format(r="NEW"), client.format(r="NEW"))
        old = _insert(kind, row.format(r="OLD"), client.format(r="OLD"))
        yield f"CREATE TRIGGER {table}_journal_insert AFTER INSERT ON {table} BEGIN {new} END"
        yield f"CREATE TRIGGER {table}_journal_delete AFTER DELETE ON {table} BEGIN {old} END"
        if table == "note":
            # Autosave writes the body every second or so while typing: journalled as text only.
            text = _insert(kind, "NEW.id", "NEW.client_id", "text")
            yield (
                "CREATE TRIGGER note_journal_update AFTER UPDATE ON note "
                "WHEN NEW.body IS NOT OLD.body AND NEW.kind IS OLD.kind "
                "AND NEW.mood IS OLD.mood AND NEW.started_at IS OLD.started_at "
                "AND NEW.client_id IS OLD.client_id "
                f"BEGIN {text} END"
            )
            yield (
                "CREATE TRIGGER note_journal_update_rows AFTER UPDATE ON note "
                "WHEN NOT (NEW.body IS NOT OLD.body AND NEW.kind IS OLD.kind "
                "AND NEW.mood IS OLD.mood AND NEW.started_at IS OLD.started_at "
                "AND NEW.client_id IS OLD.client_id) "
                f"BEGIN {new} END"
            )
        else:
            yield f"CREATE TRIGGER {table}_journal_update AFTER UPDATE ON {table} BEGIN {new} END"
        if client != "NULL":
            # A row moved to another client (a merge) changes the card it left too.
            moved = _insert(kind, row.format(r="OLD"), client.format(r="OLD"))
            yield (
                f"CREATE TRIGGER {table}_journal_moved AFTER UPDATE ON {table} "
                f"WHEN {client.format(r='NEW')} IS NOT {client.format(r='OLD')} BEGIN {moved} END"
            )


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("reminder_log", "claimed_by", CharField(max_length=32, null=True))
    )

    class ChangeJournal(Model):
        kind = CharField(max_length=16)
        row_id = IntegerField()
        client_id = IntegerField(null=True)
        scope = CharField(max_length=8, default="rows")

        class Meta:
            database = db
            table_name = "change_journal"

    db.create_tables([ChangeJournal])
    if isinstance(db, SqliteDatabase):
        for statement in _statements():
            db.execute_sql(statement)


def down(migrator, db):
    if isinstance(db, SqliteDatabase):
        for table in JOURNALLED:
            for suffix in ("insert", "delete", "update", "update_rows", "moved"):
                db.execute_sql(f"DROP TRIGGER IF EXISTS {table}_journal_{suffix}")
    migrator.migrate(migrator.drop_table("change_journal"))
    migrator.migrate(migrator.drop_column("reminder_log", "claimed_by"))
