"""Nothing ckbook does in a process that has the notebook open drops SQLite's locks on it.

Closing any descriptor of a file drops every POSIX lock the process holds on it, SQLite's
included; another process may then checkpoint and truncate the WAL under the open connections
(a bench notebook came out "malformed" that way: automatic backups read the notebook's header
with open() while the CLI wrote). A second process probing for an EXCLUSIVE lock tells whether
our SHARED lock still stands."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ckbook.interop.transfer import import_file
from ckbook.services.base import InputError
from ckbook.store.auto_backup import make_automatic_backup
from ckbook.store.database import close_database, open_database
from ckbook.store.maintenance import backup, check, restore
from ckbook.store.models import Client
from ckbook.store.open_files import is_open_notebook
from tests.factories import make_client

pytestmark = pytest.mark.sqlite_only("POSIX locks on the notebook file")

PROBE = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], timeout=0)
try:
    connection.execute("PRAGMA locking_mode=EXCLUSIVE")
    connection.execute("BEGIN EXCLUSIVE")
    print("taken")
except sqlite3.OperationalError:
    print("held")
"""


def another_process_can_take_the_notebook(path: str) -> bool:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, path], capture_output=True, text=True, check=True
    )
    return done.stdout.strip() == "taken"


@pytest.fixture
def held(db, now):  # type: ignore[no-untyped-def]
    """The notebook open in this process, a connection live on it (SHARED lock held)."""
    make_client(now, "Ada Lovelace")
    assert Client.select().count() == 1
    assert not another_process_can_take_the_notebook(db.location)
    return db


def test_an_automatic_backup_keeps_the_locks(held, now):  # type: ignore[no-untyped-def]
    make_automatic_backup(held.location, now)
    backup(held.location, None, now)
    assert not another_process_can_take_the_notebook(held.location)


def test_a_check_keeps_the_locks(held):  # type: ignore[no-untyped-def]
    assert check(held.location).ok
    assert not another_process_can_take_the_notebook(held.location)


def test_importing_the_notebook_itself_is_refused_unread(held, now):  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match="is the notebook itself"):
        import_file("csv", held.location, now)
    assert not another_process_can_take_the_notebook(held.location)


def test_restoring_into_the_open_notebook_keeps_the_locks(held, now, tmp_path):  # type: ignore[no-untyped-def]
    copy = backup(held.location, tmp_path / "copy.sqlite3", now)
    restore(copy, held.location, now)
    assert not another_process_can_take_the_notebook(held.location)


def test_the_registry_follows_open_and_close(db_path):  # type: ignore[no-untyped-def]
    opened = open_database(db_path)
    assert is_open_notebook(db_path) and is_open_notebook(Path(db_path))
    close_database(opened)
    assert not is_open_notebook(db_path)
