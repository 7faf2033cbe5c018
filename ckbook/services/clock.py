"""The one clock: what "now" is and which time zone is local.

Every rule takes ``now`` as an argument; use-cases and the UI get it from a ``Clock`` so tests and
``--now`` can pin it. Instants are timezone-aware UTC; the local zone is an IANA zone so that
daylight-saving days are handled correctly.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Protocol
from zoneinfo import ZoneInfo

from ckbook.services.limits import YEARS


def local_zone() -> tzinfo:
    """The machine's IANA time zone (honours ``TZ``), falling back to UTC."""
    try:
        import tzlocal

        return tzlocal.get_localzone()
    except Exception:  # a broken /etc/localtime must not stop the app
        return ZoneInfo("UTC")


class Clock(Protocol):
    tz: tzinfo

    def now(self) -> datetime:
        """The current instant, timezone-aware UTC."""
        ...


@dataclass
class SystemClock:
    tz: tzinfo = field(default_factory=local_zone)

    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass
class FixedClock:
    """A clock pinned to one instant; ``advance`` moves it (tests, ``--now``)."""

    instant: datetime
    tz: tzinfo = field(default_factory=local_zone)

    def __post_init__(self) -> None:
        self.instant = as_utc(self.instant, self.tz)

    def now(self) -> datetime:
        return self.instant

    def set(self, instant: datetime) -> None:
        self.instant = as_utc(instant, self.tz)


@dataclass
class OffsetClock:
    """A clock that starts at a pinned instant and then runs in real time (``--now`` in the GUI,
    demos): reminders still come due while the app runs.

    Elapsed time is read from a monotonic counter, so a change of the machine's wall clock does
    not move this clock.
    """

    start: datetime
    tz: tzinfo = field(default_factory=local_zone)
    ticks: Callable[[], float] = time.monotonic

    def __post_init__(self) -> None:
        self.start = as_utc(self.start, self.tz)
        self._origin = self.ticks()

    def now(self) -> datetime:
        return self.start + timedelta(seconds=self.ticks() - self._origin)


def instant_json(instant: datetime | None, tz: tzinfo) -> str | None:
    """How every instant appears in JSON output: local time in ``tz`` with its offset, to the
    minute (``2026-11-18T10:00+01:00``); None stays None. Stored instants are UTC; shown local."""
    return None if instant is None else instant.astimezone(tz).isoformat(timespec="minutes")


def as_utc(instant: datetime, tz: tzinfo) -> datetime:
    """An aware UTC instant; a naive one is read as local time in ``tz``."""
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=tz)
    return instant.astimezone(UTC)


def parse_now(value: str, tz: tzinfo, option: str = "--now") -> datetime:
    """Read a ``--now`` value (ISO date or date-time, local unless it carries an offset); its
    year must be in ``limits.YEARS``. ValueError naming ``option`` and the value."""
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"{option}: {value!r} is not an ISO date or date-time") from None
    if parsed.year not in YEARS:
        raise ValueError(
            f"{option}: {value!r} is out of range: the year must be {YEARS.describe()}"
        )
    return as_utc(parsed, tz)
