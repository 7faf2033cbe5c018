"""How long one reminder check and one tray report take on a 10,000-client notebook.

Run: .venv/bin/python tests/perf/reminder_check_bench.py [DB]   (not collected by pytest)
Builds the demo notebook in a temporary file unless DB is given.
"""

from __future__ import annotations

import sys

from benchkit import NOW, TZ, demo_notebook, timed

from ckbook.services.agenda import due_report
from ckbook.services.reminders import check, mark_fired


def main() -> None:
    with demo_notebook(sys.argv[1] if len(sys.argv) > 1 else None):
        result = timed("reminders.check (first start)", lambda: check(NOW, TZ), 1)
        print(f"  firing: {len(result.firing)}, next wake {result.next_wake}")
        timed("mark_fired (missed batch)", lambda: mark_fired(result.firing, NOW), 1)
        timed("reminders.check (steady)", lambda: check(NOW, TZ))
        timed("agenda.due_report (tray)", lambda: due_report(NOW, TZ))


if __name__ == "__main__":
    main()
