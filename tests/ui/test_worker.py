"""The one helper for work off the GUI thread: a services function runs on the worker's thread in
its own connection, its value comes back on the GUI thread, failures are read one way, a newer job
in a lane replaces one still waiting; and use-cases run on the GUI thread never wait long for a
lock another process holds."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing

import pytest

from ckbook.services.base import InputError
from ckbook.services.clients import ClientInput, add_client, client_summaries
from ckbook.store.models import database_proxy
from ckbook.ui.notebook import GUI_LOCK_WAIT_MS
from ckbook.ui.worker import Failure, Worker
from tests.factories import make_client


def test_a_job_runs_on_the_worker_with_its_own_connection_and_lands_on_the_gui_thread(  # type: ignore[no-untyped-def]
    qtbot, db, now, tz
):
    make_client(now, "Ada Lovelace")
    worker = Worker("test")
    seen: dict[str, object] = {}

    def names() -> tuple[str, ...]:
        seen["thread"] = threading.current_thread()
        seen["own connection"] = database_proxy.obj.connection() is not None
        return tuple(row.name for row in client_summaries(now, tz))

    landed: list[tuple[object, threading.Thread]] = []
    worker.run(names, done=lambda value: landed.append((value, threading.current_thread())))
    qtbot.waitUntil(lambda: bool(landed), timeout=10_000)

    assert landed == [(("Ada Lovelace",), threading.main_thread())]
    assert seen["thread"] is not threading.main_thread() and seen["own connection"]
    assert worker.wait(5) and not worker.busy


def _fails_with(exc: BaseException):  # type: ignore[no-untyped-def]
    def job() -> None:
        raise exc

    return job


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (InputError("name is empty"), Failure("name is empty", retry=False)),
        (sqlite3.OperationalError("database is locked"), Failure("database busy", retry=True)),
        (KeyError("our bug"), Failure("unexpected error (see the log)", retry=True, bug=True)),
    ],
)
def test_failures_are_read_one_way(qtbot, db, error, expected) -> None:  # type: ignore[no-untyped-def]
    worker = Worker("test")
    failed: list[Failure] = []
    worker.run(_fails_with(error), done=lambda _v: failed.append(Failure("done?", False)),
               failed=failed.append)  # fmt: skip
    qtbot.waitUntil(lambda: bool(failed), timeout=10_000)
    assert failed == [expected]
    assert expected.level == ("warning" if isinstance(error, InputError) else "error")


def test_a_newer_job_in_a_lane_replaces_the_one_still_waiting(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    worker = Worker("test")
    started, gate = threading.Event(), threading.Event()
    done: list[str] = []

    def first() -> str:
        started.set()
        gate.wait(10)
        return "first"

    worker.run(first, done=done.append, lane="report")
    assert started.wait(5)  # under way: no longer waiting, so nothing replaces it
    for text in ("second", "third", "fourth"):
        worker.run(lambda t=text: t, done=done.append, lane="report")
    worker.run(lambda: "other lane", done=done.append, lane="search")
    gate.set()
    qtbot.waitUntil(lambda: len(done) == 3, timeout=10_000)
    qtbot.wait(50)
    assert done == ["first", "fourth", "other lane"]


def test_inline_runs_at_once_on_the_callers_connection(db, now, tz) -> None:  # type: ignore[no-untyped-def]
    worker = Worker("test", inline=True)
    done: list[object] = []
    worker.run(lambda: threading.current_thread(), done=done.append)
    assert done == [threading.main_thread()]


def test_a_gui_thread_write_gives_up_soon_when_another_process_holds_the_lock(  # type: ignore[no-untyped-def]
    qtbot, notebook, db, db_path, now
):
    waited: list[int] = []

    def add(name: str):  # type: ignore[no-untyped-def]
        waited.append(db.database.execute_sql("PRAGMA busy_timeout").fetchone()[0])
        return add_client(ClientInput(name=name), now)

    messages: list[tuple[str, str]] = []
    notebook.message.connect(lambda level, text: messages.append((level, text)))
    with closing(sqlite3.connect(db_path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        other.execute("INSERT INTO tag (name) VALUES ('held')")
        assert notebook.run(add, "Ada Lovelace") is None
        other.execute("COMMIT")
    assert waited == [GUI_LOCK_WAIT_MS]
    assert messages and "database busy" in messages[-1][1] and "kept" in messages[-1][1]
    assert notebook.run(add, "Ada Lovelace") is not None  # the lock is gone: it saves
    assert db.database.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 5000
