"""Text that cannot hurt on the command line: stored text with escape sequences, carriage returns
or direction overrides (written by an earlier release, before the text rule) is printed as
visible escapes, JSON carries it escaped with the same value, and an argument that is not UTF-8
is refused in one line with exit 2 and nothing written."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ckbook.services.notes import add_note
from ckbook.services.promises import add_promise
from ckbook.store.database import close_database, open_database
from ckbook.store.maintenance import check
from tests.cli.test_cli import row_counts
from tests.conftest import NOW, NOW_ARG, TZ
from tests.factories import make_client
from tests.services.test_hostile_text import hostile

#: What an earlier release let in: a colour change, a window retitle with BEL, a screen clear by
#: 8-bit CSI, a carriage return that hides text, a right-to-left override.
HOSTILE = "plan\x1b[31m red\x1b]0;owned\x07 \x9b2J\rcover \u202eevil\x7f"
ACTING = ("\x1b", "\x07", "\x9b", "\r", "\u202e", "\x7f")


def _store_hostile_rows(db_path: str) -> None:
    opened = open_database(db_path)
    try:
        ada = make_client(NOW, "Ada")
        promise = add_promise(ada, "placeholder by Friday", NOW, TZ).ids[0]
        note = add_note(ada, NOW, body="placeholder").ids[0]
    finally:
        close_database(opened)
    # Straight into the file, as an earlier release stored it: the services clean what comes in.
    with closing(sqlite3.connect(db_path)) as con, con:
        con.execute("UPDATE promise SET text = ? WHERE id = ?", (HOSTILE, promise))
        con.execute("UPDATE note SET body = ? WHERE id = ?", (f"first\n{HOSTILE}", note))
        con.execute("UPDATE client SET name = ? WHERE id = ?", (f"Ada{HOSTILE[4:12]}", ada))


@pytest.mark.parametrize(
    "command",
    [
        ("due", "--now", NOW_ARG),
        ("today", "--now", NOW_ARG),
        ("notes", "#1"),
        ("search", "plan"),
        ("search", "first"),
        ("clients",),
    ],
)
@pytest.mark.sqlite_only(
    "hostile rows written as an earlier release did, with a raw sqlite3 connection"
)
def test_human_output_shows_escapes_instead_of_acting_on_them(run, db_path, command):  # type: ignore[no-untyped-def]
    _store_hostile_rows(db_path)
    result = run(*command)
    assert result.code == 0, result.err
    assert "\\x1b" in result.out
    for ch in ACTING:
        assert ch not in result.out
    assert check(db_path).ok
    assert row_counts(db_path)["promise"] == 1


@pytest.mark.sqlite_only(
    "hostile rows written as an earlier release did, with a raw sqlite3 connection"
)
@pytest.mark.parametrize(
    ("command", "pick", "value"),
    [
        (("due", "--now", NOW_ARG, "--json"), lambda data: data["upcoming"][0]["text"], HOSTILE),
        (("notes", "#1", "--json"), lambda data: data[0]["body"], f"first\n{HOSTILE}"),
        (("search", "plan", "--json"), lambda data: data[0]["client"], f"Ada{HOSTILE[4:12]}"),
    ],
)
def test_json_escapes_what_a_terminal_would_act_on_and_keeps_the_value(  # type: ignore[no-untyped-def]
    run, db_path, command, pick, value
):
    _store_hostile_rows(db_path)
    result = run(*command)
    for ch in ACTING:
        assert ch not in result.out
    assert "\\u001b" in result.out
    assert pick(result.json()) == value
    assert check(db_path).ok
    assert row_counts(db_path)["note"] == 1


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("client", "add", "Ada\udcff"), "NAME is not valid UTF-8 text (byte 0xFF)"),
        (
            ("client", "add", "Ada", "--tag", "v\udce9p"),
            "--tag is not valid UTF-8 text (byte 0xE9)",
        ),
        (("search", "\udcfe"), "TEXT is not valid UTF-8 text (byte 0xFE)"),
        (("promise", "add", "Ada", "x", "--due", "\udcff"), "--due is not valid UTF-8"),
    ],
)
def test_an_argument_that_is_not_utf8_is_one_line_and_exit_2(run, db_path, args, named):  # type: ignore[no-untyped-def]
    result = run(*args)
    assert result.code == 2
    assert result.err.count("\n") == 1 and named in result.err
    assert "Traceback" not in result.err
    assert not os.path.exists(db_path)  # refused before anything opened (or was created)


def test_raw_bytes_in_argv_from_a_real_shell(tmp_path: Path) -> None:
    """The console script as a shell runs it: `ckbook client add $'\\xff'`."""
    db = tmp_path / "n.sqlite3"
    env = {**os.environ, "PYTHONUTF8": "1", "TZ": "Europe/Berlin"}
    script = "import sys; from ckbook.cli import main; sys.exit(main())"
    args = [sys.executable, "-c", script, "--db", str(db), "client", "add"]
    bad = subprocess.run([*args, b"\xff"], capture_output=True, env=env, timeout=60)
    assert bad.returncode == 2
    assert bad.stderr == b"ckbook: error: NAME is not valid UTF-8 text (byte 0xFF); retype it\n"
    assert not db.exists()
    good = subprocess.run([*args, "Zoe\u0301".encode()], capture_output=True, env=env, timeout=60)
    assert good.returncode == 0, good.stderr
    listed = subprocess.run(
        [*args[:-2], "clients", "--json"], capture_output=True, env=env, timeout=60
    )
    assert [c["name"] for c in json.loads(listed.stdout)] == ["Zo\u00e9"]
    assert check(str(db)).ok
    assert row_counts(str(db))["client"] == 1


#: Arguments as a shell hands them over: any text, with bytes that are not UTF-8 now and then.
arguments = st.one_of(
    hostile,
    st.tuples(hostile, st.characters(min_codepoint=0xDC80, max_codepoint=0xDCFF)).map("".join),
)


@pytest.mark.sqlite_only("whether the notebook file exists yet is part of what it checks")
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(name=arguments, text=arguments, query=arguments)
def test_any_argument_is_stored_clean_or_refused_in_one_line(run, db_path, name, text, query):  # type: ignore[no-untyped-def]
    before = row_counts(db_path) if os.path.exists(db_path) else None
    added = run("client", "add", name, "--tag", text, "--now", NOW_ARG)
    assert added.code in (0, 2) and "Traceback" not in added.err
    if added.code == 2:
        assert added.err.count("\n") == 1
        assert (row_counts(db_path) if os.path.exists(db_path) else None) == before
    else:
        assert row_counts(db_path)["client"] == (before["client"] if before else 0) + 1
        client = added.out.split(":", 1)[0].split()[-1]
        promised = run("promise", "add", f"#{client}", text, "--now", NOW_ARG)
        assert promised.code in (0, 2) and "Traceback" not in promised.err
    for command in (("search", query), ("notes", name), ("clients",), ("due", "--now", NOW_ARG)):
        result = run(*command)
        assert result.code in (0, 2) and "Traceback" not in result.err
        for ch in ACTING:
            assert ch not in result.out and ch not in result.err
    if os.path.exists(db_path):
        assert check(db_path).ok
        counts = row_counts(db_path)
        assert counts["promise"] <= counts["client"]
