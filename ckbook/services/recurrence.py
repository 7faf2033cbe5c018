"""Recurring promises: the repeat rule as an RFC 5545 RRULE value, its occurrences, its words.

A recurring promise stores its rule ("FREQ=WEEKLY;BYDAY=MO") beside its due, and its due is always
the occurrence that is current: reminders key on the due (``reminder_rules``), so each occurrence
reminds once; keeping (or breaking) it records that occurrence and moves the due to the next one
(``promises.close_promise``). The rule carries no DTSTART: the current due is the start, so the
next occurrence is simply the rule's first one after it. dateutil's ``rrule`` does the calendar
work; this module only frames it in local wall time (a due is a local date and time).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from dateutil.rrule import rrulestr

from ckbook.i18n import tr
from ckbook.services.due import Due

_DAYS = {"MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday", "FR": "Friday",
         "SA": "Saturday", "SU": "Sunday"}  # fmt: skip
_WEEKDAYS_RULE = "MO,TU,WE,TH,FR"
#: How far ahead a rule's next occurrence is looked for; past it the series has ended.
_HORIZON = timedelta(days=3 * 366)


def _parts(rule: str) -> dict[str, str]:
    parts: dict[str, str] = {}
    for item in rule.split(";"):
        name, _, value = item.partition("=")
        parts[name.upper()] = value
    return parts


def check_rule(rule: str) -> str:
    """The rule as stored (upper-case, no DTSTART); ValueError naming it when dateutil cannot
    read it."""
    cleaned = rule.strip().upper()
    if cleaned.startswith("RRULE:"):
        cleaned = cleaned[6:]
    if not cleaned or "DTSTART" in cleaned or "FREQ=" not in cleaned:
        raise ValueError(
            tr("{rule!r} is not a repeat rule (RRULE), e.g. FREQ=WEEKLY;BYDAY=MO").format(rule=rule)
        )
    try:
        rrulestr(cleaned, dtstart=datetime(2000, 1, 3))
    except (ValueError, TypeError) as exc:
        raise ValueError(
            tr("{rule!r} is not a repeat rule (RRULE): {why}").format(rule=rule, why=exc)
        ) from None
    return cleaned


def _start(due: Due) -> datetime:
    return datetime.combine(due.date, due.time or time(0, 0))


def occurrences_after(
    rule: str, after: datetime, start: datetime, inclusive: bool
) -> datetime | None:
    """The rule's first occurrence (starting at ``start``) at or after ``after``; None past the
    horizon or the rule's end."""
    series = rrulestr(rule, dtstart=start)
    found: datetime | None = series.after(after, inc=inclusive)
    if found is None or found - after > _HORIZON:
        return None
    return found


def next_occurrence(rule: str, current: Due) -> Due | None:
    """The occurrence after ``current`` (the promise's due); None when the series has ended."""
    start = _start(current)
    found = occurrences_after(rule, start, start, inclusive=False)
    if found is None:
        return None
    return Due(found.date(), current.time)


def first_occurrence(rule: str, today: date, clock: time | None, now: time) -> Due | None:
    """The first occurrence from today on: today counts when it is on the rule and, for a timed
    one, its time is still ahead."""
    start = datetime.combine(today, clock or time(0, 0))
    after = datetime.combine(today, now if clock is not None else time(0, 0))
    found = occurrences_after(rule, after, start, inclusive=clock is None)
    if found is None:
        return None
    return Due(found.date(), clock)


def describe(rule: str) -> str:
    """Plain words for a rule: "every Monday", "every 2 weeks on Friday", "every weekday",
    "every month on the 1st", "every quarter (last day)"."""
    parts = _parts(rule)
    freq = parts.get("FREQ", "")
    interval = int(parts.get("INTERVAL", "1") or 1)
    days = parts.get("BYDAY", "")
    month_day = parts.get("BYMONTHDAY", "")
    every = "every" if interval == 1 else ("every other" if interval == 2 else f"every {interval}")
    unit_words = {"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"}
    unit = unit_words.get(freq, freq.lower())
    if freq == "YEARLY" and parts.get("BYMONTH") == "3,6,9,12":
        text = "every quarter"
        if month_day == "-1":
            text += " (on its last day)"
    elif freq == "WEEKLY" and days == _WEEKDAYS_RULE and interval == 1:
        text = "every weekday"
    elif freq == "WEEKLY" and days:
        names = " and ".join(_DAYS.get(d, d) for d in days.split(","))
        text = f"{every} {names}"
    elif month_day:
        day = int(month_day)
        text = f"{every} {unit} on the {'last day' if day == -1 else _ordinal(day)}"
    else:
        text = f"{every} {unit}" if interval <= 2 else f"{every} {unit}s"
    if "UNTIL" in parts:
        until = parts["UNTIL"][:8]
        text += f" until {until[:4]}-{until[4:6]}-{until[6:8]}"
    return text


def _ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"
