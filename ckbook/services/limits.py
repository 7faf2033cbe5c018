"""The ranges a number or date typed by a person must fall in: one place for the command line, the
services and the due reader.

Writing is strict: a value outside its range is refused with one line naming the field and the
range, before anything is written (a check-in every 10**18 days or a promise due in year 9999
would overflow a date computation later). Reading is lenient: a row stored out of range by an
earlier release is clipped into range where it is used (``clip``; logged once per value), so one
bad row never stops the client list, the due report or the reminders of every other row.

The due years are fixed (1900–2199), not relative to today: a due that was valid when typed stays
valid, and ``Due.from_iso`` needs no clock. They match the years the due phrase reader takes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from ckbook.i18n import tr
from ckbook.services.base import MAX_ID, InputError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Range:
    """Whole numbers from ``low`` to ``high`` (both included) of ``unit``, called ``what``."""

    what: str
    low: int
    high: int
    unit: str = ""

    def describe(self) -> str:
        """``1 to 3650 days``, in the user's language."""
        unit = f" {label(self.unit)}" if self.unit else ""
        return tr("{low} to {high}{unit}").format(low=self.low, high=self.high, unit=unit)

    def __contains__(self, value: object) -> bool:
        return (
            isinstance(value, int)
            and not isinstance(value, bool)
            and self.low <= value <= self.high
        )

    def check(self, value: int, option: str = "") -> int:
        """``value`` when in range; else InputError naming the field (after ``option``, the
        command-line option it came from, when given) and the range."""
        if value not in self:
            where = f"{option}: " if option else ""
            raise InputError(
                tr("{where}{what} must be {allowed}, not {value!r}").format(
                    where=where, what=label(self.what), allowed=self.describe(), value=value
                )
            )
        return value

    def check_optional(self, value: int | None, option: str = "") -> int | None:
        return None if value is None else self.check(value, option)

    def clip(self, value: int) -> int:
        """A stored value read into range (logged once per value); in-range values unchanged."""
        if self.low <= value <= self.high:
            return value
        clipped = min(max(value, self.low), self.high)
        unit = f" {self.unit}" if self.unit else ""
        _warn_once(
            f"a {self.what} of {value}{unit} is stored, out of range ({self.describe()}; an "
            f"earlier release let it in): read as {clipped}{unit}; set it again to fix it"
        )
        return clipped


CHECKIN_DAYS = Range("check-in cadence", 1, 3650, "days")
RESPONSE_HOURS = Range("expected response time", 1, 24 * 365, "hours")
REMIND_BEFORE_MINUTES = Range("remind before", 0, 7 * 24 * 60, "minutes")
NOTE_DURATION_SECONDS = Range("note duration", 0, 7 * 24 * 3600, "seconds")
YEARS = Range("year", 1900, 2199)
#: ``ckbook due --within``: promises due this many days ahead.
WITHIN_DAYS = Range("days ahead", 0, 3650)
#: ``ckbook search --limit``.
SEARCH_LIMIT = Range("number of hits", 1, 10_000)
IDS = Range("id", 1, MAX_ID)


def check_date(day: date, what: str = "due") -> date:
    """``day`` when its year is in ``YEARS``; else InputError naming ``what`` and the range."""
    if day.year not in YEARS:
        raise InputError(
            tr("{what} {date} is out of range: the year must be {years}").format(
                what=label(what), date=day.isoformat(), years=YEARS.describe()
            )
        )
    return day


def label(word: str) -> str:
    """A range's name or unit (and check_date's ``what``) in the user's language; a word this
    module does not name is returned as given (the caller translated it)."""
    labels = {
        "check-in cadence": tr("check-in cadence"),
        "expected response time": tr("expected response time"),
        "remind before": tr("remind before"),
        "note duration": tr("note duration"),
        "year": tr("year"),
        "days ahead": tr("days ahead"),
        "number of hits": tr("number of hits"),
        "id": tr("id"),
        "due": tr("due", "noun"),
        "days": tr("days", "unit"),
        "hours": tr("hours", "unit"),
        "minutes": tr("minutes", "unit"),
        "seconds": tr("seconds", "unit"),
    }
    return labels.get(word, word)


_warned: set[str] = set()


def _warn_once(message: str) -> None:
    if message not in _warned:
        _warned.add(message)
        log.warning("%s", message)


def warn_bad_row(what: str, row_id: int, exc: Exception) -> None:
    """A stored row that cannot be used (skipped by the caller): logged once, never raised."""
    _warn_once(f"{what} {row_id} skipped: {exc}")
