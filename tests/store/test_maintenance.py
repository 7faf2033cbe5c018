"""Backup, restore and check: a live WAL notebook is copied whole, a restore keeps a safety copy,
and a bad backup file is refused with the notebook left as it was."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from ckbook.cli import main
from ckbook.store.database import close_database, open_database
from ckbook.store.errors import NotADatabaseError, StoreError
from ckbook.store.maintenance import backup, check, restore
from ckbook.store.models import Client
from tests.factories import make_client


def names(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return sorted(r[0] for r in connection.execute("SELECT name FROM client"))
    finally:
        connection.close()


@pytest.mark.sqlite_only("backups copy the notebook file with SQLite's backup API")
def test_backup_of_a_live_wal_notebook_has_every_row(db, now, tmp_path):
    make_client(now, "Ada")
    # Keep rows in the -wal file: a plain file copy would miss them (RELIABILITY #4).
    db.database.execute_sql("PRAGMA wal_autocheckpoint = 0")
    make_client(now, "Grace")
    assert Path(f"{db.location}-wal").stat().st_size > 0
    (tmp_path / "copies").mkdir()
    target = backup(db.location, tmp_path / "copies" / "b.sqlite3")
    assert names(target) == ["Ada", "Grace"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert check(str(target)).ok


def test_restore_replaces_the_notebook_and_keeps_a_safety_copy(db_path, now, tmp_path):
    opened = open_database(db_path)
    make_client(now, "Ada")
    saved = backup(opened.location, tmp_path / "saved.sqlite3")
    make_client(now, "Grace")
    close_database(opened)

    safety, target = restore(saved, db_path, now)
    assert names(target) == ["Ada"]
    assert names(safety) == ["Ada", "Grace"]


def test_restore_refuses_a_file_that_is_not_a_notebook(db_path, now, tmp_path):
    opened = open_database(db_path)
    make_client(now, "Ada")
    close_database(opened)
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("not a database at all " * 100)
    with pytest.raises(NotADatabaseError):
        restore(junk, db_path, now)
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(NotADatabaseError, match="not a ckbook notebook"):
        restore(other, db_path, now)
    assert names(Path(db_path)) == ["Ada"]


@pytest.mark.sqlite_only("backups copy the notebook file with SQLite's backup API")
def test_backup_cannot_overwrite_the_notebook(db):
    with pytest.raises(StoreError, match="overwrite"):
        backup(db.location, Path(db.location))
    assert Client.select().count() == 0


def test_cli_backup_check_and_restore(db_path, tmp_path, capsys):
    assert main(["client", "add", "Ada", "--db", db_path]) == 0
    copy = tmp_path / "copy.sqlite3"
    assert main(["backup", "--to", str(copy), "--db", db_path]) == 0
    assert main(["client", "add", "Grace", "--db", db_path]) == 0
    assert main(["check", "--db", db_path]) == 0
    assert "ok" in capsys.readouterr().out
    assert main(["restore", str(copy), "--db", db_path]) == 0
    assert names(Path(db_path)) == ["Ada"]
    capsys.readouterr()
    assert main(["restore", str(tmp_path / "missing.sqlite3"), "--db", db_path]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is not a file" in err
    assert names(Path(db_path)) == ["Ada"]
