"""End-to-end: two ckbook processes on one notebook show each reminder exactly once.

Two real apps (``python -m ckbook``) run on the same notebook file against one real notification
daemon (dunst prints every notification it receives). Each has its own runtime folder, so the
single-window guard cannot meet them: what two computers sharing a notebook, or a guard that
could not be taken, look like. Each occurrence is claimed in the reminder log before it shows,
and only one process can win a claim: the missed batch arrives once, the reminder coming due
while both run arrives once, and nothing repeats afterwards.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from ckbook.services.due import Due
from ckbook.services.promises import add_promise
from ckbook.store.database import close_database, open_database
from tests.e2e.conftest import stop_app
from tests.factories import contact, make_client

pytestmark = pytest.mark.e2e

BERLIN = ZoneInfo("Europe/Berlin")
LEAD_SECONDS = 8
START = datetime(2026, 11, 18, 11, 0, tzinfo=BERLIN) - timedelta(seconds=LEAD_SECONDS)


def _notebook(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    opened = open_database(str(path))
    try:
        made = START - timedelta(days=3)
        ada = make_client(made, "Ada Lovelace")
        contact(ada, START, days_ago=1)
        add_promise(ada, "send the signed contract", made, BERLIN, due=Due(date(2026, 11, 16)))
        add_promise(
            ada,
            "call Bob about the invoice",
            made,
            BERLIN,
            due=Due(date(2026, 11, 18), datetime(2026, 1, 1, 12, 0).time()),
        )
    finally:
        close_database(opened)


def _unconfirmed_claims(path: Path) -> int:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as conn:
        (count,) = conn.execute(
            "SELECT count(*) FROM reminder_log WHERE claimed_by IS NOT NULL"
        ).fetchone()
    return int(count)


def test_two_processes_on_one_notebook_show_each_reminder_once(desktop, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "notebook" / "ckbook.sqlite3"
    _notebook(db)
    apps: list[subprocess.Popen[bytes]] = []
    logs: list[Path] = []
    try:
        for name in ("one", "two"):
            runtime = tmp_path / f"runtime-{name}"
            runtime.mkdir(mode=0o700)
            env = {
                **desktop.env,
                "TZ": "Europe/Berlin",
                "XDG_CONFIG_HOME": str(tmp_path / f"config-{name}"),
                "XDG_RUNTIME_DIR": str(runtime),
                "PYTHONFAULTHANDLER": "1",
            }
            logs.append(tmp_path / f"{name}.log")
            with logs[-1].open("wb") as log:  # the child keeps its own copy
                apps.append(
                    subprocess.Popen(
                        [
                            sys.executable,
                            "-m",
                            "ckbook",
                            "--db",
                            str(db),
                            "--now",
                            START.replace(tzinfo=None).isoformat(),
                        ],
                        env=env,
                        stdin=subprocess.DEVNULL,
                        stdout=log,
                        stderr=subprocess.STDOUT,
                    )
                )

        def app_logs() -> str:
            return "\n".join(f"--- {p.name}\n{p.read_text(errors='replace')}" for p in logs)

        first = desktop.wait_for_notifications(1, timeout=15)
        assert first, f"no notification at start; logs:\n{app_logs()}"
        found = desktop.wait_for_notifications(2, timeout=LEAD_SECONDS + 10)
        assert len(found) == 2, f"reminder never arrived; logs:\n{app_logs()}"
        # Both processes re-check after the reminder (the minute re-check, a change): give any
        # double a chance to show before counting.
        time.sleep(4)
        found = desktop.notifications()
        assert [n["summary"] for n in found] == [
            "While you were away: 1 promise came due",
            "Promise due Wed 18 Nov 2026 12:00",
        ], app_logs()
        assert all(app.poll() is None for app in apps), app_logs()
        assert _unconfirmed_claims(db) == 0  # every claim that showed was confirmed
    finally:
        codes = [stop_app(app) for app in apps]
    assert codes == [0, 0], app_logs()
    assert "Traceback" not in app_logs(), app_logs()
