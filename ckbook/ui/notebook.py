"""The UI's one door to the services: runs a use-case, broadcasts what changed, reports problems.

Views call ``notebook.run(use_case, ...)``; on success every view hears ``changed(Changed)`` and
refreshes only what it shows of it. Bad input becomes a plain-text message naming what is wrong;
a storage problem (disk full, locked, read-only) becomes a message about the environment. Domain
code never touches a widget: messages go out through the ``message`` signal.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, time, tzinfo
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from ckbook.i18n import tr
from ckbook.services.base import Changed, InputError, Kind, brief_lock_wait
from ckbook.services.clock import Clock
from ckbook.services.due_phrases import END_OF_BUSINESS
from ckbook.services.settings import end_of_business
from ckbook.store.errors import StorageProblem, StoreError, classify, explain
from ckbook.ui.worker import problem_words

log = logging.getLogger(__name__)
T = TypeVar("T")

#: The longest a use-case run on the GUI thread waits for another process's write lock.
GUI_LOCK_WAIT_MS = 250


class Notebook(QObject):
    """Shared by every window: the clock, the local zone, and the ``changed`` broadcast."""

    changed = Signal(object)  # Changed
    #: (level, text): level is "info", "warning" or "error"; the main window shows it.
    message = Signal(str, str)

    def __init__(
        self,
        clock: Clock,
        location: str = "",
        parent: QObject | None = None,
        *,
        read_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.location = location
        #: The notebook's file or folder cannot be written: it is shown, not changed.
        self.read_only = read_only
        self._end_of_business: time | None = None
        self.changed.connect(self._on_changed)

    @property
    def tz(self) -> tzinfo:
        return self.clock.tz

    def now(self) -> datetime:
        return self.clock.now()

    def end_of_business(self) -> time:
        """The setting that says what EOD/COB mean in a promise line; read once, again after the
        settings change (the call window reads a due on every keystroke)."""
        if self._end_of_business is None:
            self._end_of_business = self.attempt(end_of_business) or END_OF_BUSINESS
        return self._end_of_business

    def _on_changed(self, change: Changed) -> None:
        if change.kind == Kind.SETTINGS:
            self._end_of_business = None

    def run(self, use_case: Callable[..., Changed], *args: Any, **kwargs: Any) -> Changed | None:
        """Run a use-case; on success broadcast and return what changed, else report and
        return None (the caller keeps the user's input so nothing typed is lost).

        It runs here, on the GUI thread (a click's write is a few milliseconds), but waits at
        most ``GUI_LOCK_WAIT_MS`` for a lock another process holds: then it says "database
        busy" rather than freezing the window for the whole busy timeout (RELIABILITY #7).
        Long or frequent writes (autosave, import) go to a worker instead (``ui.worker``).

        On a read-only notebook (a role with read-only grants, a file that cannot be written)
        nothing is tried: one message says why nothing can be saved."""
        if self.read_only:
            self.message.emit("error", self.read_only_reason())
            return None
        with brief_lock_wait(GUI_LOCK_WAIT_MS):
            result = self.attempt(use_case, *args, **kwargs)
        if result is not None:
            self.changed.emit(result)
        return result

    def read_only_reason(self) -> str:
        """Why nothing can be saved here, in one sentence for the user."""
        if "://" in self.location:
            return tr(
                "Not saved: your database role may read this notebook but not change it. "
                "Ask the notebook's owner for the rights (ckbook team grant)."
            )
        return tr("Not saved: this notebook's file or folder cannot be written.")

    def attempt(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """Call ``function``; report input and storage problems instead of raising."""
        try:
            return function(*args, **kwargs)
        except InputError as exc:
            self.message.emit("warning", str(exc))
        except StoreError as exc:
            self.message.emit("error", str(exc))
        except Exception as exc:
            problem = classify(exc)
            if problem is None:
                raise
            log.warning("storage problem: %s", exc)
            # The server's rights: say whose to ask.
            why = explain(problem) if problem is StorageProblem.NOT_ALLOWED else None
            self.message.emit(
                "error",
                tr("Not saved: {why}. Your input is kept.").format(
                    why=why or problem_words(problem)
                ),
            )
        return None

    def broadcast(self, changed: Changed) -> None:
        self.changed.emit(changed)
