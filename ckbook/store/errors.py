"""Storage errors the user must hear about, told apart from our own bugs.

peewee can hide the real SQLite error (a full disk surfaces as "cannot rollback - no transaction is
active", with the real cause in ``__context__``), so classification walks the whole exception chain.
"""

from __future__ import annotations

import enum
import sqlite3

import peewee


class StorageProblem(enum.Enum):
    DISK_FULL = "disk full"
    LOCKED = "database busy"
    READ_ONLY = "database is read-only"
    CORRUPT = "database file is damaged"
    NOT_A_DATABASE = "not a ckbook database"
    IO = "disk error"


class StoreError(Exception):
    """A problem with the database file or its environment, worded for the user."""


class SchemaTooNewError(StoreError):
    """The file was written by a newer ckbook; we refuse to touch it."""


class NotADatabaseError(StoreError):
    """The file exists but is not a SQLite database."""


_PATTERNS: tuple[tuple[str, StorageProblem], ...] = (
    ("database or disk is full", StorageProblem.DISK_FULL),
    ("disk is full", StorageProblem.DISK_FULL),
    ("no space left", StorageProblem.DISK_FULL),
    ("database is locked", StorageProblem.LOCKED),
    ("database table is locked", StorageProblem.LOCKED),
    ("readonly database", StorageProblem.READ_ONLY),
    ("read-only", StorageProblem.READ_ONLY),
    ("file is not a database", StorageProblem.NOT_A_DATABASE),
    ("database disk image is malformed", StorageProblem.CORRUPT),
    ("disk i/o error", StorageProblem.IO),
)


_STORAGE_ERRORS = (sqlite3.Error, peewee.DatabaseError, peewee.InterfaceError, OSError)


def _chain(error: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def classify(error: BaseException) -> StorageProblem | None:
    """What environmental problem ``error`` stands for, or None when it is a bug of ours."""
    for link in _chain(error):
        if not isinstance(link, _STORAGE_ERRORS):
            continue
        message = str(link).lower()
        for needle, problem in _PATTERNS:
            if needle in message:
                return problem
    return None
