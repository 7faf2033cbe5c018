"""Backup, restore and check refuse what they cannot do, in one line and changing nothing: no
notebook at the path, a folder, restoring a notebook onto itself; check says when a file was
written by a newer ckbook."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from ckbook.store.database import close_database, open_database
from ckbook.store.errors import StoreError
from ckbook.store.maintenance import backup, check, restore
from tests.factories import make_client


def names(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as connection:
        return sorted(r[0] for r in connection.execute("SELECT name FROM client"))


def notebook_with_ada(db_path: str, now) -> Path:  # type: ignore[no-untyped-def]
    opened = open_database(db_path)
    make_client(now, "Ada")
    close_database(opened)
    return Path(db_path)


def test_check_of_a_missing_file_or_a_folder_says_so(tmp_path):  # type: ignore[no-untyped-def]
    missing = tmp_path / "typo.sqlite3"
    with pytest.raises(StoreError, match=f"no notebook at {missing}"):
        check(str(missing))
    assert not missing.exists()
    with pytest.raises(StoreError, match=f"{tmp_path} is a folder, not a database file"):
        check(str(tmp_path))


def test_backup_of_a_notebook_that_does_not_exist_creates_nothing(tmp_path):  # type: ignore[no-untyped-def]
    missing = tmp_path / "typo.sqlite3"
    target = tmp_path / "copy.sqlite3"
    with pytest.raises(StoreError, match=f"no notebook at {missing}"):
        backup(str(missing), target)
    assert not missing.exists() and not target.exists()


def test_restore_onto_itself_is_refused_and_the_notebook_kept(db_path, now):  # type: ignore[no-untyped-def]
    notebook = notebook_with_ada(db_path, now)
    with pytest.raises(StoreError, match="is the notebook itself"):
        restore(notebook, db_path, now)
    assert names(notebook) == ["Ada"]
    assert list(notebook.parent.glob("*.before-restore-*")) == []


def test_restore_onto_a_folder_is_refused(db_path, now, tmp_path):  # type: ignore[no-untyped-def]
    notebook = notebook_with_ada(db_path, now)
    folder = tmp_path / "adir"
    folder.mkdir()
    with pytest.raises(StoreError, match=f"{folder} is a folder, not a database file"):
        restore(notebook, str(folder), now)
    assert list(folder.iterdir()) == []
    assert list(tmp_path.glob("adir.*")) == []


def test_check_says_when_a_newer_ckbook_wrote_the_file(db_path, now):  # type: ignore[no-untyped-def]
    notebook = notebook_with_ada(db_path, now)
    with closing(sqlite3.connect(notebook)) as raw, raw:
        raw.execute("INSERT INTO schema_migration (name, applied) VALUES ('9999_future', '')")
    report = check(db_path)
    assert not report.ok
    assert report.problem() == "written by a newer ckbook (schema step 9999_future); update ckbook"
    assert "written by a newer ckbook: 9999_future" in report.lines()
