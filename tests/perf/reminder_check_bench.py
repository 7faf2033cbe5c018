"""How long one reminder check and one tray report take on a 10,000-client notebook.

Run: .venv/bin/python tests/perf/reminder_check_bench.py [DB]   (not collected by pytest)
Builds the demo notebook in a temporary file unless DB is given.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from ckbook.services.agenda import due_report
from ckbook.services.demo import make_demo
from ckbook.services.reminders import check, mark_fired
from ckbook.store.database import close_database, open_database

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 18, 9, 0, tzinfo=UTC)


def timed(what: str, fn, repeat: int = 5):  # type: ignore[no-untyped-def]
    best = float("inf")
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    print(f"{what:40s} {best * 1000:8.1f} ms (best of {repeat})")
    return result


def main() -> None:
    path = sys.argv[1] if len(sys.argv) > 1 else str(Path(tempfile.mkdtemp()) / "big.sqlite3")
    opened = open_database(path)
    try:
        if len(sys.argv) <= 1:
            t = time.perf_counter()
            make_demo(10_000, 200_000, 100_000, 1, NOW, TZ)
            print(f"demo built in {time.perf_counter() - t:.1f} s at {path}")
        result = timed("reminders.check (first start)", lambda: check(NOW, TZ), 1)
        print(f"  firing: {len(result.firing)}, next wake {result.next_wake}")
        timed("mark_fired (missed batch)", lambda: mark_fired(result.firing, NOW), 1)
        timed("reminders.check (steady)", lambda: check(NOW, TZ))
        timed("agenda.due_report (tray)", lambda: due_report(NOW, TZ))
    finally:
        close_database(opened)


if __name__ == "__main__":
    main()
