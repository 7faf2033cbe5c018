"""The one way to open the notebook's database, and the one migration path.

``open_database`` resolves ``--db``/``CKBOOK_DB``/the default file, creates a new SQLite file
owner-only (0600, in a 0700 folder it makes), sets the pragmas on every connection (WAL, foreign
keys, busy timeout, synchronous=FULL), refuses a file written by a newer ckbook without touching it,
backs up an existing file before upgrading it, and runs the numbered ``playhouse.migrations``
scripts.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import peewee
from playhouse.migrations import Migration, Runner

from ckbook.paths import resolve_db_target
from ckbook.store.errors import NotADatabaseError, SchemaTooNewError, StoreError
from ckbook.store.models import database_proxy

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
HISTORY_TABLE = "schema_migration"
BUSY_TIMEOUT_MS = 5000

SQLITE_PRAGMAS = (
    ("journal_mode", "wal"),
    ("foreign_keys", 1),
    ("busy_timeout", BUSY_TIMEOUT_MS),
    ("synchronous", "full"),
)


@dataclass(frozen=True)
class OpenedDatabase:
    database: peewee.Database
    location: str
    applied_migrations: tuple[str, ...]

    @property
    def path(self) -> Path | None:
        if isinstance(self.database, peewee.SqliteDatabase):
            return Path(self.location)
        return None


def known_migrations() -> list[str]:
    return [m.name for m in Migration.load_directory(os.fspath(MIGRATIONS_DIR))]


def _is_url(target: str) -> bool:
    return "://" in target


def _prepare_sqlite_file(path: Path) -> bool:
    """Make the folder (0700) and an empty file (0600) if missing; True when the file is new."""
    folder = path.parent
    if not folder.exists():
        folder.mkdir(parents=True, mode=0o700)
        os.chmod(folder, 0o700)  # mkdir's mode is masked by umask
    if path.exists():
        if path.is_dir():
            raise StoreError(f"{path} is a folder, not a database file")
        return path.stat().st_size == 0
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)
    return True


def _check_sqlite_header(path: Path) -> None:
    with path.open("rb") as handle:
        header = handle.read(16)
    if header and header != b"SQLite format 3\x00":
        raise NotADatabaseError(f"{path} is not a ckbook database (not a SQLite file)")


def _applied_names(database: peewee.Database) -> set[str]:
    if not database.table_exists(HISTORY_TABLE):
        return set()
    cursor = database.execute_sql(f'SELECT name FROM "{HISTORY_TABLE}"')
    return {row[0] for row in cursor.fetchall()}


def backup_sqlite(source: Path, target: Path) -> None:
    """Copy a live (WAL) database consistently with SQLite's backup API; the copy is 0600."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target.unlink()
    fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    with sqlite3.connect(os.fspath(source)) as src, sqlite3.connect(os.fspath(target)) as dst:
        src.backup(dst)
    src.close()
    dst.close()


def _connect(target: str) -> peewee.Database:
    if _is_url(target):
        from playhouse.db_url import connect

        try:
            database: peewee.Database = connect(target)  # playhouse ships no types
        except Exception as exc:
            raise StoreError(f"cannot use database URL {target!r}: {exc}") from exc
        return database
    return peewee.SqliteDatabase(target, pragmas=SQLITE_PRAGMAS, check_same_thread=False)


def open_database(target: str | os.PathLike[str] | None = None) -> OpenedDatabase:
    """Open (creating and upgrading as needed) the database and bind the models to it."""
    location = resolve_db_target(target)
    is_new = False
    if not _is_url(location):
        path = Path(location).expanduser()
        location = os.fspath(path)
        try:
            is_new = _prepare_sqlite_file(path)
        except OSError as exc:
            raise StoreError(f"cannot create the database at {path}: {exc.strerror}") from exc
        _check_sqlite_header(path)

    database = _connect(location)
    try:
        database.connect(reuse_if_open=True)
        applied = _applied_names(database)
    except peewee.DatabaseError as exc:
        database.close()
        raise NotADatabaseError(f"{location} cannot be read as a database: {exc}") from exc

    known = known_migrations()
    unknown = sorted(applied - set(known))
    if unknown:
        database.close()
        raise SchemaTooNewError(
            f"{location} was written by a newer ckbook (schema step {unknown[-1]}); "
            "update ckbook to open it. The file was not changed."
        )
    pending = [name for name in known if name not in applied]
    if pending and applied and not is_new and isinstance(database, peewee.SqliteDatabase):
        backup_sqlite(Path(location), Path(f"{location}.before-{pending[0]}.bak"))

    database_proxy.initialize(database)
    runner = Runner(database, os.fspath(MIGRATIONS_DIR), table_name=HISTORY_TABLE)
    done = runner.up()
    return OpenedDatabase(database=database, location=location, applied_migrations=tuple(done))


def close_database(opened: OpenedDatabase) -> None:
    if opened.database.is_closed():
        return
    if isinstance(opened.database, peewee.SqliteDatabase):
        # SQLite's advice for long-lived apps: refresh the planner's statistics on the way out,
        # so queries such as "live clients" keep using their indexes as the notebook grows.
        # A read-only or busy file: the statistics can wait for the next close.
        with contextlib.suppress(peewee.DatabaseError):
            opened.database.execute_sql("PRAGMA optimize")
    opened.database.close()
