"""End-to-end: a CLI write appears in the open window within 2 s.

The window is the real app (``ckbook.app.main``: the composition root, tray, reminders, live
changes) on the test's X server; a timer in the same process reports the client list's rows as
JSON lines whenever they change. The test runs the real CLI as its own process and measures from
the CLI's exit to the window showing the new client (``time.monotonic`` is one clock for every
process on Linux).
"""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from ckbook.services.clock import SystemClock
from ckbook.store.database import close_database, open_database
from tests.factories import make_client

pytestmark = pytest.mark.e2e

#: The issue's promise: what another process writes shows within this long.
LIVE_BUDGET_S = 2.0

WINDOW_CHILD = r"""
import json, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ckbook import app as ckbook_app

qt = QApplication(sys.argv[:1])
last = None

def report():
    global last
    for widget in QApplication.topLevelWidgets():
        if type(widget).__name__ == "MainWindow" and widget.isVisible():
            rows = sorted(widget.client_list.visible_client_ids())
            if rows != last:
                last = rows
                print(json.dumps({"clients": rows, "t": time.monotonic()}), flush=True)

timer = QTimer()
timer.timeout.connect(report)
timer.start(20)
sys.exit(ckbook_app.main(["--db", sys.argv[1]]))
"""


def test_a_cli_write_appears_in_the_open_window_within_2_s(desktop, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "notebook" / "ckbook.sqlite3"
    db.parent.mkdir()
    opened = open_database(str(db))
    try:
        ada = make_client(SystemClock().now(), "Ada Lovelace")
    finally:
        close_database(opened)
    desktop.env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    window = desktop.spawn_python(WINDOW_CHILD.replace("sys.argv[1]", repr(str(db))))
    assert window.next_event(timeout=20)["clients"] == [ada]
    time.sleep(1.5)  # settled: the first polls saw nothing new

    added = subprocess.run(
        [sys.executable, "-m", "ckbook", "--db", str(db), "client", "add", "Grace Hopper"],
        env=desktop.env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    written_at = time.monotonic()
    assert added.returncode == 0, added.stderr
    grace = int(added.stdout.split(":")[0].split()[-1])  # "Added client 2: Grace Hopper"
    event = window.next_event(timeout=10)
    assert event["clients"] == sorted([ada, grace])
    lag = event["t"] - written_at
    print(f"shown {lag:.2f} s after the CLI exited")
    assert lag < LIVE_BUDGET_S
