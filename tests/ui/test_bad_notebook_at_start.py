"""Each kind of bad notebook at start: the window explains it in plain words, never changes the
file, and — for a damaged file with a good backup — restores the newest good backup, keeping the
bad file beside it. Each test ends with an integrity check and a count of what is stored."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from ckbook import app
from ckbook.store.database import close_database, open_database
from ckbook.store.errors import StoreError
from ckbook.store.maintenance import Trouble, backup, check, diagnose
from tests.factories import make_client


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def clients_in(path: Path) -> int:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        return int(connection.execute("SELECT COUNT(*) FROM client").fetchone()[0])


@pytest.fixture
def shown(qapp, monkeypatch):  # type: ignore[no-untyped-def]
    """Every start box, as (text, buttons); ``choose`` names the button to press."""
    boxes: list[tuple[str, list[str]]] = []
    choice = {"press": None}

    def fake_exec(box: QMessageBox) -> int:
        labels = [b.text() for b in box.buttons()]
        boxes.append((box.text(), labels))
        for button in box.buttons():
            if choice["press"] and button.text().startswith(choice["press"]):
                button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    boxes_and_choice = (boxes, choice)
    return boxes_and_choice


@pytest.fixture
def notebook_with_backup(db_path, now):  # type: ignore[no-untyped-def]
    """A notebook with two clients and a good automatic-style backup of it."""
    opened = open_database(db_path)
    make_client(now, "Ada Lovelace")
    make_client(now, "Bea Okafor")
    backup(opened.location, None, now)
    close_database(opened)
    return Path(db_path)


def damage(path: Path) -> None:
    """Overwrite the schema page after the header: SQLite can no longer read the notebook."""
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xde\xad" * ((4096 - 100) // 2)
    path.write_bytes(bytes(data))


def test_a_damaged_notebook_is_explained_and_the_newest_good_backup_restored(  # type: ignore[no-untyped-def]
    notebook_with_backup, shown, clock
):
    boxes, choice = shown
    damage(notebook_with_backup)
    before = digest(notebook_with_backup)
    assert diagnose(str(notebook_with_backup)) is Trouble.DAMAGED
    with pytest.raises(StoreError) as failed:
        open_database(notebook_with_backup)
    choice["press"] = "Restore the backup"
    opened = app.recover_at_start(str(notebook_with_backup), failed.value, clock)
    assert opened is not None
    close_database(opened)
    text, buttons = boxes[0]
    assert "is damaged" in text and "did not change it" in text
    assert any(b.startswith("Restore the backup of") and "2 clients" in b for b in buttons)
    kept = list(notebook_with_backup.parent.glob("ckbook.sqlite3.unusable-*"))
    assert [digest(p) for p in kept if not p.name.endswith(("-wal", "-shm"))] == [before]
    assert check(str(notebook_with_backup)).ok
    assert clients_in(notebook_with_backup) == 2


def test_a_damaged_notebook_is_left_as_it_is_when_the_user_quits(notebook_with_backup, shown):  # type: ignore[no-untyped-def]
    boxes, choice = shown
    damage(notebook_with_backup)
    before = digest(notebook_with_backup)
    choice["press"] = "Quit"
    assert app.main(["--db", str(notebook_with_backup)]) == 2
    assert "Quit" in boxes[0][1]
    assert digest(notebook_with_backup) == before
    assert not list(notebook_with_backup.parent.glob("*.unusable-*"))


def test_a_truncated_notebook_is_damaged_not_silently_opened(notebook_with_backup, shown):  # type: ignore[no-untyped-def]
    boxes, _choice = shown
    size = notebook_with_backup.stat().st_size
    with notebook_with_backup.open("r+b") as handle:
        handle.truncate(size // 2)
    before = digest(notebook_with_backup)
    assert app.main(["--db", str(notebook_with_backup)]) == 2
    assert "damaged" in boxes[0][0]
    assert digest(notebook_with_backup) == before


def test_another_programs_database_is_explained_and_offers_no_restore(tmp_path, shown):  # type: ignore[no-untyped-def]
    boxes, _choice = shown
    path = tmp_path / "photos.db"
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE album (title TEXT)")
        connection.commit()
    before = digest(path)
    assert app.main(["--db", str(path)]) == 2
    text, buttons = boxes[0]
    assert "database of another program" in text
    assert not any(b.startswith("Restore") for b in buttons)
    assert digest(path) == before


def test_a_notebook_from_a_newer_ckbook_says_update(notebook_with_backup, shown):  # type: ignore[no-untyped-def]
    boxes, _choice = shown
    with closing(sqlite3.connect(notebook_with_backup)) as connection:
        connection.execute("INSERT INTO schema_migration (name, applied) VALUES ('9999_x', '2030')")
        connection.commit()
    before = digest(notebook_with_backup)
    assert app.main(["--db", str(notebook_with_backup)]) == 2
    text, buttons = boxes[0]
    assert "newer version of ckbook" in text
    assert not any(b.startswith("Restore") for b in buttons)
    assert digest(notebook_with_backup) == before
    assert clients_in(notebook_with_backup) == 2


def test_an_unreadable_notebook_is_diagnosed_as_such(notebook_with_backup, monkeypatch):  # type: ignore[no-untyped-def]
    # As root nothing is unreadable; os.access is what diagnose asks, so it answers as for a user.
    real = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if Path(p) == notebook_with_backup else real(p, mode)
    )
    assert diagnose(str(notebook_with_backup)) is Trouble.UNREADABLE
