"""Who may do what on a server notebook (team mode): the server's own rights, as GRANT statements.

Each person signs in as a PostgreSQL role of their own. ``ckbook team grant ROLE --as RIGHTS``
prints (or, with ``--apply``, runs in one transaction) the statements giving that role one of
three sets of rights on the notebook's tables; ``ckbook team revoke ROLE`` takes them all back:

    read-only  connect, and read every table
    member     read-only, and add, change and delete rows (and take new ids from the sequences)
    owner      member, and membership in the role owning the tables: may run schema upgrades

The tables are named one by one (the notebook's, never other tables of the database), and default
privileges give the same rights on tables a later ckbook adds. Nothing here is ckbook's own rule:
the server refuses what a role may not do, and ckbook says so in one line.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

import peewee

from ckbook.i18n import tr
from ckbook.store.database import HISTORY_TABLE
from ckbook.store.errors import StoreError
from ckbook.store.models import ALL_MODELS


class Rights(enum.StrEnum):
    READ_ONLY = "read-only"
    MEMBER = "member"
    OWNER = "owner"


def quote_identifier(name: str) -> str:
    """``name`` as a PostgreSQL identifier, whatever it holds (quotes doubled)."""
    if not name or "\x00" in name:
        raise StoreError(tr("{name!r} is not a role name").format(name=name))
    return '"' + name.replace('"', '""') + '"'


def notebook_tables() -> list[str]:
    return [*(model._meta.table_name for model in ALL_MODELS), HISTORY_TABLE]


def _sequences(database: peewee.Database) -> list[str]:
    """The sequences new ids come from (a member takes ids from them)."""
    keys = [(HISTORY_TABLE, "id")] + [
        (model._meta.table_name, model._meta.primary_key.column_name)
        for model in ALL_MODELS
        if isinstance(model._meta.primary_key, peewee.AutoField)
    ]
    found = []
    for table, column in keys:
        row = database.execute_sql("SELECT pg_get_serial_sequence(%s, %s)", (table, column))
        name = row.fetchone()[0]
        if name:
            found.append(str(name))
    return sorted(found)


def _tables_owner(database: peewee.Database) -> str:
    row = database.execute_sql(
        "SELECT tableowner FROM pg_tables WHERE tablename = 'client' "
        "AND schemaname = current_schema()"
    ).fetchone()
    if row is None:
        raise StoreError(tr("this database holds no ckbook notebook yet (no client table)"))
    return str(row[0])


def _require_server(database: peewee.Database) -> None:
    if not isinstance(database, peewee.PostgresqlDatabase):
        raise StoreError(
            tr(
                "rights are the server's: ckbook team works on a notebook on a "
                "PostgreSQL server (--db postgresql://…); a notebook file is its "
                "owner's alone"
            )
        )


def grant_statements(database: peewee.Database, role: str, rights: Rights) -> list[str]:
    """The statements giving ``role`` ``rights`` on the notebook (read from the open server)."""
    _require_server(database)
    who = quote_identifier(role)
    owner = quote_identifier(_tables_owner(database))
    name = database.execute_sql("SELECT current_database()").fetchone()[0]
    tables = ", ".join(quote_identifier(t) for t in notebook_tables())
    statements = [
        f"GRANT CONNECT ON DATABASE {quote_identifier(name)} TO {who}",
        f"GRANT USAGE ON SCHEMA public TO {who}",
        f"GRANT SELECT ON TABLE {tables} TO {who}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public "
        f"GRANT SELECT ON TABLES TO {who}",
    ]
    if rights in (Rights.MEMBER, Rights.OWNER):
        sequences = ", ".join(_sequences(database))
        statements += [
            f"GRANT INSERT, UPDATE, DELETE ON TABLE {tables} TO {who}",
            f"GRANT USAGE, SELECT ON SEQUENCE {sequences} TO {who}",
            f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public "
            f"GRANT INSERT, UPDATE, DELETE ON TABLES TO {who}",
            f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public "
            f"GRANT USAGE, SELECT ON SEQUENCES TO {who}",
        ]
    if rights is Rights.OWNER and owner != who:
        statements.append(f"GRANT {owner} TO {who}")
    return statements


def revoke_statements(database: peewee.Database, role: str) -> list[str]:
    """The statements taking every right on the notebook back from ``role``."""
    _require_server(database)
    who = quote_identifier(role)
    owner = quote_identifier(_tables_owner(database))
    if owner == who:
        raise StoreError(
            tr("{role} owns the notebook's tables; its rights cannot be revoked").format(role=role)
        )
    name = database.execute_sql("SELECT current_database()").fetchone()[0]
    tables = ", ".join(quote_identifier(t) for t in notebook_tables())
    sequences = ", ".join(_sequences(database))
    return [
        f"REVOKE {owner} FROM {who}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public "
        f"REVOKE ALL ON TABLES FROM {who}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public "
        f"REVOKE ALL ON SEQUENCES FROM {who}",
        f"REVOKE ALL ON SEQUENCE {sequences} FROM {who}",
        f"REVOKE ALL ON TABLE {tables} FROM {who}",
        f"REVOKE USAGE ON SCHEMA public FROM {who}",
        f"REVOKE CONNECT ON DATABASE {quote_identifier(name)} FROM {who}",
    ]


def apply_statements(database: peewee.Database, statements: Sequence[str]) -> None:
    """Run the statements in one transaction: all of them, or (on any refusal) none."""
    with database.atomic():
        for statement in statements:
            database.execute_sql(statement)
