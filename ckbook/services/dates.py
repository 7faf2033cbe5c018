"""How ckbook writes a date for people: one style, relative where it reads better.

- Within a week of today a day is said relative to it: "today", "tomorrow", "yesterday",
  "in 3 days", "3 days ago"; an open promise's due past is "3 days late".
- Farther away it is the day and month, the year only when it is not this year: "6 Nov",
  "6 Nov 2025"; the long form adds the weekday ("Fri 6 Nov"), for where there is room.
- A time of day follows as "15:00" (24-hour, as the due reader writes it back).

Pure functions of the date, "today" (or "now") and the zone: no clock, no Qt, no locale (the
window is English only for now).
"""

from __future__ import annotations

from datetime import date, datetime, time, tzinfo

from ckbook.services.due import Due

#: A day this many days away or nearer is said relative to today.
RELATIVE_DAYS = 6


def short_day(day: date, today: date) -> str:
    """``6 Nov``, or ``6 Nov 2025`` when not this year."""
    text = f"{day.day} {day:%b}"
    return text if day.year == today.year else f"{text} {day.year}"


def long_day(day: date, today: date) -> str:
    """``Fri 6 Nov``, or ``Thu 6 Nov 2025`` when not this year."""
    return f"{day:%a} {short_day(day, today)}"


def relative_day(day: date, today: date) -> str | None:
    """``today``, ``tomorrow``, ``yesterday``, ``in 3 days``, ``3 days ago``; None when the day
    is more than a week away."""
    days = (day - today).days
    if abs(days) > RELATIVE_DAYS:
        return None
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {days} days" if days > 0 else f"{-days} days ago"


def clock_time(moment: time) -> str:
    return f"{moment:%H:%M}"


def day_text(day: date, today: date, *, long: bool = False) -> str:
    """The day relative to today when near, else its short (or long) form."""
    near = relative_day(day, today)
    if near is not None:
        return near
    return long_day(day, today) if long else short_day(day, today)


def moment_text(instant: datetime, now: datetime, tz: tzinfo, *, long: bool = False) -> str:
    """An instant in local time: ``today 15:00``, ``yesterday 09:30``, else its day and time
    (``Mon 16 Nov 18:00``, ``6 Nov 2025 12:00``): "3 days ago 09:30" would not read well."""
    local = instant.astimezone(tz)
    today = now.astimezone(tz).date()
    near = relative_day(local.date(), today)
    if near is None or abs((local.date() - today).days) > 1:
        near = long_day(local.date(), today) if long else short_day(local.date(), today)
    return f"{near} {clock_time(local.time())}"


def overdue_since(day: date, today: date) -> str:
    """Since when something is overdue: ``due today``, ``due 3 days ago``, ``due since Wed 18
    Feb``."""
    near = relative_day(day, today)
    return f"due {near}" if near is not None else f"due since {long_day(day, today)}"


def since_text(instant: datetime, now: datetime, tz: tzinfo) -> str:
    """When something last happened, by the day: ``today``, ``3 days ago``, ``6 Nov``."""
    return day_text(instant.astimezone(tz).date(), now.astimezone(tz).date())


def due_text(
    due: Due, now: datetime, tz: tzinfo, *, long: bool = False, compact: bool = False
) -> str:
    """An open promise's due: ``today 15:00``, ``tomorrow``, ``in 3 days``, ``25 Nov 17:30``;
    past: ``late since 09:00`` (today), ``3 days late``, ``late since 28 Jan 2024`` (more than a
    week). ``compact`` (a narrow column that colours what is late): a due more than a week late,
    or late today, is just its day (``3 May``, ``today 09:00``)."""
    today = now.astimezone(tz).date()
    days = (due.date - today).days
    at = f" {clock_time(due.time)}" if due.time is not None else ""
    if days < -RELATIVE_DAYS:
        day = short_day(due.date, today)
        return day if compact else f"late since {day}"
    if days < 0:
        return f"{-days} day{'s' if days != -1 else ''} late"
    if days == 0 and due.time is not None and now.astimezone(tz).time() > due.time and not compact:
        return f"late since {clock_time(due.time)}"
    if days > 1 and at:  # "in 3 days, 17:00"
        near = relative_day(due.date, today)
        if near is not None:
            return f"{near},{at}"
    return f"{day_text(due.date, today, long=long)}{at}"
