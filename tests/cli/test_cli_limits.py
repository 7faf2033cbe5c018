"""The review's hostile inputs: every one exits 2 with one line on stderr naming what is wrong and
writes nothing (no traceback); backup, restore and check on a path that is not a notebook; check's
exit status; a poisoned notebook still lists and reports; demo checks emptiness under the lock."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from pathlib import Path

import pytest

from ckbook.cli import main
from tests.conftest import NOW_ARG
from tests.factories import make_client
from tests.rows import row_counts

HUGE = "9223372036854775807"
BEYOND = "99999999999999999999"


def one_line_error(result) -> str:  # type: ignore[no-untyped-def]
    assert result.code == 2, (result.out, result.err)
    assert result.out == ""
    assert result.err.count("\n") == 1, result.err
    assert result.err.startswith("ckbook: error: ")
    assert "Traceback" not in result.err
    return str(result.err)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("client", "add", "Zed", "--checkin-days", HUGE),
            f"--checkin-days: check-in cadence must be 1 to 3650 days, not {HUGE}",
        ),
        (("client", "add", "Zed", "--checkin-days", "3000000"), "must be 1 to 3650 days"),
        (("client", "add", "Zed", "--checkin-days", BEYOND), "must be 1 to 3650 days"),
        (
            ("client", "add", "Zed", "--response-hours", "80000000"),
            "--response-hours: expected response time must be 1 to 8760 hours, not 80000000",
        ),
        (
            ("promise", "add", "Ada", "x", "--due", "9999-12-31"),
            "--due: '9999-12-31' is out of range: the year must be 1900 to 2199",
        ),
        (("promise", "add", "Ada", "x", "--due", "0001-01-01"), "out of range"),
        (("promise", "add", "Ada", "x", "--due", "9999-12-31T23:30"), "out of range"),
        (("promise", "add", "Ada", "x", "--due", "in 300 years"), "out of range"),
        (("clients", "--now", "0001-01-01"), "--now: '0001-01-01' is out of range"),
        (("due", "--now", "9999-12-31T23:59"), "--now: '9999-12-31T23:59' is out of range"),
        (("due", "--within", "99999999999999"), "--within: days ahead must be 0 to 3650"),
        (("due", "--within", "-1"), "--within: days ahead must be 0 to 3650, not -1"),
        (("search", "x", "--limit", BEYOND), "--limit: number of hits must be 1 to 10000"),
        (("search", "x", "--limit", "0"), "--limit: number of hits must be 1 to 10000, not 0"),
        (("request", "ack", BEYOND), f"argument ID: '{BEYOND}' is not an id"),
        (("request", "answer", "0"), "argument ID: '0' is not an id"),
        (("request", "ack", "12"), "no request with id 12"),
        (
            ("request", "add", "Ada", "x", "--received", "0001-01-01"),
            "--received: '0001-01-01' is out of range",
        ),
        (("request", "add", "Ada", "x", "--received", "soon"), "--received: 'soon' is not an ISO"),
        (("promise", "add", BEYOND, "x"), f"no client with id or name '{BEYOND}'"),
        (("promise", "add", f"#{BEYOND}", "x"), f"no client with id {BEYOND}"),
        (("promise", "add", "999", "x"), "no client with id or name '999'"),
    ],
)
def test_hostile_input_exits_2_with_one_line_and_writes_nothing(
    db, db_target, now, run, args, message
):  # type: ignore[no-untyped-def]
    make_client(now, "Ada")
    before = row_counts(db_target)
    assert message in one_line_error(run(*args))
    assert row_counts(db_target) == before


def test_an_overflow_anywhere_is_one_line_not_a_traceback(db, run, monkeypatch):  # type: ignore[no-untyped-def]
    import ckbook.services.search as search

    def overflow(*_args: object) -> None:
        raise OverflowError("Python int too large to convert to SQLite INTEGER")

    monkeypatch.setattr(search, "search", overflow)
    assert "a number is out of range" in one_line_error(run("search", "x"))


def test_a_digit_client_that_is_an_id_and_a_name_is_ambiguous(db, db_target, now, run):  # type: ignore[no-untyped-def]
    make_client(now, "Ada Lovelace")
    named_one = run("client", "add", "1", "--json").json()["id"]
    before = row_counts(db_target)
    message = one_line_error(run("promise", "add", "1", "call back"))
    assert f"id 1 is 'Ada Lovelace', and client {named_one} is named '1'" in message
    assert row_counts(db_target) == before
    promise = run("promise", "add", f"#{named_one}", "call back", "--json").json()
    assert promise["client_id"] == named_one


# -- backup, restore, check ------------------------------------------------------------------


def test_check_and_backup_of_a_missing_notebook_say_so_and_create_nothing(tmp_path, run):  # type: ignore[no-untyped-def]
    missing = tmp_path / "typo.sqlite3"
    for args in (("check",), ("backup", "--to", str(tmp_path / "copy.sqlite3"))):
        code = main([*args, "--db", str(missing)])
        assert code == 2
    # Nothing but the (empty) folder the fixture made for its own notebook.
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["notebook"]
    message = one_line_error(run("check", "--db", str(missing)))
    assert f"no notebook at {missing}" in message


@pytest.mark.sqlite_only(
    "backup, restore and check work on notebook files (a server has its own tools)"
)
def test_check_and_restore_on_a_folder_say_it_is_a_folder(db_path, now, tmp_path, run):  # type: ignore[no-untyped-def]
    folder = tmp_path / "adir"
    folder.mkdir()
    assert "is a folder, not a database file" in one_line_error(run("check", "--db", str(folder)))
    run("client", "add", "Ada")
    copy = tmp_path / "copy.sqlite3"
    assert run("backup", "--to", str(copy)).code == 0
    message = one_line_error(run("restore", str(copy), "--db", str(folder)))
    assert f"{folder} is a folder, not a database file" in message
    assert list(folder.iterdir()) == [] and list(tmp_path.glob("adir.*")) == []


@pytest.mark.sqlite_only(
    "backup, restore and check work on notebook files (a server has its own tools)"
)
def test_restoring_the_notebook_onto_itself_is_refused(db_path, run):  # type: ignore[no-untyped-def]
    run("client", "add", "Ada")
    before = Path(db_path).read_bytes()
    assert "is the notebook itself" in one_line_error(run("restore", db_path))
    assert Path(db_path).read_bytes() == before
    assert list(Path(db_path).parent.glob("*.before-restore-*")) == []


@pytest.mark.sqlite_only(
    "backup, restore and check work on notebook files (a server has its own tools)"
)
def test_check_exits_0_when_ok_and_2_with_one_line_when_not(db_path, run):  # type: ignore[no-untyped-def]
    run("client", "add", "Ada")
    ok = run("check")
    assert (ok.code, ok.err) == (0, "")
    assert ": ok" in ok.out
    with closing(sqlite3.connect(db_path)) as raw, raw:
        raw.execute("INSERT INTO schema_migration (name, applied) VALUES ('9999_future', '')")
    newer = run("check")
    assert newer.code == 2
    assert newer.err.count("\n") == 1
    assert "written by a newer ckbook (schema step 9999_future)" in newer.err
    assert "PROBLEMS FOUND" in newer.out  # the full report still goes to stdout
    with closing(sqlite3.connect(db_path)) as raw, raw:
        raw.execute("DELETE FROM schema_migration WHERE name = '9999_future'")
        raw.execute("PRAGMA foreign_keys = OFF")
        raw.execute("INSERT INTO client_tag (client_id, tag_id) VALUES (1, 999)")
    broken = run("check", "--json")
    assert broken.code == 2 and broken.err.count("\n") == 1
    assert "1 row pointing at missing rows" in broken.err


# -- reading a poisoned notebook, demo under the lock ---------------------------------------


@pytest.mark.sqlite_only(
    "only SQLite stores 2**63-1 in an INTEGER column an earlier release let through"
)
def test_a_poisoned_notebook_still_lists_and_reports(db, db_path, now, run):  # type: ignore[no-untyped-def]
    ada = make_client(now, "Ada")
    zed = make_client(now, "Zed")
    with closing(sqlite3.connect(db_path)) as raw, raw:
        raw.execute(
            "UPDATE client SET checkin_days = ?, response_hours = ? WHERE id = ?",
            (int(HUGE), int(HUGE), zed),
        )
        raw.executemany(
            "INSERT INTO promise (client_id, text, made_at, due_date, due_time, status)"
            " VALUES (?, ?, '2026-11-01 10:00:00+00:00', ?, ?, 'open')",
            [
                (ada, "far away", "9999-12-31", None),
                (ada, "long ago", "0001-01-01", None),
                (ada, "far away, timed", "9999-12-31", "23:30:00"),
                (ada, "send deck", "2026-11-17", None),
            ],
        )
        raw.execute(
            "INSERT INTO request (client_id, received_at, channel, summary)"
            " VALUES (?, '2026-11-10 10:00:00+00:00', 'email', 'call me')",
            (zed,),
        )
    for command in ("clients", "due", "today"):
        result = run(command, "--now", NOW_ARG, "--json")
        assert result.code == 0 and "error" not in result.err, command
    due = run("due", "--now", NOW_ARG, "--json").json()
    assert "send deck" in [p["text"] for p in due["overdue"]]
    assert "long ago" in [p["text"] for p in due["overdue"]]


@pytest.mark.sqlite_only("SQLite's database-wide write lock, held by a raw sqlite3 connection")
def test_demo_checks_the_notebook_is_empty_under_the_write_lock(db, db_path, run):  # type: ignore[no-untyped-def]
    with closing(sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)) as other:
        other.execute("BEGIN IMMEDIATE")  # a second `ckbook demo` (or an import) is writing
        other.execute(
            "INSERT INTO client (name, organisation, address, status, handling_notes,"
            " attention_level, checkin_days, response_hours, preferred_channel, created_at,"
            " updated_at, version) VALUES ('Real Person', '', '', 'active', '', 'standard',"
            " 14, 24, 'email', '2026-11-18 09:00:00+00:00', '2026-11-18 09:00:00+00:00', 1)"
        )
        committer = threading.Timer(0.3, other.execute, ("COMMIT",))
        committer.start()
        try:
            result = run("demo", "--clients", "3", "--notes", "0", "--promises", "0")
        finally:
            committer.join()
    assert "already has clients" in one_line_error(result)
    assert row_counts(db_path)["client"] == 1


@pytest.mark.sqlite_only(
    "only SQLite stores 2**63-1 in an INTEGER column an earlier release let through"
)
def test_a_value_read_clipped_is_one_warning_line(db, db_path, now):  # type: ignore[no-untyped-def]
    """In a real run (no test logging set up) the clip is said once, as one line."""
    import os
    import subprocess
    import sys

    zed = make_client(now, "Zed")
    with closing(sqlite3.connect(db_path)) as raw, raw:
        raw.execute("UPDATE client SET checkin_days = ? WHERE id = ?", (int(HUGE), zed))
    done = subprocess.run(
        [sys.executable, "-m", "ckbook", "clients", "--db", db_path],
        capture_output=True,
        text=True,
        env={**os.environ, "TZ": "Europe/Berlin"},
        timeout=60,
    )
    assert done.returncode == 0
    assert "Zed" in done.stdout
    assert done.stderr == (
        f"ckbook: warning: a check-in cadence of {HUGE} days is stored, out of range (1 to 3650 "
        "days; an earlier release let it in): read as 3650 days; set it again to fix it\n"
    )
