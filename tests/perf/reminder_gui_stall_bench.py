"""How long the GUI thread stalls while the reminder worker checks a big notebook.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/perf/reminder_gui_stall_bench.py DB
(DB: e.g. the notebook tests/perf/reminder_check_bench.py built). Not collected by pytest.
A 5 ms GUI timer ticks while three threaded checks run; the longest gap between ticks is what a
user would feel as a stutter.
"""

from __future__ import annotations

import sys
import time

from benchkit import NOW, TZ
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ckbook.services.clock import FixedClock
from ckbook.store.database import close_database, open_database
from ckbook.ui.banner import ReminderBanner
from ckbook.ui.notebook import Notebook
from ckbook.ui.notifications import ReminderRouter
from ckbook.ui.reminder_engine import ReminderEngine


def main() -> None:
    app = QApplication(sys.argv[:1])
    opened = open_database(sys.argv[1])
    clock = FixedClock(NOW, TZ)
    notebook = Notebook(clock, opened.location)
    banner = ReminderBanner()
    engine = ReminderEngine(notebook, ReminderRouter(notebook, banner))
    gaps: list[float] = []
    last = [time.perf_counter()]
    checks: list[float] = []
    started = [0.0]

    def tick() -> None:
        t = time.perf_counter()
        gaps.append(t - last[0])
        last[0] = t

    def on_report(_report: object) -> None:
        checks.append(time.perf_counter() - started[0])
        if len(checks) == 3:
            app.quit()
        else:
            started[0] = time.perf_counter()
            engine.check_now()

    ticker = QTimer()
    ticker.setInterval(5)
    ticker.timeout.connect(tick)
    ticker.start()
    engine.reportReady.connect(on_report)
    started[0] = time.perf_counter()
    engine.start()
    app.exec()
    engine.stop()
    close_database(opened)
    print(f"threaded check + tray report: {', '.join(f'{c * 1000:.0f} ms' for c in checks)}")
    print(f"longest GUI gap: {max(gaps) * 1000:.0f} ms over {len(gaps)} ticks")


if __name__ == "__main__":
    main()
