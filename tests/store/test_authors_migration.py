"""Migration 0008 on a notebook made before it: every note, promise, incident, request and
reminder record is kept, with no author (NULL: unknown, shown as nothing special); new rows get
one; the full-text search of the old rows still works (no table was rebuilt)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ckbook.services.notes import add_note, notes_for_client
from ckbook.services.search import search
from ckbook.store import database as database_module
from ckbook.store.database import close_database, known_migrations, open_database
from ckbook.store.people import signed_in

STEP = "0008_authors"
TABLES = ("note", "promise", "incident", "request", "reminder_log")


@pytest.fixture
def before_0008(tmp_path: Path) -> Path:
    """The migrations of the release before 0008."""
    folder = tmp_path / "release-before-0008"
    folder.mkdir()
    for name in known_migrations():
        if name < STEP:
            shutil.copy(database_module.MIGRATIONS_DIR / f"{name}.py", folder)
    return folder


@pytest.fixture
def empty_target(backend: str, db_path: str, request: pytest.FixtureRequest) -> str:
    if backend == "sqlite":
        return db_path
    return str(request.getfixturevalue("empty_server_database"))


def test_0008_keeps_every_row_with_no_author_and_new_rows_get_one(  # type: ignore[no-untyped-def]
    empty_target, before_0008, monkeypatch, now
):
    monkeypatch.setattr(database_module, "MIGRATIONS_DIR", before_0008)
    old = open_database(empty_target)
    param = "?" if old.path is not None else "%s"
    stamp = now.isoformat(sep=" ")
    run = old.database.execute_sql
    run(
        "INSERT INTO client (name, organisation, address, status, handling_notes, "
        "attention_level, checkin_days, response_hours, preferred_channel, created_at, "
        f"updated_at, version, uid) VALUES ('Grace', '', '', 'active', '', 'standard', 14, 24, "
        f"'email', {param}, {param}, 1, 'urn:uuid:grace')",
        (stamp, stamp),
    )
    client = run("SELECT id FROM client").fetchone()[0]
    run(
        "INSERT INTO note (client_id, kind, started_at, body, created_at, updated_at) "
        f"VALUES ({param}, 'call', {param}, 'discussed the migration', {param}, {param})",
        (client, stamp, stamp, stamp),
    )
    run(
        "INSERT INTO promise (client_id, text, made_at, status) "
        f"VALUES ({param}, 'send the plan', {param}, 'open')",
        (client, stamp),
    )
    close_database(old)

    monkeypatch.undo()
    upgraded = open_database(empty_target)
    try:
        assert STEP in upgraded.applied_migrations
        for table in TABLES:
            columns = {c.name for c in upgraded.database.get_columns(table)}
            assert "author" in columns, table
        assert [(n.body, n.author) for n in notes_for_client(client)] == [
            ("discussed the migration", None)
        ]
        assert upgraded.database.execute_sql("SELECT author FROM promise").fetchall() == [(None,)]
        assert [hit.id for hit in search("migration")]  # the old row is still found
        add_note(client, now, body="after the upgrade")
        authors = sorted((n.author or "") for n in notes_for_client(client))
        assert authors == ["", signed_in().name]
    finally:
        close_database(upgraded)
