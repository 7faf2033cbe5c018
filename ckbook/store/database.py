"""The one way to open the notebook's database, and the one migration path.

``open_database`` resolves ``--db``/``CKBOOK_DB``/the default file and opens only notebooks: a
file that is not SQLite, another program's SQLite database (no schema history) or a notebook from
a newer ckbook is refused and never changed; a missing file is created (0600) only when the caller
writes, and only the default data folder is ever created (0700). It sets the pragmas on every
connection (WAL, foreign keys, busy timeout, synchronous=FULL), tightens permissions to owner-only
on every open, opens a notebook it cannot write for reading only, backs up an existing file before
upgrading it, and runs the numbered ``playhouse.migrations`` scripts.

A ``postgresql://user@host/dbname`` target opens a PostgreSQL server (team mode) through peewee
with psycopg 3 (the ``team`` extra): a missing driver, an unreachable server, a server older than
PostgreSQL 13 or a database of another program is refused with one line naming what is wrong. The
same migrations run there, one process at a time (an advisory lock). Nothing shown to the user
holds the URL's password (``OpenedDatabase.location`` is the URL without it). A connection the
server dropped is replaced by itself (``store.server.ServerDatabase``).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import peewee
from playhouse.migrations import Migration, Runner

from ckbook.i18n import tr
from ckbook.paths import default_db_path, resolve_db_target
from ckbook.store import open_files, passwords, people
from ckbook.store.errors import (
    DamagedError,
    ForeignDatabaseError,
    NoNotebookError,
    NotADatabaseError,
    ReadOnlyError,
    SchemaTooNewError,
    ServerUnavailableError,
    StoreError,
)
from ckbook.store.models import database_proxy
from ckbook.store.open_files import SQLITE_HEADER, read_head
from ckbook.store.output import atomic_output
from ckbook.store.server import KEEPALIVE_PARAMS, ServerDatabase

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
HISTORY_TABLE = "schema_migration"
BUSY_TIMEOUT_MS = 5000

SQLITE_PRAGMAS = (
    ("journal_mode", "wal"),
    ("foreign_keys", 1),
    ("busy_timeout", BUSY_TIMEOUT_MS),
    ("synchronous", "full"),
)
#: For a notebook opened read-only: nothing that would write the file (journal mode is the file's).
READ_ONLY_PRAGMAS = (("foreign_keys", 1), ("busy_timeout", BUSY_TIMEOUT_MS))
#: ``PRAGMA application_id`` of a notebook ("ckbk"), set when ckbook creates the file.
APPLICATION_ID = 0x636B626B

SERVER_SCHEMES = ("postgresql", "postgres")
#: PostgreSQL's ``server_version_num`` of the oldest server ckbook supports (13.0).
MIN_SERVER_VERSION = 130000
#: Seconds to wait for a server that does not answer (libpq's default is forever).
CONNECT_TIMEOUT_S = 10
#: ``pg_advisory_lock`` key held while migrations run, so two first starts do not race ("ckbk").
MIGRATION_LOCK_KEY = APPLICATION_ID
TEAM_EXTRA_HINT = 'pip install "ckbook[team]"'


@dataclass(frozen=True)
class OpenedDatabase:
    database: peewee.Database
    location: str
    applied_migrations: tuple[str, ...]
    #: The file did not exist (or was empty) and this open made it a new notebook.
    created: bool = False
    #: The file or its folder cannot be written: the notebook is open for reading only.
    read_only: bool = False

    @property
    def path(self) -> Path | None:
        if isinstance(self.database, peewee.SqliteDatabase):
            return Path(self.location)
        return None


#: The notebook file this process has open (exports and backups never write over it).
_open_notebook: Path | None = None


def open_notebook_path() -> Path | None:
    """The SQLite file of the notebook this process has open, if any."""
    return _open_notebook


def known_migrations() -> list[str]:
    return [m.name for m in Migration.load_directory(os.fspath(MIGRATIONS_DIR))]


def _is_url(target: str) -> bool:
    return "://" in target


def without_password(url: str) -> str:
    """``url`` as it may be shown: the password (if the URL holds one) left out."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = f"{parts.username}@{host}" if parts.username else host
    if parts.port is not None:
        netloc += f":{parts.port}"
    return urlunsplit(parts._replace(netloc=netloc))


def is_server(opened_or_target: OpenedDatabase | str) -> bool:
    """Whether a target (or an open database) is a PostgreSQL server rather than a file."""
    if isinstance(opened_or_target, OpenedDatabase):
        return isinstance(opened_or_target.database, peewee.PostgresqlDatabase)
    return _is_url(opened_or_target)


def _make_default_folder(folder: Path) -> None:
    """The default data folder is the one folder ckbook creates (0700); any other must exist."""
    if folder.exists():
        return
    if folder != default_db_path().parent:
        raise NoNotebookError(
            tr("the folder {folder} does not exist; nothing was created (check the path)").format(
                folder=folder
            )
        )
    folder.mkdir(parents=True, mode=0o700)
    os.chmod(folder, 0o700)  # mkdir's mode is masked by umask


def _prepare_sqlite_file(path: Path, create: bool = True) -> bool:
    """Make an empty file (0600) if missing and allowed; True when the file is new (or empty)."""
    if path.exists():
        if path.is_dir():
            raise StoreError(tr("{file} is a folder, not a database file").format(file=path))
        return path.stat().st_size == 0
    if not create:
        raise NoNotebookError(
            tr("no notebook at {file} (nothing was created; check the path)").format(file=path)
        )
    _make_default_folder(path.parent)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)
    return True


def _check_sqlite_header(path: Path) -> None:
    """Refuse a file that is not SQLite, or one cut short (the header says how long it is).

    A notebook this process has open was checked when it was opened, and is not read again
    (``store.open_files``)."""
    header = read_head(path, 100)
    if header is None:
        return
    if header[:16] and header[:16] != SQLITE_HEADER:
        raise NotADatabaseError(
            tr("{file} is not a ckbook database (not a SQLite file)").format(file=path)
        )
    if len(header) < 100:
        if header:
            raise DamagedError(
                tr("{file} is damaged: cut short at {size} bytes").format(
                    file=path, size=len(header)
                )
            )
        return
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # The page count is valid when the change counter matches "version-valid-for" (SQLite 3.7+).
    if header[24:28] == header[92:96] and pages:
        expected, actual = pages * page_size, path.stat().st_size
        if actual < expected:
            raise DamagedError(
                tr("{file} is damaged: cut short ({actual} of {expected} bytes are there)").format(
                    file=path, actual=actual, expected=expected
                )
            )


def _is_writable(path: Path) -> bool:
    """Whether SQLite can write the notebook: the file, and its folder (for -wal and -shm)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def read_only_uri(path: Path) -> str:
    """A URI that reads ``path`` without writing anything beside it.

    A WAL notebook needs its ``-shm`` to be read; in a folder that cannot be written, where
    SQLite cannot make one, the file is read as immutable (nobody can be writing it there).
    """
    immutable = not os.access(path.parent, os.W_OK) and not Path(f"{path}-shm").exists()
    flags = "mode=ro&immutable=1" if immutable else "mode=ro"
    return f"{path.absolute().as_uri()}?{flags}"


def _inspect_readonly(path: Path) -> tuple[set[str], set[str]]:
    """(tables, applied schema steps) of an existing SQLite file, read without changing it."""
    try:
        with contextlib.closing(sqlite3.connect(read_only_uri(path), uri=True)) as connection:
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            steps: set[str] = set()
            if HISTORY_TABLE in tables:
                steps = {r[0] for r in connection.execute(f'SELECT name FROM "{HISTORY_TABLE}"')}
    except sqlite3.Error as exc:
        raise NotADatabaseError(
            tr("{file} cannot be read as a database: {why}").format(file=path, why=exc)
        ) from exc
    return tables, steps


def _tighten_permissions(path: Path) -> None:
    """Owner-only, whoever created the file (RELIABILITY #5): the notebook and its companions,
    and the default data folder (a folder the user picked is theirs to set)."""
    for file in (path, *(Path(f"{path}{suffix}") for suffix in ("-wal", "-shm"))):
        with contextlib.suppress(OSError):
            if stat.S_IMODE(file.stat().st_mode) & 0o077:
                os.chmod(file, 0o600)
    folder = path.parent
    if folder == default_db_path().parent:
        with contextlib.suppress(OSError):
            if stat.S_IMODE(folder.stat().st_mode) & 0o077:
                os.chmod(folder, 0o700)


def _applied_names(database: peewee.Database) -> set[str]:
    if not database.table_exists(HISTORY_TABLE):
        return set()
    cursor = database.execute_sql(f'SELECT name FROM "{HISTORY_TABLE}"')
    return {row[0] for row in cursor.fetchall()}


def backup_sqlite(
    source: Path,
    target: Path,
    *,
    overwrite: bool = False,
    unique: bool = False,
    protected: tuple[Path, ...] = (),
) -> Path:
    """Copy a live (WAL) database consistently with SQLite's backup API; the copy is 0600.

    The copy is written beside ``target`` and published only once complete (``store.output``):
    never over ``source``, the open notebook or anything not ours. Returns the path written
    (with ``unique``, the first free variant of ``target``'s name).
    """
    guarded = (source, *protected, *((_open_notebook,) if _open_notebook else ()))
    with (
        atomic_output(target, overwrite=overwrite, unique=unique, protected=guarded) as out,
        contextlib.closing(sqlite3.connect(os.fspath(source))) as src,
        contextlib.closing(sqlite3.connect(os.fspath(out.temp))) as dst,
    ):
        src.backup(dst)
        # The copy is one self-contained file: in WAL mode (the notebook's, copied with its
        # header), every later reader would leave a -wal and -shm beside it.
        dst.execute("PRAGMA journal_mode=DELETE")
    return out.path


def _connect(target: str, read_only: bool = False) -> peewee.Database:
    if _is_url(target):
        return _server_database(target)
    if read_only:
        return peewee.SqliteDatabase(
            read_only_uri(Path(target)),
            uri=True,
            pragmas=READ_ONLY_PRAGMAS,
            check_same_thread=False,
        )
    return peewee.SqliteDatabase(target, pragmas=SQLITE_PRAGMAS, check_same_thread=False)


def open_database(
    target: str | os.PathLike[str] | None = None, *, create: bool = True, bind: bool = True
) -> OpenedDatabase:
    """Open (creating and upgrading as needed) the notebook and bind the models to it.

    ``create=False`` (commands that only read) refuses a path with no notebook and creates
    nothing. Whatever is asked, a file that is not a ckbook notebook is refused untouched: not a
    SQLite file, another program's SQLite database, a notebook from a newer ckbook. A notebook
    that cannot be written (its file or folder is read-only) opens for reading only.

    ``bind=False`` opens a second database beside the notebook (``migrate-to``'s target): the
    models stay bound to the notebook, which stays the file exports and backups never write over.
    """
    global _open_notebook
    location = resolve_db_target(target)
    if _is_url(location):
        return _open_server(location, create, bind)
    path = Path(location).expanduser()
    location = os.fspath(path)
    try:
        is_new = _prepare_sqlite_file(path, create)
    except OSError as exc:
        raise StoreError(
            tr("cannot create the database at {file}: {why}").format(file=path, why=exc.strerror)
        ) from exc
    _check_sqlite_header(path)
    read_only = not _is_writable(path)
    known = known_migrations()
    if not is_new:
        tables, applied = _inspect_readonly(path)
        if tables and HISTORY_TABLE not in tables:
            raise ForeignDatabaseError(
                tr(
                    "{file} is a SQLite database of another program, not a ckbook "
                    "notebook; it was not changed"
                ).format(file=path)
            )
        unknown = sorted(applied - set(known))
        if unknown:
            raise SchemaTooNewError(
                tr(
                    "{notebook} was written by a newer ckbook (schema step {step}); update "
                    "ckbook to open it. The file was not changed."
                ).format(notebook=location, step=unknown[-1])
            )
        pending = [name for name in known if name not in applied]
        if read_only and pending:
            raise ReadOnlyError(
                tr(
                    "{notebook} is read-only and was made by an older ckbook: it needs an "
                    "upgrade ({step}) that cannot be written. Make it writable once, or "
                    "open a copy."
                ).format(notebook=location, step=pending[0])
            )
        if pending and applied:
            backup_sqlite(path, Path(f"{location}.before-{pending[0]}.bak"), unique=True)

    database = _connect(location, read_only)
    try:
        database.connect(reuse_if_open=True)
        if not read_only:
            _tighten_permissions(path)
    except peewee.DatabaseError as exc:
        database.close()
        raise NotADatabaseError(
            tr("{notebook} cannot be read as a database: {why}").format(notebook=location, why=exc)
        ) from exc

    if bind:
        database_proxy.initialize(database)
    done: list[str] = []
    if not read_only:
        runner = Runner(database, os.fspath(MIGRATIONS_DIR), table_name=HISTORY_TABLE)
        done = runner.up()
        if is_new:
            database.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    if bind:
        _open_notebook = path
        people.sign_in(people.resolve(database))
    open_files.opened(path)
    return OpenedDatabase(
        database=database,
        location=location,
        applied_migrations=tuple(done),
        created=is_new,
        read_only=read_only,
    )


def _server_database(url: str) -> ServerDatabase:
    """A (not yet connected) PostgreSQL database for ``url``; StoreError when it cannot be."""
    from playhouse.db_url import parse

    shown = without_password(url)
    scheme = urlsplit(url).scheme
    if scheme not in SERVER_SCHEMES:
        raise StoreError(
            tr(
                "cannot open {notebook}: ckbook opens a notebook file or a PostgreSQL "
                "server (postgresql://user@host/dbname)"
            ).format(notebook=shown)
        )
    try:
        import psycopg  # noqa: F401  (the driver peewee uses; optional: the team extra)
    except ImportError:
        raise ServerUnavailableError(
            tr(
                "cannot open {notebook}: the PostgreSQL driver (psycopg) is not "
                "installed; install ckbook's team extra: {hint}"
            ).format(notebook=shown, hint=TEAM_EXTRA_HINT)
        ) from None
    try:
        params = parse(url, unquote_password=True, unquote_user=True)
    except ValueError as exc:
        raise StoreError(
            tr("cannot open {notebook}: {why}").format(notebook=shown, why=exc)
        ) from None
    name = params.pop("database", "")
    if not name:
        raise StoreError(
            tr("cannot open {notebook}: the URL names no database (…/dbname at its end)").format(
                notebook=shown
            )
        )
    params.setdefault("connect_timeout", CONNECT_TIMEOUT_S)
    params.setdefault("application_name", "ckbook")
    for key, value in KEEPALIVE_PARAMS.items():
        params.setdefault(key, value)
    return ServerDatabase(name, prefer_psycopg3=True, **params)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _cannot_connect(shown: str, reason: str) -> str:
    return tr("cannot connect to {notebook}: {reason}").format(notebook=shown, reason=reason)


def _try_connect(database: peewee.PostgresqlDatabase) -> str | None:
    """Connect; None when connected, else libpq's reason in one line."""
    try:
        database.connect(reuse_if_open=True)
    except (peewee.DatabaseError, peewee.InterfaceError) as exc:
        database.close()
        reason = _one_line(str(exc)) or type(exc).__name__
        # libpq's words start with "connection failed: connection to server at … failed:";
        # the part after the last "failed:" is the reason the user can act on.
        return reason.rsplit("failed: ", 1)[-1].removeprefix("FATAL: ")
    return None


def _connect_server(database: peewee.PostgresqlDatabase, shown: str) -> None:
    """Connect, or say in one line why not (unreachable, refused, no such database, a password
    missing or wrong). A server that asks for a password the URL does not hold gets the one
    kept in the system keyring (``store.passwords``; ``ckbook team login`` puts it there)."""
    reason = _try_connect(database)
    from_keyring = False
    if reason is not None and passwords.asks_for_password(reason):
        if "password" in database.connect_params:
            raise ServerUnavailableError(_cannot_connect(shown, reason))
        lookup = passwords.stored_password(shown)
        if lookup.unavailable:
            raise ServerUnavailableError(
                tr(
                    "cannot connect to {notebook}: the server asks for a password and the "
                    "system keyring cannot be used ({reason})"
                ).format(notebook=shown, reason=lookup.unavailable)
            )
        if lookup.password is None:
            raise ServerUnavailableError(
                tr(
                    "cannot connect to {notebook}: the server asks for a password and none is "
                    "stored in the system keyring; store it with: ckbook team login {notebook}"
                ).format(notebook=shown)
            )
        database.connect_params["password"] = lookup.password
        from_keyring = True
        reason = _try_connect(database)
    if reason is not None:
        if from_keyring and passwords.refused_password(reason):
            database.connect_params.pop("password", None)
            raise ServerUnavailableError(
                tr(
                    "cannot connect to {notebook}: the server refused the password kept in the "
                    "system keyring; store the right one with: ckbook team login {notebook}"
                ).format(notebook=shown)
            )
        raise ServerUnavailableError(_cannot_connect(shown, reason))
    version = database.server_version or 0
    if version < MIN_SERVER_VERSION:
        database.close()
        raise ServerUnavailableError(
            tr(
                "{notebook} runs PostgreSQL {postgres_version}; ckbook needs PostgreSQL 13 or newer"
            ).format(notebook=shown, postgres_version=version // 10000)
        )


def check_password(url: str, password: str) -> str:
    """Sign in to ``url`` with ``password`` once (``ckbook team login`` does before keeping it);
    the role signed in as, or ServerUnavailableError in one line."""
    shown = without_password(url)
    database = _server_database(url)
    database.connect_params["password"] = password
    reason = _try_connect(database)
    if reason is not None:
        raise ServerUnavailableError(_cannot_connect(shown, reason))
    try:
        row = database.execute_sql("SELECT current_user").fetchone()
    finally:
        database.close()
    return str(row[0])


def _open_server(url: str, create: bool = True, bind: bool = True) -> OpenedDatabase:
    shown = without_password(url)
    database = _server_database(url)
    _connect_server(database, shown)
    try:
        # One process migrates at a time: two people starting ckbook on a new server at once
        # would both try to create the tables.
        database.execute_sql("SELECT pg_advisory_lock(%s)", (MIGRATION_LOCK_KEY,))
        try:
            tables = set(database.get_tables())
            if tables and HISTORY_TABLE not in tables:
                raise ForeignDatabaseError(
                    tr(
                        "{notebook} holds tables of another program, not a ckbook notebook; it "
                        "was not changed"
                    ).format(notebook=shown)
                )
            if not tables and not create:
                raise NoNotebookError(
                    tr(
                        "no notebook at {notebook} yet (the database is empty; nothing was created)"
                    ).format(notebook=shown)
                )
            applied = _applied_names(database)
            unknown = sorted(applied - set(known_migrations()))
            if unknown:
                raise SchemaTooNewError(
                    tr(
                        "{notebook} was written by a newer ckbook (schema step {step}); update "
                        "ckbook to open it. The database was not changed."
                    ).format(notebook=shown, step=unknown[-1])
                )
            # The server's rights decide: a role that may not add a client reads only.
            read_only = bool(tables) and not _may_write(database)
            pending = [name for name in known_migrations() if name not in applied]
            if read_only and pending:
                raise ReadOnlyError(
                    tr(
                        "{notebook} needs an upgrade ({step}) and your role may only read it; "
                        "ask the notebook's owner to open it once with this ckbook"
                    ).format(notebook=shown, step=pending[0])
                )
            if bind:
                database_proxy.initialize(database)
            done: list[str] = []
            if pending:  # the runner creates its history table first: a member may not
                runner = Runner(database, os.fspath(MIGRATIONS_DIR), table_name=HISTORY_TABLE)
                done = runner.up()
            if bind:
                people.sign_in(people.resolve(database))
        finally:
            database.execute_sql("SELECT pg_advisory_unlock(%s)", (MIGRATION_LOCK_KEY,))
    except StoreError:
        database.close()
        raise
    except peewee.DatabaseError as exc:
        database.close()
        raise StoreError(
            tr("cannot open the notebook at {notebook}: {why}").format(
                notebook=shown, why=_one_line(str(exc))
            )
        ) from exc
    return OpenedDatabase(
        database=database,
        location=shown,
        applied_migrations=tuple(done),
        created=not applied,
        read_only=read_only,
    )


def _may_write(database: peewee.Database) -> bool:
    row = database.execute_sql("SELECT has_table_privilege('client', 'INSERT')").fetchone()
    return bool(row and row[0])


def remove_new_notebook(opened: OpenedDatabase) -> None:
    """Delete a notebook this process just created (and closed) when the command that created
    it failed or only pretended: nothing of the user's is in it."""
    if not opened.created or opened.path is None:
        return
    for file in (opened.path, *(Path(f"{opened.path}{s}") for s in ("-wal", "-shm", "-journal"))):
        with contextlib.suppress(FileNotFoundError):
            file.unlink()


def close_database(opened: OpenedDatabase) -> None:
    if opened.path is not None:
        open_files.closed(opened.path)
    if opened.database.is_closed():
        return
    if isinstance(opened.database, peewee.SqliteDatabase):
        # SQLite's advice for long-lived apps: refresh the planner's statistics on the way out,
        # so queries such as "live clients" keep using their indexes as the notebook grows.
        # A read-only or busy file: the statistics can wait for the next close.
        with contextlib.suppress(peewee.DatabaseError):
            opened.database.execute_sql("PRAGMA optimize")
    opened.database.close()
