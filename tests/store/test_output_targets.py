"""Nothing ckbook writes lands on what is not ours: not the notebook or its -wal/-shm, not a
device, not an existing file unless the user agreed, not a SQLite file when exporting; a failed
write leaves nothing; backups never take each other's name. Each test ends by checking the
notebook is intact and still holds what it held."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from ckbook.interop.transfer import EXPORT_FORMATS, export_file
from ckbook.store.maintenance import backup, check
from ckbook.store.output import OutputExistsError, OutputRefusedError, atomic_output
from tests.factories import make_client

pytestmark = pytest.mark.sqlite_only(
    "what these protect is the notebook's file and its -wal/-shm companions"
)


def intact_with(path: str | Path, clients: int) -> None:
    """The notebook passes its checks and holds ``clients`` clients."""
    assert check(str(path)).ok
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        assert connection.execute("SELECT COUNT(*) FROM client").fetchone()[0] == clients


@pytest.fixture
def two_clients(db, now):  # type: ignore[no-untyped-def]
    make_client(now, "Ada Lovelace")
    make_client(now, "Bea Okafor")
    return db


@pytest.mark.parametrize("kind", EXPORT_FORMATS)
@pytest.mark.parametrize("companion", ["", "-wal", "-shm"])
def test_an_export_never_writes_over_the_notebook_or_its_companions(  # type: ignore[no-untyped-def]
    kind, companion, two_clients, now, tz
):
    target = Path(f"{two_clients.location}{companion}")
    before = target.read_bytes() if target.exists() else None
    for overwrite in (False, True):
        with pytest.raises(OutputRefusedError, match="the notebook itself"):
            export_file(kind, target, now, tz, overwrite=overwrite)
    assert (target.read_bytes() if target.exists() else None) == before
    intact_with(two_clients.location, 2)


def test_a_symlink_to_the_notebook_is_the_notebook(two_clients, now, tz, tmp_path):  # type: ignore[no-untyped-def]
    link = tmp_path / "innocent.json"
    link.symlink_to(two_clients.location)
    with pytest.raises(OutputRefusedError, match="the notebook itself"):
        export_file("json", link, now, tz, overwrite=True)
    intact_with(two_clients.location, 2)


def test_an_export_refuses_a_device_even_when_told_to_overwrite(two_clients, now, tz):  # type: ignore[no-untyped-def]
    with pytest.raises(OutputRefusedError, match="not a regular file"):
        export_file("csv", "/dev/null", now, tz, overwrite=True)
    assert Path("/dev/null").is_char_device()
    intact_with(two_clients.location, 2)


def test_an_existing_file_is_kept_unless_the_user_agrees(two_clients, now, tz, tmp_path):  # type: ignore[no-untyped-def]
    report = tmp_path / "report.csv"
    report.write_text("my quarterly report\n")
    with pytest.raises(OutputExistsError, match="already exists"):
        export_file("csv", report, now, tz)
    assert report.read_text() == "my quarterly report\n"
    export_file("csv", report, now, tz, overwrite=True)
    assert "Bea Okafor" in report.read_text(encoding="utf-8")
    intact_with(two_clients.location, 2)


def test_an_export_never_replaces_another_notebook(two_clients, now, tz, tmp_path):  # type: ignore[no-untyped-def]
    other = tmp_path / "other.sqlite3"
    backup(two_clients.location, other)
    before = other.read_bytes()
    with pytest.raises(OutputRefusedError, match="is a SQLite database"):
        export_file("json", other, now, tz, overwrite=True)
    assert other.read_bytes() == before
    intact_with(other, 2)


def test_a_failed_write_leaves_nothing_behind(tmp_path):  # type: ignore[no-untyped-def]
    target = tmp_path / "out.txt"
    with pytest.raises(RuntimeError), atomic_output(target) as out:
        out.temp.write_text("half")
        raise RuntimeError("the disk filled up")
    assert list(tmp_path.iterdir()) == []


def test_a_file_that_appears_while_writing_is_not_replaced(tmp_path):  # type: ignore[no-untyped-def]
    target = tmp_path / "out.txt"
    with (
        pytest.raises(OutputExistsError, match="appeared while writing"),
        atomic_output(target) as out,
    ):
        out.temp.write_text("ours")
        target.write_text("someone else's")
    assert target.read_text() == "someone else's"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_written_files_are_owner_only(tmp_path):  # type: ignore[no-untyped-def]
    old = os.umask(0o022)
    try:
        with atomic_output(tmp_path / "out.txt") as out:
            out.temp.write_text("private")
    finally:
        os.umask(old)
    assert (tmp_path / "out.txt").stat().st_mode & 0o077 == 0


def test_backup_refuses_the_notebook_and_existing_files(two_clients, now, tmp_path):  # type: ignore[no-untyped-def]
    notebook = Path(two_clients.location)
    for target in (notebook, Path(f"{notebook}-wal")):
        with pytest.raises(OutputRefusedError, match="the notebook itself"):
            backup(two_clients.location, target, now, overwrite=True)
    other = tmp_path / "another-notebook.sqlite3"
    other.write_bytes(b"precious")
    with pytest.raises(OutputExistsError):
        backup(two_clients.location, other, now)
    assert other.read_bytes() == b"precious"
    written = backup(two_clients.location, other, now, overwrite=True)
    intact_with(written, 2)
    intact_with(notebook, 2)


def test_backups_in_the_same_second_get_their_own_names(two_clients, now):  # type: ignore[no-untyped-def]
    first = backup(two_clients.location, None, now)
    second = backup(two_clients.location, None, now)
    assert first != second
    assert first.parent == second.parent == Path(two_clients.location).parent / "backups"
    assert first.parent.stat().st_mode & 0o077 == 0
    for written in (first, second):
        assert written.stat().st_mode & 0o077 == 0
        intact_with(written, 2)
    intact_with(two_clients.location, 2)


def test_check_finds_a_search_index_out_of_step_and_rebuilds_it(two_clients):  # type: ignore[no-untyped-def]
    from ckbook.services.search import search

    with closing(sqlite3.connect(two_clients.location)) as connection:
        # Drop Bea from the name index behind the triggers' back: she can no longer be found.
        connection.execute(
            "INSERT INTO client_fts(client_fts, rowid, name, organisation, handling_notes) "
            "SELECT 'delete', id, name, organisation, handling_notes FROM client "
            "WHERE name = 'Bea Okafor'"
        )
        connection.commit()
    assert not [hit for hit in search("Okafor", 10) if hit.kind == "client"]
    report = check(two_clients.location)
    assert report.damaged_indexes == ("client_fts",) and report.indexes_repaired
    assert "search index: out of step in client_fts; rebuilt" in report.lines()
    assert [hit.client_name for hit in search("Okafor", 10) if hit.kind == "client"] == [
        "Bea Okafor"
    ]
    again = check(two_clients.location)
    assert again.ok and not again.damaged_indexes
    intact_with(two_clients.location, 2)
