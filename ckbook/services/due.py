"""What a promise's due is: a local date, with an optional local time of day.

A date-only due is due at the end of that day, so it is overdue from the next day on. A timed due is
due at that local time. The instant is computed in the local zone by ``clock.local_instant``, so
daylight-saving days work one way everywhere: a time in the spring-forward gap is moved forward
by the gap (``on_the_clock`` says to what; dues are read that way), a time in the autumn overlap
is its first occurrence.

A due is typed with a year in ``limits.YEARS`` (``from_iso`` and the phrase reader refuse others);
one stored out of range by an earlier release still has a deadline: the farthest instant a
datetime can hold, so reading it never raises.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from ckbook.i18n import tr
from ckbook.services.clock import local_instant, on_the_clock
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
                return local_instant(self.date + timedelta(days=1), time(0, 0), tz)
            return local_instant(self.date, self.time, tz)
        except OverflowError:
            return FAR_PAST if self.date.year < 5000 else FAR_FUTURE

    def on_the_clock(self, tz: tzinfo) -> Due:
        """This due as the wall clock in ``tz`` shows the moment it comes due: a time inside a
        daylight-saving gap moved forward by the gap (02:30 -> 03:30); anything else as is."""
        if self.time is None or not self.in_range:
            return self
        try:
            moment = on_the_clock(self.date, self.time, tz)
        except OverflowError:
            return self
        resolved = Due(moment.date(), moment.time().replace(tzinfo=None))
        return self if resolved == self else resolved

    def to_json(self) -> str:
        """``YYYY-MM-DD`` without a time, ``YYYY-MM-DDTHH:MM`` (local) with one."""
        if self.time is None:
            return self.date.isoformat()
        return f"{self.date.isoformat()}T{self.time.strftime('%H:%M')}"

    def describe(self) -> str:
        """Human text, e.g. ``Fri 20 Nov 2026`` or ``Fri 20 Nov 2026 15:00``."""
        from ckbook.services import dates  # dates reads Due

        return dates.due_words(self)

    @classmethod
    def from_iso(cls, value: str) -> Due:
        """Read ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM``; raises ValueError naming the value."""
        value = value.strip()
        try:
            if "T" in value or " " in value:
                moment = datetime.fromisoformat(value)
                if moment.tzinfo is not None:
                    raise ValueError(tr("a due is local time; leave out the offset"))
                due = cls(moment.date(), moment.time().replace(second=0, microsecond=0))
            else:
                due = cls(date.fromisoformat(value))
        except ValueError as exc:
            raise ValueError(
                tr("{value!r} is not an ISO date or local date-time ({why})").format(
                    value=value, why=exc
                )
            ) from None
        if not due.in_range:
            raise ValueError(
                tr("{value!r} is out of range: the year must be {years}").format(
                    value=value, years=YEARS.describe()
                )
            )
        return due


def utc(instant: datetime) -> datetime:
    return instant.astimezone(UTC)
