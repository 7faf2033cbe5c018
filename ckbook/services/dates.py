"""How ckbook writes a date for people: one style, relative where it reads better.

- Within a week of today a day is said relative to it: "today", "tomorrow", "yesterday",
  "in 3 days", "3 days ago"; an open promise's due past is "3 days late".
- Farther away it is the day and month, the year only when it is not this year: "6 Nov",
  "6 Nov 2025"; the long form adds the weekday ("Fri 6 Nov"), for where there is room.
- A time of day follows as "15:00" (24-hour, as the due reader writes it back).

The words go through :func:`ckbook.i18n.tr` and month and weekday names come from the installed
locale (``i18n.month_abbreviation``): in German "6. Nov.", "Fr., 6. Nov.", "in 2 Tagen",
"vor 3 Tagen", "3 Tage überfällig". Every place that shows a date or a time to people (the
window, dialogs, the tray, the CLI's human output) writes it through this module.

Pure functions of the date, "today" (or "now") and the zone: no clock, no Qt.
"""

from __future__ import annotations

from datetime import date, datetime, time, tzinfo
from typing import TYPE_CHECKING

from ckbook.i18n import month_abbreviation, month_name, tr, weekday_abbreviation, weekday_name

if TYPE_CHECKING:  # due.py writes its own text through this module
    from ckbook.services.due import Due

#: A day this many days away or nearer is said relative to today.
RELATIVE_DAYS = 6


def short_day(day: date, today: date) -> str:
    """``6 Nov``, or ``6 Nov 2025`` when not this year (German: ``6. Nov.``)."""
    month = month_abbreviation(day.month)
    if day.year == today.year:
        return tr("{day} {month}", "a day of this year").format(day=day.day, month=month)
    return tr("{day} {month} {year}", "a day of another year").format(
        day=day.day, month=month, year=day.year
    )


def long_day(day: date, today: date) -> str:
    """``Fri 6 Nov``, or ``Thu 6 Nov 2025`` when not this year (German: ``Fr., 6. Nov.``)."""
    return tr("{weekday} {date}", "a weekday and its date").format(
        weekday=weekday_abbreviation(day.weekday()), date=short_day(day, today)
    )


def absolute_day(day: date, *, weekday: bool = False) -> str:
    """A day where no "today" is at hand (a record's date): ``6 Nov 2025``, ``Fri 6 Nov 2025``."""
    text = tr("{day} {month} {year}", "a day of another year").format(
        day=day.day, month=month_abbreviation(day.month), year=day.year
    )
    if not weekday:
        return text
    return tr("{weekday} {date}", "a weekday and its date").format(
        weekday=weekday_abbreviation(day.weekday()), date=text
    )


def absolute_moment(instant: datetime, tz: tzinfo, *, weekday: bool = True) -> str:
    """An instant in local time where no "now" is at hand: ``Wed 18 Nov 2026 10:00``."""
    local = instant.astimezone(tz)
    return _day_and_time(absolute_day(local.date(), weekday=weekday), local.time())


def due_words(due: Due, today: date | None = None) -> str:
    """A due as the reader reads it back: ``Thu 19 Nov``, ``Thu 19 Nov 17:00``, with the year
    when it is not ``today``'s (always, without ``today``)."""
    day = long_day(due.date, today) if today is not None else absolute_day(due.date, weekday=True)
    return day if due.time is None else _day_and_time(day, due.time)


def month_and_year(day: date) -> str:
    """``November 2026`` (a chart's month)."""
    return tr("{month} {year}", "a month of a year").format(
        month=month_name(day.month), year=day.year
    )


def full_day(day: date) -> str:
    """A page's heading: ``Wednesday 18 November`` (German: ``Mittwoch, 18. November``)."""
    return tr("{weekday} {day} {month}", "a heading's full date").format(
        weekday=weekday_name(day.weekday()), day=day.day, month=month_name(day.month)
    )


def relative_day(day: date, today: date) -> str | None:
    """``today``, ``tomorrow``, ``yesterday``, ``in 3 days``, ``3 days ago``; None when the day
    is more than a week away."""
    days = (day - today).days
    if abs(days) > RELATIVE_DAYS:
        return None
    if days == 0:
        return tr("today")
    if days == 1:
        return tr("tomorrow")
    if days == -1:
        return tr("yesterday")
    if days > 0:
        return tr("in %n days", "", days)
    past = -days
    return tr("%n days ago", "", past)


def clock_time(moment: time) -> str:
    return f"{moment:%H:%M}"


def _day_and_time(day: str, moment: time) -> str:
    return tr("{day} {time}", "a day and a time of day").format(day=day, time=clock_time(moment))


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
    return _day_and_time(near, local.time())


def until_text(instant: datetime, now: datetime, tz: tzinfo) -> str:
    """Until when something is put off (a snooze): ``15:00`` today, else ``tomorrow 09:00``,
    ``Fri 6 Nov 09:00``."""
    local = instant.astimezone(tz)
    if local.date() == now.astimezone(tz).date():
        return clock_time(local.time())
    return moment_text(instant, now, tz, long=True)


def overdue_since(day: date, today: date) -> str:
    """Since when something is overdue: ``due today``, ``due 3 days ago``, ``due since Wed 18
    Feb``."""
    days = (today - day).days
    if days <= 0:
        return tr("due today")
    if days == 1:
        return tr("due yesterday")
    if days <= RELATIVE_DAYS:
        return tr("due %n days ago", "", days)
    return tr("due since {day}").format(day=long_day(day, today))


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
    if days < -RELATIVE_DAYS:
        day = short_day(due.date, today)
        return day if compact else tr("late since {when}").format(when=day)
    if days < 0:
        late = -days
        return tr("%n days late", "", late)
    if days == 0 and due.time is not None and now.astimezone(tz).time() > due.time and not compact:
        return tr("late since {when}").format(when=clock_time(due.time))
    shown = day_text(due.date, today, long=long)
    if due.time is None:
        return shown
    if days > 1 and relative_day(due.date, today) is not None:  # "in 3 days, 17:00"
        return tr("{day}, {time}", "a relative day and a time of day").format(
            day=shown, time=clock_time(due.time)
        )
    return _day_and_time(shown, due.time)
