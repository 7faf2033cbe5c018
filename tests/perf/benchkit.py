"""What the benchmark scripts share: the pinned moment, a best-of-N timer, and the stress-size
demo notebook (built into a temporary file, or opened when a path to one is given; a
``postgresql://`` URL benches team mode's server, the demo built there when it holds no client).

Imported by the scripts beside it (``from benchkit import ...``; run them as files, e.g.
``.venv/bin/python tests/perf/today_bench.py``). Not collected by pytest.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

from ckbook.services.demo import make_demo
from ckbook.store.database import OpenedDatabase, close_database, open_database
from ckbook.store.models import Client

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 18, 9, 0, tzinfo=UTC)
#: Clients, notes, promises of the stress-size demo notebook.
STRESS = (10_000, 200_000, 100_000)

T = TypeVar("T")


def timed(what: str, fn: Callable[[], T], repeat: int = 5) -> T:
    """Run ``fn`` ``repeat`` times and print the best time; return its last result."""
    best = float("inf")
    result: T | None = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    print(f"{what:40s} {best * 1000:8.1f} ms (best of {repeat})")
    return result  # type: ignore[return-value]  # repeat >= 1


@contextmanager
def demo_notebook(
    path: str | Path | None = None,
    sizes: tuple[int, int, int] = STRESS,
    now: datetime = NOW,
) -> Iterator[tuple[OpenedDatabase, Path]]:
    """The notebook at ``path`` opened (the demo built into it first when the file does not
    exist yet; a temporary file when ``path`` is None), closed afterwards."""
    if path is not None and "://" in str(path):  # a PostgreSQL server (team mode)
        opened = open_database(str(path))
        where = Path(opened.location)  # the URL, for printing (without its password)
        fresh = Client.select().count() == 0
    else:
        where = Path(path) if path is not None else Path(tempfile.mkdtemp()) / "bench.sqlite3"
        fresh = not where.exists()
        opened = open_database(where)
    try:
        if fresh:
            start = time.perf_counter()
            clients, notes, promises = sizes
            make_demo(clients, notes, promises, 1, now, TZ)
            print(f"demo built in {time.perf_counter() - start:.1f} s at {where}")
        yield opened, where
    finally:
        close_database(opened)
