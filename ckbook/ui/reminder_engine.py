"""The reminder engine: a thin Qt shell around the reminder rules and use-cases.

A single-shot timer wakes at the next instant something is due (``next_wake`` from the rules) and
at least once a minute. Qt timers run on the monotonic clock, and every wake asks the wall clock
(``notebook.now()``) afresh, so after a sleep/resume or a clock change the next wake (at most a
minute later) shows exactly what is due by then; what was shown is recorded in the reminder log,
so nothing shows twice, not even after a restart (RELIABILITY #11).

Before anything shows, it is claimed in the reminder log (``reminders.claim``: a write only one
process can win), and confirmed once shown: two processes on one notebook (team mode, or a
second window the single-instance guard could not stop) never show an occurrence twice, and a
crash between claiming and showing loses nothing (the claim expires and is taken over).

The first check after start finds everything that came due while ckbook was not running and
shows it once, as one batch. A later check that finds more than a handful at once (after a long
sleep, at the end of quiet hours) shows one batch too, never a burst of pop-ups. Quiet hours and
"Pause reminders for 1 hour" hold pop-ups until they end; held reminders are not recorded, so
they show when the hold ends.

Reading every open promise, client and request takes about a second on a 10,000-client notebook,
so it happens once (the first check) and again only when another program wrote to the notebook
(``base.notebook_stamp`` moved while this process wrote nothing, or the last full read is ten
minutes old); a change of this process re-reads only the clients it names, and a steady check
answers from ``reminders.ReminderBook`` (what can fire next, on a heap): under a millisecond. The
tray's report is rebuilt only when something it shows can have moved. Checks and the recording of
fired reminders run on a ``ui.worker.Worker`` with its own connection (RELIABILITY #6, #7); only
frozen values cross between threads.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ckbook.i18n import tr
from ckbook.services.agenda import DueReport, due_report
from ckbook.services.base import Changed, notebook_stamp
from ckbook.services.live import ELSEWHERE
from ckbook.services.reminder_rules import Occurrence, missed_summary, quiet_until, summarise
from ckbook.services.reminders import (
    Claim,
    ReminderBook,
    ReminderCheck,
    check,
    claim,
    confirm_shown,
    mark_fired,
    whose_reminders,
)
from ckbook.services.settings import Settings, load_settings
from ckbook.ui.notebook import Notebook
from ckbook.ui.notifications import ReminderRouter
from ckbook.ui.worker import Failure, Worker

log = logging.getLogger(__name__)

#: The timer never sleeps longer than this: the once-a-minute re-check.
RECHECK_MS = 60_000
#: More reminders than this at once are shown as one batch.
BURST_LIMIT = 3
#: Lines listed in a batch pop-up before "and N more".
BATCH_LINES = 6
#: Changes to the notebook are gathered this long before a re-check (autosave fires often).
CHANGE_DEBOUNCE_MS = 1500
PAUSE = timedelta(hours=1)
#: A moved stamp (any write) reads everything again once the last full read is this old.
FULL_READ_AFTER_S = 600


@dataclass(frozen=True)
class CheckRequest:
    serial: int
    now: datetime
    tz: tzinfo
    default_minutes: int
    #: Read everything again (the first check, settings changed, a change naming no client).
    full: bool = False
    #: Clients a change of this process named since the last check: their reminders are read
    #: again.
    client_ids: tuple[int, ...] = ()
    #: This process wrote since the last check (so a moved stamp is not someone else's write).
    local_writes: bool = False
    #: Build the tray's report even when nothing moved (a new day).
    report: bool = False
    #: Whose reminders (``reminders.whose_reminders``): None for everyone's.
    owner: str | None = None


@dataclass(frozen=True)
class CheckResult:
    serial: int
    now: datetime
    check: ReminderCheck
    report: DueReport | None
    """None: nothing it shows moved since the last one (a steady check)."""


@dataclass(frozen=True)
class RecordResult:
    keys: tuple[tuple[str, int, str], ...]
    changed: Changed | None
    error: str = ""


def run_check(request: CheckRequest, book: ReminderBook | None = None) -> CheckResult:
    """One check. Without a ``book``: the full check, every time. With one: what it holds,
    read again in full only when asked or when another program wrote to the notebook (its stamp
    moved while this process wrote nothing), else only the clients changes named; the tray's
    report is built only when something it shows can have moved."""
    if book is None:
        result = check(request.now, request.tz, request.default_minutes, request.owner)
        everything = due_report(request.now, request.tz, owner=request.owner)
        return CheckResult(request.serial, request.now, result, everything)
    stamp = notebook_stamp()
    # Another program wrote: the stamp moved while this process wrote nothing; or it moved and
    # the last full read is old (our writes in the same minutes hid theirs).
    stale = time.monotonic() - book.loaded_at > FULL_READ_AFTER_S
    elsewhere = stamp != book.stamp and (not request.local_writes or stale)
    moved = request.full or elsewhere or not book.loaded
    settings_moved = (book.default_minutes, book.tz, book.owner) != (
        request.default_minutes,
        request.tz,
        request.owner,
    )
    if moved or settings_moved:
        book.tz, book.default_minutes = request.tz, request.default_minutes
        book.owner = request.owner
        book.load(request.now)
        moved = True
    elif request.client_ids:
        book.refresh(request.now, request.client_ids)
        moved = True
    book.stamp = stamp
    result = book.check(request.now)
    wanted = moved or request.report or bool(result.firing)
    report = due_report(request.now, request.tz, owner=request.owner) if wanted else None
    return CheckResult(request.serial, request.now, result, report)


def _took_in(book: ReminderBook | None, occurrences: Sequence[Occurrence], now: datetime) -> None:
    """The book reads again what our own write (a claim, a confirmation, a record) changed."""
    if book is not None:
        book.refresh(now, {o.client_id for o in occurrences})
        book.stamp = notebook_stamp()


def run_record(
    occurrences: tuple[Occurrence, ...], now: datetime, book: ReminderBook | None = None
) -> RecordResult:
    changed = mark_fired(occurrences, now)
    _took_in(book, occurrences, now)
    return RecordResult(tuple(o.key for o in occurrences), changed)


def run_confirm(claim_made: Claim, now: datetime, book: ReminderBook | None = None) -> Changed:
    changed = confirm_shown(claim_made)
    _took_in(book, claim_made.won, now)
    return changed


@dataclass(frozen=True)
class ClaimResult:
    """What a claim won (``claim`` None: it could not be written; ``error`` says why)."""

    asked: tuple[Occurrence, ...]
    now: datetime
    claim: Claim | None
    error: str = ""


def run_claim(
    occurrences: tuple[Occurrence, ...], now: datetime, book: ReminderBook | None = None
) -> ClaimResult:
    won = claim(occurrences, now)
    _took_in(book, occurrences, now)
    return ClaimResult(occurrences, now, won)


class ReminderEngine(QObject):
    """Decides when to look, shows what is due through the router, records it as fired."""

    #: The latest "what needs attention" (for the tray's badge, tooltip and menu).
    reportReady = Signal(object)  # DueReport
    #: Reminders paused until this instant, or None when they run.
    pausedChanged = Signal(object)
    #: How many pop-ups a check produced (a batch counts as one).
    popups = Signal(int)

    def __init__(
        self,
        notebook: Notebook,
        router: ReminderRouter,
        *,
        threaded: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._notebook = notebook
        self._router = router
        self._settings: Settings = load_settings()
        self._paused_until: datetime | None = None
        self._missed_pending = True  # the first shown batch is "while you were away"
        self._serial = 0
        self._busy = False
        self._again = False
        self._running = False
        #: Shown but not yet confirmed recorded: never shown twice meanwhile.
        self._unrecorded: dict[tuple[str, int, str], Occurrence] = {}
        #: Being claimed (asked of the worker, no answer yet): not asked for again meanwhile.
        self._claiming: set[tuple[str, int, str]] = set()
        #: Shown under a claim whose confirmation could not be written yet (retried).
        self._unconfirmed: dict[str, Claim] = {}
        self._record_failed_at: datetime | None = None
        self.next_check_at: datetime | None = None

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(CHANGE_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.check_now)
        notebook.changed.connect(self._on_notebook_changed)

        # Checks and records run on a worker (its own connection); ``threaded=False`` runs
        # them at once on the caller's thread (tests). The book holds what a check read, so a
        # steady check touches only what changed; only the worker's jobs use it.
        self._worker = Worker("reminders", self, inline=not threaded)
        self._book = ReminderBook(
            notebook.tz,
            self._settings.remind_before_minutes,
            whose_reminders(self._settings.everyones_reminders),
        )
        self._full = True
        self._dirty: set[int] = set()
        self._local_writes = False
        self._report_day: date | None = None

    # --- API ------------------------------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def paused_until(self) -> datetime | None:
        return self._paused_until

    def start(self) -> None:
        """Begin: the first check shows what came due while ckbook was closed."""
        self._running = True
        self.check_now()

    def stop(self) -> None:
        self._running = False
        self._timer.stop()
        self._debounce.stop()
        self._worker.stop(5.0)

    def check_now(self) -> None:
        """Look now (coalesced: one check at a time, one more if asked meanwhile)."""
        if not self._running:
            return
        if self._busy:
            self._again = True
            return
        self._busy = True
        self._serial += 1
        now = self._notebook.now()
        day = now.astimezone(self._notebook.tz).date()
        request = CheckRequest(
            self._serial,
            now,
            self._notebook.tz,
            self._settings.remind_before_minutes,
            full=self._full,
            client_ids=tuple(sorted(self._dirty)),
            local_writes=self._local_writes,
            report=day != self._report_day,
            owner=whose_reminders(self._settings.everyones_reminders),
        )
        self._full, self._dirty, self._local_writes = False, set(), False
        self._report_day = day
        self._worker.run(
            run_check,
            request,
            self._book,
            done=self._on_worker_checked,
            failed=self._on_worker_failed,
        )

    def pause(self, length: timedelta = PAUSE) -> None:
        """Hold pop-ups for a while ("Pause reminders for 1 hour")."""
        self._paused_until = self._notebook.now() + length
        self.pausedChanged.emit(self._paused_until)
        self.check_now()

    def resume(self) -> None:
        self._paused_until = None
        self.pausedChanged.emit(None)
        self.check_now()

    def held_until(self, now: datetime) -> datetime | None:
        """Until when pop-ups are held (pause, quiet hours), or None when they may show."""
        holds = [quiet_until(now, self._notebook.tz, self._settings.quiet_hours)]
        if self._paused_until is not None:
            if self._paused_until > now:
                holds.append(self._paused_until)
            else:
                self._paused_until = None
                self.pausedChanged.emit(None)
        found = [h for h in holds if h is not None]
        return max(found) if found else None

    # --- a check came back ---------------------------------------------------------------------

    def _on_worker_checked(self, result: CheckResult) -> None:
        self._busy = False
        if not self._running:
            return
        if result.report is not None:
            self.reportReady.emit(result.report)
        now = self._notebook.now()
        firing = [
            o
            for o in result.check.firing
            if o.key not in self._unrecorded and o.key not in self._claiming
        ]
        held = self.held_until(now)
        if not firing:
            if not self._claiming:
                self._missed_pending = False  # nothing was missed: later ones are not "away"
        elif held is None:
            self._claim(tuple(firing), now)
        if self._unrecorded and self._record_failed_at is not None:
            self._record(tuple(self._unrecorded.values()), now)  # retry after a storage error
        for unconfirmed in list(self._unconfirmed.values()):
            self._confirm(unconfirmed)  # retry after a storage error
        # While held, nothing can show before the hold ends: wake then.
        wake = result.check.next_wake if held is None else held
        self._schedule(wake, now)
        if self._again:
            self._again = False
            self.check_now()

    def _claim(self, firing: tuple[Occurrence, ...], now: datetime) -> None:
        self._claiming.update(o.key for o in firing)
        self._worker.run(
            run_claim,
            firing,
            now,
            self._book,
            done=self._on_worker_claimed,
            failed=lambda failure: self._on_worker_claimed(
                ClaimResult(firing, now, None, failure.text)
            ),
        )

    def _on_worker_claimed(self, result: ClaimResult) -> None:
        self._claiming.difference_update(o.key for o in result.asked)
        if not self._running:
            return
        if result.claim is None:
            # The log cannot be written (disk full, read-only): showing wins over recording, so
            # nothing is lost; kept in memory and recorded once the log can be written.
            self._show(result.asked)
            self._record(result.asked, result.now)
            return
        if result.claim.won:
            self._show(result.claim.won)
            self._confirm(result.claim)
        self._missed_pending = False  # another process showed the batch: later ones are not "away"

    def _stays(self, firing: Sequence[Occurrence]) -> bool:
        """A batch stays until seen when any reminder in it would."""
        return any(self._settings.stays_until_seen(o.kind) for o in firing)

    def _confirm(self, claim_made: Claim) -> None:
        self._unconfirmed[claim_made.token] = claim_made
        self._worker.run(
            run_confirm,
            claim_made,
            self._notebook.now(),
            self._book,
            done=lambda _changed: self._on_worker_confirmed(claim_made.token),
            # Retried at the next check. Until confirmed, the claim keeps other processes off
            # for its lease; after that one of them may show it again (the one double this
            # allows, and only while the log cannot be written).
            failed=lambda failure: log.warning(
                "shown reminders not confirmed: %s; will retry", failure.text
            ),
        )

    def _on_worker_confirmed(self, token: str) -> None:
        self._unconfirmed.pop(token, None)

    def _show(self, firing: Sequence[Occurrence]) -> None:
        if self._missed_pending:
            self._router.show_batch(
                missed_summary(firing), _batch_body(firing), "missed", stay=self._stays(firing)
            )
            count = 1
        elif len(firing) > BURST_LIMIT:
            title = f"{summarise(firing)}"
            self._router.show_batch(
                title[:1].upper() + title[1:],
                _batch_body(firing),
                "burst",
                stay=self._stays(firing),
            )
            count = 1
        else:
            for occurrence in firing:
                stay = self._settings.stays_until_seen(occurrence.kind)
                self._router.show_occurrence(occurrence, stay=stay)
            count = len(firing)
        self._missed_pending = False
        self.popups.emit(count)

    def _record(self, occurrences: tuple[Occurrence, ...], now: datetime) -> None:
        for occurrence in occurrences:
            self._unrecorded[occurrence.key] = occurrence
        keys = tuple(o.key for o in occurrences)
        self._worker.run(
            run_record,
            occurrences,
            now,
            self._book,
            done=self._on_worker_recorded,
            failed=lambda failure: self._on_worker_recorded(RecordResult(keys, None, failure.text)),
        )

    def _on_worker_recorded(self, result: RecordResult) -> None:
        if result.error:
            # Keep them in memory (no repeat this session) and try again at the next check;
            # say so once per outage, not at every retry.
            if self._record_failed_at is None:
                self._notebook.message.emit(
                    "error",
                    tr("Reminders shown but not recorded: {why}. Will retry.").format(
                        why=result.error
                    ),
                )
            self._record_failed_at = self._notebook.now()
            return
        self._record_failed_at = None
        for key in result.keys:
            self._unrecorded.pop(key, None)

    def _on_worker_failed(self, failure: Failure) -> None:
        self._busy = False
        log.warning("reminder check failed: %s", failure.text)
        self._schedule(None, self._notebook.now())
        if self._again:
            self._again = False
            self.check_now()

    # --- when to look next ---------------------------------------------------------------------

    def _schedule(self, wake: datetime | None, now: datetime) -> None:
        if not self._running:
            return
        delay_ms = RECHECK_MS
        if wake is not None:
            # Round up and add a hair, so the timer never wakes just before the instant.
            until_ms = math.ceil((wake - now).total_seconds() * 1000) + 20
            delay_ms = min(RECHECK_MS, max(50, until_ms))
        self.next_check_at = now + timedelta(milliseconds=delay_ms)
        self._timer.start(delay_ms)

    def _on_timer_timeout(self) -> None:
        self.check_now()

    def _on_notebook_changed(self, changed: Changed) -> None:
        self._local_writes = True
        if changed.kind == "settings":
            self._settings = load_settings()
            self._full = True
            self.check_now()
        elif changed.text_only:
            return  # a note's text (a call-note autosave) makes nothing due
        elif changed.kind != "reminder" or changed.detail in ("snoozed", "done", ELSEWHERE):
            if changed.client_ids:
                self._dirty.update(changed.client_ids)
            else:
                self._full = True
            # Not after recording fired reminders (our own change), but after a snooze or "done"
            # from Today, a pop-up or another process, so the tray's list and badge leave that
            # item out at once.
            self._debounce.start()


def _batch_body(firing: Sequence[Occurrence]) -> str:
    lines = [f"• {o.body}" for o in firing[:BATCH_LINES]]
    if len(firing) > BATCH_LINES:
        more = len(firing) - BATCH_LINES
        lines.append(tr("and %n more — open ckbook to see them all", "", more))

    return "\n".join(lines)
