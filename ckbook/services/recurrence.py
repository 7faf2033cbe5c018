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
    """Plain words for a rule, in the user's language: "every Monday", "every other Friday",
    "every weekday", "every month on the 1st", "every quarter (on its last day)"."""
    parts = _parts(rule)
    freq = parts.get("FREQ", "")
    interval = int(parts.get("INTERVAL", "1") or 1)
    days = parts.get("BYDAY", "")
    month_day = parts.get("BYMONTHDAY", "")
    if freq == "YEARLY" and parts.get("BYMONTH") == "3,6,9,12":
        text = tr("every quarter (on its last day)") if month_day == "-1" else tr("every quarter")
    elif freq == "WEEKLY" and days == _WEEKDAYS_RULE and interval == 1:
        text = tr("every weekday")
    elif freq == "WEEKLY" and days:
        names = _day_names(days.split(","))
        if interval == 1:
            text = tr("every {days}", "weekdays").format(days=names)
        elif interval == 2:
            text = tr("every other {days}", "weekdays").format(days=names)
        else:
            text = tr("every {n} {days}", "weekdays").format(n=interval, days=names)
    else:
        text = _every(freq, interval)
        if month_day:
            day = int(month_day)
            on = tr("the last day", "of the month") if day == -1 else _ordinal(day)
            text = tr("{every} on the {day}", "of the month").format(every=text, day=on)
    if "UNTIL" in parts:
        until = parts["UNTIL"][:8]
        text = tr("{rule} until {date}").format(
            rule=text, date=f"{until[:4]}-{until[4:6]}-{until[6:8]}"
        )
    return text


def _every(freq: str, interval: int) -> str:
    """ "every week", "every other month", "every 3 days" — whole phrases, as a language's
    words for every/other agree with the unit."""
    if freq == "DAILY":
        if interval <= 2:
            return tr("every day") if interval == 1 else tr("every other day")
        return tr("every %n days", "", interval)
    if freq == "WEEKLY":
        if interval <= 2:
            return tr("every week") if interval == 1 else tr("every other week")
        return tr("every %n weeks", "", interval)
    if freq == "MONTHLY":
        if interval <= 2:
            return tr("every month") if interval == 1 else tr("every other month")
        return tr("every %n months", "", interval)
    if freq == "YEARLY":
        if interval <= 2:
            return tr("every year") if interval == 1 else tr("every other year")
        return tr("every %n years", "", interval)
    return f"every {interval} {freq.lower()}"  # no rule ckbook reads or writes


def _day_names(codes: list[str]) -> str:
    names = {
        "MO": tr("Monday"),
        "TU": tr("Tuesday"),
        "WE": tr("Wednesday"),
        "TH": tr("Thursday"),
        "FR": tr("Friday"),
        "SA": tr("Saturday"),
        "SU": tr("Sunday"),
    }
    shown = [names.get(code, code) for code in codes]
    text = shown[0]
    for name in shown[1:]:
        text = tr("{days} and {day}").format(days=text, day=name)
    return text


def _ordinal(day: int) -> str:
    """``1st``, ``2nd``, ``23rd``, ``11th`` (a day of the month) in the user's language."""
    if 11 <= day % 100 <= 13 or day % 10 not in (1, 2, 3):
        return tr("{n}th", "ordinal").format(n=day)
    if day % 10 == 1:
        return tr("{n}st", "ordinal").format(n=day)
    if day % 10 == 2:
        return tr("{n}nd", "ordinal").format(n=day)
    return tr("{n}rd", "ordinal").format(n=day)
