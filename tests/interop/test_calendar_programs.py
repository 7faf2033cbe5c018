"""The .ics exports read by real calendar programs (Debian's khal and todoman): khal imports the
events export and lists each promise on its day at its time; todoman lists every open promise,
with its due or without one.

Needs khal and todoman (`.ci/install-system-deps`). A missing one skips the test locally but fails
it in CI (CI=true), so CI cannot go green by testing nothing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.conftest import NOW_ARG, TZ


def _program(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (Debian package {name}; .ci/install-system-deps)"
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return path


def _env(home: Path) -> dict[str, str]:
    """The programs' own config, data and caches kept in the test's folder; Berlin time."""
    home.mkdir(exist_ok=True)
    return {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "TZ": "Europe/Berlin",
    }


@pytest.fixture
def promises(run) -> None:  # type: ignore[no-untyped-def]
    run("client", "add", "Ada Lovelace", "--checkin-days", "30", "--now", NOW_ARG)
    run("client", "add", "Bea Ørsted", "--now", NOW_ARG)
    for client, text, due in (
        ("Ada Lovelace", "send the quote", "2026-11-20 15:00"),
        ("Bea Ørsted", "call back", "2026-11-23"),
        ("Bea Ørsted", "invoice corrected", "2026-11-19 09:30"),
    ):
        assert run("promise", "add", client, text, "--due", due, "--now", NOW_ARG).code == 0
    assert run("promise", "add", "Ada Lovelace", "someday maybe", "--now", NOW_ARG).code == 0


def test_khal_lists_the_events_export_on_the_right_days_and_times(run, promises, tmp_path) -> None:  # type: ignore[no-untyped-def]
    khal = _program("khal")
    export = tmp_path / "promises.ics"
    assert run("export", "ics", str(export), "--as", "events", "--now", NOW_ARG).code == 0
    calendar = tmp_path / "calendar"
    calendar.mkdir()
    config = tmp_path / "khal.conf"
    config.write_text(
        f"[calendars]\n[[ckbook]]\npath = {calendar}\ntype = calendar\n"
        "[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
        "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
        "local_timezone = Europe/Berlin\ndefault_timezone = Europe/Berlin\n"
    )
    env = _env(tmp_path / "home")
    khal_run = [khal, "-c", str(config)]
    imported = subprocess.run(
        [*khal_run, "import", "--batch", "-a", "ckbook", str(export)],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert imported.returncode == 0, imported.stderr
    listed = subprocess.run(
        [*khal_run, "list", "--format", "{start} | {end} | {title}", "--day-format", "",
         "2026-11-18", "60d"],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert listed.returncode == 0, listed.stderr
    lines = [line for line in listed.stdout.splitlines() if line.strip()]
    assert lines == [
        "2026-11-19 09:30 | 2026-11-19 10:00 | Bea Ørsted: invoice corrected",
        "2026-11-20 15:00 | 2026-11-20 15:30 | Ada Lovelace: send the quote",
        "2026-11-23 | 2026-11-23 | Bea Ørsted: call back",
        "2026-12-02 | 2026-12-02 | Check in with Bea Ørsted",
        "2026-12-18 | 2026-12-18 | Check in with Ada Lovelace",
    ]


def _as_vdir(export: Path, folder: Path) -> None:
    """One file per to-do, as a vdir (what vdirsyncer or a CalDAV client gives todoman)."""
    folder.mkdir(parents=True)
    calendar = Calendar.from_ical(export.read_bytes())
    zones = calendar.walk("VTIMEZONE")
    for todo in calendar.walk("VTODO"):
        one = Calendar()
        one.add("prodid", "-//test//vdir//EN")
        one.add("version", "2.0")
        for zone in zones:
            one.add_component(zone)
        one.add_component(todo)
        (folder / f"{todo['uid']}.ics").write_bytes(one.to_ical())


def test_todoman_lists_every_open_promise_with_its_due(run, promises, tmp_path) -> None:  # type: ignore[no-untyped-def]
    todoman = _program("todoman")
    export = tmp_path / "promises.ics"
    assert run("export", "ics", str(export), "--now", NOW_ARG).code == 0
    lists = tmp_path / "lists"
    _as_vdir(export, lists / "ckbook")
    config = tmp_path / "todoman.py"
    config.write_text(
        f'path = "{lists}/*"\ndate_format = "%Y-%m-%d"\ntime_format = "%H:%M"\n'
        'default_list = "ckbook"\n'
    )
    listed = subprocess.run(
        [todoman, "-c", str(config), "--porcelain", "list"],
        env=_env(tmp_path / "home"), capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert listed.returncode == 0, listed.stderr
    dues = {}
    for todo in json.loads(listed.stdout):
        due = todo["due"]
        dues[todo["summary"]] = (
            None if due is None else datetime.fromtimestamp(due, TZ).strftime("%Y-%m-%d %H:%M")
        )
    assert dues == {
        "Ada Lovelace: send the quote": "2026-11-20 15:00",
        "Bea Ørsted: invoice corrected": "2026-11-19 09:30",
        "Bea Ørsted: call back": "2026-11-23 00:00",  # a date-only due: the day itself
        "Ada Lovelace: someday maybe": None,
        "Check in with Ada Lovelace": "2026-12-18 00:00",
        "Check in with Bea Ørsted": "2026-12-02 00:00",
    }
