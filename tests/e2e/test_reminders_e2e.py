"""End-to-end: the real app (``python -m ckbook``) on a real X server with a real tray host and a
real notification daemon (dunst on its own session bus).

A promise that came due while ckbook was closed shows in the one "While you were away" batch; a
promise coming due while ckbook runs reaches the daemon exactly once, with its text; pressing
Done on that notification marks the promise kept in the notebook.

The app starts with ``--now`` a few seconds before the reminder instant; that clock then runs in
real time, so the reminder comes due while the app runs without the test waiting an hour.
"""

from __future__ import annotations

import signal
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
from tests.factories import contact, make_client

pytestmark = pytest.mark.e2e

BERLIN = ZoneInfo("Europe/Berlin")
#: The app starts this long before the coming-due reminder (room for a slow start).
LEAD_SECONDS = 8
START = datetime(2026, 11, 18, 11, 0, tzinfo=BERLIN) - timedelta(seconds=LEAD_SECONDS)


def _notebook(path: Path) -> tuple[int, int]:
    """A notebook with one promise overdue since Monday and one due today at 12:00."""
    opened = open_database(str(path))
    try:
        made = START - timedelta(days=3)
        ada = make_client(made, "Ada Lovelace")
        contact(ada, START, days_ago=1)
        missed = add_promise(
            ada, "send the signed contract", made, BERLIN, due=Due(date(2026, 11, 16))
        ).ids[0]
        coming = add_promise(
            ada,
            "call Bob about the invoice",
            made,
            BERLIN,
            due=Due(date(2026, 11, 18), datetime(2026, 1, 1, 12, 0).time()),
        ).ids[0]
    finally:
        close_database(opened)
    return missed, coming


def _status(path: Path, promise_id: int) -> str:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as conn:
        (status,) = conn.execute(
            "SELECT status FROM promise WHERE id = ?", (promise_id,)
        ).fetchone()
    return str(status)


def _fired(path: Path) -> list[tuple[str, int]]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as conn:
        rows = conn.execute(
            "SELECT kind, subject_id FROM reminder_log WHERE fired_at IS NOT NULL ORDER BY id"
        )
        return [(str(k), int(s)) for k, s in rows]


def _wait_for(what: str, check, app: subprocess.Popen[bytes], timeout: float = 10.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if app.poll() is not None:
            pytest.fail(f"ckbook exited ({app.returncode}) while waiting for {what}")
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.05)


def test_missed_batch_one_notification_and_done_keeps_the_promise(desktop, tmp_path) -> None:
    db = tmp_path / "notebook" / "ckbook.sqlite3"
    db.parent.mkdir()
    missed, coming = _notebook(db)
    env = {
        **desktop.env,
        "TZ": "Europe/Berlin",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHONFAULTHANDLER": "1",
    }
    log = (tmp_path / "app.log").open("wb")
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
        # 1. At start: what came due while ckbook was closed, once, in one batch.
        first = desktop.wait_for_notifications(1, timeout=15)
        assert len(first) >= 1, f"no notification at start; app log:\n{_log(tmp_path)}"
        batch = first[0]
        assert batch["appname"] == "ckbook"
        assert batch["summary"] == "While you were away: 1 promise came due"
        assert "Ada Lovelace: send the signed contract" in batch["body"]
        assert "call Bob" not in batch["body"]

        # 2. The reminder coming due while the app runs: exactly one notification, with its text.
        found = desktop.wait_for_notifications(2, timeout=LEAD_SECONDS + 10)
        assert len(found) == 2, f"reminder never arrived; app log:\n{_log(tmp_path)}"
        reminder = found[1]
        assert reminder["summary"] == "Promise due Wed 18 Nov 2026 12:00"
        assert reminder["body"] == "Ada Lovelace: call Bob about the invoice"
        assert set(reminder["actions"]) >= {"default", "done", "snooze", "open"}
        assert reminder["actions"]["done"] == "Done"
        assert reminder["actions"]["snooze"] == "Snooze 1 h"
        # recorded once each, so neither the minute re-check nor a restart repeats them
        assert _wait_for("both reminders recorded", lambda: len(_fired(db)) == 2, app)
        assert sorted(_fired(db)) == [("promise-coming-due", coming), ("promise-overdue", missed)]

        # 3. Done on the notification: the promise is kept.
        assert _status(db, coming) == "open"
        desktop.invoke_action("done", notification_id=int(reminder["id"]))
        _wait_for("the promise to be kept", lambda: _status(db, coming) == "kept", app)
        assert _status(db, missed) == "open"  # the batch's promise is untouched

        # Still exactly two notifications after all that (no repeat, no burst).
        assert len(desktop.notifications()) == 2
    finally:
        app.terminate()
        try:
            app.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app.send_signal(signal.SIGABRT)  # faulthandler writes every thread's stack to the log
            try:
                app.wait(timeout=5)
            except subprocess.TimeoutExpired:
                app.kill()
                app.wait(timeout=5)
        log.close()
    assert app.returncode == 0, _log(tmp_path)
    assert "Traceback" not in _log(tmp_path), _log(tmp_path)


def _log(tmp_path: Path) -> str:
    return (tmp_path / "app.log").read_text(errors="replace")
