"""End-to-end: a snoozed promise that turns overdue during the snooze is shown once, after it.

The notebook holds a promise due at 11:00 whose coming-due reminder was shown and then snoozed at
10:45:10 for 15 minutes (until 11:00:10). The real app starts at 10:59:56 (``--now``; its clock
then runs in real time): nothing at start (the start-up batch leaves the snoozed promise out),
nothing when it turns overdue at 11:00, then exactly one notification when the snooze ends,
saying it is overdue since 11:00 and was snoozed at 10:45.
"""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from ckbook.services.due import Due
from ckbook.services.promises import add_promise
from ckbook.services.reminders import check, claim, confirm_shown, snooze
from ckbook.store.database import close_database, open_database
from tests.e2e.conftest import stop_app
from tests.factories import contact, make_client

pytestmark = pytest.mark.e2e

BERLIN = ZoneInfo("Europe/Berlin")
DUE_AT = datetime(2026, 11, 18, 11, 0, tzinfo=BERLIN)
START = DUE_AT - timedelta(seconds=4)
SNOOZE_ENDS = DUE_AT + timedelta(seconds=10)
SNOOZED_AT = SNOOZE_ENDS - timedelta(minutes=15)


def _notebook(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    opened = open_database(str(path))
    try:
        made = START - timedelta(days=3)
        ada = make_client(made, "Ada Lovelace")
        contact(ada, START, days_ago=1)
        add_promise(ada, "call Bob", made, BERLIN, due=Due(date(2026, 11, 18), DUE_AT.time()))
        (coming,) = check(SNOOZED_AT, BERLIN).firing  # "Promise due ... 11:00", shown at 10:00
        confirm_shown(claim([coming], DUE_AT - timedelta(hours=1)))
        snooze(coming, "15m", SNOOZED_AT, BERLIN)  # from its pop-up
    finally:
        close_database(opened)


def test_a_promise_overdue_during_its_snooze_shows_once_after_it(desktop, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "notebook" / "ckbook.sqlite3"
    _notebook(db)
    env = {
        **desktop.env,
        "TZ": "Europe/Berlin",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHONFAULTHANDLER": "1",
    }
    log_path = tmp_path / "app.log"
    with log_path.open("wb") as log:
        launched = time.monotonic()
        app = subprocess.Popen(
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
    try:
        snooze_left_s = (SNOOZE_ENDS - START).total_seconds()
        found = desktop.wait_for_notifications(1, timeout=snooze_left_s + 15)
        arrived_s = time.monotonic() - launched
        assert len(found) == 1, log_path.read_text(errors="replace")
        # Not at start, not at 11:00: only once the snooze was over (the app's clock started
        # at START after launching, so the snooze ends at least snooze_left_s after launch).
        assert arrived_s >= snooze_left_s, f"shown {arrived_s:.1f} s after launch"
        (shown,) = found
        assert shown["summary"] == "Promise overdue since 11:00, snoozed at 10:45"
        assert shown["body"] == "Ada Lovelace: call Bob (was due Wed 18 Nov 2026 11:00)"
        time.sleep(3)  # the re-check after recording it: no second one
        assert len(desktop.notifications()) == 1
    finally:
        stop_app(app)
    app_log = log_path.read_text(errors="replace")
    assert app.returncode == 0, app_log
    assert "Traceback" not in app_log, app_log
