"""Demo data goes only into an empty notebook, checked under the write lock: a client committed
by another connection while the demo waited for the lock stops the demo, and nothing is mixed."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing

import pytest

from ckbook.services.demo import NotEmptyError, make_demo
from ckbook.store.models import Client
from tests.conftest import NOW, TZ


@pytest.mark.sqlite_only("SQLite's database-wide write lock, held by a raw sqlite3 connection")
def test_a_client_committed_while_the_demo_waits_stops_it(db, db_path):  # type: ignore[no-untyped-def]
    with closing(sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)) as other:
        other.execute("BEGIN IMMEDIATE")  # another demo (or import) is writing
        other.execute(
            "INSERT INTO client (name, organisation, address, status, handling_notes,"
            " attention_level, checkin_days, response_hours, preferred_channel, created_at,"
            " updated_at, version) VALUES ('Real Person', '', '', 'active', '', 'standard',"
            " 14, 24, 'email', '2026-11-18 09:00:00+00:00', '2026-11-18 09:00:00+00:00', 1)"
        )
        # Commits while make_demo waits for the write lock (busy timeout 5 s); before the fix the
        # emptiness check ran first, saw no client, and the demo was added beside Real Person.
        committer = threading.Timer(0.3, other.execute, ("COMMIT",))
        committer.start()
        try:
            with pytest.raises(NotEmptyError, match="already has clients"):
                make_demo(5, 10, 5, 1, NOW, TZ, only_into_empty=True)
        finally:
            committer.join()
    assert [c.name for c in Client.select()] == ["Real Person"]


def test_force_adds_to_a_notebook_with_clients(db):  # type: ignore[no-untyped-def]
    make_demo(2, 0, 0, 1, NOW, TZ, only_into_empty=True)
    with pytest.raises(NotEmptyError):
        make_demo(2, 0, 0, 1, NOW, TZ, only_into_empty=True)
    make_demo(2, 0, 0, 2, NOW, TZ)
    assert Client.select().count() == 4
