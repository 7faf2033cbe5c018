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
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from peewee import fn

from ckbook.store.database import BUSY_TIMEOUT_MS
from ckbook.store.models import ChangeJournal

#: The journal keeps about this many rows; older ones are pruned by ``prune``.
KEEP_ROWS = 5000


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
