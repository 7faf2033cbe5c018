"""The in-window figures of ``bench.py``, measured in one child process per notebook: the real
window composed as the app composes it (``ckbook.app.compose``), on Qt's offscreen platform.

"Painted" means the widget was repainted synchronously (``repaint()``) after the change, so each
time covers the model update, the layout and the drawing. The notebook is a SQLite file or a
``postgresql://`` URL; the raw references read it through the matching driver. Not collected by
pytest.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QElapsedTimer, QSortFilterProxyModel, QStringListModel, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QListView, QTableView

TYPED = (
    "Talked through the venue options and the budget for the spring event. "
    "They prefer the smaller hall; catering for 80.\n"
    "+ send the revised quote by Friday 3pm\n"
    "Next: confirm the florist and the band; they asked about parking.\n"
)


def _stats(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(0.99 * len(ordered) + 0.5)))
    return {
        "median": statistics.median(ordered),
        "p99": ordered[rank - 1],
        "max": ordered[-1],
        "n": len(ordered),
    }


def _ms(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def _spin(app: QApplication, until: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not until():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.001)


def _settle(app: QApplication, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)


class Heartbeat:
    """A 2 ms precise timer on the GUI thread; the gaps between its ticks are the stalls."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self._clock = QElapsedTimer()
        self._last = 0
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(2)
        self._timer.timeout.connect(self._on_tick)

    def start(self) -> None:
        self.gaps.clear()
        self._clock.start()
        self._last = self._clock.nsecsElapsed()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _on_tick(self) -> None:
        now = self._clock.nsecsElapsed()
        self.gaps.append((now - self._last) / 1e6)
        self._last = now


def type_for(app: QApplication, editor: Any, seconds: float, per_key_ms: int = 40) -> int:
    """Type ``TYPED`` over and over into ``editor`` at one key every ``per_key_ms`` (a fast
    typist), for ``seconds``; returns the keys typed."""
    typed = 0
    done = [False]
    text = TYPED

    def key() -> None:
        nonlocal typed
        ch = text[typed % len(text)]
        if ch == "\n":
            QTest.keyClick(editor, Qt.Key.Key_Return)
        else:
            QTest.keyClicks(editor, ch)
        typed += 1

    driver = QTimer()
    driver.setInterval(per_key_ms)
    driver.timeout.connect(key)
    QTimer.singleShot(int(seconds * 1000), lambda: done.__setitem__(0, True))
    driver.start()
    _spin(app, lambda: done[0], timeout=seconds + 30)
    driver.stop()
    return typed


def _on_server(db: str) -> bool:
    return db.startswith(("postgresql://", "postgres://"))


def _raw(db: str) -> Any:
    """A connection of the bare driver (the references' way in), autocommitting."""
    if _on_server(db):
        import psycopg

        return psycopg.connect(db, autocommit=True)
    return sqlite3.connect(db, isolation_level=None)


def measure_all(db: str, quick: bool, now_arg: str) -> dict[str, Any]:
    from ckbook.app import compose, make_clock
    from ckbook.services.clients import client_names
    from ckbook.store.database import close_database, open_database

    app = QApplication.instance() or QApplication(sys.argv[:1])
    clock = make_clock(now_arg)
    opened = open_database(db)
    composed = compose(app, opened, clock, db)
    window = composed.window
    window.resize(1280, 800)
    window.show()
    today = window.pages["today"]
    _spin(app, lambda: not today.pending)
    _settle(app, 1.0)
    out: dict[str, Any] = {}
    names = client_names()
    rng = random.Random(7)
    repeats = 10 if quick else 40

    out["today_refresh_ms"] = _stats(
        [_today_refresh(app, today) for _ in range(max(5, repeats // 2))]
    )
    out.update(_client_list(app, window, names, rng, repeats))
    out["switcher_key_ms"] = _switcher(app, names, rng, repeats)
    out["search_key_ms"] = _search(app, db, window, rng, repeats)
    out["open_card_ms"] = _open_card(app, window, names, repeats)
    out.update(_reminder_check(db, clock, repeats))
    seconds = 10.0 if quick else 60.0
    out["typing_stall_ms"] = _typing(app, composed, names, seconds, busy=None)
    out["typing_stall_busy_ms"] = _typing(app, composed, names, seconds, busy=db)
    # Quit as the app does (every worker and writer stopped, the notebook closed), never by
    # leaving threads to die with the interpreter.
    app.aboutToQuit.emit()
    _settle(app, 0.5)
    close_database(opened)
    return out


def _today_refresh(app: QApplication, page: Any) -> float:
    shown = [False]

    def on_refreshed() -> None:
        shown[0] = True

    page.refreshed.connect(on_refreshed)
    started = time.perf_counter()
    page.refresh()
    _spin(app, lambda: shown[0])
    page.repaint()
    elapsed = (time.perf_counter() - started) * 1000
    page.refreshed.disconnect(on_refreshed)
    return elapsed


def _prefixes(names: list[Any], rng: random.Random, count: int) -> list[str]:
    picked = rng.sample(names, min(count, len(names)))
    return [p.name.split()[-1][:5].lower() for p in picked]


def _client_list(
    app: QApplication, window: Any, names: list[Any], rng: random.Random, repeats: int
) -> dict[str, Any]:
    from ckbook.ui.client_list import ClientListModel, Column

    window.show_page("clients")
    view = window.client_list
    _spin(app, lambda: not view.loading)
    _settle(app, 0.3)
    # The same rows in a model of their own: a proxy on the view's model would re-sort itself
    # (through Qt's lessThan) whenever the view's model sorts, and be timed with it.
    copy = ClientListModel(window.notebook.now, window.notebook.tz)
    copy.set_rows([view.model.summary(r) for r in range(view.model.rowCount())])
    reference_proxy = QSortFilterProxyModel()
    reference_proxy.setSourceModel(copy)
    reference_proxy.setFilterKeyColumn(Column.NAME)
    reference_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    reference = QTableView()
    reference.setModel(reference_proxy)
    reference.resize(view.table.size())
    reference.show()
    ours: list[float] = []
    theirs: list[float] = []
    for word in _prefixes(names, rng, max(3, repeats // 8)):
        for n in range(1, len(word) + 1):
            ours.append(
                _ms(
                    lambda w=word[:n]: (
                        view.filter_edit.setText(w),
                        view.table.viewport().repaint(),
                    )
                )
            )
            theirs.append(
                _ms(
                    lambda w=word[:n]: (
                        reference_proxy.setFilterFixedString(w),
                        reference.viewport().repaint(),
                    )
                )
            )
        view.filter_edit.clear()
        reference_proxy.setFilterFixedString("")
    sort_ours: list[float] = []
    sort_theirs: list[float] = []
    columns = [Column.ORGANISATION, Column.LAST_CONTACT, Column.NEXT_DUE, Column.NAME]
    for i in range(max(4, repeats // 4)):
        column = columns[i % len(columns)]
        order = Qt.SortOrder.AscendingOrder if i % 2 == 0 else Qt.SortOrder.DescendingOrder
        sort_ours.append(
            _ms(
                lambda c=column, o=order: (
                    view.table.sortByColumn(c, o),
                    view.table.viewport().repaint(),
                )
            )
        )
        sort_theirs.append(
            _ms(
                lambda c=column, o=order: (
                    reference_proxy.sort(c, o),
                    reference.viewport().repaint(),
                )
            )
        )
    view.table.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
    reference.deleteLater()
    return {
        "client_filter_key_ms": {**_stats(ours), "reference": _stats(theirs)},
        "client_sort_ms": {**_stats(sort_ours), "reference": _stats(sort_theirs)},
    }


def _switcher(
    app: QApplication, names: list[Any], rng: random.Random, repeats: int
) -> dict[str, Any]:
    from ckbook.ui.quick_switcher import QuickSwitcher

    dialog = QuickSwitcher(names)
    dialog.show()
    shown = [f"{n.name} — {n.organisation}" if n.organisation else n.name for n in names]
    reference_proxy = QSortFilterProxyModel()
    reference_proxy.setSourceModel(QStringListModel(shown))
    reference_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    reference = QListView()
    reference.setUniformItemSizes(True)
    reference.setModel(reference_proxy)
    reference.resize(dialog.results.size())
    reference.show()
    _settle(app, 0.2)
    ours: list[float] = []
    theirs: list[float] = []
    for word in _prefixes(names, rng, max(3, repeats // 4)):
        dialog.query.clear()
        for n, ch in enumerate(word, start=1):
            ours.append(
                _ms(
                    lambda c=ch: (
                        QTest.keyClicks(dialog.query, c),
                        dialog.results.viewport().repaint(),
                    )
                )
            )
            theirs.append(
                _ms(
                    lambda w=word[:n]: (
                        reference_proxy.setFilterFixedString(w),
                        reference.viewport().repaint(),
                    )
                )
            )
    dialog.close()
    reference.deleteLater()
    return {**_stats(ours), "reference": _stats(theirs)}


def _search_words(db: str, rng: random.Random, count: int) -> list[str]:
    # The same words on either database: the notes in id order, every 997th.
    raw = _raw(db)
    bodies = [b for (b,) in raw.execute("SELECT body FROM note WHERE id % 997 = 0 ORDER BY id")]
    raw.close()
    words = [w.strip(".,:;*!?()") for b in bodies for w in b.split()]
    words = [w.lower() for w in words if len(w) >= 5 and w.isalpha()]
    return rng.sample(sorted(set(words)), min(count, len(set(words))))


def _search(
    app: QApplication, db: str, window: Any, rng: random.Random, repeats: int
) -> dict[str, Any]:
    from ckbook.services.search import PG_CONFIGURATION, fts_query, parse_terms, ts_query
    from ckbook.ui.search_panel import RESULT_LIMIT, SearchPanel, SearchWorker

    worker = SearchWorker()
    panel = SearchPanel(worker, tz=window.notebook.tz, debounce_ms=0)
    panel.resize(900, 600)
    panel.show()
    _settle(app, 0.2)
    words = _search_words(db, rng, max(5, repeats // 2))
    ours: list[float] = []
    for word in words:
        started = time.perf_counter()
        panel.field.setText(word)
        _spin(app, lambda: not panel.pending)
        panel.results.viewport().repaint()
        ours.append((time.perf_counter() - started) * 1000)
    theirs: list[float] = []
    raw = _raw(db)
    for word in words:
        terms = parse_terms(word, prefix_last=True)
        if _on_server(db):
            statements = [
                (
                    f"SELECT id, ts_rank(search_vector, q) AS rank FROM {table}, "
                    f"to_tsquery('{PG_CONFIGURATION}', %s) AS q WHERE search_vector @@ q "
                    "ORDER BY rank DESC LIMIT %s",
                    (ts_query(terms), RESULT_LIMIT),
                )
                for table in ("client", "promise", "note")
            ]
        else:
            statements = [
                (
                    f"SELECT rowid, rank FROM {table} WHERE {table} MATCH ? ORDER BY rank LIMIT ?",
                    (fts_query(terms), RESULT_LIMIT),
                )
                for table in ("client_fts", "promise_fts", "note_fts")
            ]
        started = time.perf_counter()
        for statement, params in statements:
            raw.execute(statement, params).fetchall()
        theirs.append((time.perf_counter() - started) * 1000)
    raw.close()
    worker.stop()
    panel.close()
    return {**_stats(ours), "reference": _stats(theirs)}


def _open_card(app: QApplication, window: Any, names: list[Any], repeats: int) -> dict[str, Any]:
    from bench import BIG_CLIENT

    big = next(n.id for n in names if n.name == BIG_CLIENT)
    other = names[len(names) // 2].id
    window.show_page("clients")
    times: list[float] = []
    for _ in range(max(5, repeats // 2)):
        window.open_client(other)
        _settle(app, 0.05)
        times.append(_ms(lambda: (window.open_client(big), window.repaint())))
    return _stats(times)


RAW_DUE_NOW = (
    "SELECT p.id, p.client_id, c.name, p.text, p.due_date, p.due_time, p.remind_before_minutes "
    "FROM promise p JOIN client c ON c.id = p.client_id "
    "WHERE p.status = 'open' AND p.due_date IS NOT NULL AND c.deleted_at IS NULL",
    "SELECT c.id, c.name, c.checkin_days, c.client_since, c.created_at, "
    "(SELECT max(started_at) FROM note WHERE note.client_id = c.id) FROM client c "
    "WHERE c.deleted_at IS NULL AND c.status IN ('active', 'lead')",
    "SELECT r.id, r.client_id, c.name, r.summary, r.received_at, c.response_hours "
    "FROM request r JOIN client c ON c.id = r.client_id "
    "WHERE r.answered_at IS NULL AND r.acknowledged_at IS NULL AND c.deleted_at IS NULL",
    "SELECT kind, subject_id, occurrence, fired_at, snoozed_until, done_at FROM reminder_log",
)


def _reminder_check(db: str, clock: Any, repeats: int) -> dict[str, Any]:
    """One check as the engine's worker runs it (what fires now, the next wake, the tray's
    report), first and then steady; the reference selects the same rows in raw SQL."""
    from datetime import timedelta

    from ckbook.services.reminders import ReminderBook
    from ckbook.services.settings import load_settings
    from ckbook.ui.reminder_engine import CheckRequest, run_check, run_record

    minutes = load_settings().remind_before_minutes
    book = ReminderBook(clock.tz, minutes)
    start = clock.now()

    def one(step: int) -> float:
        at = start + timedelta(minutes=step)  # the engine's once-a-minute look
        # local_writes: the window's own engine records what it shows meanwhile (its stamp, not
        # this book's, follows those writes); no other program writes during this figure.
        request = CheckRequest(step, at, clock.tz, minutes, local_writes=step > 0)
        found: list[Any] = []
        elapsed = _ms(lambda: found.append(run_check(request, book)))
        if step and found[0].check.firing:  # shown and recorded, as the engine does (untimed)
            run_record(found[0].check.firing, at, book)
        return elapsed

    first = [one(0)]  # reads everything, as at start
    # What came due is shown and recorded, as the engine does after its first check; the
    # steady checks then look at what comes due next, not at the start's backlog again.
    backlog = run_check(CheckRequest(0, start, clock.tz, minutes, local_writes=True), book)
    if backlog.check.firing:
        run_record(backlog.check.firing, start, book)
    steady = [one(step) for step in range(1, max(6, repeats // 4 + 1))]
    raw = _raw(db)
    reference: list[float] = []
    for _ in range(max(5, repeats // 4)):
        started = time.perf_counter()
        for statement in RAW_DUE_NOW:
            raw.execute(statement).fetchall()
        reference.append((time.perf_counter() - started) * 1000)
    raw.close()
    return {
        "reminder_check_first_ms": {**_stats(first), "reference": _stats(reference)},
        "reminder_check_steady_ms": {**_stats(steady), "reference": _stats(reference)},
    }


def _typing(
    app: QApplication, composed: Any, names: list[Any], seconds: float, busy: str | None
) -> dict[str, Any]:
    """The longest gap of a 2 ms heartbeat while a call note is typed for ``seconds`` with
    autosave; ``busy``: meanwhile a CLI process writes into that notebook again and again and
    the reminder engine checks every 2 s."""
    client = names[len(names) // 3]
    call = composed.notes.start_call(client.id)
    _settle(app, 0.5)
    editor = call.editor.editor
    editor.setFocus()
    saves = [0]
    call.editor.autosaver.saved.connect(lambda _c: saves.__setitem__(0, saves[0] + 1))
    writer: subprocess.Popen[str] | None = None
    checks = QTimer()
    if busy is not None:
        ckbook = str(Path(sys.executable).with_name("ckbook"))
        loop = (
            "import subprocess, sys, time\n"
            "n = 0\n"
            "while True:\n"
            "    n += 1\n"
            f"    subprocess.run([{ckbook!r}, '--db', {busy!r}, 'promise', 'add', "
            f"'#{names[0].id}', f'bench promise {{n}} by Friday'], "
            "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
            "    time.sleep(0.2)\n"
        )
        writer = subprocess.Popen([sys.executable, "-c", loop], text=True)
        checks.setInterval(2000)
        checks.timeout.connect(composed.reminders.engine.check_now)
        checks.start()
    heartbeat = Heartbeat()
    heartbeat.start()
    typed = type_for(app, editor, seconds)
    heartbeat.stop()
    checks.stop()
    if writer is not None:
        writer.terminate()
        writer.wait()
    call.end_call()
    _settle(app, 1.0)
    result = _stats(heartbeat.gaps)
    result.update(keys=typed, saves=saves[0])
    return result
