"""Opening a notebook on a PostgreSQL server (team mode): what cannot be used is one clear line
(CLI exit 2), never a traceback; another program's database or a newer notebook is refused and
left as it was; commands that only read create nothing."""

from __future__ import annotations

import socket
import sys
from contextlib import closing

import psycopg
import pytest

from ckbook.cli import main
from ckbook.store.database import close_database, open_database, without_password
from ckbook.store.errors import (
    ForeignDatabaseError,
    NoNotebookError,
    SchemaTooNewError,
    ServerUnavailableError,
    StoreError,
)
from tests.rows import row_counts


def closed_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    with closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def one_line_exit_2(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert (code, out) == (2, ""), err
    assert err.count("\n") == 1 and err.startswith("ckbook: error: "), err
    return err


def test_a_missing_driver_says_which_extra_to_install(monkeypatch, capsys):  # type: ignore[no-untyped-def]
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg now fails
    url = f"postgresql://ada@127.0.0.1:{closed_port()}/book"
    with pytest.raises(ServerUnavailableError, match=r'pip install "ckbook\[team\]"'):
        open_database(url)
    err = one_line_exit_2(capsys, "clients", "--db", url)
    assert "psycopg" in err and 'pip install "ckbook[team]"' in err


def test_an_unreachable_server_is_one_line_naming_it(capsys):  # type: ignore[no-untyped-def]
    url = f"postgresql://ada@127.0.0.1:{closed_port()}/book"
    err = one_line_exit_2(capsys, "clients", "--db", url)
    assert f"cannot connect to {url}" in err and "refused" in err


def test_the_password_of_a_url_is_never_shown(capsys, monkeypatch):  # type: ignore[no-untyped-def]
    url = f"postgresql://ada:s3cret@127.0.0.1:{closed_port()}/book"
    monkeypatch.setenv("CKBOOK_DB", url)
    err = one_line_exit_2(capsys, "clients")
    assert "s3cret" not in err and "postgresql://ada@127.0.0.1:" in err
    assert (
        without_password("postgresql://a:p%40ss@[::1]:5433/b?x=1")
        == "postgresql://a@[::1]:5433/b?x=1"
    )


def test_a_url_of_another_kind_of_database_is_refused(capsys):  # type: ignore[no-untyped-def]
    with pytest.raises(StoreError, match="a notebook file or a PostgreSQL server"):
        open_database("mysql://ada@localhost/book")


@pytest.mark.postgresql
def test_a_new_database_becomes_a_notebook_with_every_migration(empty_server_database):  # type: ignore[no-untyped-def]
    opened = open_database(empty_server_database)
    try:
        assert opened.created
        assert "0007_search_postgres" in opened.applied_migrations
    finally:
        close_database(opened)
    again = open_database(empty_server_database)
    try:
        assert (again.created, again.applied_migrations) == (False, ())
    finally:
        close_database(again)


@pytest.mark.postgresql
def test_reading_an_empty_database_creates_nothing(empty_server_database, capsys):  # type: ignore[no-untyped-def]
    with pytest.raises(NoNotebookError, match="the database is empty"):
        open_database(empty_server_database, create=False)
    assert "no notebook at" in one_line_exit_2(capsys, "clients", "--db", empty_server_database)
    assert row_counts(empty_server_database) == {}


@pytest.mark.postgresql
def test_another_programs_database_is_refused_and_left_as_it_was(empty_server_database, capsys):  # type: ignore[no-untyped-def]
    with psycopg.connect(empty_server_database) as connection:
        connection.execute("CREATE TABLE invoices (id serial PRIMARY KEY, total numeric)")
        connection.execute("INSERT INTO invoices (total) VALUES (12.5)")
    with pytest.raises(ForeignDatabaseError, match="another program"):
        open_database(empty_server_database)
    one_line_exit_2(capsys, "client", "add", "Ada", "--db", empty_server_database)
    assert row_counts(empty_server_database) == {"invoices": 1}


@pytest.mark.postgresql
def test_a_notebook_from_a_newer_ckbook_is_refused(empty_server_database):  # type: ignore[no-untyped-def]
    close_database(open_database(empty_server_database))
    with psycopg.connect(empty_server_database) as connection:
        connection.execute(
            "INSERT INTO schema_migration (name, applied) VALUES ('9999_from_the_future', now())"
        )
    with pytest.raises(SchemaTooNewError, match="9999_from_the_future"):
        open_database(empty_server_database)


@pytest.mark.postgresql
def test_check_on_a_server_reads_every_table_and_rebuilds_a_broken_search_index(  # type: ignore[no-untyped-def]
    empty_server_database, capsys
):
    assert main(["client", "add", "Ada Lovelace", "--db", empty_server_database]) == 0
    assert main(["check", "--db", empty_server_database]) == 0
    assert f"{empty_server_database}: ok" in capsys.readouterr().out
    with psycopg.connect(empty_server_database) as connection:  # a failed index build
        connection.execute(
            "UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'note_search'::regclass"
        )
    assert main(["check", "--db", empty_server_database, "--json"]) == 0
    out = capsys.readouterr().out
    assert '"note_search"' in out and '"indexes_repaired": true' in out
    with psycopg.connect(empty_server_database) as connection:
        row = connection.execute(
            "SELECT indisvalid FROM pg_index WHERE indexrelid = 'note_search'::regclass"
        ).fetchone()
    assert row == (True,)
