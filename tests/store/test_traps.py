"""RELIABILITY traps the review found untested, each with a test that fails if the handling goes:
#3 a read-then-write use-case waits for another connection's commit (IMMEDIATE) instead of
failing with "database is locked"; #6 the pragmas hold on a second thread's connection; #8 two
editors saving different fields of one client both keep their change; #10 a listing leaves no
read snapshot open, so a checkpoint can complete right after it."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from datetime import date, timedelta

import pytest

from ckbook.services.agenda import due_report
from ckbook.services.base import worker_connection
from ckbook.services.care import add_incident, add_request, incidents, requests
from ckbook.services.clients import client_detail, client_names, client_summaries, update_client
from ckbook.services.due import Due
from ckbook.services.notes import notes_for_client
from ckbook.services.promises import add_promise, open_promises, promises_for_client
from ckbook.services.search import search
from ckbook.services.today import today_report
from ckbook.store.database import BUSY_TIMEOUT_MS
from ckbook.store.models import Client
from tests.factories import contact, make_client


@pytest.mark.sqlite_only("SQLite's database-wide write lock and busy timeout")
def test_3_a_read_then_write_waits_for_another_connections_commit(db, db_path, now):  # type: ignore[no-untyped-def]
    """Another process holds the write lock with an uncommitted change and commits a moment
    later. A deferred transaction would read first, then fail at its write with "database is
    locked" (its snapshot is stale); IMMEDIATE takes the lock up front and waits."""
    ada = make_client(now, "Ada", organisation="Analytical")
    with closing(sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)) as other:
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE client SET handling_notes = 'short calls' WHERE id = ?", (ada,))
        committer = threading.Timer(0.3, other.execute, ("COMMIT",))
        committer.start()
        try:
            update_client(ada, now, organisation="Engines Ltd")  # read, then write
        finally:
            committer.join()
    detail = client_detail(ada, now)
    assert (detail.organisation, detail.handling_notes) == ("Engines Ltd", "short calls")


@pytest.mark.sqlite_only("SQLite's pragmas")
def test_6_pragmas_hold_on_a_second_threads_connection(db):  # type: ignore[no-untyped-def]
    found: dict[str, object] = {}

    def worker() -> None:
        with worker_connection():
            sql = db.database.execute_sql
            found["thread"] = threading.get_ident()
            for pragma in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout"):
                found[pragma] = sql(f"PRAGMA {pragma}").fetchone()[0]

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert found["thread"] != threading.get_ident()  # really another thread's connection
    assert found["journal_mode"] == "wal"
    assert found["foreign_keys"] == 1
    assert found["synchronous"] == 2  # FULL
    assert found["busy_timeout"] == BUSY_TIMEOUT_MS


def test_8_two_editors_of_one_client_keep_each_others_field(db, now):  # type: ignore[no-untyped-def]
    ada = make_client(now, "Ada", organisation="Analytical")
    # Two model instances loaded before either saves (as two windows would hold them).
    first = Client.get_by_id(ada)
    second = Client.get_by_id(ada)
    first.organisation = "Engines Ltd"
    first.save()
    second.handling_notes = "short calls"
    second.save()  # without only_save_dirty this wrote the old organisation back
    # And through the use-case, one field each, as the profile section saves.
    update_client(ada, now, phones=["+44 1"])
    update_client(ada, now, checkin_days=30)
    detail = client_detail(ada, now)
    assert (detail.organisation, detail.handling_notes) == ("Engines Ltd", "short calls")
    assert (detail.phones, detail.checkin_days) == (("+44 1",), 30)


def _checkpoint(db_path: str) -> tuple[int, int, int]:
    """A TRUNCATE checkpoint from another connection: (busy, log frames, checkpointed)."""
    with closing(sqlite3.connect(db_path, timeout=0)) as other:
        busy, log, done = other.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return busy, log, done


@pytest.mark.sqlite_only("SQLite's WAL checkpoints")
def test_10_listings_leave_no_read_snapshot_open(db, db_path, now, tz):  # type: ignore[no-untyped-def]
    db.database.execute_sql("PRAGMA wal_autocheckpoint = 0")  # keep frames in the -wal file
    ada = make_client(now, "Ada", checkin_days=7)
    contact(ada, now, days_ago=9, body="proposal call")
    add_promise(ada, "send the proposal", now, tz, due=Due(date(2026, 11, 17)))
    add_request(ada, "quote?", now, received_at=now - timedelta(hours=30))
    add_incident(ada, "late delivery", now)

    for name in ("Bea", "Cy", "Di"):
        make_client(now, name)
    # The probe works: a half-read cursor holds a snapshot and the checkpoint cannot finish.
    cursor = db.database.execute_sql("SELECT id FROM client")
    cursor.fetchone()
    assert _checkpoint(db_path)[0] == 1
    cursor.close()
    db.database.execute_sql("PRAGMA wal_checkpoint(PASSIVE)")  # end of the probe

    listings = {
        "client_summaries": lambda: client_summaries(now, tz),
        "client_names": client_names,
        "client_detail": lambda: client_detail(ada, now),
        "promises_for_client": lambda: promises_for_client(ada),
        "open_promises": open_promises,
        "notes_for_client": lambda: notes_for_client(ada),
        "requests": requests,
        "incidents": incidents,
        "search": lambda: search("proposal", 10),
        "due_report": lambda: due_report(now, tz),
        "today_report": lambda: today_report(now, tz),
    }
    for name, listing in listings.items():
        make_client(now, f"Writer for {name}")  # new frames in the -wal file
        result = listing()
        assert not hasattr(result, "__next__"), name  # a value, not a live iterator
        busy, _log, _done = _checkpoint(db_path)
        assert busy == 0, f"{name} left a read snapshot open"
