"""Autosave that never loses typing (RELIABILITY #2, #6, #7, #9).

``SaveWriter`` is the one writer thread for note text: a plain Python thread that runs each save in
its own ``db.connection_context()`` (sqlite objects never cross threads; jobs and results are ids,
strings and frozen dataclasses), so a save that waits for a lock never freezes typing.

``Autosaver`` (one per open editor) decides when to save: ~500 ms after the last key, and at most
``max_wait_ms`` after the first unsaved key while typing goes on (1.5 s, so that with the write
itself a killed process loses under 2 s of typing); at once on ``flush`` (ending the call,
switching notes, closing, quitting, SIGTERM). The dirty flag is cleared only when the commit of the
latest text has returned. A failed save keeps the text, says why ("Not saved — disk full;
retrying") and retries with a growing pause; input errors (the note was deleted) are shown and not
retried until the next edit.
"""

from __future__ import annotations

import logging
import queue
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ckbook.services.base import Changed, InputError
from ckbook.services.clock import Clock
from ckbook.store.errors import StoreError, classify

log = logging.getLogger(__name__)

DEBOUNCE_MS = 500
MAX_WAIT_MS = 1500
RETRY_MS = 2000
MAX_RETRY_MS = 30_000


@dataclass(frozen=True)
class SaveJob:
    note_id: int
    body: str
    seq: int = 0
    final: bool = False
    mood: str | None = None
    duration_seconds: int | None = None


@dataclass(frozen=True)
class SaveResult:
    seq: int
    note_id: int
    ok: bool
    changes: tuple[Changed, ...] = ()
    problem: str = ""
    """Why it was not saved, worded for the user (e.g. "disk full")."""
    retry: bool = False
    """Worth trying again without any edit (the environment's fault, or our bug)."""
    saved_at: datetime | None = None


SaveFunction = Callable[[SaveJob], tuple[Changed, ...]]


def note_text_saver(clock: Clock) -> SaveFunction:
    """The production save: the body, its captured promises, mood and duration in one
    transaction (``services.capture.save_note_text``)."""
    from ckbook.services.capture import save_note_text

    def save(job: SaveJob) -> tuple[Changed, ...]:
        return save_note_text(
            job.note_id,
            job.body,
            clock.now(),
            clock.tz,
            final=job.final,
            mood=job.mood,
            duration_seconds=job.duration_seconds,
        )

    return save


class SaveWriter(QObject):
    """The one thread that writes note text. ``finished(SaveResult)`` arrives on the GUI thread."""

    finished = Signal(object)  # SaveResult

    def __init__(
        self,
        save: SaveFunction,
        database: Any = None,
        clock: Clock | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._database = database
        self._clock = clock
        self._jobs: queue.Queue[SaveJob | None] = queue.Queue()
        self._done: dict[int, SaveResult] = {}
        self._cond = threading.Condition()
        self._seq = 0
        self._savers: weakref.WeakSet[Autosaver] = weakref.WeakSet()
        self._stopped = False
        self._thread = threading.Thread(target=self._run, name="ckbook-note-writer", daemon=True)
        self._thread.start()

    def next_seq(self) -> int:
        with self._cond:
            self._seq += 1
            return self._seq

    def submit(self, job: SaveJob) -> None:
        if self._stopped:
            # After quitting: a late save (a window closing last) runs here, never lost.
            self._finish(job, self._run_job(job))
            return
        self._jobs.put(job)

    def wait(self, seq: int, timeout: float) -> SaveResult | None:
        """Block until job ``seq`` is done (quitting only); None on timeout."""
        with self._cond:
            self._cond.wait_for(lambda: seq in self._done, timeout=timeout)
            return self._done.get(seq)

    def register(self, saver: Autosaver) -> None:
        self._savers.add(saver)

    def flush_all(self, timeout: float = 10.0) -> bool:
        """Write every editor's pending text now and wait for it (aboutToQuit, SIGTERM)."""
        ok = True
        for saver in list(self._savers):
            ok = saver.flush_and_wait(timeout) and ok
        return ok

    def stop(self) -> None:
        """End the thread after the jobs queued so far. A live thread at interpreter exit
        crashed PySide6's teardown (segfault after SIGTERM), so the app stops it on quit."""
        if self._stopped:
            return
        self._jobs.put(None)
        self._thread.join(timeout=10)
        self._stopped = True

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            self._finish(job, self._run_job(job))

    def _finish(self, job: SaveJob, result: SaveResult) -> None:
        with self._cond:
            self._done[job.seq] = result
            # Keep the memo small; waiters only ever look at recent jobs.
            for old in [s for s in self._done if s < job.seq - 100]:
                del self._done[old]
            self._cond.notify_all()
        self.finished.emit(result)

    def _run_job(self, job: SaveJob) -> SaveResult:
        try:
            if self._database is not None:
                with self._database.connection_context():
                    changes = self._save(job)
            else:
                changes = self._save(job)
        except InputError as exc:
            return SaveResult(job.seq, job.note_id, False, problem=str(exc))
        except StoreError as exc:
            return SaveResult(job.seq, job.note_id, False, problem=str(exc), retry=True)
        except Exception as exc:
            problem = classify(exc)
            if problem is None:
                log.exception("saving note %s failed", job.note_id)
                return SaveResult(
                    job.seq, job.note_id, False, problem="unexpected error (see log)", retry=True
                )
            log.warning("saving note %s: %s (%s)", job.note_id, problem.value, exc)
            return SaveResult(job.seq, job.note_id, False, problem=problem.value, retry=True)
        saved_at = self._clock.now() if self._clock is not None else None
        return SaveResult(job.seq, job.note_id, True, tuple(changes), saved_at=saved_at)


class Autosaver(QObject):
    """When to save one editor's note; see the module docstring."""

    status_changed = Signal(str)
    saved = Signal(object)  # tuple[Changed, ...] of a successful save
    dirty_changed = Signal(bool)

    def __init__(
        self,
        writer: SaveWriter,
        tz: tzinfo | None = None,
        debounce_ms: int = DEBOUNCE_MS,
        max_wait_ms: int = MAX_WAIT_MS,
        retry_ms: int = RETRY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._writer = writer
        self._tz = tz
        self._retry_ms = retry_ms
        self._retry_wait = retry_ms
        self._note_id: int | None = None
        self._body = ""
        self._extras: dict[str, Any] = {}  # final / mood / duration_seconds waiting to be saved
        self._dirty = False
        self._in_flight: SaveJob | None = None
        self._again = False  # save again as soon as the one in flight returns
        self.status = ""

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self._on_debounce_timeout)
        self._max_wait = QTimer(self)
        self._max_wait.setSingleShot(True)
        self._max_wait.setInterval(max_wait_ms)
        self._max_wait.timeout.connect(self._on_max_wait_timeout)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._on_retry_timeout)
        writer.finished.connect(self._on_writer_finished)
        writer.register(self)

    # --- what the editor tells us ----------------------------------------------------------

    @property
    def note_id(self) -> int | None:
        return self._note_id

    @property
    def dirty(self) -> bool:
        return self._dirty

    @property
    def saving(self) -> bool:
        return self._in_flight is not None

    def load(self, note_id: int, body: str) -> None:
        """Start following ``note_id`` whose stored text is ``body`` (not an edit). The previous
        note's unsaved text is written first (waiting for it: switching is rare, losing is not)."""
        if self._note_id is not None and self._note_id != note_id and self._dirty:
            self.flush_and_wait()
        self._note_id = note_id
        self._body = body
        self._extras = {}
        self._set_dirty(False)
        self._set_status("")

    def edited(self, body: str) -> None:
        """The user changed the text: save soon, and never later than the max wait."""
        if self._note_id is None:
            return
        self._body = body
        self._set_dirty(True)
        self._retry_wait = self._retry_ms
        self._debounce.start()
        if not self._max_wait.isActive():
            self._max_wait.start()

    def set_extras(self, **extras: Any) -> None:
        """Fields saved with the next save (mood, duration_seconds, final)."""
        self._extras.update({k: v for k, v in extras.items() if v is not None})
        self._set_dirty(True)

    def flush(self, **extras: Any) -> None:
        """Save now (ending the call, switching notes, closing)."""
        if extras:
            self.set_extras(**extras)
        if self._dirty:
            self._submit()

    def flush_and_wait(self, timeout: float = 10.0) -> bool:
        """Save now and block until it is written (quitting). True when nothing is left unsaved."""
        attempts = 0
        while self._dirty and attempts < 3:
            attempts += 1
            if self._in_flight is None:
                self._submit()
            job = self._in_flight
            if job is None:
                break
            result = self._writer.wait(job.seq, timeout)
            if result is None:
                return False
            self._on_writer_finished(result)
        return not self._dirty

    # --- timers and the writer ---------------------------------------------------------------

    def _on_debounce_timeout(self) -> None:
        self._submit()

    def _on_max_wait_timeout(self) -> None:
        self._submit()

    def _on_retry_timeout(self) -> None:
        if self._dirty:
            self._submit()

    def _submit(self) -> None:
        self._debounce.stop()
        self._max_wait.stop()
        if self._note_id is None or not self._dirty:
            return
        if self._in_flight is not None:
            self._again = True
            return
        self._retry.stop()
        job = SaveJob(self._note_id, self._body, self._writer.next_seq())
        if self._extras:
            job = replace(job, **self._extras)
        self._in_flight = job
        self._again = False
        self._writer.submit(job)

    def _on_writer_finished(self, result: SaveResult) -> None:
        job = self._in_flight
        if job is None or result.seq != job.seq:
            return  # another editor's save, or one flush_and_wait already handled
        self._in_flight = None
        if result.ok:
            self._retry_wait = self._retry_ms
            if job.note_id == self._note_id:
                if self._body == job.body and all(
                    getattr(job, k) == v for k, v in self._extras.items()
                ):
                    self._extras = {}
                    self._set_dirty(False)
                else:
                    for key in [k for k, v in self._extras.items() if getattr(job, k) == v]:
                        del self._extras[key]
            when = result.saved_at
            stamp = when.astimezone(self._tz).strftime("%H:%M:%S") if when else ""
            self._set_status(f"Saved {stamp}".strip())
            self.saved.emit(result.changes)
        else:
            retrying = "; retrying" if result.retry else ""
            self._set_status(f"Not saved — {result.problem}{retrying}")
            if result.retry:
                self._retry.start(self._retry_wait)
                self._retry_wait = min(self._retry_wait * 2, MAX_RETRY_MS)
            return
        if self._again or (self._dirty and not self._debounce.isActive()):
            self._submit()

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def _set_status(self, text: str) -> None:
        self.status = text
        self.status_changed.emit(text)
