"""Seeing what others wrote to the notebook (RELIABILITY #17): the CLI, an import, a second
process.

``ChangeFeed.poll()`` asks SQLite's ``PRAGMA data_version`` on a connection of its own, which
changes only when another connection committed; then (and only then) it reads the change journal
(rows written by triggers, migration 0006) after the last row it saw, and returns them. Cheap
enough to run every second: one pragma when nothing changed.

The connection is the feed's alone and read-only; it is used by one job at a time (the window's
worker runs polls one after another), from whichever thread the worker has then, hence
``check_same_thread=False``. A reader that fell behind the pruned journal is told so (``gap``):
it cannot know what changed and reloads what it shows.

On a PostgreSQL notebook nothing is polled: the journal's triggers announce each change with
NOTIFY (migration 0010) and ``ServerChangeListener`` LISTENs on a connection of its own, in a
thread of its own, handing what it hears to a callback. That connection is also how a window
learns the server went away: it says so (``on_state``), reconnects with a growing pause, and
once back says so again, with a gap (what others wrote meanwhile was not heard).
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import peewee
from peewee import fn

from ckbook.store.database import BUSY_TIMEOUT_MS
from ckbook.store.models import ChangeJournal

log = logging.getLogger(__name__)

#: The journal keeps about this many rows; older ones are pruned by ``prune``.
KEEP_ROWS = 5000
#: Migration 0010's NOTIFY channel, and the payload meaning "too many changes to name".
CHANNEL = "ckbook_change"
EVERYTHING = "*"


@dataclass(frozen=True)
class JournalEntry:
    kind: str
    row_id: int
    client_id: int | None
    scope: str


@dataclass(frozen=True)
class FeedNews:
    """What another connection committed since the last poll."""

    entries: tuple[JournalEntry, ...]
    #: The journal was pruned past what this reader last saw: reload everything shown.
    gap: bool = False


class ChangeFeed:
    """Polls one SQLite notebook for commits by other connections."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._conn: sqlite3.Connection | None = None
        self._version: int | None = None
        self._last_id = 0

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            uri = f"file:{os.fspath(self._path)}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._conn = conn
        return self._conn

    def start(self) -> None:
        """Begin from now: what was committed before is already shown."""
        conn = self._connection()
        self._version = int(conn.execute("PRAGMA data_version").fetchone()[0])
        row = conn.execute("SELECT max(id) FROM change_journal").fetchone()
        self._last_id = int(row[0] or 0)

    def poll(self) -> FeedNews | None:
        """What others committed since the last poll, or None when nothing was."""
        conn = self._connection()
        if self._version is None:
            self.start()
            return None
        version = int(conn.execute("PRAGMA data_version").fetchone()[0])
        if version == self._version:
            return None
        self._version = version
        # One read transaction, materialised at once (RELIABILITY #10: no snapshot kept).
        rows = conn.execute(
            "SELECT id, kind, row_id, client_id, scope FROM change_journal WHERE id > ? "
            "ORDER BY id",
            (self._last_id,),
        ).fetchall()
        oldest = conn.execute("SELECT min(id) FROM change_journal").fetchone()[0]
        gap = oldest is not None and self._last_id and oldest > self._last_id + 1
        if rows:
            self._last_id = int(rows[-1][0])
        entries = tuple(
            JournalEntry(
                str(kind), int(row_id), None if client is None else int(client), str(scope)
            )
            for _id, kind, row_id, client, scope in rows
        )
        return FeedNews(entries, bool(gap))

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def prune(keep: int = KEEP_ROWS) -> int:
    """Drop all but the newest ``keep`` journal rows (one statement, so one transaction)."""
    top = ChangeJournal.select(fn.MAX(ChangeJournal.id)).scalar() or 0
    if top <= keep:
        return 0
    removed: int = ChangeJournal.delete().where(ChangeJournal.id <= top - keep).execute()
    return removed


def entry_from_payload(payload: str) -> JournalEntry | None:
    """A journal row as migration 0010's trigger announces it (``[id, kind, row_id, client_id,
    scope]``); None for anything else (a payload of a newer ckbook, or ``EVERYTHING``)."""
    try:
        _id, kind, row_id, client_id, scope = json.loads(payload)
        return JournalEntry(
            str(kind), int(row_id), None if client_id is None else int(client_id), str(scope)
        )
    except (ValueError, TypeError):
        return None


#: Pauses between attempts to reach the server again (the last one repeats).
RETRY_PAUSES_S = (0.5, 1.0, 2.0, 4.0)
#: After a first notification, how long the listener gathers more before handing them on (a
#: bulk write arrives as many): one hand-over per burst, still well within the 2 s promise.
GATHER_S = 0.1
#: More entries than this in one hand-over: a gap (reload what is shown) instead of each row.
MAX_ENTRIES = 1000
#: How often the listening thread looks whether it should stop.
WAKE_S = 0.5

NewsCallback = Callable[[FeedNews], None]
StateCallback = Callable[[bool, str], None]


class ServerChangeListener:
    """LISTENs for the notebook's changes on a PostgreSQL server, in a thread of its own.

    ``on_news(FeedNews)`` and ``on_state(online, reason)`` are called on that thread (a window
    hands them to its own thread). ``on_state(False, why)`` comes when the connection cannot be
    made or is lost; ``on_state(True, "")`` when it is made again, followed by a gap: changes
    made while away were not heard. Nothing is reported for the first connection but news.
    """

    def __init__(
        self,
        database: peewee.Database,
        on_news: NewsCallback,
        on_state: StateCallback,
        *,
        pauses: tuple[float, ...] = RETRY_PAUSES_S,
    ) -> None:
        # The server notebook's own connection parameters (password included), for a
        # connection of this listener's alone.
        self._params: dict[str, Any] = {"dbname": database.database, **database.connect_params}
        self._on_news = on_news
        self._on_state = on_state
        self._pauses = pauses
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        #: Set while LISTEN is in place (what a change made from now on is heard through).
        self.listening = threading.Event()
        self.online = True

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._run, name="ckbook-change-listener", daemon=True
            )
            self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    # --- the thread ----------------------------------------------------------------------------

    def _run(self) -> None:
        failures = 0
        first = True
        while not self._stop.is_set():
            try:
                connection = self._listen()
            except Exception as exc:  # the server's absence, in whatever form the driver says it
                self._offline(exc)
                self._pause(failures)
                failures += 1
                continue
            failures = 0
            self.listening.set()
            try:
                if (not self.online or not first) and not self._stop.is_set():
                    self.online = True
                    self._on_state(True, "")
                    self._on_news(FeedNews((), gap=True))
                first = False
                for news in self._hear(connection):
                    self._on_news(news)
            except Exception as exc:
                self._offline(exc)
            finally:
                self.listening.clear()
                self._close(connection)

    def _listen(self) -> Any:
        import psycopg

        connection = psycopg.connect(autocommit=True, **self._params)
        try:
            connection.execute(f"LISTEN {CHANNEL}")
        except BaseException:
            connection.close()
            raise
        return connection

    def _hear(self, connection: Any) -> Iterator[FeedNews]:
        """What comes on the channel, gathered into bursts, until stopped (or an error)."""
        while not self._stop.is_set():
            payloads = [n.payload for n in connection.notifies(timeout=WAKE_S, stop_after=1)]
            if not payloads:
                continue
            until = time.monotonic() + GATHER_S
            while (left := until - time.monotonic()) > 0 and len(payloads) <= MAX_ENTRIES:
                payloads += [n.payload for n in connection.notifies(timeout=left)]
            yield _news_of(payloads)

    def _offline(self, exc: BaseException) -> None:
        if self._stop.is_set():
            return
        reason = " ".join(str(exc).split()) or type(exc).__name__
        if not self.online:
            log.debug("the notebook's server still cannot be reached: %s", reason)
            return
        log.warning("the notebook's server cannot be reached: %s", reason)
        self.online = False
        self._on_state(False, reason)

    def _pause(self, failures: int) -> None:
        self._stop.wait(self._pauses[min(failures, len(self._pauses) - 1)])

    @staticmethod
    def _close(connection: Any) -> None:
        try:
            connection.close()
        except Exception:  # already gone with the server
            log.debug("closing the listening connection", exc_info=True)


def _news_of(payloads: list[str]) -> FeedNews:
    if EVERYTHING in payloads or len(payloads) > MAX_ENTRIES:
        return FeedNews((), gap=True)
    entries = [entry_from_payload(payload) for payload in payloads]
    return FeedNews(tuple(e for e in entries if e is not None))
