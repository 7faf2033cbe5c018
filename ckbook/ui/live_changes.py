"""Live changes: what the CLI, an import or another person writes shows in the open window
within about two seconds, without a restart; on a server notebook, whether the server can be
reached.

On a SQLite notebook a poll runs once a second on the window's worker (never the GUI thread):
``PRAGMA data_version`` on the change feed's own connection, and only when another connection
committed, the change journal's new rows (``store.changes.ChangeFeed``). On a PostgreSQL notebook
nothing is polled: ``store.changes.ServerChangeListener`` LISTENs for the journal's NOTIFY on a
thread and connection of its own, and its callbacks come here as queued signals (this object
lives on the GUI thread).

Either way the changes become ``Changed`` values (``services.live``) and go out through the
notebook's one ``changed`` broadcast, so every view updates just the rows they name, as after a
change made in this window. The journal row of a write this window broadcast itself in the last
few seconds is left out (it already shows it), once per write: a second person's change to the
same row right after is still heard (issue 15: both windows show both edits). Every few minutes
the journal is pruned.

The server's listener is also the window's news of the connection: ``online_changed(False,
reason)`` when it is lost (the window shows "offline — retrying"), ``online_changed(True, "")``
once it is back; what others wrote meanwhile was not heard, so every view reloads what it shows.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal

from ckbook.services.base import Changed
from ckbook.services.live import ELSEWHERE, changes_from
from ckbook.store.changes import (
    ChangeFeed,
    FeedNews,
    NewsCallback,
    ServerChangeListener,
    StateCallback,
    prune,
)
from ckbook.ui.notebook import Notebook
from ckbook.ui.worker import Failure, Worker

log = logging.getLogger(__name__)

POLL_MS = 1000
PRUNE_EVERY_S = 300.0
#: A change this window broadcast is its own for this long (its commit and the poll that sees
#: it may come in either order).
OWN_FOR_S = 5.0
#: What a broadcast says that wrote nothing (news from elsewhere, a view told to reload what is
#: stored): no journal row of this window's follows it.
NOTHING_WRITTEN = (ELSEWHERE, "reloaded", "deleted elsewhere")


class LiveChanges(QObject):
    #: A server notebook's connection: (online, why not). Never emitted for a notebook file.
    online_changed = Signal(bool, str)
    _heard = Signal(object)  # FeedNews, from the listener's thread
    _connection = Signal(bool, str)  # the same as online_changed, from the listener's thread

    def __init__(
        self,
        notebook: Notebook,
        feed: ChangeFeed | None = None,
        parent: QObject | None = None,
        *,
        listen: Callable[[NewsCallback, StateCallback], ServerChangeListener] | None = None,
    ) -> None:
        """Poll ``feed`` (a notebook file), or on a server listen through the listener that
        ``listen(on_news, on_state)`` makes (``ServerChangeListener`` on the notebook)."""
        super().__init__(parent)
        self._notebook = notebook
        self._feed = feed
        self._listener: ServerChangeListener | None = None
        if listen is not None:
            self._listener = listen(self._heard.emit, self._connection.emit)
        self._worker = Worker("live-changes", self)
        #: (kind, row id) -> when this window wrote it, once per write whose journal row has
        #: not come back yet.
        self._own: dict[tuple[str, int], list[float]] = {}
        self._polling = False
        self._pruned_at = time.monotonic()
        self.online = True
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._heard.connect(self._on_polled)
        self._connection.connect(self._on_listener_connection)
        notebook.changed.connect(self._on_notebook_changed)

    def start(self) -> None:
        # The CLI never prunes: whatever it journalled since the window last ran goes first.
        if not self._notebook.read_only:
            self._worker.run(prune, failed=self._on_poll_failed)
        if self._listener is not None:
            self._listener.start()
        if self._feed is not None:
            self._worker.run(self._feed.start, failed=self._on_poll_failed)
        self._timer.start()  # the poll, and on a server the pruning alone

    def stop(self) -> None:
        self._timer.stop()
        if self._listener is not None:
            self._listener.stop()
        self._worker.stop(5.0)
        if self._feed is not None:
            self._feed.close()

    def _on_timer_timeout(self) -> None:
        if self._feed is not None and not self._polling:  # a slow poll: never two at once
            self._polling = True
            self._worker.run(self._feed.poll, done=self._on_polled, failed=self._on_poll_failed)
        if time.monotonic() - self._pruned_at > PRUNE_EVERY_S and not self._notebook.read_only:
            self._pruned_at = time.monotonic()
            self._worker.run(prune, failed=self._on_poll_failed)

    def _on_polled(self, news: FeedNews | None) -> None:
        self._polling = False
        if news is None:
            return
        now = time.monotonic()
        own = {key: [at for at in ats if now - at < OWN_FOR_S] for key, ats in self._own.items()}
        self._own = {key: ats for key, ats in own.items() if ats}
        heard = []
        for entry in news.entries:
            written_here = self._own.get((entry.kind, entry.row_id))
            if written_here:
                written_here.pop(0)  # this window's own write coming back: shown already
                continue
            heard.append(entry)
        for changed in changes_from(replace(news, entries=tuple(heard))):
            log.info("changed elsewhere: %s %s", changed.kind.value, list(changed.ids)[:10])
            self._notebook.broadcast(changed)

    def _on_poll_failed(self, failure: Failure) -> None:
        self._polling = False
        log.warning("watching the notebook for changes: %s", failure.text)

    def _on_listener_connection(self, online: bool, reason: str) -> None:
        self.online = online
        if online:
            log.info("the notebook's server is reachable again")
        self.online_changed.emit(online, reason)

    def _on_notebook_changed(self, changed: Changed) -> None:
        if changed.detail in NOTHING_WRITTEN:
            return  # marking it would hide the next real change to these rows
        now = time.monotonic()
        for row_id in changed.ids:
            self._own.setdefault((changed.kind.value, row_id), []).append(now)
        # A use-case that touches a client also bumps its row (version, updated_at): that
        # journal row is this window's too.
        for client_id in changed.client_ids:
            self._own.setdefault(("client", client_id), []).append(now)
