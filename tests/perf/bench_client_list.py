"""Benchmark (a script, not a test): the client list over a 10,000-client demo notebook.

    .venv/bin/python tests/perf/bench_client_list.py [--clients 10000] [--db PATH]

Prints how long the rows take to build, and how long filtering as you type, sorting by each column
and refreshing a few changed clients take in the real view (offscreen).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ckbook.services.base import Changed
from ckbook.services.clients import client_summaries
from ckbook.services.clock import FixedClock
from ckbook.store.database import close_database, open_database

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 18, 10, 0, tzinfo=TZ)


def timed(label: str, action, app: QApplication) -> None:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    action()
    app.processEvents()
    print(f"{label:32} {1000 * (time.perf_counter() - start):7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=10_000)
    parser.add_argument("--db", help="a notebook file or a postgresql:// URL (team mode)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    scratch = tempfile.TemporaryDirectory()
    path = args.db or str(Path(scratch.name) / "bench.sqlite3")
    fresh = "://" not in path and not Path(path).exists()
    opened = open_database(path)
    try:
        if fresh:
            from ckbook.services.demo import make_demo

            make_demo(args.clients, args.clients * 10, args.clients * 3, 1, NOW, TZ)
        from ckbook.ui.client_list import ClientListView, Column
        from ckbook.ui.notebook import Notebook

        timed("client_summaries (all)", lambda: client_summaries(NOW, TZ), app)
        notebook = Notebook(FixedClock(NOW, TZ))
        view = ClientListView(notebook)
        view.resize(900, 700)
        view.show()
        app.processEvents()
        for text in ("a", "an", "ann", "anna", ""):
            timed(f"filter {text!r}", lambda t=text: view.filter_edit.setText(t), app)
        for column in Column:
            timed(
                f"sort by {column.name.lower()}",
                lambda c=column: view.table.sortByColumn(c, Qt.SortOrder.DescendingOrder),
                app,
            )
        ids = tuple(view.model.client_ids()[:3])
        timed(
            "refresh 3 changed clients", lambda: notebook.broadcast(Changed("note", (), ids)), app
        )
        timed("reload everything", view.reload, app)
    finally:
        close_database(opened)
        scratch.cleanup()


if __name__ == "__main__":
    main()
