"""Search as you type on the 200,000-note demo notebook: the time of each keystroke's query.

Run: .venv/bin/python tests/perf/bench_search.py [DB]   (not collected by pytest)
Builds the demo notebook (10,000 clients, 200,000 notes, 100,000 promises) in a temporary file
unless DB is given. Each query is typed a key at a time; every prefix is searched the way the
search page does (``prefix_last=True``, 50 hits), on a fresh connection per run like the search
thread. Also times rebuilding each full-text index (what migration 0002 and the demo pay).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import peewee
from benchkit import demo_notebook

from ckbook.services.search import search

QUERIES = (
    "proposal",
    "invoice",
    "the",
    "call back",
    '"revised quote"',
    "discount",
    "ada",
    "budget meeting",
    "sch",
    "a",
    "zzzz",
)


def main() -> None:
    given = [a for a in sys.argv[1:] if not a.startswith("--")]
    with demo_notebook(given[0] if given else None) as (opened, path):
        run(opened.database, path)


def run(database: peewee.Database, path: Path) -> None:
    notes = database.execute_sql("SELECT count(*) FROM note").fetchone()[0]
    print(f"{path}: {notes} notes")

    times: list[float] = []
    worst: tuple[float, str] = (0.0, "")
    for query in QUERIES:
        line = []
        for end in range(1, len(query) + 1):
            typed = query[:end]
            start = time.perf_counter()
            hits = search(typed, 50, prefix_last=True)
            elapsed = (time.perf_counter() - start) * 1000
            times.append(elapsed)
            worst = max(worst, (elapsed, typed))
            line.append(f"{elapsed:.0f}")
        print(f"{query!r:20s} {len(hits):3d} hits  ms per key: {' '.join(line)}")
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(
        f"\n{len(times)} keystrokes: median {statistics.median(times):.1f} ms, "
        f"p95 {p95:.1f} ms, worst {worst[0]:.1f} ms ({worst[1]!r})"
    )

    if "--rebuild" in sys.argv:
        for fts in ("note_fts", "promise_fts", "client_fts"):
            start = time.perf_counter()
            with database.atomic():
                database.execute_sql(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
            print(f"rebuild {fts}: {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
