"""The one way ckbook runs work off the GUI thread.

A ``Worker`` owns one background thread. ``run(function, *args, done=..., failed=...)`` queues a
services function; the thread runs it inside its own short-lived connection
(``services.base.worker_connection``: sqlite objects never cross threads, an idle worker holds no
connection and no snapshot) and hands the value back on the GUI thread, through a queued signal,
to ``done``. Values crossing must be frozen (ints, strings, frozen dataclasses, tuples of them).
Whatever goes wrong is reported one way: ``failed`` receives a ``Failure`` worded for the user —
bad input as it was said, the environment's fault (disk full, locked) as such, our own bug logged
with its traceback and named as one.

Jobs given the same ``lane`` coalesce: a job still waiting is replaced by a newer one in its lane
(only the newest Today report, search or reminder check is worth building). ``inline=True`` runs
every job at once on the caller's thread and connection (tests, and views without a thread).

The thread starts with the first job and ends when the queue is empty, so an idle worker costs
nothing; ``wait`` and ``stop`` let a job under way finish before the notebook closes.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from ckbook.i18n import tr
from ckbook.services.base import InputError, worker_connection
from ckbook.store.errors import StorageProblem, StoreError, classify

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Failure:
    """Why a job gave no value, worded for the user."""

    text: str
    retry: bool
    """Worth trying again without any change (the environment's fault, or our bug); False for
    bad input, which only another input mends."""
    bug: bool = False
    """Our own error (logged with its traceback), not the user's nor the environment's."""

    @property
    def level(self) -> str:
        """How the window shows it: "warning" (bad input) or "error"."""
        return "error" if self.retry else "warning"


def problem_words(problem: StorageProblem) -> str:
    """A storage problem in a few words ("disk full"), in the installed language."""
    words = {
        StorageProblem.DISK_FULL: tr("disk full"),
        StorageProblem.LOCKED: tr("database busy"),
        StorageProblem.READ_ONLY: tr("database is read-only"),
        StorageProblem.CORRUPT: tr("database file is damaged"),
        StorageProblem.NOT_A_DATABASE: tr("not a ckbook database"),
        StorageProblem.IO: tr("disk error"),
        StorageProblem.NOT_ALLOWED: tr("not allowed"),
        StorageProblem.SERVER_GONE: tr("server unreachable"),
    }
    return words.get(problem, problem.value)


def failure_of(exc: BaseException, what: str = "") -> Failure:
    """The one reading of an exception raised by a use-case (on any thread)."""
    if isinstance(exc, InputError):
        return Failure(str(exc), retry=False)
    if isinstance(exc, StoreError):
        return Failure(str(exc), retry=True)
    problem = classify(exc)
    if problem is not None:
        log.warning("%s: %s (%s)", what or "storage problem", problem.value, exc)
        return Failure(problem_words(problem), retry=True)
    log.error("%s failed", what or "background job", exc_info=exc)
    return Failure(tr("unexpected error (see the log)"), retry=True, bug=True)


Done = Callable[[Any], None]
Failed = Callable[[Failure], None]


@dataclass(frozen=True)
class _Job:
    number: int
    function: Callable[..., Any]
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    lane: str | None


@dataclass(frozen=True)
class _Outcome:
    number: int
    value: Any = None
    failure: Failure | None = None


class Worker(QObject):
    """One background thread for services functions; see the module docstring."""

    _landed = Signal(object)  # _Outcome, from the thread; queued to the GUI thread

    def __init__(self, name: str, parent: QObject | None = None, *, inline: bool = False) -> None:
        super().__init__(parent)
        self._name = name
        self._inline = inline
        self._numbers = itertools.count(1)
        self._lock = threading.Condition()
        self._queue: deque[_Job] = deque()
        self._thread: threading.Thread | None = None
        self._running: int | None = None  # the job under way
        self._stopped = False
        self._callbacks: dict[int, tuple[Done | None, Failed | None]] = {}
        self._landed.connect(self._on_landed)

    @property
    def busy(self) -> bool:
        """A job is waiting, under way, or done with its answer not yet handed back."""
        with self._lock:
            return bool(self._queue) or self._running is not None or bool(self._callbacks)

    def run(
        self,
        function: Callable[..., Any],
        *args: Any,
        done: Done | None = None,
        failed: Failed | None = None,
        lane: str | None = None,
        **kwargs: Any,
    ) -> int:
        """Queue ``function(*args, **kwargs)``; ``done(value)`` or ``failed(Failure)`` follows
        on the GUI thread (never both; neither when a newer job in ``lane`` replaced it, or
        the worker stopped first). Returns the job's number."""
        job = _Job(next(self._numbers), function, args, kwargs, lane)
        self._callbacks[job.number] = (done, failed)
        if self._inline:
            self._on_landed(self._execute(job, own_connection=False))
            return job.number
        with self._lock:
            if self._stopped:
                self._callbacks.pop(job.number, None)
                return job.number
            if lane is not None:
                for older in [j for j in self._queue if j.lane == lane]:
                    self._queue.remove(older)
                    self._callbacks.pop(older.number, None)
            self._queue.append(job)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._loop, name=f"ckbook-{self._name}", daemon=True
                )
                self._thread.start()
            self._lock.notify_all()
        return job.number

    def wait(self, timeout: float = 10.0) -> bool:
        """Block until every queued job has run (quitting, closing); False on timeout."""
        with self._lock:
            if self._thread is threading.current_thread():
                return False
            return self._lock.wait_for(
                lambda: not self._queue and self._running is None, timeout=timeout
            )

    def stop(self, timeout: float = 10.0) -> None:
        """No more jobs: drop those waiting, let the one under way finish."""
        with self._lock:
            self._stopped = True
            for job in self._queue:
                self._callbacks.pop(job.number, None)
            self._queue.clear()
        self.wait(timeout)

    # --- the thread ------------------------------------------------------------------------

    def _loop(self) -> None:
        while True:
            with self._lock:
                if not self._queue:
                    self._thread = None
                    self._lock.notify_all()
                    return
                job = self._queue.popleft()
                self._running = job.number
            outcome = self._execute(job, own_connection=True)
            # RuntimeError: the owner (a page, a window) went away while the job ran.
            with contextlib.suppress(RuntimeError):
                self._landed.emit(outcome)
            with self._lock:
                self._running = None
                self._lock.notify_all()

    def _execute(self, job: _Job, own_connection: bool) -> _Outcome:
        try:
            if own_connection:
                with worker_connection():
                    value = job.function(*job.args, **job.kwargs)
            else:
                value = job.function(*job.args, **job.kwargs)
        except Exception as exc:  # reported through ``failed``, never raised on a worker
            name = getattr(job.function, "__name__", "job")
            return _Outcome(job.number, failure=failure_of(exc, f"{self._name}: {name}"))
        return _Outcome(job.number, value)

    # --- back on the GUI thread ------------------------------------------------------------

    def _on_landed(self, outcome: _Outcome) -> None:
        done, failed = self._callbacks.pop(outcome.number, (None, None))
        if outcome.failure is not None:
            if failed is not None:
                failed(outcome.failure)
        elif done is not None:
            done(outcome.value)
