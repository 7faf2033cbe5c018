"""ckbook opens only notebooks: another program's SQLite file is refused untouched, a command that
only reads creates nothing at a mistyped path, no folder but the default data folder is ever
made, and a notebook on a read-only filesystem opens for reading."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from ckbook.cli import main
from ckbook.store.database import close_database, open_database
from ckbook.store.errors import ForeignDatabaseError, NoNotebookError
from ckbook.store.maintenance import check
from ckbook.store.models import Client
from tests.factories import make_client

READ_COMMANDS = (
    ("clients",),
    ("due",),
    ("today",),
    ("search", "anything"),
    ("notes", "Ada"),
    ("export", "json", "{out}"),
    ("backup",),
    ("check",),
    ("import", "csv", "{csv}", "--dry-run"),
)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def other_program_db(tmp_path: Path) -> Path:
    path = tmp_path / "photos.db"
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE album (id INTEGER PRIMARY KEY, title TEXT)")
        connection.execute("INSERT INTO album (title) VALUES ('Summer')")
        connection.commit()
    return path


def test_another_programs_database_is_refused_and_not_changed(other_program_db):  # type: ignore[no-untyped-def]
    before = digest(other_program_db)
    with pytest.raises(ForeignDatabaseError, match="SQLite database of another program"):
        open_database(other_program_db)
    with pytest.raises(ForeignDatabaseError, match="another program"):
        check(str(other_program_db))
    assert digest(other_program_db) == before
    assert sorted(p.name for p in other_program_db.parent.iterdir()) == ["photos.db"]
    with closing(sqlite3.connect(other_program_db)) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert connection.execute("SELECT COUNT(*) FROM album").fetchone()[0] == 1


@pytest.mark.parametrize("command", [("clients",), ("client", "add", "Ada"), ("check",)])
def test_the_cli_refuses_another_programs_database(command, other_program_db, capsys):  # type: ignore[no-untyped-def]
    before = digest(other_program_db)
    assert main([*command, "--db", str(other_program_db)]) == 2
    assert "another program" in capsys.readouterr().err
    assert digest(other_program_db) == before


@pytest.mark.parametrize("command", READ_COMMANDS)
def test_a_command_that_only_reads_creates_nothing_at_a_missing_path(command, tmp_path, capsys):  # type: ignore[no-untyped-def]
    (tmp_path / "in.csv").write_text("Name\nAda\n")
    missing = tmp_path / "typo" / "ckbok.sqlite3"
    args = [a.format(out=tmp_path / "out.json", csv=tmp_path / "in.csv") for a in command]
    assert main([*args, "--db", str(missing)]) == 2
    assert "no notebook at" in capsys.readouterr().err or not missing.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


def test_a_write_creates_the_notebook_once_and_says_so(tmp_path, capsys):  # type: ignore[no-untyped-def]
    path = tmp_path / "new.sqlite3"
    assert main(["client", "add", "Ada", "--db", str(path)]) == 0
    assert capsys.readouterr().err == f"ckbook: created a new notebook at {path}\n"
    assert main(["client", "add", "Bea", "--db", str(path)]) == 0
    assert capsys.readouterr().err == ""
    assert check(str(path)).ok


def test_a_write_never_creates_a_folder_other_than_the_default_one(tmp_path, capsys):  # type: ignore[no-untyped-def]
    path = tmp_path / "no" / "such" / "folder" / "nb.sqlite3"
    assert main(["client", "add", "Ada", "--db", str(path)]) == 2
    assert "the folder" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_write_that_fails_leaves_no_new_notebook(tmp_path, capsys):  # type: ignore[no-untyped-def]
    path = tmp_path / "new.sqlite3"
    assert main(["import", "csv", str(tmp_path / "none.csv"), "--db", str(path)]) == 2
    assert "created" not in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_open_database_without_create_refuses_a_missing_file(tmp_path):  # type: ignore[no-untyped-def]
    with pytest.raises(NoNotebookError, match="no notebook at"):
        open_database(tmp_path / "missing.sqlite3", create=False)
    assert list(tmp_path.iterdir()) == []


def test_a_world_readable_notebook_is_tightened_on_open(db_path, now):  # type: ignore[no-untyped-def]
    opened = open_database(db_path)
    make_client(now, "Ada")
    close_database(opened)
    Path(db_path).chmod(0o644)
    opened = open_database(db_path)
    try:
        assert Path(db_path).stat().st_mode & 0o077 == 0
    finally:
        close_database(opened)


# -- a read-only filesystem (a tmpfs mounted read-only: real EROFS, even for root) -------------


def test_a_notebook_on_a_read_only_filesystem_opens_for_reading(read_only_folder):  # type: ignore[no-untyped-def]
    opened = open_database(read_only_folder / "nb.sqlite3")
    try:
        assert opened.read_only
        assert [c.name for c in Client.select()] == ["Ada Lovelace"]
    finally:
        close_database(opened)


def test_the_cli_reads_a_read_only_notebook_and_refuses_writes_clearly(read_only_folder):  # type: ignore[no-untyped-def]
    db = str(read_only_folder / "nb.sqlite3")

    def ckbook(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "ckbook", *args, "--db", db], capture_output=True, text=True
        )

    listed = ckbook("clients")
    assert listed.returncode == 0, listed.stderr
    assert "Ada Lovelace" in listed.stdout
    refused = ckbook("client", "add", "Bea")
    assert refused.returncode == 2
    assert refused.stderr.startswith("ckbook: error: the notebook at")
    assert "read-only" in refused.stderr and "Traceback" not in refused.stderr
    assert check(db).ok
