"""The benchmark of issue 10: every figure, each beside a reference measured in the same run.

Run (from the repository root; not part of the test run, pytest does not collect it):

    .venv/bin/python tests/perf/bench.py                  # 1k, 10k and 50k clients, full repeats
    .venv/bin/python tests/perf/bench.py --quick --sizes 1k,10k
    .venv/bin/python tests/perf/bench.py --sizes 10k --backend both   # SQLite and PostgreSQL

Demo notebooks (10k = 10,000 clients / 200,000 notes / 100,000 promises; 1k and 50k in
proportion, plus one client with 1,000 notes) are built once and reused from a cache folder
outside the repository (``~/.cache/ckbook-bench``, or ``CKBOOK_BENCH_CACHE``), keyed by the sizes
and a hash of the demo generator and the migrations. Windows run on Qt's offscreen platform (no X
server needed; painting happens into the window's backing store as on a screen). Each figure is
reported as median and p99 (nearest rank) over its repeats; the table is printed and written as
JSON (``--json``, default ``bench-results.json`` in the cache folder).

GUI figures are measured in a child process per notebook size (``--part gui``), so one size's
memory and threads never colour another's; start-up is measured from spawning a new process to
the first paint event of the main window (``CKBOOK_REPORT_FIRST_PAINT``).

``--backend postgresql`` (or ``both``) measures the same figures on team mode's server: a
throwaway cluster of ``tests/pg_server.py`` on loopback (or the server ``CKBOOK_TEST_PG`` names),
one database per size, filled from the cached demo notebook by ``migrate-to``. That copy is a
figure too: the notebook goes to the server and back to a new file, timed each way, and the file
that comes back must hold every row of every table byte for byte as the notebook did. The
references on the server are the same raw queries through psycopg (``import psycopg`` for the
bare interpreter, PostgreSQL's own tsquery for search).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[2]
TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 18, 9, 0, tzinfo=UTC)
NOW_ARG = NOW.isoformat()
SIZES: dict[str, tuple[int, int, int]] = {
    "1k": (1_000, 20_000, 10_000),
    "10k": (10_000, 200_000, 100_000),
    "50k": (50_000, 1_000_000, 500_000),
}
BIG_CLIENT = "Bench Manynotes"
BIG_NOTES = 1_000


def cache_dir() -> Path:
    return Path(os.environ.get("CKBOOK_BENCH_CACHE", Path.home() / ".cache" / "ckbook-bench"))


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def stats(values: Sequence[float]) -> dict[str, float]:
    return {
        "median": statistics.median(values),
        "p99": percentile(values, 99),
        "max": max(values),
        "n": len(values),
    }


# --- notebooks ------------------------------------------------------------------------------------


def _generator_hash() -> str:
    digest = hashlib.sha256()
    for path in [
        ROOT / "ckbook/services/demo.py",
        *sorted((ROOT / "ckbook/store/migrations").glob("*.py")),
    ]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def notebook_for(size: str) -> Path:
    """The demo notebook of ``size``, built into the cache on first use."""
    clients, notes, promises = SIZES[size]
    folder = cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"demo-{clients}-{notes}-{promises}-seed1-{_generator_hash()}.sqlite3"
    if path.exists():
        return path
    building = path.with_suffix(".building")
    for leftover in folder.glob(f"{building.name}*"):
        leftover.unlink()
    from ckbook.services.clients import ClientInput, add_client
    from ckbook.services.demo import make_demo
    from ckbook.store.database import close_database, open_database
    from ckbook.store.models import Note

    started = time.perf_counter()
    opened = open_database(building)
    try:
        make_demo(clients, notes, promises, 1, NOW, TZ)
        big = add_client(ClientInput(name=BIG_CLIENT), NOW).ids[0]
        with opened.database.atomic():
            Note.insert_many(
                [
                    {
                        "client": big,
                        "kind": "call",
                        "started_at": NOW.replace(year=2024)
                        + (NOW - NOW.replace(year=2024)) * i / BIG_NOTES,
                        "body": f"Call {i}: **Next:** talked about the *contract* and the venue.",
                        "created_at": NOW,
                        "updated_at": NOW,
                    }
                    for i in range(BIG_NOTES)
                ]
            ).execute()
        opened.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        close_database(opened)
    building.rename(path)
    print(f"built {path.name} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return path


# --- the same notebooks on a PostgreSQL server ---------------------------------------------------


@contextmanager
def server_for(backends: Sequence[str]) -> Iterator[Any]:
    """A running server when ``postgresql`` is among ``backends`` (tests/pg_server.py), else
    None."""
    if "postgresql" not in backends:
        yield None
        return
    sys.path.insert(0, str(ROOT))
    from tests.pg_server import running_server

    with running_server() as server:
        yield server


def _raw_rows(path: Path, table: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as raw:
        return raw.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()


def migrate_round_trip(server: Any, size: str, sqlite_path: Path) -> tuple[str, dict[str, Any]]:
    """The notebook of ``size`` copied to a new database on ``server`` and from there to a new
    file (``migrate-to`` both ways, timed); the file must hold exactly the notebook's rows.
    Returns the server notebook's URL, left in place for the other figures, and the figure."""
    from ckbook.store.copy import _TRANSIENT, _models, copy_notebook
    from ckbook.store.database import close_database, open_database

    name = f"ckbook_bench_{size}"
    server.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    server.admin(f"CREATE DATABASE {name}")
    url = server.url(name)
    source = open_database(sqlite_path, create=False, bind=False)
    try:
        there = copy_notebook(source, url)
    finally:
        close_database(source)
    with tempfile.TemporaryDirectory(prefix="ckbook-bench-") as folder:
        back_path = Path(folder) / "back.sqlite3"
        on_server = open_database(url, create=False, bind=False)
        try:
            back = copy_notebook(on_server, back_path)
        finally:
            close_database(on_server)
        # Stronger than the copies' own checksums (values as Python reads them): every stored
        # value of every table, as SQLite holds it, in the notebook and in what came back.
        differ = [
            model._meta.table_name
            for model in _models()
            if _raw_rows(sqlite_path, model._meta.table_name)
            != _raw_rows(back_path, model._meta.table_name)
        ]
    return url, {
        "to_server_s": round(there.seconds, 3),
        "back_to_file_s": round(back.seconds, 3),
        "rows": there.rows,
        "tables": len(there.tables),
        "not_copied": [model._meta.table_name for model in _TRANSIENT],
        "checksums_equal": [t.checksum for t in there.tables] == [t.checksum for t in back.tables],
        "tables_differing": differ,
        "identical": not differ,
    }


# --- processes ------------------------------------------------------------------------------------


def _env(**extra: str) -> dict[str, str]:
    home = cache_dir() / "home"
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        PYTHONDONTWRITEBYTECODE="1",
    )
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    env.update(extra)
    return env


def _spawn_timed(argv: list[str], env: dict[str, str]) -> tuple[float, dict[str, float], int]:
    """Run ``argv``; (seconds from spawn to exit, the ``name time`` lines it printed, peak KB)."""
    start = time.time()
    process = subprocess.Popen(
        argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert process.stdout is not None
    output = process.stdout.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.time() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{argv[:3]} exited {process.returncode}")
    marks = {}
    for line in output.splitlines():
        name, _, value = line.partition(" ")
        try:
            marks[name] = float(value) - start
        except ValueError:
            continue
    return elapsed, marks, usage.ru_maxrss


BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv[:1])
window = QMainWindow()
model = QStandardItemModel(100, 6)
for r in range(100):
    for c in range(6):
        model.setItem(r, c, QStandardItem(f"cell {r} {c}"))
view = QTableView()
view.setModel(model)
window.setCentralWidget(view)
window.resize(1024, 700)
class Spy(QObject):
    def eventFilter(self, watched, event):
        painted = event.type() == QEvent.Type.Paint and hasattr(watched, "window")
        if painted and watched.window() is window:
            print(f"first-paint {time.time():.6f}", flush=True)
            app.removeEventFilter(self)
            QTimer.singleShot(0, app.quit)
        return False
spy = Spy()
app.installEventFilter(spy)
window.show()
app.exec()
"""


def measure_start(db: str, repeats: int) -> dict[str, Any]:
    app_argv = [
        sys.executable,
        "-c",
        "import sys; from ckbook.app import main; raise SystemExit(main(sys.argv[1:]))",
        "--db",
        db,
        "--now",
        NOW_ARG,
    ]
    bare_argv = [sys.executable, "-c", BARE_WINDOW]
    painted, rows, memory, bare_painted, bare_memory = [], [], [], [], []
    for _ in range(repeats):
        _t, marks, kb = _spawn_timed(app_argv, _env(CKBOOK_REPORT_FIRST_PAINT="1"))
        painted.append(marks["first-paint"])
        rows.append(max(marks["first-paint"], marks["today-rows"]))
        memory.append(kb / 1024)
        _t, marks, kb = _spawn_timed(bare_argv, _env())
        bare_painted.append(marks["first-paint"])
        bare_memory.append(kb / 1024)
    return {
        "start_to_paint_s": {**stats(painted), "reference": stats(bare_painted)},
        "start_to_today_rows_s": {**stats(rows), "reference": stats(bare_painted)},
        "peak_memory_mb": {**stats(memory), "reference": stats(bare_memory)},
    }


def _is_server(db: str) -> bool:
    return db.startswith(("postgresql://", "postgres://"))


def measure_cli(db: str, repeats: int) -> dict[str, Any]:
    cli = [str(Path(sys.executable).with_name("ckbook"))]  # the console script users run
    driver = "psycopg" if _is_server(db) else "sqlite3"
    python_only = [sys.executable, "-c", f"import {driver}"]
    raw = {
        "due": RAW_DUE,
        "today": RAW_DUE,
        "clients": RAW_CLIENTS,
    }
    details = "d.kind || ':' || d.value"
    aggregate = f"string_agg({details}, ',')" if _is_server(db) else f"group_concat({details})"
    out: dict[str, Any] = {}
    for command in ("due", "today", "clients"):
        argv = [*cli, "--db", db, command, "--json"]
        if command != "clients":
            argv += ["--now", NOW_ARG]
        script = RAW_CONNECT.format(driver=driver) + raw[command].replace("AGGREGATE", aggregate)
        ours, bare, scripted = [], [], []
        for _ in range(repeats):
            ours.append(_spawn_timed(argv, _env())[0])
            bare.append(_spawn_timed(python_only, _env())[0])
            scripted.append(_spawn_timed([sys.executable, "-c", script, db], _env())[0])
        out[f"cli_{command}_json_s"] = {
            **stats(ours),
            "reference": stats(bare),
            "reference_raw_script": stats(scripted),
        }
    return out


#: How the raw scripts connect: the driver alone, given the file or the server's URL.
RAW_CONNECT = """
import json, sys
import {driver}
db = {driver}.connect(sys.argv[1])
"""

#: A raw script giving what ``ckbook due``/``today`` select (open promises due within a week with
#: their client, clients' last contact, requests awaiting reply), as JSON; the SQL runs on both.
RAW_DUE = """
promises = db.execute(
    "SELECT p.id, p.client_id, c.name, p.text, p.due_date, p.due_time FROM promise p "
    "JOIN client c ON c.id = p.client_id WHERE p.status = 'open' AND p.due_date IS NOT NULL "
    "AND p.due_date <= '2026-11-25' AND c.deleted_at IS NULL "
    "ORDER BY p.due_date, p.due_time, lower(c.name)"
).fetchall()
contacts = db.execute(
    "SELECT c.id, c.name, c.checkin_days, "
    "(SELECT max(started_at) FROM note WHERE note.client_id = c.id) FROM client c "
    "WHERE c.deleted_at IS NULL AND c.status IN ('active', 'lead')"
).fetchall()
requests = db.execute(
    "SELECT r.id, r.client_id, c.name, r.summary, r.received_at FROM request r "
    "JOIN client c ON c.id = r.client_id WHERE r.answered_at IS NULL AND c.deleted_at IS NULL"
).fetchall()
found = {"promises": promises, "contacts": contacts, "requests": requests}
json.dump(found, sys.stdout, default=str)
"""

RAW_CLIENTS = """
rows = db.execute(
    "SELECT c.id, c.name, c.organisation, c.status, AGGREGATE "
    "FROM client c LEFT JOIN contact_detail d ON d.client_id = c.id "
    "WHERE c.deleted_at IS NULL GROUP BY c.id ORDER BY lower(c.name)"
).fetchall()
json.dump(rows, sys.stdout, default=str)
"""


def measure_gui(db: str, quick: bool) -> dict[str, Any]:
    argv = [sys.executable, str(Path(__file__)), "--part", "gui", "--db", db]
    if quick:
        argv.append("--quick")
    result = subprocess.run(argv, env=_env(), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"the GUI part failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


# --- the GUI part (a child process) ---------------------------------------------------------------


def gui_part(db: str, quick: bool) -> dict[str, Any]:
    from gui_figures import measure_all  # beside this file

    return measure_all(db, quick, NOW_ARG)


# --- the table ------------------------------------------------------------------------------------

#: figure → (what it is, unit, goal in words, goal test on (value stats, reference stats))
GOALS: dict[str, tuple[str, str, str, Callable[[dict[str, Any]], bool | None]]] = {}


def _ratio(entry: dict[str, Any], key: str = "reference", q: str = "median") -> float | None:
    ref = entry.get(key)
    if not ref or not ref.get(q):
        return None
    return entry[q] / ref[q]


def _goal(
    name: str, what: str, unit: str, words: str, test: Callable[[dict[str, Any]], bool | None]
) -> None:
    GOALS[name] = (what, unit, words, test)


_goal(
    "start_to_paint_s",
    "start (new process) to first painted window",
    "s",
    "<= 1.5x bare",
    lambda e: (r := _ratio(e)) is not None and r <= 1.5,
)
_goal(
    "start_to_today_rows_s",
    "start to Today's rows shown",
    "s",
    "<= 2x bare",
    lambda e: (r := _ratio(e)) is not None and r <= 2.0,
)
_goal(
    "peak_memory_mb",
    "peak memory of that process",
    "MB",
    "<= 1.6x bare",
    lambda e: (r := _ratio(e)) is not None and r <= 1.6,
)
_goal(
    "typing_stall_ms",
    "longest GUI stall typing 60 s with autosave",
    "ms",
    "<= 16 ms",
    lambda e: e["max"] <= 16,
)
_goal(
    "typing_stall_busy_ms",
    "the same while the CLI writes and reminders check",
    "ms",
    "<= 16 ms",
    lambda e: e["max"] <= 16,
)
_goal(
    "switcher_key_ms", "Ctrl+K: key to list painted", "ms", "p99 <= 16 ms", lambda e: e["p99"] <= 16
)
_goal(
    "search_key_ms",
    "search: query to results painted",
    "ms",
    "p99 <= 16 ms and <= 2x raw",
    lambda e: e["p99"] <= 16 and (_ratio(e) or 99) <= 2,
)
_goal(
    "open_card_ms",
    "open a client with 1,000 notes: to painted card",
    "ms",
    "p99 <= 50 ms",
    lambda e: e["p99"] <= 50,
)
_goal(
    "client_filter_key_ms",
    "client list: filter per key",
    "ms",
    "<= 1.5x Qt proxy",
    lambda e: (r := _ratio(e)) is not None and r <= 1.5,
)
_goal(
    "client_sort_ms",
    "client list: sort by a column",
    "ms",
    "<= 1.5x Qt proxy",
    lambda e: (r := _ratio(e)) is not None and r <= 1.5,
)
_goal(
    "today_refresh_ms",
    "Today: request to rows painted",
    "ms",
    "<= 100 ms",
    lambda e: e["median"] <= 100,
)
_goal(
    "reminder_check_steady_ms",
    "reminder check, steady",
    "ms",
    "<= 5 ms",
    lambda e: e["median"] <= 5,
)
_goal(
    "reminder_check_first_ms",
    "reminder check, first on start",
    "ms",
    "<= 2x raw SQL",
    lambda e: (r := _ratio(e)) is not None and r <= 2,
)
for _command in ("due", "today", "clients"):
    _goal(
        f"cli_{_command}_json_s",
        f"ckbook {_command} --json",
        "s",
        "<= 3x python+driver, <= 1.5x raw script",
        lambda e: (_ratio(e) or 99) <= 3 and (_ratio(e, "reference_raw_script") or 99) <= 1.5,
    )


def _fmt(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.3f}"
    return f"{value:.1f}"


def max_of(entry: dict[str, Any]) -> float:
    return float(entry.get("max", entry["p99"]))


def table(results: dict[str, dict[str, Any]]) -> str:
    sizes = list(results)
    lines = [
        "| figure | size | median | p99 | max | reference (median) | ratio | goal | met |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, (what, unit, words, test) in GOALS.items():
        for size in sizes:
            entry = results[size].get(name)
            if entry is None:
                continue
            ref = entry.get("reference")
            ref_text = _fmt(ref["median"], unit) if ref else "—"
            if "reference_raw_script" in entry:
                ref_text += f" / raw {_fmt(entry['reference_raw_script']['median'], unit)}"
            ratio = _ratio(entry)
            met = test(entry)
            lines.append(
                f"| {what} ({unit}) | {size} | {_fmt(entry['median'], unit)} | "
                f"{_fmt(entry['p99'], unit)} | {_fmt(entry.get('max', max_of(entry)), unit)} | "
                f"{ref_text} | "
                f"{f'{ratio:.2f}x' if ratio is not None else '—'} | {words} | "
                f"{'yes' if met else 'no'} |"
            )
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import PySide6

    return {
        "cpus": os.cpu_count(),
        "cpu": model,
        "python": sys.version.split()[0],
        "pyside6": PySide6.__version__,
        "platform": "Qt offscreen",
        "load_at_start": [round(load, 1) for load in os.getloadavg()],
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
    }


BACKEND_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def side_by_side(results: dict[str, dict[str, dict[str, Any]]]) -> str:
    """The medians and p99s of every backend in one row per figure and size, each with its own
    reference (measured on that backend) and whether it meets the goal."""
    backends = list(results)
    head = ["figure", "size"]
    for backend in backends:
        name = BACKEND_NAMES[backend]
        head += [f"{name} median", "p99", "reference", "met"]
    lines = ["| " + " | ".join([*head, "goal"]) + " |", "|" + " --- |" * (len(head) + 1)]
    sizes = list(dict.fromkeys(size for found in results.values() for size in found))
    for name, (what, unit, words, test) in GOALS.items():
        for size in sizes:
            cells = [f"{what} ({unit})", size]
            seen = False
            for backend in backends:
                entry = results[backend].get(size, {}).get(name)
                if entry is None:
                    cells += ["—"] * 4
                    continue
                seen = True
                ref = entry.get("reference")
                ref_text = _fmt(ref["median"], unit) if ref else "—"
                if "reference_raw_script" in entry:
                    ref_text += f" / raw {_fmt(entry['reference_raw_script']['median'], unit)}"
                cells += [
                    _fmt(entry["median"], unit),
                    _fmt(entry["p99"], unit),
                    ref_text,
                    "yes" if test(entry) else "no",
                ]
            if seen:
                lines.append("| " + " | ".join([*cells, words]) + " |")
    return "\n".join(lines)


def migration_lines(migrations: dict[str, dict[str, Any]]) -> list[str]:
    return [
        f"migrate-to at {size}: {m['rows']:,} rows in {m['tables']} tables to the server in "
        f"{m['to_server_s']:.1f} s, back to a new file in {m['back_to_file_s']:.1f} s; "
        + (
            "every table identical byte for byte"
            if m["identical"]
            else f"DIFFERENT: {', '.join(m['tables_differing'])}"
        )
        + f" (not copied by design: {', '.join(m['not_copied'])})"
        for size, m in migrations.items()
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1k,10k,50k")
    parser.add_argument("--quick", action="store_true", help="fewer repeats, 10 s of typing")
    parser.add_argument("--json", type=Path, help="where to write the results")
    parser.add_argument("--only", default="", help="start,cli,gui (default: all)")
    parser.add_argument(
        "--backend",
        choices=("sqlite", "postgresql", "both"),
        default="sqlite",
        help="the notebook as a SQLite file, on a PostgreSQL server (migrate-to copies it there, "
        "timed, and back), or both side by side",
    )
    parser.add_argument("--part", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.part == "gui":
        print(json.dumps(gui_part(args.db, args.quick)))
        return 0
    parts = set(args.only.split(",")) if args.only else {"start", "cli", "gui"}
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    repeats = 5 if args.quick else 15
    started = machine()
    results: dict[str, dict[str, dict[str, Any]]] = {backend: {} for backend in backends}
    migrations: dict[str, dict[str, Any]] = {}
    with server_for(backends) as server:
        for size in args.sizes.split(","):
            path = notebook_for(size)
            for backend in backends:
                db = str(path)
                if backend == "postgresql":
                    # In a process of its own: the rows it holds would otherwise count in the
                    # peak memory of every process this one starts (Linux keeps the high-water
                    # mark across fork and exec).
                    spawn = multiprocessing.get_context("spawn")
                    with ProcessPoolExecutor(1, mp_context=spawn) as pool:
                        db, migrations[size] = pool.submit(
                            migrate_round_trip, server, size, path
                        ).result()
                    print(migration_lines({size: migrations[size]})[0], file=sys.stderr)
                found: dict[str, Any] = {}
                if "start" in parts:
                    found.update(measure_start(db, repeats))
                if "cli" in parts:
                    found.update(measure_cli(db, max(3, repeats // 2)))
                if "gui" in parts:
                    found.update(measure_gui(db, args.quick))
                results[backend][size] = found
                print(f"{size} on {BACKEND_NAMES[backend]}: done", file=sys.stderr)
        server_version = server_version_of(server)
    report = {
        "machine": {
            **started,
            "load_at_end": [round(load, 1) for load in os.getloadavg()],
            "postgresql": server_version,
        },
        "quick": args.quick,
        "sizes": {s: SIZES[s] for s in args.sizes.split(",")},
        "backends": backends,
        "results": results,
        "migrate_to": migrations,
    }
    target = args.json or cache_dir() / "bench-results.json"
    target.write_text(json.dumps(report, indent=1))
    if len(backends) > 1:
        print(side_by_side(results))
    else:
        print(table(results[backends[0]]))
    for line in migration_lines(migrations):
        print(line)
    info = report["machine"]
    print(
        f"\n{info['cpus']} CPUs, {info['cpu']}; load average {info['load_at_start']} at the "
        f"start, {info['load_at_end']} at the end; written to {target}"
    )
    return 0


def server_version_of(server: Any) -> str | None:
    if server is None:
        return None
    import psycopg

    with psycopg.connect(server.url("postgres")) as connection:
        row = connection.execute("SHOW server_version").fetchone()
    return str(row[0]) if row else None


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    raise SystemExit(main())
