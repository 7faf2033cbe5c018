"""Storage errors the user must hear about, told apart from our own bugs.

peewee can hide the real SQLite error (a full disk surfaces as "cannot rollback - no transaction is
active", with the real cause in ``__context__``), so classification walks the whole exception chain.
"""

from __future__ import annotations

import enum
import errno
import sqlite3

import peewee

from ckbook.i18n import tr


class StorageProblem(enum.Enum):
    DISK_FULL = "disk full"
    LOCKED = "database busy"
    READ_ONLY = "database is read-only"
    CORRUPT = "database file is damaged"
    NOT_A_DATABASE = "not a ckbook database"
    IO = "disk error"
    NOT_ALLOWED = "not allowed"
    SERVER_GONE = "server unreachable"


class StoreError(Exception):
    """A problem with the database file or its environment, worded for the user."""


class SchemaTooNewError(StoreError):
    """The file was written by a newer ckbook; we refuse to touch it."""


class NotADatabaseError(StoreError):
    """The file exists but is not a SQLite database."""


class DamagedError(NotADatabaseError):
    """A SQLite file that is cut short or malformed; never changed."""


class ForeignDatabaseError(NotADatabaseError):
    """A SQLite database of another program (no ckbook schema history); never changed."""


class NoNotebookError(StoreError):
    """Nothing at the path (or its folder is missing) and the caller may not create a notebook."""


class ServerUnavailableError(StoreError):
    """A PostgreSQL server cannot be used: no driver, not reachable, refused us, or too old."""


class ReadOnlyError(StoreError):
    """The notebook cannot be written (a read-only file or folder)."""


#: SQLite's primary result codes (``sqlite3.Error.sqlite_errorname`` without the extended part).
_BY_CODE: dict[str, StorageProblem] = {
    "SQLITE_FULL": StorageProblem.DISK_FULL,
    "SQLITE_BUSY": StorageProblem.LOCKED,
    "SQLITE_LOCKED": StorageProblem.LOCKED,
    "SQLITE_READONLY": StorageProblem.READ_ONLY,
    "SQLITE_PERM": StorageProblem.READ_ONLY,
    "SQLITE_CORRUPT": StorageProblem.CORRUPT,
    "SQLITE_NOTADB": StorageProblem.NOT_A_DATABASE,
    "SQLITE_IOERR": StorageProblem.IO,
    "SQLITE_CANTOPEN": StorageProblem.IO,
}
#: Operating-system errors met while writing files ourselves (exports, backups, recovery files).
_BY_ERRNO: dict[int, StorageProblem] = {
    errno.ENOSPC: StorageProblem.DISK_FULL,
    errno.EDQUOT: StorageProblem.DISK_FULL,
    errno.EROFS: StorageProblem.READ_ONLY,
    errno.EACCES: StorageProblem.READ_ONLY,
    errno.EPERM: StorageProblem.READ_ONLY,
    errno.EIO: StorageProblem.IO,
}
#: PostgreSQL's SQLSTATE (psycopg's ``Error.sqlstate``), by class (first two characters) or whole.
_BY_SQLSTATE: dict[str, StorageProblem] = {
    "42501": StorageProblem.NOT_ALLOWED,  # insufficient_privilege: the role's rights
    "25006": StorageProblem.NOT_ALLOWED,  # read_only_sql_transaction (a standby, a read-only role)
    "53100": StorageProblem.DISK_FULL,
    "40001": StorageProblem.LOCKED,  # serialization_failure
    "40P01": StorageProblem.LOCKED,  # deadlock_detected
    "55P03": StorageProblem.LOCKED,  # lock_not_available
    "08": StorageProblem.SERVER_GONE,  # connection exceptions
    "57P01": StorageProblem.SERVER_GONE,  # admin_shutdown
    "57P02": StorageProblem.SERVER_GONE,  # crash_shutdown
    "57P03": StorageProblem.SERVER_GONE,  # cannot_connect_now
}
#: Only for errors that carry no code (a peewee error built from text, an older driver).
_PATTERNS: tuple[tuple[str, StorageProblem], ...] = (
    ("database or disk is full", StorageProblem.DISK_FULL),
    ("no space left", StorageProblem.DISK_FULL),
    ("database is locked", StorageProblem.LOCKED),
    ("database table is locked", StorageProblem.LOCKED),
    ("readonly database", StorageProblem.READ_ONLY),
    ("file is not a database", StorageProblem.NOT_A_DATABASE),
    ("database disk image is malformed", StorageProblem.CORRUPT),
    ("disk i/o error", StorageProblem.IO),
)

_STORAGE_ERRORS = (sqlite3.Error, peewee.DatabaseError, peewee.InterfaceError, OSError)


def _is_storage_error(link: BaseException) -> bool:
    # Team mode's driver (psycopg, optional and not imported here) marks its errors by SQLSTATE.
    return isinstance(link, _STORAGE_ERRORS) or isinstance(getattr(link, "sqlstate", None), str)


def _chain(error: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def _by_code(link: BaseException) -> StorageProblem | None:
    if isinstance(link, sqlite3.Error):
        name = getattr(link, "sqlite_errorname", None)
        if name:
            primary = "_".join(name.split("_")[:2])  # SQLITE_IOERR_WRITE -> SQLITE_IOERR
            return _BY_CODE.get(primary)
    if isinstance(link, OSError) and link.errno is not None:
        return _BY_ERRNO.get(link.errno)
    state = getattr(link, "sqlstate", None)  # a psycopg error (not imported: optional driver)
    if isinstance(state, str) and state:
        return _BY_SQLSTATE.get(state) or _BY_SQLSTATE.get(state[:2])
    return None


def classify(error: BaseException) -> StorageProblem | None:
    """What environmental problem ``error`` stands for, or None when it is a bug of ours.

    Decided by SQLite's result code (or the OS errno) found anywhere in the exception chain —
    peewee hides a full disk behind "cannot rollback" with the real error in ``__context__``. A
    full disk often surfaces first as an I/O error, so DISK_FULL anywhere in the chain wins.
    Message text decides only for errors that carry no code.
    """
    links = [link for link in _chain(error) if _is_storage_error(link)]
    found = [problem for problem in map(_by_code, links) if problem is not None]
    if not found:
        for link in links:
            message = str(link).lower()
            found.extend(problem for needle, problem in _PATTERNS if needle in message)
    if StorageProblem.DISK_FULL in found:
        return StorageProblem.DISK_FULL
    return found[0] if found else None


def label(problem: StorageProblem) -> str:
    """The problem in a few words, in the user's language ("disk full"); ``problem.value`` is
    the same in English, for logs."""
    labels = {
        StorageProblem.DISK_FULL: tr("disk full"),
        StorageProblem.LOCKED: tr("database busy"),
        StorageProblem.READ_ONLY: tr("database is read-only"),
        StorageProblem.CORRUPT: tr("database file is damaged"),
        StorageProblem.NOT_A_DATABASE: tr("not a ckbook database"),
        StorageProblem.IO: tr("disk error"),
        StorageProblem.NOT_ALLOWED: tr("not allowed"),
        StorageProblem.SERVER_GONE: tr("server unreachable"),
    }
    return labels[problem]


def explain(problem: StorageProblem) -> str:
    """What the problem means for the user and what to do, in their words and language."""
    explanations = {
        StorageProblem.DISK_FULL: tr(
            "the disk is full — what you typed is kept and will be saved when space is freed"
        ),
        StorageProblem.LOCKED: tr("another program holds the notebook — try again in a moment"),
        StorageProblem.READ_ONLY: tr(
            "the notebook or its folder is read-only — nothing can be saved"
        ),
        StorageProblem.CORRUPT: tr(
            "the notebook file is damaged — restore it from a backup "
            "(ckbook backup --list, ckbook restore FILE)"
        ),
        StorageProblem.NOT_A_DATABASE: tr("the file is not a ckbook notebook"),
        StorageProblem.IO: tr("the disk reported an error reading or writing the notebook"),
        StorageProblem.NOT_ALLOWED: tr(
            "your database role may not make this change — ask the notebook's owner for the "
            "rights (ckbook team grant)"
        ),
        StorageProblem.SERVER_GONE: tr(
            "the notebook's server cannot be reached — what you typed is kept; try again when "
            "it is back"
        ),
    }
    return explanations[problem]
