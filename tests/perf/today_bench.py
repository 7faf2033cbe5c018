"""How long Today takes on a 10,000-client notebook: the report, and the page built and shown.

Run: .venv/bin/python tests/perf/today_bench.py [DB]   (not collected by pytest)
Builds the demo notebook in a temporary file unless DB is given.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ckbook.services.clock import FixedClock
from ckbook.services.demo import make_demo
from ckbook.services.insight import client_insight, kept_rate_series
from ckbook.services.today import today_report
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
    fresh = not Path(path).exists()
    opened = open_database(path)
    try:
        if fresh:
            t = time.perf_counter()
            make_demo(10_000, 200_000, 100_000, 1, NOW, TZ)
            print(f"demo built in {time.perf_counter() - t:.1f} s at {path}")
        report = timed("today_report", lambda: today_report(NOW, TZ))
        print(f"  counts: {report.counts()} snoozed {report.snoozed}")
        timed("kept_rate_series (everyone)", lambda: kept_rate_series(NOW, TZ))
        timed("client_insight (one card)", lambda: client_insight(1, NOW, TZ))

        from PySide6.QtWidgets import QApplication

        from ckbook.ui.notebook import Notebook
        from ckbook.ui.today_page import TodayPage

        app = QApplication.instance() or QApplication([])
        notebook = Notebook(FixedClock(NOW, TZ), path)

        def build_and_show() -> TodayPage:
            page = TodayPage(notebook)
            page.resize(1200, 800)
            page.show()
            app.processEvents()
            return page

        page = timed("TodayPage built and painted", build_and_show, 3)
        timed("TodayPage.refresh", page.refresh)
    finally:
        close_database(opened)


if __name__ == "__main__":
    main()
