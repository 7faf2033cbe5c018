"""Signing in to a server notebook with a password kept in the system keyring: `ckbook team
login` asks for it, checks it with the server and keeps it there (never in a file); `--db URL`
without a password finds it there when the server asks for one; a missing or wrong password is
one line saying what to do; `team logout` takes it out.

The server here asks the test's role for a password (scram-sha-256, set in its pg_hba.conf);
the keyring is a real keyring backend held in memory (tests/keyrings.py)."""

from __future__ import annotations

import io
import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest

from ckbook.store.passwords import SERVICE, keyring_key
from tests.cli.conftest import Result
from tests.conftest import Server
from tests.keyrings import MemoryKeyring, memory_keyring
from tests.pg_server import SERVER_ENV

__all__ = ["memory_keyring"]

PASSWORD = "correct horse battery staple"
_numbers = itertools.count()


def as_role(url: str, role: str) -> str:
    scheme, rest = url.split("://", 1)
    return f"{scheme}://{role}@{rest.split('@', 1)[1]}"


@pytest.fixture
def guarded(pg_server: Server, db_target: str, run: Callable[..., Result]) -> Iterator[str]:
    """The notebook's URL as a member role the server asks a password of."""
    if os.environ.get(SERVER_ENV):
        pytest.skip("the server's pg_hba.conf is not ours to change")
    role = f"ada_{os.getpid()}_{next(_numbers)}"
    pg_server.admin(f"CREATE ROLE {role} LOGIN PASSWORD '{PASSWORD}'")
    assert run("team", "grant", role, "--as", "member", "--apply").code == 0
    with psycopg.connect(pg_server.url("postgres"), autocommit=True) as admin:
        hba = Path(str(admin.execute("SHOW hba_file").fetchone()[0]))  # type: ignore[index]
        before = hba.read_text()
        hba.write_text(f"host all {role} 127.0.0.1/32 scram-sha-256\n{before}")
        admin.execute("SELECT pg_reload_conf()")
    try:
        yield as_role(db_target, role)
    finally:
        with psycopg.connect(pg_server.url("postgres"), autocommit=True) as admin:
            hba.write_text(before)
            admin.execute("SELECT pg_reload_conf()")
        name = db_target.rsplit("/", 1)[1]
        pg_server.admin(f"DROP OWNED BY {role}", database=name)
        pg_server.admin(f"DROP ROLE {role}")


def typed(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    """What `team login` reads from a pipe: the password's line."""
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


@pytest.mark.postgresql
def test_login_keeps_the_password_in_the_keyring_and_opening_finds_it_there(  # type: ignore[no-untyped-def]
    guarded, run, memory_keyring: MemoryKeyring, monkeypatch, caplog
):
    result = run("clients", "--db", guarded)
    assert result.code == 2 and result.out == ""
    assert result.err.count("\n") == 1
    assert "asks for a password and none is stored in the system keyring" in result.err
    assert f"ckbook team login {guarded}" in result.err

    typed(monkeypatch, PASSWORD + "\n")
    result = run("team", "login", guarded)
    assert result.code == 0, result.err
    role = guarded.split("://", 1)[1].split("@", 1)[0]
    assert f"as {role}" in result.out
    assert memory_keyring.passwords == {(SERVICE, keyring_key(guarded)): PASSWORD}

    result = run("client", "add", "Grace Hopper", "--db", guarded)
    assert result.code == 0, result.err
    result = run("clients", "--db", guarded)
    assert result.code == 0 and "Grace Hopper" in result.out
    # Never shown, never logged.
    assert PASSWORD not in result.out + result.err + caplog.text


@pytest.mark.postgresql
def test_a_wrong_password_is_refused_in_one_line_and_never_kept(  # type: ignore[no-untyped-def]
    guarded, run, memory_keyring: MemoryKeyring, monkeypatch
):
    typed(monkeypatch, "not the password\n")
    result = run("team", "login", guarded)
    assert result.code == 2 and result.err.count("\n") == 1
    assert "password authentication failed" in result.err
    assert memory_keyring.passwords == {}  # checked with the server before it is kept

    memory_keyring.set_password(SERVICE, keyring_key(guarded), "an old password")
    result = run("clients", "--db", guarded)
    assert result.code == 2 and result.err.count("\n") == 1
    assert "refused the password kept in the system keyring" in result.err
    assert "an old password" not in result.err


@pytest.mark.postgresql
def test_logout_takes_the_password_out_of_the_keyring(  # type: ignore[no-untyped-def]
    guarded, run, memory_keyring: MemoryKeyring, monkeypatch
):
    typed(monkeypatch, PASSWORD + "\n")
    assert run("team", "login", guarded).code == 0
    result = run("team", "logout", guarded)
    assert result.code == 0 and "Signed out" in result.out
    assert memory_keyring.passwords == {}
    assert run("clients", "--db", guarded).code == 2
    result = run("team", "logout", guarded)
    assert result.code == 0 and "No password" in result.out


def test_login_is_for_server_notebooks_and_never_takes_a_password_in_the_url(  # type: ignore[no-untyped-def]
    run, db_path, memory_keyring: MemoryKeyring
):
    result = run("team", "login", db_path)
    assert result.code == 2 and "is for a server notebook" in result.err
    result = run("team", "login", "postgresql://ada:secret@127.0.0.1:1/book")
    assert result.code == 2 and "without its password" in result.err
    assert "secret" not in result.err
    assert memory_keyring.passwords == {}


def test_one_notebook_has_one_key_however_its_url_is_written() -> None:
    assert keyring_key("postgresql://ada@Example.org/book") == "ada@example.org:5432/book"
    assert keyring_key("postgres://ada@example.org:5432/book") == "ada@example.org:5432/book"
    assert keyring_key("postgresql://ada@example.org:6543/book") == "ada@example.org:6543/book"
