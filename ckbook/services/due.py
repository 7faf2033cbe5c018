"""What a promise's due is: a local date, with an optional local time of day.

A date-only due is due at the end of that day, so it is overdue from the next day on. A timed due is
due at that local time. The instant is computed in the local zone, so daylight-saving days work.

A due is typed with a year in ``limits.YEARS`` (``from_iso`` and the phrase reader refuse others);
one stored out of range by an earlier release still has a deadline: the farthest instant a
datetime can hold, so reading it never raises.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from ckbook.services.limits import YEARS

#: The deadlines of dues too far out to compute (stored by an earlier release).
FAR_PAST = datetime.min.replace(tzinfo=UTC)
FAR_FUTURE = datetime.max.replace(tzinfo=UTC)


@dataclass(frozen=True, order=True)
class Due:
    date: date
    time: time | None = None

    @property
    def has_time(self) -> bool:
        return self.time is not None

    @property
    def in_range(self) -> bool:
        """Whether its year is one a person may type (``limits.YEARS``)."""
        return self.date.year in YEARS

    def deadline(self, tz: tzinfo) -> datetime:
        """The UTC instant from which the promise is overdue (clipped to ``FAR_PAST`` or
        ``FAR_FUTURE`` for a due near year 1 or 9999, which no instant can hold)."""
        try:
            if self.time is None:
                local = datetime.combine(self.date + timedelta(days=1), time(0, 0), tzinfo=tz)
            else:
                local = datetime.combine(self.date, self.time, tzinfo=tz)
            return local.astimezone(UTC)
        except OverflowError:
            return FAR_PAST if self.date.year < 5000 else FAR_FUTURE

    def to_json(self) -> str:
        """``YYYY-MM-DD`` without a time, ``YYYY-MM-DDTHH:MM`` (local) with one."""
        if self.time is None:
            return self.date.isoformat()
        return f"{self.date.isoformat()}T{self.time.strftime('%H:%M')}"

    def describe(self) -> str:
        """Human text, e.g. ``Fri 20 Nov 2026`` or ``Fri 20 Nov 2026 15:00``."""
        text = self.date.strftime("%a %d %b %Y")
        if self.time is not None:
            text += self.time.strftime(" %H:%M")
        return text

    @classmethod
    def from_iso(cls, value: str) -> Due:
        """Read ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM``; raises ValueError naming the value."""
        value = value.strip()
        try:
            if "T" in value or " " in value:
                moment = datetime.fromisoformat(value)
                if moment.tzinfo is not None:
                    raise ValueError("a due is local time; leave out the offset")
                due = cls(moment.date(), moment.time().replace(second=0, microsecond=0))
            else:
                due = cls(date.fromisoformat(value))
        except ValueError as exc:
            raise ValueError(f"{value!r} is not an ISO date or local date-time ({exc})") from None
        if not due.in_range:
            raise ValueError(f"{value!r} is out of range: the year must be {YEARS.describe()}")
        return due


def utc(instant: datetime) -> datetime:
    return instant.astimezone(UTC)
