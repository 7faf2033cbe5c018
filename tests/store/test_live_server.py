"""Live changes on a server notebook (migration 0010, ``store.changes.ServerChangeListener``) and
a connection that survives the server going away (``store.server.ServerDatabase``).

The journal gets the same rows from the same use-cases on SQLite and on PostgreSQL; a listener
hears each committed change (and nothing rolled back); a server restart is survived by the
notebook's own connection and by the listener, which says "offline" and "back" on the way.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from datetime import timedelta

import psycopg
import pytest
from peewee import fn

from ckbook.services.capture import save_note_text
from ckbook.services.clients import ClientInput, add_client
from ckbook.services.merging import merge_clients
from ckbook.services.notes import add_note
from ckbook.services.promises import add_promise
from ckbook.store.changes import FeedNews, JournalEntry, ServerChangeListener
from ckbook.store.database import close_database, open_database
from ckbook.store.errors import StorageProblem, classify
from ckbook.store.models import ChangeJournal, Client, Note
from tests.factories import make_client
from tests.pg_server import Cluster, NoServerError, own_cluster

HEAR_S = 5.0


def journal_mark() -> int:
    return int(ChangeJournal.select(fn.MAX(ChangeJournal.id)).scalar() or 0)


def journal_since(mark: int) -> set[tuple[str, int, int | None, str]]:
    """What was journalled after ``mark``: (kind, row id, client id, scope)."""
    rows = ChangeJournal.select(
        ChangeJournal.kind, ChangeJournal.row_id, ChangeJournal.client_id, ChangeJournal.scope
    ).where(ChangeJournal.id > mark)
    return set(rows.tuples())


def test_the_same_use_cases_journal_the_same_changes_on_both_backends(db, now, tz) -> None:  # type: ignore[no-untyped-def]
    ada = make_client(now, "Ada Lovelace")
    grace = make_client(now, "Grace Hopper")
    mark = journal_mark()
    note = add_note(grace, now, kind="call").ids[0]
    assert ("note", note, grace, "rows") in journal_since(mark)
    mark = journal_mark()
    save_note_text(note, "Talked about the roof", now, tz)
    # The body alone changed: scope "text" (no list row shows it).
    assert journal_since(mark) == {("note", note, grace, "text")}
    mark = journal_mark()
    promise = add_promise(ada, "send the quote", now, tz).ids[0]
    assert ("promise", promise, ada, "rows") in journal_since(mark)
    mark = journal_mark()
    merge_clients(ada, grace, now + timedelta(minutes=1))
    merged = journal_since(mark)
    # Grace's note moved to Ada: journalled for both cards; both clients' rows changed.
    assert ("note", note, ada, "rows") in merged
    assert ("note", note, grace, "rows") in merged
    assert {("client", ada, ada, "rows"), ("client", grace, grace, "rows")} <= merged


@pytest.fixture
def heard(db) -> Iterator[tuple[queue.Queue[FeedNews], queue.Queue[tuple[bool, str]]]]:  # type: ignore[no-untyped-def]
    news: queue.Queue[FeedNews] = queue.Queue()
    states: queue.Queue[tuple[bool, str]] = queue.Queue()
    listener = ServerChangeListener(
        db.database, news.put, lambda online, why: states.put((online, why))
    )
    listener.start()
    try:
        _settle(listener)
        yield news, states
    finally:
        listener.stop()


def _settle(listener: ServerChangeListener) -> None:
    """Wait until the listener's LISTEN is in place: what is written from now on is heard."""
    assert listener.listening.wait(HEAR_S)


def _entries(news: queue.Queue[FeedNews], count: int) -> list[JournalEntry]:
    found: list[JournalEntry] = []
    while len(found) < count:
        found += news.get(timeout=HEAR_S).entries
    return found


@pytest.mark.postgresql
def test_a_listener_hears_each_committed_change_and_nothing_rolled_back(db, heard, now) -> None:  # type: ignore[no-untyped-def]
    news, _states = heard
    ada = make_client(now, "Ada Lovelace")
    assert _entries(news, 1) == [JournalEntry("client", ada, ada, "rows")]
    with pytest.raises(RuntimeError), db.database.atomic():
        add_client(ClientInput(name="Never Stored"), now)
        raise RuntimeError("rolled back")
    note = add_note(ada, now, kind="call").ids[0]
    heard_now = _entries(news, 1)
    assert JournalEntry("note", note, ada, "rows") in heard_now
    assert all(e.kind != "client" or e.row_id == ada for e in heard_now)  # not the rolled back


@pytest.mark.postgresql
def test_a_bulk_write_is_heard_as_one_reload(db, heard, now) -> None:  # type: ignore[no-untyped-def]
    news, _states = heard
    ada = make_client(now, "Ada Lovelace")
    _entries(news, 1)
    rows = [
        {
            "client": ada,
            "kind": "email",
            "started_at": now,
            "created_at": now,
            "updated_at": now,
            "body": f"m{i}",
        }
        for i in range(600)
    ]
    Note.insert_many(rows).execute()
    burst = news.get(timeout=HEAR_S)
    assert burst.gap and not burst.entries


@pytest.mark.postgresql
def test_a_lost_connection_is_the_server_gone_not_our_bug(pg_server) -> None:  # type: ignore[no-untyped-def]
    from tests.pg_server import _free_port

    with pytest.raises(psycopg.OperationalError) as refused:
        psycopg.connect(host="127.0.0.1", port=_free_port(), dbname="x", connect_timeout=2)
    assert classify(refused.value) is StorageProblem.SERVER_GONE


# --- a server that restarts ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    """A cluster of this module's own: stopping it disturbs no other test."""
    try:
        with own_cluster() as own:
            yield own
    except NoServerError as exc:
        pytest.skip(f"no PostgreSQL cluster of our own: {exc}")


@pytest.fixture
def server_notebook(cluster: Cluster) -> Iterator[str]:
    name = f"live_{threading.get_ident()}_{id(object())}"
    cluster.server.admin(f"CREATE DATABASE {name}")
    url = cluster.server.url(name)
    opened = open_database(url)
    try:
        yield url
    finally:
        close_database(opened)
        cluster.start_if_stopped()
        cluster.server.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.mark.postgresql
def test_the_notebook_connection_survives_a_server_restart(
    cluster, server_notebook, now, tz
) -> None:  # type: ignore[no-untyped-def]
    ada = make_client(now, "Ada Lovelace")
    cluster.stop()
    with pytest.raises(Exception) as reading:
        Client.select().count()
    assert classify(reading.value) is StorageProblem.SERVER_GONE
    with pytest.raises(Exception) as writing:
        add_client(ClientInput(name="Grace Hopper"), now)
    assert classify(writing.value) is StorageProblem.SERVER_GONE
    cluster.start()
    # The same thread, without reopening anything: a read, then a write.
    assert [c.name for c in Client.select().order_by(Client.id)] == ["Ada Lovelace"]
    grace = add_client(ClientInput(name="Grace Hopper"), now).ids[0]
    assert grace != ada
    # Restarted while idle: the first use of the dead connection is a write's BEGIN.
    cluster.stop()
    cluster.start()
    add_promise(ada, "send the quote", now, tz)
    assert Client.select().count() == 2


@pytest.mark.postgresql
def test_the_listener_says_offline_then_back_and_hears_again(cluster, server_notebook, now) -> None:  # type: ignore[no-untyped-def]
    from ckbook.store.models import database_proxy

    news: queue.Queue[FeedNews] = queue.Queue()
    states: queue.Queue[tuple[bool, str]] = queue.Queue()
    listener = ServerChangeListener(
        database_proxy.obj,
        news.put,
        lambda online, why: states.put((online, why)),
        pauses=(0.2, 0.4),
    )
    listener.start()
    try:
        _settle(listener)
        cluster.stop()
        online, why = states.get(timeout=HEAR_S)
        assert not online and why
        cluster.start()
        assert states.get(timeout=HEAR_S) == (True, "")
        assert news.get(timeout=HEAR_S) == FeedNews((), gap=True)  # what was missed: reload
        ada = make_client(now, "Ada Lovelace")
        assert _entries(news, 1) == [JournalEntry("client", ada, ada, "rows")]
        assert states.empty()
    finally:
        listener.stop()


@pytest.mark.postgresql
def test_a_worker_job_gets_over_a_restart_inside_its_own_connection(
    cluster, server_notebook, now
) -> None:  # type: ignore[no-untyped-def]
    from ckbook.services.base import worker_connection

    make_client(now, "Ada Lovelace")
    outcome: dict[str, object] = {}

    def job() -> None:  # as ui.worker runs one: a connection of the job's own, closed after it
        try:
            with worker_connection():
                outcome["before"] = Client.select().count()
                cluster.stop()
                cluster.start()
                outcome["after"] = Client.select().count()  # on a connection made anew
        except Exception as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=job)
    thread.start()
    thread.join(60)
    assert outcome == {"before": 1, "after": 1}
