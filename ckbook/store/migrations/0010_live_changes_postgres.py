"""0010: on PostgreSQL, the change journal is filled by triggers and each change is announced
with NOTIFY, so an open window sees another person's change without polling.

0006 made the journal table everywhere but its triggers on SQLite only (a window polls
``PRAGMA data_version`` there). On a server this step adds:

- for each table 0006 journals (the same kinds, row ids, client ids and the "text" scope of a
  note whose body alone changed), a statement-level trigger per INSERT, UPDATE and DELETE that
  writes the statement's changed rows into ``change_journal`` in one ``INSERT … SELECT`` from
  the statement's transition tables (a bulk insert of 10,000 rows is one journal statement, not
  10,000). An update that moves a row to another client journals it for both clients, as on
  SQLite.
- on ``change_journal``, a statement-level AFTER INSERT trigger that sends, for each new journal
  row, ``pg_notify('ckbook_change', '[id,"kind",row_id,client_id,"scope"]')``; a statement that
  journals more than ``NOTIFY_ROWS_MAX`` rows sends one ``'*'`` instead (listeners reload what
  they show). PostgreSQL delivers notifications when (and only if) the transaction commits.

The trigger functions run with the rights of whoever writes (a member may insert into the
journal: ``ckbook team grant``); NOTIFY needs no grant. Nothing changes on SQLite.
"""

from peewee import *

CHANNEL = "ckbook_change"
NOTIFY_ROWS_MAX = 500

#: table -> (journal kind, row id expression, client id expression), on a row alias "{r}".
#: A frozen copy of 0006's table: a later change to what is journalled is a later step.
JOURNALLED = {
    "client": ("client", "{r}.id", "{r}.id"),
    "contact_detail": ("client", "{r}.client_id", "{r}.client_id"),
    "client_tag": ("client", "{r}.client_id", "{r}.client_id"),
    "money_terms": ("money", "{r}.id", "{r}.client_id"),
    "note": ("note", "{r}.id", "{r}.client_id"),
    "promise": ("promise", "{r}.id", "{r}.client_id"),
    "incident": ("incident", "{r}.id", "{r}.client_id"),
    "request": ("request", "{r}.id", "{r}.client_id"),
    "reminder_log": ("reminder", "{r}.subject_id", "NULL::integer"),
    "setting": ("settings", "0", "NULL::integer"),
}
OPERATIONS = ("insert", "update", "delete")

_INSERT = "INSERT INTO change_journal (kind, row_id, client_id, scope) "

#: A note whose body changed and nothing a list row shows: scope "text" (as 0006 on SQLite).
_NOTE_TEXT_ONLY = (
    "n.body IS DISTINCT FROM o.body AND n.kind IS NOT DISTINCT FROM o.kind "
    "AND n.mood IS NOT DISTINCT FROM o.mood AND n.started_at IS NOT DISTINCT FROM o.started_at "
    "AND n.client_id IS NOT DISTINCT FROM o.client_id"
)


def _select(kind, row, client, alias, table):
    return (
        f"SELECT '{kind}', {row.format(r=alias)}, {client.format(r=alias)}, 'rows' "
        f"FROM {table} {alias}"
    )


def _update_sql(table, kind, row, client):
    if table == "note":
        return (
            _INSERT + f"SELECT 'note', n.id, n.client_id, CASE WHEN {_NOTE_TEXT_ONLY} THEN 'text' "
            "ELSE 'rows' END FROM new_rows n JOIN old_rows o ON o.id = n.id "
            "UNION SELECT 'note', o.id, o.client_id, 'rows' FROM old_rows o "
            "JOIN new_rows n ON n.id = o.id WHERE n.client_id IS DISTINCT FROM o.client_id"
        )
    # Old and new rows alike; the same (kind, row, client) once. A row moved to another client
    # (a merge) is journalled for the card it left too.
    return (
        _INSERT
        + _select(kind, row, client, "n", "new_rows")
        + " UNION "
        + _select(kind, row, client, "o", "old_rows")
    )


def _function(table):
    kind, row, client = JOURNALLED[table]
    inserted = _INSERT + _select(kind, row, client, "n", "new_rows")
    deleted = _INSERT + _select(kind, row, client, "o", "old_rows")
    return (
        f"CREATE OR REPLACE FUNCTION ckbook_journal_{table}() RETURNS trigger "
        "LANGUAGE plpgsql AS $body$ BEGIN "
        f"IF TG_OP = 'INSERT' THEN {inserted}; "
        f"ELSIF TG_OP = 'DELETE' THEN {deleted}; "
        f"ELSE {_update_sql(table, kind, row, client)}; "
        "END IF; RETURN NULL; END $body$"
    )


def _triggers(table):
    referencing = {
        "insert": "REFERENCING NEW TABLE AS new_rows",
        "update": "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
        "delete": "REFERENCING OLD TABLE AS old_rows",
    }
    for operation in OPERATIONS:
        yield (
            f'CREATE TRIGGER "{table}_journal_{operation}" AFTER {operation.upper()} '
            f'ON "{table}" {referencing[operation]} FOR EACH STATEMENT '
            f"EXECUTE FUNCTION ckbook_journal_{table}()"
        )


NOTIFY_FUNCTION = (
    "CREATE OR REPLACE FUNCTION ckbook_change_notify() RETURNS trigger "
    "LANGUAGE plpgsql AS $body$ BEGIN "
    f"IF (SELECT count(*) FROM added) > {NOTIFY_ROWS_MAX} THEN "
    f"PERFORM pg_notify('{CHANNEL}', '*'); "
    "ELSE "
    f"PERFORM pg_notify('{CHANNEL}', "
    "json_build_array(a.id, a.kind, a.row_id, a.client_id, a.scope)::text) FROM added a; "
    "END IF; RETURN NULL; END $body$"
)
NOTIFY_TRIGGER = (
    'CREATE TRIGGER "change_journal_notify" AFTER INSERT ON "change_journal" '
    "REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ckbook_change_notify()"
)


def up(migrator, db):
    if not isinstance(db, PostgresqlDatabase):
        return
    db.execute_sql(NOTIFY_FUNCTION)
    db.execute_sql(NOTIFY_TRIGGER)
    for table in JOURNALLED:
        db.execute_sql(_function(table))
        for statement in _triggers(table):
            db.execute_sql(statement)


def down(migrator, db):
    if not isinstance(db, PostgresqlDatabase):
        return
    for table in JOURNALLED:
        for operation in OPERATIONS:
            db.execute_sql(f'DROP TRIGGER IF EXISTS "{table}_journal_{operation}" ON "{table}"')
        db.execute_sql(f"DROP FUNCTION IF EXISTS ckbook_journal_{table}()")
    db.execute_sql('DROP TRIGGER IF EXISTS "change_journal_notify" ON "change_journal"')
    db.execute_sql("DROP FUNCTION IF EXISTS ckbook_change_notify()")
