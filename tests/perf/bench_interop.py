"""Export the stress-size notebook in every format (time, size, how long the database was read),
then import the vCard and CSV exports into a fresh notebook, import the vCard again (every client
matched, none changed), and restore the JSON export into an empty notebook. Not collected by
pytest.

    .venv/bin/python tests/perf/bench_interop.py [NOTEBOOK.sqlite3]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from benchkit import NOW, TZ, demo_notebook

from ckbook.interop.transfer import EXPORT_FORMATS, export_file, import_file
from ckbook.store.database import close_database, open_database


def main() -> None:
    out = Path(tempfile.mkdtemp(prefix="ckbook-interop-"))
    with demo_notebook(sys.argv[1] if len(sys.argv) > 1 else None):
        for kind in EXPORT_FORMATS:
            result = export_file(kind, out / f"notebook.{kind}", NOW, TZ)
            print(
                f"export {kind:5s} {result.count:6d} items  {result.size / 1e6:7.1f} MB  "
                f"{result.seconds:6.2f} s (database read {result.read_seconds:.2f} s)"
            )
    for kind in ("vcard", "csv", "json"):
        opened = open_database(out / f"fresh-{kind}.sqlite3")
        try:
            start = time.perf_counter()
            report = import_file(kind, out / f"notebook.{kind}", NOW)
            print(f"import {kind:5s} {report.summary()} in {time.perf_counter() - start:.2f} s")
            if kind == "vcard":
                start = time.perf_counter()
                report = import_file(kind, out / f"notebook.{kind}", NOW)
                print(f"again  {kind:5s} {report.summary()} in {time.perf_counter() - start:.2f} s")
        finally:
            close_database(opened)
    print(f"files in {out}")


if __name__ == "__main__":
    main()
