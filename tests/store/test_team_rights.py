"""People and rights on a server notebook: `ckbook team grant|revoke` prints or applies the GRANT
statements; a read-only role reads every card and is refused changes in one line (the window says
read-only); a member adds and changes; a revoked role is refused in one line; a member cannot hand
out rights."""

from __future__ import annotations

import psycopg
import pytest

from ckbook.cli import main
from ckbook.store.database import close_database, open_database
from ckbook.store.errors import StorageProblem, classify
from tests.conftest import Server

pytestmark = pytest.mark.postgresql


def ckbook(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def as_role(url: str, role: str) -> str:
    """The same database, signed in as ``role`` (the test server trusts loopback)."""
    scheme, rest = url.split("://", 1)
    return f"{scheme}://{role}@{rest.split('@', 1)[1]}"


@pytest.fixture
def team(pg_server: Server, empty_server_database: str, capsys):  # type: ignore[no-untyped-def]
    """A notebook with one client, and two people (login roles) with no rights yet."""
    code, _, err = ckbook(capsys, "client", "add", "Ada Lovelace", "--db", empty_server_database)
    assert code == 0, err
    suffix = empty_server_database.rsplit("_", 1)[-1]
    names = {"reader": f"reader_{suffix}", "member": f"member_{suffix}"}
    for role in names.values():
        pg_server.admin(f"CREATE ROLE {role} LOGIN")
    yield empty_server_database, names
    for role in names.values():
        pg_server.admin(f"DROP OWNED BY {role}", database=empty_server_database.rsplit("/", 1)[1])
        pg_server.admin(f"DROP ROLE {role}")


def test_grant_prints_statements_that_change_nothing_until_applied(team, capsys):  # type: ignore[no-untyped-def]
    url, names = team
    code, out, err = ckbook(
        capsys, "team", "grant", names["reader"], "--as", "read-only", "--db", url
    )
    assert code == 0, err
    lines = out.splitlines()
    assert all(line.endswith(";") for line in lines)
    assert any(line.startswith("GRANT SELECT ON TABLE ") and '"client"' in line for line in lines)
    assert not any("INSERT" in line for line in lines)
    code, _, err = ckbook(capsys, "clients", "--db", as_role(url, names["reader"]))
    assert code == 2 and "permission denied" in err and err.count("\n") == 1


def test_a_read_only_role_reads_and_is_refused_changes_in_one_line(team, capsys):  # type: ignore[no-untyped-def]
    url, names = team
    reader = as_role(url, names["reader"])
    code, out, err = ckbook(
        capsys, "team", "grant", names["reader"], "--as", "read-only", "--apply", "--db", url
    )
    assert code == 0 and "read-only rights" in out, err
    code, out, err = ckbook(capsys, "clients", "--db", reader)
    assert code == 0 and "Ada Lovelace" in out, err
    code, out, err = ckbook(capsys, "client", "add", "Bob", "--db", reader)
    assert (code, out) == (2, "")
    assert "read-only (your database role may read it but not change it)" in err
    assert err.count("\n") == 1
    opened = open_database(reader)
    try:
        assert opened.read_only
        with pytest.raises(Exception) as refused:  # what the server says to a write anyway
            opened.database.execute_sql("UPDATE client SET name = 'X'")
        assert classify(refused.value) is StorageProblem.NOT_ALLOWED
    finally:
        close_database(opened)


def test_a_member_changes_cards_but_cannot_hand_out_rights(team, capsys):  # type: ignore[no-untyped-def]
    url, names = team
    member = as_role(url, names["member"])
    assert (
        ckbook(capsys, "team", "grant", names["member"], "--as", "member", "--apply", "--db", url)[
            0
        ]
        == 0
    )
    code, out, err = ckbook(capsys, "client", "add", "Bob Member", "--db", member, "--json")
    assert code == 0 and '"id": 2' in out, err
    code, out, err = ckbook(
        capsys, "team", "grant", names["reader"], "--as", "owner", "--apply", "--db", member
    )
    assert (code, out) == (2, "")
    assert "may not make this change" in err and err.count("\n") == 1
    code, _, err = ckbook(capsys, "clients", "--db", as_role(url, names["reader"]))
    assert code == 2  # the refused grant left no right behind (all or none)


def test_revoke_takes_every_right_back(team, capsys):  # type: ignore[no-untyped-def]
    url, names = team
    member = as_role(url, names["member"])
    ckbook(capsys, "team", "grant", names["member"], "--as", "member", "--apply", "--db", url)
    assert ckbook(capsys, "clients", "--db", member)[0] == 0
    code, out, err = ckbook(capsys, "team", "revoke", names["member"], "--apply", "--db", url)
    assert code == 0 and "no rights" in out, err
    code, out, err = ckbook(capsys, "clients", "--db", member)
    assert (code, out) == (2, "") and "permission denied" in err


def test_rights_are_for_server_notebooks(db_path, capsys):  # type: ignore[no-untyped-def]
    assert ckbook(capsys, "client", "add", "Ada", "--db", db_path)[0] == 0
    code, _, err = ckbook(capsys, "team", "grant", "ada", "--as", "member", "--db", db_path)
    assert code == 2 and "rights are the server's" in err


def test_an_owner_may_run_schema_upgrades(team, capsys, pg_server):  # type: ignore[no-untyped-def]
    url, names = team
    ckbook(capsys, "team", "grant", names["member"], "--as", "owner", "--apply", "--db", url)
    with psycopg.connect(as_role(url, names["member"])) as connection:
        connection.execute("ALTER TABLE client ADD COLUMN an_upgrade integer")
        connection.execute("ALTER TABLE client DROP COLUMN an_upgrade")
