"""Autosave that never loses typing (RELIABILITY #2, #6, #7, #9).

``SaveWriter`` is the one writer thread for note text: it keeps its own thread, not a
``ui.worker.Worker``, because it orders saves, retries kept text on a timer and lets quitting wait
for one save (``wait``); each save runs in its own connection (``services.base.worker_connection``,
as every worker's job does: sqlite objects never cross threads; jobs and results are ids, strings
and frozen dataclasses) and its errors are read by ``ui.worker.failure_of``, so a save that waits
for a lock never freezes typing.

``Autosaver`` (one per open editor) decides when to save: ~500 ms after the last key, and at most
``max_wait_ms`` after the first unsaved key while typing goes on (1.5 s, so that with the write
itself a killed process loses under 2 s of typing); at once on ``flush`` (ending the call,
switching notes, closing, quitting, SIGTERM). The dirty flag is cleared only when the commit of the
latest text has returned. A failed save keeps the text, says why ("Not saved — disk full;
retrying") and retries with a growing pause; input errors (the note was deleted) are shown and not
retried until the next edit.

Switching an editor to another note while its save fails does not drop the text: the writer keeps
it (``SaveWriter.keep``, one entry per note) and retries it on its own thread with a growing pause
(at once after any save succeeds again) until it commits; every editor's status counts it ("Not
saved — disk full; retrying (2 notes)"). Opening that note again takes the kept text back into the
editor.

Quitting (``SaveWriter.shutdown``) makes one last synchronous attempt for every text still unsaved.
What still fails is written to a recovery file, owner-only (0600, folder 0700), in
``<user data folder>/recovery`` (or, when that cannot be written either, a per-user folder in the
temp dir; as a last resort the text goes to the log). ``Rescue.message`` says plainly what was kept
where; ``recovery_files`` lists the files so the next start can say so again.
"""

from __future__ import annotations

import logging
import os
import queue
import stat
import tempfile
import threading
import time
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ckbook.i18n import tr
from ckbook.logs import PRIVATE
from ckbook.services.base import Changed, Kind, worker_connection
from ckbook.services.clock import Clock
from ckbook.services.notes import NoteRow
from ckbook.services.versions import Conflict, EditConflictError, RecordDeletedError
from ckbook.store.errors import StoreError
from ckbook.store.output import atomic_output
from ckbook.ui.worker import failure_of

log = logging.getLogger(__name__)

DEBOUNCE_MS = 500
MAX_WAIT_MS = 1500
RETRY_MS = 2000
MAX_RETRY_MS = 30_000
RECOVERY_PREFIX = "unsaved-notes-"


@dataclass(frozen=True)
class SaveJob:
    note_id: int
    body: str
    seq: int = 0
    final: bool = False
    mood: str | None = None
    duration_seconds: int | None = None
    base: NoteRow | None = None
    """The note as this editor last loaded or saved it: the save never overwrites what someone
    else changed since (``services.versions``)."""


EXTRA_FIELDS = ("final", "mood", "duration_seconds")


def job_extras(job: SaveJob) -> dict[str, Any]:
    """The fields of ``job`` beyond its text that are set (what ``Autosaver.set_extras`` took)."""
    return {k: getattr(job, k) for k in EXTRA_FIELDS if getattr(job, k) not in (None, False)}


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
    conflict: Conflict | None = None
    """Someone else changed the same text, or deleted the note, since the editor's base: nothing
    was written, the text stays in the editor until the user chooses (never retried as is)."""


@dataclass(frozen=True)
class KeptText:
    """A note's text that is not saved yet and no editor follows any more."""

    job: SaveJob
    problem: str = ""


@dataclass(frozen=True)
class PendingNotes:
    """The notes whose text the writer keeps retrying, and the last reason it failed."""

    note_ids: tuple[int, ...] = ()
    problem: str = ""


@dataclass(frozen=True)
class Rescue:
    """What quitting did with the text that was still unsaved."""

    saved: tuple[int, ...] = ()
    """Notes the last attempt wrote to the notebook."""
    kept: tuple[int, ...] = ()
    """Notes that still could not be saved."""
    problem: str = ""
    path: Path | None = None
    """The recovery file holding the kept notes' text (None: none could be written)."""

    def message(self) -> str:
        """For the user, plain: what was not saved, and where its text is."""
        if not self.kept:
            return ""
        count = len(self.kept)
        if self.path is not None and self.problem:
            text = tr(
                "The text of %n notes could not be saved ({why}). It is kept in {path} — copy it "
                "back into the note, then delete that file.",
                "",
                count,
            )
        elif self.path is not None:
            text = tr(
                "The text of %n notes could not be saved. It is kept in {path} — copy it back "
                "into the note, then delete that file.",
                "",
                count,
            )
        elif self.problem:
            text = tr(
                "The text of %n notes could not be saved ({why}), and no recovery file could be "
                "written either; the text is in ckbook's log (standard error).",
                "",
                count,
            )
        else:
            text = tr(
                "The text of %n notes could not be saved, and no recovery file could be written "
                "either; the text is in ckbook's log (standard error).",
                "",
                count,
            )
        return text.format(why=self.problem, path=self.path)


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
            base=job.base,
        )

    return save


def default_recovery_dir() -> Path:
    from ckbook.paths import data_dir

    return data_dir() / "recovery"


def _fallback_recovery_dir() -> Path:
    user = os.getuid() if hasattr(os, "getuid") else os.getpid()
    return Path(tempfile.gettempdir()) / f"ckbook-recovery-{user}"


def recovery_files(folder: Path | None = None) -> list[Path]:
    """Recovery files left by earlier sessions (oldest first), for the start-up notice."""
    found: list[Path] = []
    for where in (folder or default_recovery_dir(), _fallback_recovery_dir()):
        try:
            found.extend(where.glob(f"{RECOVERY_PREFIX}*.txt"))
        except OSError:
            continue
    return sorted(found, key=lambda p: p.name)


def _private_folder(folder: Path) -> bool:
    """Create ``folder`` 0700 (RELIABILITY #5); False when it is not a folder only we can use."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(folder)
        if not stat.S_ISDIR(info.st_mode):
            return False
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            return False  # a shared temp dir: someone else made it
        os.chmod(folder, 0o700)
    except OSError:
        return False
    return True


def _write_private(folder: Path, name: str, text: str) -> Path | None:
    """``text`` into a new 0600 file in ``folder`` (never over another file: ``name-2.txt`` when
    ``name.txt`` is taken), flushed to the disk; None when it fails."""
    if not _private_folder(folder):
        return None
    try:
        with atomic_output(folder / f"{name}.txt", unique=True) as out:
            out.temp.write_bytes(text.encode("utf-8"))
    except (OSError, StoreError):
        log.warning("could not write the recovery file %s in %s", name, folder, exc_info=True)
        return None
    return out.path


def recovery_text(
    kept: Iterable[KeptText], written: datetime, location: str, describe: Callable[[int], str]
) -> str:
    lines = [
        tr("ckbook could not save the text below to the notebook."),
        tr("Notebook: {location}").format(location=location or tr("(unknown)")),
        tr("Written: {when}").format(when=written.strftime("%Y-%m-%d %H:%M:%S %z")),
        tr(
            "Copy each text back into its note (open the note in ckbook and paste), then delete "
            "this file."
        ),
        "",
    ]
    for item in kept:
        job = item.job
        facts = [
            tr("not saved: {why}").format(why=item.problem) if item.problem else tr("not saved")
        ]
        if job.mood:
            facts.append(tr("mood: {mood}").format(mood=job.mood))
        if job.duration_seconds is not None:
            minutes, seconds = divmod(job.duration_seconds, 60)
            facts.append(
                tr("duration: {minutes} min {seconds} s").format(
                    minutes=minutes, seconds=f"{seconds:02d}"
                )
            )
        lines += [f"===== {describe(job.note_id)} ({'; '.join(facts)}) =====", job.body, ""]
    return "\n".join(lines)


class SaveWriter(QObject):
    """The one thread that writes note text. ``finished(SaveResult)`` arrives on the GUI thread."""

    finished = Signal(object)  # SaveResult
    #: The kept notes changed (PendingNotes); may be emitted from the writer thread.
    pending_changed = Signal(object)
    #: A kept note's text was finally written: what changed (tuple of Changed). Arrives on the
    #: GUI thread, so a plain function may broadcast it.
    pending_saved = Signal(object)
    _written = Signal(object)  # the same, from the writer thread

    def __init__(
        self,
        save: SaveFunction,
        clock: Clock | None = None,
        parent: QObject | None = None,
        *,
        own_connection: bool = False,
        retry_ms: int = RETRY_MS,
        recovery_dir: Path | None = None,
        location: str = "",
        describe: Callable[[int], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._own_connection = own_connection
        self._clock = clock
        self._retry_ms = retry_ms
        self._recovery_dir = recovery_dir
        self._location = location
        self._describe = describe
        self._jobs: queue.Queue[SaveJob | _Control | None] = queue.Queue()
        self._done: dict[int, SaveResult] = {}
        self._cond = threading.Condition()
        self._seq = 0
        self._savers: weakref.WeakSet[Autosaver] = weakref.WeakSet()
        self._stopped = False
        # Text of notes no editor follows any more, by note id; guarded by _cond.
        self._pending: dict[int, KeptText] = {}
        self._pending_wait = retry_ms
        self._next_retry: float | None = None  # time.monotonic() of the next retry
        # What went to recovery files, by note: a text already there is not written twice.
        self._rescued: dict[int, tuple[SaveJob, Path]] = {}
        self._rescuing = False  # shutdown's last attempts: it writes one file for all of them
        self._written.connect(self._on_self_written)  # queued to the GUI thread
        self._thread = threading.Thread(target=self._run, name="ckbook-note-writer", daemon=True)
        self._thread.start()

    def next_seq(self) -> int:
        with self._cond:
            self._seq += 1
            return self._seq

    def submit(self, job: SaveJob) -> None:
        if self._stopped:
            # After quitting: a late save (a window closing last) runs here, never lost.
            result = self._run_job(job)
            if not result.ok and result.retry and not self._rescuing:
                self._write_recovery([KeptText(job, result.problem)])
            self._finish(job, result)
            return
        self._jobs.put(job)

    def wait(self, seq: int, timeout: float) -> SaveResult | None:
        """Block until job ``seq`` is done (quitting only); None on timeout."""
        with self._cond:
            self._cond.wait_for(lambda: seq in self._done, timeout=timeout)
            return self._done.get(seq)

    def register(self, saver: Autosaver) -> None:
        self._savers.add(saver)

    # --- kept text of notes no editor follows ---------------------------------------------------

    def keep(self, job: SaveJob, problem: str = "") -> None:
        """Keep ``job``'s text and retry it until it commits (an editor switched away from a
        note whose save is failing). A newer text for the same note replaces the older one."""
        with self._cond:
            older = self._pending.get(job.note_id)
            if older is not None:
                merged = {**job_extras(older.job), **job_extras(job)}
                job = replace(job, **merged)
            kept = KeptText(replace(job, seq=0), problem)
            if not self._stopped:
                self._pending[job.note_id] = kept
                if self._next_retry is None:
                    self._next_retry = time.monotonic() + self._pending_wait / 1000
        if self._stopped:  # quitting already: no thread left to retry it
            self._write_recovery([kept])
            return
        self._jobs.put(_Control())  # wake the thread: it now has something to retry
        self._emit_pending()

    def take(self, note_id: int) -> KeptText | None:
        """Hand a kept text back to an editor opening that note (it saves it from now on)."""
        with self._cond:
            kept = self._pending.pop(note_id, None)
        if kept is not None:
            self._emit_pending()
        return kept

    def pending(self) -> PendingNotes:
        with self._cond:
            items = list(self._pending.values())
        return PendingNotes(
            tuple(sorted(k.job.note_id for k in items)), items[-1].problem if items else ""
        )

    def save_pending(self, timeout: float = 10.0) -> bool:
        """Retry every kept text now and wait for it; True when none is left."""
        if not self._stopped:
            seq = self.next_seq()
            self._jobs.put(_Control(seq))
            if self.wait(seq, timeout) is None:
                return False
        return not self.pending().note_ids

    def flush_all(self, timeout: float = 10.0) -> bool:
        """Write every editor's pending text now, and the kept texts, and wait for it."""
        ok = True
        for saver in list(self._savers):
            ok = saver.flush_and_wait(timeout) and ok
        return self.save_pending(timeout) and ok

    def stop(self) -> None:
        """End the thread after the jobs queued so far. A live thread at interpreter exit
        crashed PySide6's teardown (segfault after SIGTERM), so the app stops it on quit."""
        if self._stopped:
            return
        self._jobs.put(None)
        self._thread.join(timeout=10)
        self._stopped = True

    def shutdown(self, timeout: float = 10.0) -> Rescue:
        """Quitting: stop the thread (after the jobs queued so far), then one last synchronous
        attempt for every text still unsaved, each open editor's and each kept one. What still
        fails goes to a recovery file; the answer says which notes and where."""
        self.stop()
        saved: list[int] = []
        unsaved: list[KeptText] = []
        followed: set[int] = set()
        self._rescuing = True
        try:
            for saver in list(self._savers):
                note_id = saver.note_id
                if note_id is None or not (saver.dirty or saver.saving):
                    continue
                followed.add(note_id)
                if saver.flush_and_wait(timeout, attempts=1):
                    saved.append(note_id)
                else:
                    left = saver.unsaved()
                    if left is not None:
                        unsaved.append(left)
        finally:
            self._rescuing = False
            for saver in list(self._savers):
                # This was the last attempt: no debounce or retry timer may fire after it and
                # write the same text to another recovery file (seen when a timer outlived it).
                saver.stop_timers()
        with self._cond:
            kept = [k for n, k in self._pending.items() if n not in followed]
            self._pending.clear()
        for item in kept:
            result = self._run_job(item.job)
            if result.ok:
                saved.append(item.job.note_id)
                self.pending_saved.emit(result.changes)
            else:
                unsaved.append(replace(item, problem=result.problem))
        self._emit_pending()
        if not unsaved:
            return Rescue(saved=tuple(saved))
        path = self._write_recovery(unsaved)
        problem = next((k.problem for k in unsaved if k.problem), "")
        return Rescue(tuple(saved), tuple(k.job.note_id for k in unsaved), problem, path)

    # --- the thread ----------------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            if self._retry_due():
                self._retry_pending()
            try:
                item = self._jobs.get(timeout=self._seconds_to_retry())
            except queue.Empty:
                continue
            if item is None:
                return
            if isinstance(item, _Control):
                if item.seq:
                    self._retry_pending()
                    with self._cond:
                        self._done[item.seq] = SaveResult(item.seq, 0, not self._pending)
                        self._cond.notify_all()
                continue
            result = self._run_job(item)
            self._finish(item, result)
            if result.ok:
                with self._cond:
                    if self._pending:
                        self._next_retry = time.monotonic()  # it writes again: don't wait

    def _retry_due(self) -> bool:
        with self._cond:
            return self._next_retry is not None and time.monotonic() >= self._next_retry

    def _seconds_to_retry(self) -> float | None:
        with self._cond:
            if self._next_retry is None:
                return None
            return max(0.0, self._next_retry - time.monotonic())

    def _retry_pending(self) -> None:
        with self._cond:
            items = list(self._pending.values())
        for item in items:
            result = self._run_job(item.job)
            with self._cond:
                if self._pending.get(item.job.note_id) is not item:
                    continue  # taken back by an editor, or replaced by newer text, meanwhile
                if result.ok:
                    del self._pending[item.job.note_id]
                else:
                    self._pending[item.job.note_id] = replace(item, problem=result.problem)
            if result.ok:
                self._written.emit(result.changes)
        with self._cond:
            if self._pending:
                self._next_retry = time.monotonic() + self._pending_wait / 1000
                self._pending_wait = min(self._pending_wait * 2, MAX_RETRY_MS)
            else:
                self._next_retry = None
                self._pending_wait = self._retry_ms
        self._emit_pending()

    def _on_self_written(self, changes: tuple[Changed, ...]) -> None:
        self.pending_saved.emit(changes)

    def _emit_pending(self) -> None:
        self.pending_changed.emit(self.pending())

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
            if self._own_connection:
                with worker_connection():
                    changes = self._save(job)
            else:
                changes = self._save(job)
        except (EditConflictError, RecordDeletedError) as exc:
            return SaveResult(job.seq, job.note_id, False, problem=str(exc), conflict=exc.conflict)
        except Exception as exc:  # read the one way every worker reads it (ui.worker)
            failure = failure_of(exc, f"saving note {job.note_id}")
            return SaveResult(
                job.seq, job.note_id, False, problem=failure.text, retry=failure.retry
            )
        saved_at = self._clock.now() if self._clock is not None else None
        return SaveResult(job.seq, job.note_id, True, tuple(changes), saved_at=saved_at)

    # --- the recovery file ---------------------------------------------------------------------

    def _title(self, note_id: int) -> str:
        if self._describe is not None:
            try:
                return tr("{title} (note {id})").format(title=self._describe(note_id), id=note_id)
            except Exception:  # the notebook may be unreadable too: the id still says which note
                log.warning("could not describe note %s", note_id, exc_info=True)
        return tr("note {id}").format(id=note_id)

    def _already_rescued(self, job: SaveJob) -> Path | None:
        earlier = self._rescued.get(job.note_id)
        return earlier[1] if earlier is not None and earlier[0] == replace(job, seq=0) else None

    def _write_recovery(self, kept: list[KeptText]) -> Path | None:
        """Keep text that could not be saved in a new owner-only file (RELIABILITY #5): the
        user data folder first, a per-user temp folder when that fails (often another disk)."""
        fresh = [k for k in kept if self._already_rescued(k.job) is None]
        if not fresh:
            return self._already_rescued(kept[0].job)
        kept = fresh
        if self._clock is not None:
            written = self._clock.now().astimezone(self._clock.tz)
        else:
            written = datetime.now().astimezone()
        text = recovery_text(kept, written, self._location, self._title)
        name = f"{RECOVERY_PREFIX}{written.strftime('%Y%m%d-%H%M%S')}"
        for folder in (self._recovery_dir or default_recovery_dir(), _fallback_recovery_dir()):
            path = _write_private(folder, name, text)
            if path is not None:
                for item in kept:
                    self._rescued[item.job.note_id] = (replace(item.job, seq=0), path)
                log.error(
                    "note text not saved (%s) is kept in %s",
                    ", ".join(str(k.job.note_id) for k in kept),
                    path,
                )
                return path
        # Nowhere to write: standard error is the last place the text can go (never the log
        # file, which must not hold what the user wrote).
        log.error(
            "note text could not be saved nor written to a recovery file:\n%s", text, extra=PRIVATE
        )
        return None


@dataclass(frozen=True)
class _Control:
    """A wake-up for the writer thread; with a ``seq``: retry the kept texts now, then mark
    ``seq`` done (``save_pending``)."""

    seq: int = 0


class Autosaver(QObject):
    """When to save one editor's note; see the module docstring."""

    status_changed = Signal(str)
    saved = Signal(object)  # tuple[Changed, ...] of a successful save
    dirty_changed = Signal(bool)
    #: A save found the note changed (or deleted) by someone else: the Conflict. The text stays
    #: here, unsaved; timers stop saving it until ``resolve`` (the editor offers the choice).
    conflicted = Signal(object)

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
        self._problem = ""  # why the last save failed
        self._own_status = ""
        self._own_failed = False

        self._others = writer.pending()
        self._base: NoteRow | None = None
        self._conflict: Conflict | None = None
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
        writer.pending_changed.connect(self._on_writer_pending_changed)
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

    @property
    def base(self) -> NoteRow | None:
        """The note as last loaded or saved here: the version the next save is based on."""
        return self._base

    @property
    def conflict(self) -> Conflict | None:
        """The conflict waiting for the user's choice (None: none)."""
        return self._conflict

    def advance(self, base: NoteRow) -> None:
        """Another use-case of this editor saved the note (its kind): base the next save on it."""
        if base.id == self._note_id:
            self._base = base

    def resolve(self, base: NoteRow | None, body: str | None = None, **extras: Any) -> None:
        """The user chose after a conflict: save over ``base`` (the note as stored now, or as
        restored) with ``body`` (None: keep what is typed here, or, when the note matches what
        is typed, nothing) and ``extras``; ``base`` None with nothing to save drops the edit."""
        self._conflict = None
        self._base = base
        if body is not None:
            self._body = body
        for key in [k for k in self._extras if k not in extras and k != "final"]:
            del self._extras[key]
        self._extras.update({k: v for k, v in extras.items() if v is not None})
        if base is not None and self._body == base.body and not self._extras:
            self._set_dirty(False)
            self._set_status("")
            return
        self._set_dirty(True)
        self._submit()

    def load(self, note_id: int, body: str, base: NoteRow | None = None) -> str:
        """Start following ``note_id`` whose stored text is ``body`` (not an edit); returns the
        text to show: ``body``, or this note's text still waiting to be saved.

        The previous note's unsaved text is written first (waiting for it: switching is rare,
        losing is not); when that fails, the writer keeps the text and retries it (loading the
        same note again then shows that text instead of ``body``)."""
        if self._dirty and self._note_id is not None and not self.flush_and_wait():
            left = self.unsaved()
            if left is not None:
                self._writer.keep(left.job, left.problem)
        self._debounce.stop()
        self._max_wait.stop()
        self._retry.stop()
        self._retry_wait = self._retry_ms
        self._note_id = note_id
        self._base = base
        self._conflict = None
        kept = self._writer.take(note_id)
        if kept is not None:
            self._base = kept.job.base or base
            self._body = kept.job.body
            self._extras = job_extras(kept.job)
            self._problem = kept.problem
            self._set_dirty(True)
            self._set_status(
                tr("Not saved — {why}; retrying").format(why=kept.problem) if kept.problem else "",
                failed=bool(kept.problem),
            )
            self._submit()
            return self._body
        self._body = body
        self._extras = {}
        self._problem = ""
        self._set_dirty(False)
        self._set_status("")
        return body

    def edited(self, body: str) -> None:
        """The user changed the text: save soon, and never later than the max wait."""
        if self._note_id is None:
            return
        self._body = body
        self._set_dirty(True)
        self._retry_wait = self._retry_ms
        if self._conflict is not None:
            return  # kept here; saved once the user has chosen (``resolve``)
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
        if self._dirty and self._conflict is None:  # a conflict waits for the user's choice
            self._submit()

    def flush_and_wait(self, timeout: float = 10.0, attempts: int = 3) -> bool:
        """Save now and block until it is written (switching notes, quitting). True when nothing
        is left unsaved (a conflict waiting for the user's choice is unsaved)."""
        if self._dirty and self._conflict is not None:
            return False
        tried = 0
        while self._dirty and tried < attempts:
            tried += 1
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

    def stop_timers(self) -> None:
        """No more saves on a timer (quitting: the writer's last attempt takes over)."""
        self._debounce.stop()
        self._max_wait.stop()
        self._retry.stop()

    def unsaved(self) -> KeptText | None:
        """This editor's text that is not saved yet (quitting, switching away)."""
        if self._note_id is None or not self._dirty:
            return None
        job = SaveJob(self._note_id, self._body, base=self._base)
        if self._extras:
            job = replace(job, **self._extras)
        return KeptText(job, self._problem)

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
        job = SaveJob(self._note_id, self._body, self._writer.next_seq(), base=self._base)
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
        current = job.note_id == self._note_id  # else a note switched away from: the writer has it
        if result.ok:
            self._retry_wait = self._retry_ms
            if current:
                self._advance_base(job, result.changes)
                self._problem = ""
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
                self._set_status(tr("Saved {time}").format(time=stamp).strip())
            self.saved.emit(result.changes)
        elif current and result.conflict is not None:
            self._problem = result.problem
            self._conflict = result.conflict
            self._again = False
            self._set_status(
                tr(
                    "Not saved — changed by someone else; your text is kept: save (Ctrl+S) to "
                    "choose"
                )
            )
            self.conflicted.emit(result.conflict)
            return
        elif current:
            self._problem = result.problem
            self._set_status(
                tr("Not saved — {why}; retrying").format(why=result.problem)
                if result.retry
                else tr("Not saved — {why}").format(why=result.problem),
                failed=True,
            )
            if result.retry:
                self._retry.start(self._retry_wait)
                self._retry_wait = min(self._retry_wait * 2, MAX_RETRY_MS)
            return
        if self._again or (self._dirty and not self._debounce.isActive()):
            self._submit()

    def _advance_base(self, job: SaveJob, changes: tuple[Changed, ...]) -> None:
        """After a save: the next one is based on what this one wrote, at its new version."""
        versions = [
            c.versions[0]
            for c in changes
            if c.kind is Kind.NOTE and c.ids == (job.note_id,) and c.versions
        ]
        if self._base is None or not versions:
            return
        fields = {"body": job.body, "mood": job.mood, "duration_seconds": job.duration_seconds}
        written = {k: v for k, v in fields.items() if v is not None}
        self._base = replace(self._base, **written, version=versions[0])  # type: ignore[arg-type]

    def _on_writer_pending_changed(self, pending: PendingNotes) -> None:
        self._others = pending
        self._show_status()

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def _set_status(self, text: str, failed: bool = False) -> None:
        self._own_status = text
        self._own_failed = failed
        self._show_status(always=True)  # each failed attempt is news (the call window's button)

    def _show_status(self, always: bool = False) -> None:
        """This note's save state, and the notes switched away from that are not saved yet."""
        text = self._own_status
        others = [n for n in self._others.note_ids if n != self._note_id]
        if others and self._own_failed:
            count = len(others) + 1
            text = tr("{status} (%n notes)", "", count).format(status=text)
        elif others:
            count = len(others)
            tail = (
                tr("%n earlier notes not saved — {why}; retrying", "", count).format(
                    why=self._others.problem
                )
                if self._others.problem
                else tr("%n earlier notes not saved; retrying", "", count)
            )
            text = f"{text} · {tail}" if text else tail
        if always or text != self.status:
            self.status = text
            self.status_changed.emit(text)
