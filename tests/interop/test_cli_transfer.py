"""`ckbook import` and `ckbook export` as a script uses them."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from tests.conftest import NOW_ARG

CSV = "Name,Email,Phone\nAda,ada@example.com,+44 1\nBea,bea@example.com,\n"
BAD = "Name,Email\nAda,ada@example.com\nBea,not an email\nCyd,cyd@example.com\n"


@pytest.mark.sqlite_only(
    "a dry run leaves no notebook file behind; a server's database exists before ckbook"
)
def test_dry_run_lists_and_writes_nothing(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "c.csv").write_text(CSV)
    result = run("import", "csv", str(tmp_path / "c.csv"), "--dry-run")
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "Would import: 2 new, 0 updated, 0 unchanged",
        "  new: Ada (line 2)",
        "  new: Bea (line 3)",
    ]
    # Not even a notebook: a dry run into a new one leaves none behind.
    assert list((tmp_path / "notebook").iterdir()) == []
    assert "no notebook at" in run("clients", "--json").err


def test_import_then_again_adds_no_one_and_updates_what_changed(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "c.csv").write_text(CSV)
    first = run("import", "csv", str(tmp_path / "c.csv"), "--json").json()
    assert [(i["name"], i["where"]) for i in first["imported"]] == [
        ("Ada", "line 2"),
        ("Bea", "line 3"),
    ]
    second = run("import", "csv", str(tmp_path / "c.csv"))
    assert second.code == 0
    assert second.out.splitlines() == ["Imported: 0 new, 0 updated, 2 unchanged"]
    assert [c["name"] for c in run("clients", "--json").json()] == ["Ada", "Bea"]
    (tmp_path / "c.csv").write_text(CSV.replace("bea@example.com,", "bea@example.com,+44 2"))
    third = run("import", "csv", str(tmp_path / "c.csv"))
    assert third.out.splitlines() == [
        "Imported: 0 new, 1 updated, 1 unchanged",
        f"  updated: [{first['imported'][1]['id']}] Bea (line 3): phone: + +44 2",
    ]


def test_an_invalid_record_stops_the_import_with_one_line(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "bad.csv").write_text(BAD)
    result = run("import", "csv", str(tmp_path / "bad.csv"))
    assert result.code == 2
    assert result.err == (
        "ckbook: error: line 3 (Bea): email 'not an email' is not an email address — nothing "
        "imported (skip invalid records to import the rest)\n"
    )
    assert list((tmp_path / "notebook").iterdir()) == []  # no notebook made for nothing
    dry = run("import", "csv", str(tmp_path / "bad.csv"), "--dry-run")
    assert dry.code == 2 and dry.err.count("\n") == 1
    assert dry.out.splitlines()[0] == (
        "Would import nothing: 1 invalid record (line 3: email 'not an email' is not an email "
        "address); the others: 2 new, 0 updated, 0 unchanged"
    )


def test_skip_invalid_imports_the_rest_and_lists_what_was_skipped(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "bad.csv").write_text(BAD)
    result = run("import", "csv", str(tmp_path / "bad.csv"), "--skip-invalid")
    assert result.code == 0
    assert "  invalid: line 3 (Bea): email 'not an email' is not an email address" in result.out
    assert [c["name"] for c in run("clients", "--json").json()] == ["Ada", "Cyd"]


def test_bad_files_are_one_line_errors(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    missing = run("import", "vcard", str(tmp_path / "none.vcf"))
    assert missing.code == 2 and "cannot read" in missing.err and missing.err.count("\n") == 1
    (tmp_path / "x.vcf").write_text("hello\n")
    novcard = run("import", "vcard", str(tmp_path / "x.vcf"))
    assert novcard.code == 2 and "no vCard in the file" in novcard.err
    wrong = run("import", "ics", str(tmp_path / "x.vcf"))
    assert wrong.code == 2 and "invalid choice" in wrong.err


def test_export_every_format_owner_only(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("client", "add", "Ada", "--email", "ada@example.com")
    run("promise", "add", "Ada", "send the quote", "--due", "2026-11-20", "--now", NOW_ARG)
    for kind in ("vcard", "csv", "ics", "json"):
        target = tmp_path / f"out.{kind}"
        result = run("export", kind, str(target), "--json")
        data = result.json()
        assert data["file"] == str(target) and data["bytes"] == target.stat().st_size
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    text = run("export", "csv", str(tmp_path / "c.csv")).out
    assert text.startswith(f"Exported 1 client to {tmp_path / 'c.csv'} (")


def test_progress_shows_on_a_terminal_and_stays_quiet_when_piped(tmp_path: Path) -> None:
    import os
    import pty
    import subprocess
    import sys

    rows = "".join(f"Client {n},c{n}@example.com,\n" for n in range(3000))
    (tmp_path / "many.csv").write_text("Name,Email,Phone\n" + rows)
    ckbook = str(Path(sys.executable).with_name("ckbook"))  # the console script
    command = [ckbook, "--db", str(tmp_path / "nb.sqlite3"),
               "import", "csv", str(tmp_path / "many.csv")]  # fmt: skip
    piped = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.splitlines()[0] == "Imported: 3000 new, 0 updated, 0 unchanged"
    again = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert again.stderr == ""  # no progress when piped
    leader, follower = pty.openpty()
    try:
        on_terminal = subprocess.run(
            [*command[:-1], str(tmp_path / "many.csv")],
            stdout=subprocess.PIPE, stderr=follower, text=True, timeout=120,
        )  # fmt: skip
        os.close(follower)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(leader)
    assert on_terminal.returncode == 0
    assert on_terminal.stdout.splitlines()[0] == "Imported: 0 new, 0 updated, 3000 unchanged"
    assert again.stdout == on_terminal.stdout
    assert b"Importing\xe2\x80\xa6 100%" in shown
