"""The `ckbook` command line, run in-process on a real SQLite file: the DESIGN.md examples, JSON
shapes, and bad input that exits 2 with one line on stderr and writes nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import types
from datetime import date, time, timedelta
from pathlib import Path

import pytest

from ckbook.cli import main
from ckbook.services.care import add_request
from ckbook.services.due import Due
from ckbook.services.due_phrases import parse_due
from ckbook.services.promises import add_promise
from tests.conftest import NOW, NOW_ARG, TZ
from tests.factories import contact, make_client
from tests.rows import row_counts

# -- promise add: the DESIGN.md examples ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("send the proposal by Friday", "2026-11-20"),
        ("call back tomorrow at 3pm", "2026-11-19T15:00"),
        ("send the signed contract", None),
    ],
)
def test_promise_add_reads_the_due_from_its_text(db, now, run, text, due):  # type: ignore[no-untyped-def]
    ada = make_client(now, "Ada")
    result = run("promise", "add", "Ada", text, "--now", NOW_ARG, "--json")
    data = result.json()
    assert data["due"] == due
    assert data["text"] == text  # the user's own words are kept whole
    assert data["client"] == "Ada"
    assert data["client_id"] == ada
    assert isinstance(data["id"], int)
    assert data["status"] == "open"


def test_promise_add_with_an_explicit_due(db, now, run):  # type: ignore[no-untyped-def]
    make_client(now, "Ada")
    iso = run("promise", "add", "Ada", "send it", "--due", "2026-11-20T15:00", "--now", NOW_ARG)
    assert iso.code == 0
    assert "due Fri 20 Nov 2026 15:00" in iso.out
    phrase = run(
        "promise", "add", "Ada", "send it", "--due", "next Friday 3pm", "--now", NOW_ARG, "--json"
    ).json()
    expected = parse_due("next Friday 3pm", NOW, TZ)
    assert phrase["due"] == expected.to_json()
    assert expected.date.weekday() == 4 and expected.time == time(15, 0)
    # --due wins over a date in the text; by id works as well as by name.
    by_id = run(
        "promise", "add", "1", "call Friday", "--due", "2026-12-01", "--now", NOW_ARG, "--json"
    ).json()
    assert by_id["due"] == "2026-12-01"


def test_promise_add_prints_id_client_text_and_due(db, now, run):  # type: ignore[no-untyped-def]
    make_client(now, "Ada Lovelace")
    result = run("promise", "add", "ada lovelace", "send the proposal by Friday", "--now", NOW_ARG)
    assert result.code == 0
    assert result.out.splitlines() == [
        "Promise 1 to Ada Lovelace: send the proposal by Friday",
        "  due Fri 20 Nov 2026",
    ]


def test_options_are_accepted_before_and_after_the_command(db, db_target, now, run, capsys):  # type: ignore[no-untyped-def]
    make_client(now, "Ada")
    assert (
        main(["--now", NOW_ARG, "promise", "add", "Ada", "call tomorrow", "--db", db_target]) == 0
    )
    assert "due Thu 19 Nov 2026" in capsys.readouterr().out


# -- client add and clients -------------------------------------------------------------------


def test_client_add_sets_the_attention_profile_from_the_level(run):  # type: ignore[no-untyped-def]
    data = run(
        "client", "add", "Ada Lovelace", "--org", "Analytical Engines",
        "--email", "ada@engines.example", "--email", "ada@home.example",
        "--phone", "+44 7700 900123", "--attention", "high-touch", "--now", NOW_ARG, "--json",
    ).json()  # fmt: skip
    assert data["id"] == 1
    assert data["name"] == "Ada Lovelace"
    assert data["organisation"] == "Analytical Engines"
    assert data["emails"] == ["ada@engines.example", "ada@home.example"]
    assert data["phones"] == ["+44 7700 900123"]
    assert (data["attention_level"], data["checkin_days"], data["response_hours"]) == (
        "high-touch",
        7,
        4,
    )
    assert data["client_since"] == "2026-11-18"
    light = run("client", "add", "Bea", "--attention", "light", "--checkin-days", "45", "--json")
    assert (light.json()["checkin_days"], light.json()["response_hours"]) == (45, 48)


def test_client_add_prints_the_new_client(run):  # type: ignore[no-untyped-def]
    result = run("client", "add", "Ada", "--org", "AE", "--tag", "vip")
    assert result.code == 0
    assert result.out.splitlines()[0] == "Added client 1: Ada (AE)"
    assert "check in every 14 days" in result.out
    assert "tags: vip" in result.out


def test_clients_json_lists_every_client_with_its_details(db, now, run):  # type: ignore[no-untyped-def]
    make_client(
        now, "Ada", organisation="AE", emails=("ada@ae.example",), phones=("+44 20 7946 0001",),
        tags=("vip", "wedding"), status="lead",
    )  # fmt: skip
    make_client(now, "Bea")
    data = run("clients", "--json", "--now", NOW_ARG).json()
    assert isinstance(data, list)
    assert [c["name"] for c in data] == ["Ada", "Bea"]
    ada = data[0]
    assert ada["id"] == 1
    assert ada["organisation"] == "AE"
    assert ada["emails"] == ["ada@ae.example"]
    assert ada["phones"] == ["+44 20 7946 0001"]
    assert ada["tags"] == ["vip", "wedding"]
    assert ada["status"] == "lead"
    assert data[1]["emails"] == [] and data[1]["organisation"] == ""


def test_clients_human_listing(db, now, run):  # type: ignore[no-untyped-def]
    assert "No clients yet" in run("clients").out
    make_client(now, "Ada", organisation="AE", emails=("ada@ae.example",))
    assert run("clients").out.splitlines() == ["1  Ada · AE · active · ada@ae.example"]
    assert run("clients", "--json").json()[0]["name"] == "Ada"


# -- due ----------------------------------------------------------------------------------


@pytest.fixture
def agenda(db, now, tz):  # type: ignore[no-untyped-def]
    """One of each: overdue promise, due today, coming up, check-in overdue, reply overdue."""
    ada = make_client(now, "Ada", checkin_days=7)
    contact(ada, now, days_ago=20)
    grace = make_client(now, "Grace", response_hours=2)
    contact(grace, now, days_ago=1)
    add_promise(ada, "send the invoice", now - timedelta(days=10), tz, due=Due(date(2026, 11, 9)))
    add_promise(grace, "confirm the caterer", now, tz, due=Due(date(2026, 11, 18)))
    add_promise(grace, "venue visit", now, tz, due=Due(date(2026, 11, 20), time(15, 0)))
    add_promise(grace, "far away", now, tz, due=Due(date(2027, 2, 1)))
    add_request(grace, "Quote for 80 guests?", now, received_at=now - timedelta(hours=3))


def test_due_json_lists_what_needs_us(agenda, run):  # type: ignore[no-untyped-def]
    data = run("due", "--now", NOW_ARG, "--json").json()
    assert [p["text"] for p in data["overdue"]] == ["send the invoice"]
    assert data["overdue"][0]["due"] == "2026-11-09"
    assert [p["text"] for p in data["due_today"]] == ["confirm the caterer"]
    assert [p["text"] for p in data["upcoming"]] == ["venue visit"]
    assert data["upcoming"][0]["due"] == "2026-11-20T15:00"
    assert [c["client"] for c in data["checkins_overdue"]] == ["Ada"]
    assert [r["summary"] for r in data["requests_overdue"]] == ["Quote for 80 guests?"]
    assert data["now"] == "2026-11-18T10:00+01:00"
    narrow = run("due", "--now", NOW_ARG, "--within", "1", "--json").json()
    assert narrow["upcoming"] == []


def test_due_human_output_and_now_moves_time(agenda, run):  # type: ignore[no-untyped-def]
    out = run("due", "--now", NOW_ARG).out
    assert out.splitlines()[0].startswith("1 promise overdue, 1 promise due today")
    for text in ("send the invoice", "confirm the caterer", "venue visit", "Ada", "80 guests"):
        assert text in out
    later = run("due", "--now", "2026-11-19T10:00", "--json").json()
    assert {p["text"] for p in later["overdue"]} == {"send the invoice", "confirm the caterer"}


# -- notes --------------------------------------------------------------------------------


def test_notes_json_newest_first(db, now, run):  # type: ignore[no-untyped-def]
    ada = make_client(now, "Ada")
    contact(ada, now, days_ago=3, kind="call", duration_seconds=750, mood="content", body="- a")
    contact(ada, now, days_ago=1, kind="email", body="Sent the **quote**")
    contact(ada, now, days_ago=10, kind="meeting", duration_seconds=3600, mood="angry", body="x")
    data = run("notes", "Ada", "--json").json()
    assert [n["kind"] for n in data] == ["email", "call", "meeting"]
    email, call, _meeting = data
    assert email["started_at"] == "2026-11-17T10:00+01:00"
    assert email["duration_seconds"] is None and email["mood"] is None
    assert email["body"] == "Sent the **quote**"
    assert (call["duration_seconds"], call["duration"], call["mood"]) == (750, "0:12:30", "content")
    assert run("notes", str(ada), "--json").json() == data


def test_notes_human_output(db, backend, now, run):  # type: ignore[no-untyped-def]
    ada = make_client(now, "Ada")
    assert run("notes", "Ada").out == "No notes yet.\n"
    contact(ada, now, days_ago=1, kind="call", duration_seconds=600, mood="content", body="L1\nL2")
    # On a server, whose notes they are: the role that wrote them.
    role = (
        db.database.execute_sql("SELECT current_user").fetchone()[0] if backend != "sqlite" else ""
    )
    author = f" · by {role}" if role else ""
    assert run("notes", "Ada").out.splitlines() == [
        f"[1] Tue 17 Nov 2026 10:00 · call · 10 min · content{author}",
        "    L1",
        "    L2",
    ]


# -- demo ---------------------------------------------------------------------------------


def test_demo_fills_an_empty_notebook(db_target, run):  # type: ignore[no-untyped-def]
    result = run("demo", "--clients", "12", "--notes", "80", "--promises", "40", "--now", NOW_ARG)
    assert result.code == 0, result.err
    assert "12 clients, 80 notes, 40 promises" in result.out
    counts = row_counts(db_target)
    assert (counts["client"], counts["note"], counts["promise"]) == (12, 80, 40)
    clients = run("clients", "--json").json()
    assert len(clients) == 12
    more = run("demo", "--force", "--clients", "3", "--notes", "0", "--promises", "0", "--json")
    assert more.json()["clients"] == 3
    assert row_counts(db_target)["client"] == 15


def test_demo_defaults_make_a_small_notebook(db_target, run):  # type: ignore[no-untyped-def]
    data = run("demo", "--now", NOW_ARG, "--json").json()
    assert (data["clients"], data["notes"], data["promises"]) == (60, 600, 300)
    assert data["database"] == db_target


# -- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("promise", "add", "Nobody", "call back"), "no client named 'Nobody'"),
        (("promise", "add", "Sam Lee", "call back"), "several clients are named 'Sam Lee'"),
        (("promise", "add", "Ada", "call back", "--due", "someday soon"), "--due"),
        (("promise", "add", "Ada", "call back", "--now", "yesterday"), "--now"),
        (("--now", "18.11.2026", "promise", "add", "Ada", "call back"), "--now"),
        (("promise", "add", "Ada", "   "), "promise text is empty"),
        (("promise", "add", "Ada"), "required: TEXT"),
        (("clients", "--colour"), "unrecognized arguments: --colour"),
        (("client", "add", "Bea", "--attention", "extreme"), "--attention: invalid choice"),
        (("client", "add", "Bea", "--checkin-days", "0"), "check-in cadence"),
        (("client", "add", "Bea", "--checkin-days", "soon"), "--checkin-days: invalid int"),
        (("client", "add", "Bea", "--email", "bea at home"), "is not an email address"),
        (("client", "add", " "), "client name is empty"),
        (("client",), "required: ACTION"),
        (("notes", "Nobody"), "no client named 'Nobody'"),
        (("due", "--within", "-1"), "--within"),
        (("frobnicate",), "invalid choice: 'frobnicate'"),
        (("demo",), "already has clients"),
        (("demo", "--force", "--clients", "-3"), "number of clients"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(db, db_target, now, run, args, message):  # type: ignore[no-untyped-def]
    make_client(now, "Ada")
    make_client(now, "Sam Lee")
    make_client(now, "Sam Lee")
    before = row_counts(db_target)
    result = run(*args)
    assert result.code == 2
    assert result.out == ""
    assert result.err.count("\n") == 1, result.err
    assert result.err.startswith("ckbook: error: ")
    assert message in result.err
    assert row_counts(db_target) == before


def test_bad_input_before_the_database_exists_creates_nothing(tmp_path, run):  # type: ignore[no-untyped-def]
    path = tmp_path / "never" / "made.sqlite3"
    code = main(["--db", str(path), "promise", "add", "Ada", "x", "--now", "not a time"])
    assert code == 2
    assert not path.exists()


def test_a_file_that_is_not_a_database_is_reported_and_left_alone(tmp_path, run, capsys):  # type: ignore[no-untyped-def]
    path = tmp_path / "notes.txt"
    path.write_text("my shopping list\n")
    code = main(["--db", str(path), "clients"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "not a ckbook database" in err
    assert path.read_text() == "my shopping list\n"


def test_help_exits_0(run):  # type: ignore[no-untyped-def]
    result = run("--help")
    assert result.code == 0
    for command in ("client", "clients", "promise", "due", "notes", "demo"):
        assert command in result.out
    assert run("demo", "--help").code == 0


# -- the window -----------------------------------------------------------------------------


def test_no_command_opens_the_window_with_the_same_arguments(monkeypatch):  # type: ignore[no-untyped-def]
    calls: list[list[str]] = []
    fake_app = types.ModuleType("ckbook.app")
    fake_app.main = lambda argv: calls.append(list(argv)) or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "ckbook.app", fake_app)
    assert main([]) == 0
    assert main(["--db", "/tmp/x.sqlite3", "--now", NOW_ARG]) == 0
    assert calls == [[], ["--db", "/tmp/x.sqlite3", "--now", NOW_ARG]]


# -- the installed command --------------------------------------------------------------------


def test_installed_command_runs_without_qt_and_reports_bad_input(tmp_path):  # type: ignore[no-untyped-def]
    db_path = str(tmp_path / "cli.sqlite3")
    env = {
        **os.environ,
        "TZ": "Europe/Berlin",
        "CKBOOK_DB": db_path,
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    script = Path(sys.executable).with_name("ckbook")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "ckbook"]
    demo = subprocess.run(
        [*command, "demo", "--clients", "5", "--notes", "20", "--promises", "10"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert demo.returncode == 0, demo.stderr
    assert "5 clients, 20 notes, 10 promises" in demo.stdout
    # -X importtime lists every module imported: the command line must not load Qt.
    listing = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "ckbook", "clients", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert listing.returncode == 0, listing.stderr
    assert len(json.loads(listing.stdout)) == 5
    assert "PySide6" not in listing.stderr
    bad = subprocess.run(
        [*command, "promise", "add", "Nobody", "call back"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode == 2
    assert bad.stderr == "ckbook: error: no client named 'Nobody'\n"


def test_client_merge_makes_one_card_and_the_name_works_again(run, caplog) -> None:  # type: ignore[no-untyped-def]
    assert run("client", "add", "Ada Lovelace", "--email", "ada@example.com").code == 0
    second = run("client", "add", "ada lovelace", "--phone", "020 7946 0000")
    assert second.code == 0
    # Added (scripts rely on it), with one warning line (stderr outside pytest's log capture).
    assert "client 2 may be the same person as client 1, Ada Lovelace: same name" in caplog.text
    assert run("promise", "add", "2", "call back tomorrow").code == 0
    assert run("notes", "Ada Lovelace").code == 2  # "several clients are named ..."
    merged = run("client", "merge", "1", "2", "--json")
    assert merged.code == 0, merged.err
    data = json.loads(merged.out)
    assert data["id"] == 1 and data["merged"] == {"id": 2, "name": "ada lovelace"}
    assert data["moved"]["promises"] == 1 and data["moved"]["contact details"] == 1
    assert data["phones"] == ["020 7946 0000"]
    listed = json.loads(run("clients", "--json").out)
    assert [c["id"] for c in listed] == [1]
    assert run("notes", "Ada Lovelace").code == 0
    same = run("client", "merge", "1", "Ada Lovelace")
    assert same.code == 2 and "same client" in same.err
