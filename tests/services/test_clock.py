"""The clocks: pinned, and pinned-then-running (``--now`` in the GUI)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from ckbook.services.clock import FixedClock, OffsetClock

BERLIN = ZoneInfo("Europe/Berlin")


class FakeTicks:
    def __init__(self) -> None:
        self.value = 1000.0

    def __call__(self) -> float:
        return self.value


def test_offset_clock_starts_at_the_pinned_instant_and_then_runs() -> None:
    ticks = FakeTicks()
    clock = OffsetClock(datetime(2026, 11, 18, 10, 0), BERLIN, ticks=ticks)
    assert clock.now() == datetime(2026, 11, 18, 9, 0, tzinfo=UTC)  # naive = local
    ticks.value += 90.5
    assert clock.now() == datetime(2026, 11, 18, 9, 1, 30, 500000, tzinfo=UTC)


def test_offset_clock_runs_in_real_time_by_default() -> None:
    clock = OffsetClock(datetime(2030, 1, 1, tzinfo=UTC), BERLIN)
    first = clock.now()
    assert first >= datetime(2030, 1, 1, tzinfo=UTC)
    assert clock.now() >= first
    assert first.tzinfo is UTC


def test_fixed_clock_stays_put_until_set() -> None:
    clock = FixedClock(datetime(2026, 11, 18, 10, 0, tzinfo=BERLIN), BERLIN)
    assert clock.now() == clock.now() == datetime(2026, 11, 18, 9, 0, tzinfo=UTC)
    clock.set(datetime(2026, 11, 18, 12, 0))
    assert clock.now() == datetime(2026, 11, 18, 11, 0, tzinfo=UTC)
