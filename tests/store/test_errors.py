"""Storage errors are told apart from bugs, even when peewee hides the real cause."""

from __future__ import annotations

import sqlite3

import peewee
import pytest

from ckbook.services.base import write_transaction
from ckbook.store.errors import StorageProblem, classify
from ckbook.store.models import Client, Note
from tests.factories import make_client


@pytest.mark.sqlite_only("a notebook file on a full tmpfs")
def test_a_full_database_is_classified_as_disk_full_through_the_exception_chain(db, now):
    client_id = make_client(now)
    # SQLite's page cap makes the file "full" for real: the same SQLITE_FULL a full disk gives.
    pages = db.database.execute_sql("PRAGMA page_count").fetchone()[0]
    db.database.execute_sql(f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(Exception) as caught, write_transaction():
        for _ in range(200):
            Note.create(
                client=client_id,
                started_at=now,
                created_at=now,
                updated_at=now,
                body="x" * 4000,
            )
    assert classify(caught.value) is StorageProblem.DISK_FULL
    assert Client.select().count() == 1  # what was stored stays intact


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (sqlite3.OperationalError("database is locked"), StorageProblem.LOCKED),
        (peewee.OperationalError("attempt to write a readonly database"), StorageProblem.READ_ONLY),
        (sqlite3.DatabaseError("file is not a database"), StorageProblem.NOT_A_DATABASE),
        (sqlite3.DatabaseError("database disk image is malformed"), StorageProblem.CORRUPT),
        (OSError(28, "No space left on device"), StorageProblem.DISK_FULL),
        (ValueError("database is locked"), None),  # not a storage error type: our bug
        (KeyError("x"), None),
    ],
)
def test_classify(error, expected):
    assert classify(error) is expected


def test_cause_hidden_in_context_is_found():
    try:
        try:
            raise sqlite3.OperationalError("database or disk is full")
        except sqlite3.OperationalError:
            raise peewee.OperationalError("cannot rollback - no transaction is active")  # noqa: B904
    except peewee.OperationalError as outer:
        assert classify(outer) is StorageProblem.DISK_FULL
