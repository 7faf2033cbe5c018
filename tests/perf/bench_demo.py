"""Benchmark: how long a stress-size demo notebook takes to write, and the memory it needs.

Run as ``python tests/perf/bench_demo.py [CLIENTS NOTES PROMISES]`` (default 10,000 / 200,000 /
100,000). Not a pytest module (its name does not start with ``test_``): timings on a shared
machine are for people to read, not for CI to gate on.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

from benchkit import NOW, STRESS, TZ

from ckbook.services.demo import make_demo
from ckbook.store.database import close_database, open_database


def main(argv: list[str]) -> int:
    clients, notes, promises = (int(a) for a in argv) if argv else STRESS
    with tempfile.TemporaryDirectory(prefix="ckbook-bench-") as folder:
        path = Path(folder) / "demo.sqlite3"
        opened = open_database(path)
        try:
            started = time.perf_counter()
            summary = make_demo(clients, notes, promises, 1, NOW, TZ)
            seconds = time.perf_counter() - started
        finally:
            close_database(opened)
        size_mb = sum(p.stat().st_size for p in Path(folder).iterdir()) / 1e6
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(summary.describe())
    print(f"seconds: {seconds:.1f}")
    print(f"peak RSS: {peak_mb:.0f} MB")
    print(f"database files: {size_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
