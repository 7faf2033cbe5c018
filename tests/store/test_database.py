"""Opening the database: location, pragmas, file permissions, migrations, refusing newer files."""

from __future__ import annotations

import os
import sqlite3
import stat
from decimal import Decimal
from pathlib import Path

import pytest
from playhouse.schema_diff import diff_models

from ckbook.store import database as database_module
from ckbook.store.database import close_database, known_migrations, open_database
from ckbook.store.errors import NotADatabaseError, SchemaTooNewError
from ckbook.store.models import ALL_MODELS, MoneyTerms


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_migrations_produce_exactly_the_models(db):
    diff = str(diff_models(db.database, list(ALL_MODELS))).strip().splitlines()
    # PostgreSQL's search columns (migration 0007) are the server's, never a model's fields.
    diff = [line for line in diff if "search_vector" not in line]
    assert not diff, "migrations and models differ:\n" + "\n".join(diff)


def test_every_known_migration_is_applied_on_a_new_file(db):
    rows = db.database.execute_sql("SELECT name FROM schema_migration").fetchall()
    assert sorted(r[0] for r in rows) == known_migrations()


@pytest.mark.sqlite_only("SQLite's pragmas")
def test_pragmas_hold_on_every_connection(db):
    sql = db.database.execute_sql
    assert sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert sql("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_new_file_is_owner_only_and_its_companions_too(db_path, monkeypatch):
    monkeypatch.setattr(os, "umask", os.umask)  # keep the process umask as it is
    old = os.umask(0o022)
    try:
        opened = open_database(db_path)
        try:
            MoneyTerms.select().count()  # touch the file so -wal/-shm exist
            path = Path(db_path)
            assert mode(path) == 0o600
            for sidecar in (Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
                if sidecar.exists():
                    assert mode(sidecar) & 0o077 == 0, sidecar
        finally:
            close_database(opened)
    finally:
        os.umask(old)


def test_ckbook_db_environment_variable_picks_the_file(tmp_path, monkeypatch):
    target = tmp_path / "from-env.sqlite3"
    monkeypatch.setenv("CKBOOK_DB", str(target))
    opened = open_database(None)
    try:
        assert opened.location == str(target)
        assert target.exists()
    finally:
        close_database(opened)


def test_default_location_is_the_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("CKBOOK_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    opened = open_database(None)
    try:
        assert opened.location == str(tmp_path / "data" / "ckbook" / "ckbook.sqlite3")
        assert mode(tmp_path / "data" / "ckbook") == 0o700
    finally:
        close_database(opened)


def test_reopening_keeps_every_row_and_runs_nothing_again(db_path, now):
    from tests.factories import make_client

    first = open_database(db_path)
    make_client(now, "Ada")
    close_database(first)
    again = open_database(db_path)
    try:
        from ckbook.store.models import Client

        assert [c.name for c in Client.select()] == ["Ada"]
        assert again.applied_migrations == ()
    finally:
        close_database(again)


def test_a_file_from_a_newer_ckbook_is_refused_and_left_untouched(db_path):
    opened = open_database(db_path)
    opened.database.execute_sql(
        "INSERT INTO schema_migration (name, applied) VALUES ('9999_future', '2030-01-01')"
    )
    close_database(opened)
    before = Path(db_path).read_bytes()
    with pytest.raises(SchemaTooNewError, match="newer ckbook"):
        open_database(db_path)
    assert Path(db_path).read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("just some text, not a notebook\n" * 20)
    before = path.read_bytes()
    with pytest.raises(NotADatabaseError, match="not a ckbook database"):
        open_database(path)
    assert path.read_bytes() == before


def test_an_older_database_is_backed_up_then_upgraded_with_every_row(
    db_path, now, tmp_path, monkeypatch
):
    """A file made by the first release (only 0001) opens with a later release, rows kept.

    The later release is today's migrations plus one made here, so there is always an upgrade
    to run: the test never turns into a skip while there is only one real migration."""
    import shutil

    from ckbook.store.models import Client

    steps = known_migrations()
    first_release = tmp_path / "first-release-migrations"
    first_release.mkdir()
    shutil.copy(database_module.MIGRATIONS_DIR / f"{steps[0]}.py", first_release)
    later_release = tmp_path / "later-release-migrations"
    shutil.copytree(database_module.MIGRATIONS_DIR, later_release)
    (later_release / "9000_upgrade_probe.py").write_text(
        "def up(migrator, db):\n"
        "    db.execute_sql('CREATE TABLE upgrade_probe (x INTEGER)')\n\n\n"
        "def down(migrator, db):\n"
        "    db.execute_sql('DROP TABLE upgrade_probe')\n"
    )
    monkeypatch.setattr(database_module, "MIGRATIONS_DIR", first_release)
    old = open_database(db_path)
    # As the first release wrote it: today's models have columns its schema lacks.
    old.database.execute_sql(
        "INSERT INTO client (name, organisation, address, status, handling_notes, "
        "attention_level, checkin_days, response_hours, preferred_channel, created_at, "
        "updated_at, version) VALUES ('Grace', '', '', 'active', '', 'standard', 14, 24, "
        "'email', ?, ?, 1)",
        (now.isoformat(), now.isoformat()),
    )
    close_database(old)

    monkeypatch.setattr(database_module, "MIGRATIONS_DIR", later_release)
    upgraded = open_database(db_path)
    try:
        upgrade = (*steps[1:], "9000_upgrade_probe")
        assert upgraded.applied_migrations == upgrade
        assert upgraded.database.table_exists("upgrade_probe")
        assert [c.name for c in Client.select()] == ["Grace"]
        assert Client.get().uid.startswith("urn:uuid:")  # 0005 gave the old row a UID
        backup = Path(f"{db_path}.before-{upgrade[0]}.bak")
        assert mode(backup) == 0o600
        copy = sqlite3.connect(backup)
        assert copy.execute("SELECT name FROM client").fetchall() == [("Grace",)]
        copy.close()
    finally:
        close_database(upgraded)


def test_money_is_stored_exactly(db, now):
    from tests.factories import make_client

    client_id = make_client(now)
    amount = Decimal("12345678901234567.89")
    MoneyTerms.create(
        client=client_id, version=1, pricing_model="fixed", amount=amount, created_at=now
    )
    raw = db.database.execute_sql("SELECT amount FROM money_terms").fetchone()[0]
    assert raw == "12345678901234567.89"
    assert MoneyTerms.get().amount == amount
