"""Python's cycle collector, run while the user is not typing.

With a 10,000-client notebook in memory a full collection walks every row object the views hold
and took 140-260 ms on the GUI thread, whenever allocation counts happened to trip it: while a
call note was typed, that was the longest stall (tests/perf/bench.py). So the automatic collector
is off while the window runs; this timer collects instead, the young generations after half a
second without input, a full collection after five, and any generation at once when garbage
piles up past a bound (memory is never held hostage to a user who types for an hour).
Objects alive once start-up is done are frozen out of every later collection (``gc.freeze``).
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from typing_extensions import override

#: Allocations (gc.get_count()[0]) tolerated before a young collection is due.
YOUNG_AFTER = 20_000
#: Young collections between two full ones.
FULL_AFTER = 50
#: Seconds without input before a young / a full collection runs.
QUIET_YOUNG_S = 0.5
QUIET_FULL_S = 5.0
#: Past this many pending allocations, collect even while the user types.
HARD_LIMIT = 2_000_000

_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.InputMethod,
    }
)


class IdleCollector(QObject):
    """Installed by the app once the window is up; ``stop`` gives the collector back."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._last_input = time.monotonic()
        self._young_runs = 0
        self.collections: list[tuple[int, float]] = []  # (generation, ms) of the last few
        gc.collect()
        gc.freeze()  # what start-up built stays: no later collection walks it again
        gc.disable()
        app.installEventFilter(self)
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._app.removeEventFilter(self)
        gc.unfreeze()
        gc.enable()

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self._last_input = time.monotonic()
        return False

    def _on_timer_timeout(self) -> None:
        pending = gc.get_count()[0]
        quiet = time.monotonic() - self._last_input
        if pending >= HARD_LIMIT:
            self._collect(2 if self._young_runs >= FULL_AFTER else 1)
        elif self._young_runs >= FULL_AFTER and quiet >= QUIET_FULL_S:
            self._collect(2)
        elif pending >= YOUNG_AFTER and quiet >= QUIET_YOUNG_S:
            self._collect(1)

    def _collect(self, generation: int) -> None:
        started = time.perf_counter()
        gc.collect(generation)
        self._young_runs = 0 if generation == 2 else self._young_runs + 1
        self.collections = [
            *self.collections[-9:],
            (generation, (time.perf_counter() - started) * 1000),
        ]
