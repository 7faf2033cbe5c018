"""How long Today takes on a 10,000-client notebook: the report; the page's first paint (before the
report, which is built on a worker), the rows shown, and the longest GUI stall meanwhile.

Run: .venv/bin/python tests/perf/today_bench.py [DB]   (not collected by pytest)
Builds the demo notebook in a temporary file unless DB is given.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchkit import NOW, TZ, demo_notebook, timed

from ckbook.services.clients import client_detail
from ckbook.services.clock import FixedClock
from ckbook.services.insight import card_facts, kept_rate_series
from ckbook.services.today import today_report


def main() -> None:
    with demo_notebook(sys.argv[1] if len(sys.argv) > 1 else None) as (opened, _path):
        report = timed("today_report", lambda: today_report(NOW, TZ))
        print(f"  counts: {report.counts()} snoozed {report.snoozed}")
        timed("kept_rate_series (everyone)", lambda: kept_rate_series(NOW, TZ))
        timed("card_facts (one card header)", lambda: card_facts(client_detail(1, NOW), NOW, TZ))

        from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
        from PySide6.QtWidgets import QApplication

        from ckbook.ui.notebook import Notebook
        from ckbook.ui.today_page import TodayPage

        app = QApplication.instance() or QApplication([])
        notebook = Notebook(FixedClock(NOW, TZ), opened.location)

        def wait_shown(page: TodayPage) -> None:
            loop = QEventLoop()
            page.refreshed.connect(loop.quit)
            if page.pending:
                loop.exec()
            page.refreshed.disconnect(loop.quit)

        def first_paint_then_rows(repeat: int = 3) -> TodayPage:
            """Time to the first paint (the page on screen, "Loading…"), then to the rows, and
            the longest the GUI thread was busy meanwhile (a 5 ms ticker measures the gaps)."""
            page = None
            for _ in range(repeat):
                ticks: list[int] = []
                clock = QElapsedTimer()
                ticker = QTimer()
                ticker.setInterval(5)
                ticker.timeout.connect(lambda t=ticks, c=clock: t.append(c.elapsed()))
                clock.start()
                page = TodayPage(notebook)
                page.resize(1200, 800)
                page.show()
                app.processEvents()
                painted = clock.elapsed()
                ticker.start()
                wait_shown(page)
                shown = clock.elapsed()
                ticker.stop()
                gaps = [b - a for a, b in zip([painted, *ticks], [*ticks, shown], strict=True)]
                print(
                    f"TodayPage first paint {painted:5d} ms · rows shown {shown:5d} ms"
                    f" · longest GUI stall {max(gaps):4d} ms"
                )
            assert page is not None
            return page

        page = first_paint_then_rows()

        def refresh_and_wait() -> None:
            page.refresh()
            wait_shown(page)

        timed("TodayPage.refresh (worker, until shown)", refresh_and_wait)
        timed("TodayPage.show_report (GUI thread)", lambda: page.show_report(page.report))


if __name__ == "__main__":
    main()
