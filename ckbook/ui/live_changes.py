"""Live changes: what the CLI, an import or another process writes shows in the open window
within about two seconds, without a restart.

Once a second a poll runs on the window's worker (never the GUI thread): ``PRAGMA data_version``
on the change feed's own connection, and only when another connection committed, the change
journal's new rows (``store.changes``). They become ``Changed`` values (``services.live``) and go
out through the notebook's one ``changed`` broadcast, so every view updates just the rows they
name, as after a change made in this window. Rows this window broadcast itself in the last few
seconds are left out (it already shows them). Every few minutes the journal is pruned.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, QTimer

from ckbook.services.base import Changed
from ckbook.services.live import changes_from
from ckbook.store.changes import ChangeFeed, FeedNews, prune
from ckbook.ui.notebook import Notebook
from ckbook.ui.worker import Failure, Worker

log = logging.getLogger(__name__)

POLL_MS = 1000
PRUNE_EVERY_S = 300.0
#: A change this window broadcast is its own for this long (its commit and the poll that sees
#: it may come in either order).
OWN_FOR_S = 5.0


class LiveChanges(QObject):
    def __init__(self, notebook: Notebook, feed: ChangeFeed, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._notebook = notebook
        self._feed = feed
        self._worker = Worker("live-changes", self)
        self._own: dict[tuple[str, int], float] = {}
        self._polling = False
        self._pruned_at = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        notebook.changed.connect(self._on_notebook_changed)

    def start(self) -> None:
        # The CLI never prunes: whatever it journalled since the window last ran goes first.
        self._worker.run(prune, failed=self._on_poll_failed)
        self._worker.run(self._feed.start, failed=self._on_poll_failed)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._worker.stop(5.0)
        self._feed.close()

    def _on_timer_timeout(self) -> None:
        if self._polling:
            return  # a slow poll (a busy disk): never two at once
        self._polling = True
        self._worker.run(self._feed.poll, done=self._on_polled, failed=self._on_poll_failed)
        if time.monotonic() - self._pruned_at > PRUNE_EVERY_S:
            self._pruned_at = time.monotonic()
            self._worker.run(prune, failed=self._on_poll_failed)

    def _on_polled(self, news: FeedNews | None) -> None:
        self._polling = False
        if news is None:
            return
        now = time.monotonic()
        self._own = {key: at for key, at in self._own.items() if now - at < OWN_FOR_S}
        for changed in changes_from(news, self._own):
            log.info("changed elsewhere: %s %s", changed.kind.value, list(changed.ids)[:10])
            self._notebook.broadcast(changed)

    def _on_poll_failed(self, failure: Failure) -> None:
        self._polling = False
        log.warning("watching the notebook for changes: %s", failure.text)

    def _on_notebook_changed(self, changed: Changed) -> None:
        now = time.monotonic()
        for row_id in changed.ids:
            self._own[(changed.kind.value, row_id)] = now
        # A use-case that touches a client also bumps its row (version, updated_at): that
        # journal row is this window's too.
        for client_id in changed.client_ids:
            self._own[("client", client_id)] = now
