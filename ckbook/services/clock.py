"""The one clock: what "now" is, which time zone is local, and how a local wall time becomes an
instant.

Every rule takes ``now`` as an argument; use-cases and the UI get it from a ``Clock`` so tests and
``--now`` can pin it. Instants are timezone-aware UTC; the local zone is an IANA zone so that
daylight-saving days are handled correctly.

Daylight saving (``local_instant``, used wherever a local date and time becomes an instant): a
wall time that does not exist, inside the spring-forward gap, is moved forward by the gap's
length, as the clocks were (02:30 on the last Sunday of March in Berlin is 03:30 summer time);
a wall time that happens twice, in the autumn overlap, is its first occurrence (02:30 summer
time). This is what Python's ``fold=0`` means; a due is stored and shown as the wall time it
resolves to (``Due.on_the_clock``), so every view shows the moment it comes due.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from time import monotonic
from typing import Protocol
from zoneinfo import ZoneInfo

from ckbook.i18n import tr
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
    ticks: Callable[[], float] = monotonic

    def __post_init__(self) -> None:
        self.start = as_utc(self.start, self.tz)
        self._origin = self.ticks()

    def now(self) -> datetime:
        return self.start + timedelta(seconds=self.ticks() - self._origin)


def instant_json(instant: datetime | None, tz: tzinfo) -> str | None:
    """How every instant appears in JSON output: local time in ``tz`` with its offset, to the
    minute (``2026-11-18T10:00+01:00``); None stays None. Stored instants are UTC; shown local."""
    return None if instant is None else instant.astimezone(tz).isoformat(timespec="minutes")


def local_instant(day: date, at: time, tz: tzinfo) -> datetime:
    """The UTC instant of the local wall time ``day`` ``at`` in ``tz``: a time in a
    daylight-saving gap moved forward by the gap, a time in an overlap its first occurrence
    (see the module docstring). The one place a local date and time becomes an instant."""
    wall = datetime.combine(day, at.replace(tzinfo=None), tzinfo=tz).replace(fold=0)
    return wall.astimezone(UTC)


def on_the_clock(day: date, at: time, tz: tzinfo) -> datetime:
    """The local wall time at which ``day`` ``at`` happens in ``tz`` (``local_instant``
    shown locally): the same time, except in a gap, where it is the moved time."""
    return local_instant(day, at, tz).astimezone(tz)


def as_utc(instant: datetime, tz: tzinfo) -> datetime:
    """An aware UTC instant; a naive one is read as local time in ``tz`` (``local_instant``)."""
    if instant.tzinfo is None:
        return local_instant(instant.date(), instant.time(), tz)
    return instant.astimezone(UTC)


def parse_now(value: str, tz: tzinfo, option: str = "--now") -> datetime:
    """Read a ``--now`` value (ISO date or date-time, local unless it carries an offset); its
    year must be in ``limits.YEARS``. ValueError naming ``option`` and the value."""
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(
            tr("{option}: {value!r} is not an ISO date or date-time").format(
                option=option, value=value
            )
        ) from None
    if parsed.year not in YEARS:
        raise ValueError(
            tr("{option}: {value!r} is out of range: the year must be {years}").format(
                option=option, value=value, years=YEARS.describe()
            )
        )
    return as_utc(parsed, tz)
