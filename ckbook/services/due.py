"""What a promise's due is: a local date, with an optional local time of day.

A date-only due is due at the end of that day, so it is overdue from the next day on. A timed due is
due at that local time. The instant is computed in the local zone, so daylight-saving days work.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo


@dataclass(frozen=True, order=True)
class Due:
    date: date
    time: time | None = None

    @property
    def has_time(self) -> bool:
        return self.time is not None

    def deadline(self, tz: tzinfo) -> datetime:
        """The UTC instant from which the promise is overdue."""
        if self.time is None:
            local = datetime.combine(self.date + timedelta(days=1), time(0, 0), tzinfo=tz)
        else:
            local = datetime.combine(self.date, self.time, tzinfo=tz)
        return local.astimezone(UTC)

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
                return cls(moment.date(), moment.time().replace(second=0, microsecond=0))
            return cls(date.fromisoformat(value))
        except ValueError as exc:
            raise ValueError(f"{value!r} is not an ISO date or local date-time ({exc})") from None


def utc(instant: datetime) -> datetime:
    return instant.astimezone(UTC)
