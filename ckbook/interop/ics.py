"""Open promises and coming check-ins as an iCalendar file, via ``icalendar``: to-dos (VTODO) for
task lists (todoman, Thunderbird, Apple Reminders), or, with ``as_events``, events (VEVENT) for
calendars that ignore tasks (khal, many phone calendars).

- Every open promise is a VTODO; one without a due has no DUE (and no alarm).
- With ``as_events``, a promise with a due is a VEVENT: a timed due starts then and lasts
  ``EVENT_MINUTES``; a date-only due is an all-day event (DTSTART;VALUE=DATE, DTEND the next
  day). A promise without a due has no place in a calendar and is left out (counted).
- A promise with a due is a VTODO with DUE: a date-only due as ``DUE;VALUE=DATE``, a timed due in
  local time with ``TZID`` (and the zone's VTIMEZONE) — or in UTC when the local zone has no IANA
  name, or when the due lies outside 1970–2037, the years icalendar's generated VTIMEZONE covers.
- Each carries a VALARM at the moment the app itself would remind: its own remind-before as a
  trigger relative to the due (``TRIGGER;RELATED=END:-PT30M``); otherwise an absolute UTC trigger
  (``TRIGGER;VALUE=DATE-TIME``: the default minutes before a timed due, 09:00 on a date-only one).
  icalendar writes an absolute trigger without ``VALUE=DATE-TIME`` unless told, which readers
  take for a duration; we always tell it.
- A live client with a check-in cadence gets a "Check in with …" VTODO due on the day the
  cadence runs out (date-only), overdue ones included.
- A repeating promise also carries its rule as ``RRULE`` (the stored RFC 5545 value) with
  ``DTSTART`` at its current occurrence (RFC 5545 wants a DTSTART beside an RRULE), so the
  calendar shows every later occurrence too (to-dos and events alike).
- UIDs are stable (``promise-12@ckbook``, ``checkin-7-2026-11-20@ckbook``; events the same), so
  importing a newer export updates the calendar's entries instead of doubling them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import TextIO

from icalendar import Alarm, Calendar, Component, Event, Todo, vRecur

from ckbook import __version__
from ckbook.i18n import tr
from ckbook.interop.snapshot import Row, Snapshot
from ckbook.services.due import Due
from ckbook.services.reminder_rules import promise_reminder_time
from ckbook.services.rules import checkin_status
from ckbook.services.vocabulary import word

PRODID = f"-//ckbook//ckbook {__version__}//EN"
#: How long a timed promise's event lasts in a calendar.
EVENT_MINUTES = 30
_TZ_YEARS = range(1970, 2038)


def _zone_name(tz: tzinfo) -> str | None:
    key = getattr(tz, "key", None)
    return key if isinstance(key, str) and key != "UTC" else None


def _alarm(description: str) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", description)
    return alarm


def _due_value(due: Due, tz: tzinfo) -> date | datetime:
    """DUE/DTSTART as written: a date, local time with TZID, or UTC (see the module notes)."""
    if due.time is None:
        return due.date
    if _zone_name(tz) and due.date.year in _TZ_YEARS:
        return datetime.combine(due.date, due.time, tzinfo=tz)
    return due.deadline(tz)  # UTC


def _promise_entry(
    promise: Row,
    client: Row,
    stamp: datetime,
    tz: tzinfo,
    default_minutes: int,
    as_events: bool,
) -> Component:
    entry: Component = Event() if as_events else Todo()
    entry.add("uid", f"promise-{promise['id']}@ckbook")
    entry.add("dtstamp", stamp)
    entry.add("created", promise["made_at"])
    entry.add("summary", f"{client['name']}: {promise['text']}")
    entry.add(
        "description",
        tr("Promise to {client} (ckbook promise {id})").format(
            client=client["name"], id=promise["id"]
        ),
    )
    if promise["due_date"] is None:  # a to-do without a due: no DUE, nothing to remind at
        entry.add("status", "NEEDS-ACTION")
        return entry
    due = Due(promise["due_date"], promise["due_time"])
    moment = _due_value(due, tz)
    if as_events:
        entry.add("status", "CONFIRMED")
        entry.add("dtstart", moment)
        if isinstance(moment, datetime):
            entry.add("dtend", moment + timedelta(minutes=EVENT_MINUTES))
        else:
            entry.add("dtend", moment + timedelta(days=1))
    else:
        entry.add("status", "NEEDS-ACTION")
        entry.add("due", moment)
    rule = promise.get("recurrence")
    if rule:
        if not as_events:  # an event has its DTSTART already
            entry.add("dtstart", moment)
        entry.add("rrule", vRecur.from_ical(rule))
    alarm = _alarm(
        tr("Promise due: {client}: {text}").format(client=client["name"], text=promise["text"])
    )
    minutes = promise["remind_before_minutes"]
    if minutes is not None and due.time is not None:
        related = "START" if as_events else "END"
        alarm.add("trigger", timedelta(minutes=-minutes), parameters={"RELATED": related})
    else:
        at = promise_reminder_time(due, minutes, tz, default_minutes).astimezone(UTC)
        alarm.add("trigger", at, parameters={"VALUE": "DATE-TIME"})
    entry.add_component(alarm)
    return entry


def _checkin_entry(
    client: Row, due_at: datetime, stamp: datetime, tz: tzinfo, as_events: bool
) -> Component:
    day = due_at.astimezone(tz).date()
    entry: Component = Event() if as_events else Todo()
    entry.add("uid", f"checkin-{client['id']}-{day.isoformat()}@ckbook")
    entry.add("dtstamp", stamp)
    entry.add("summary", tr("Check in with {client}").format(client=client["name"]))
    entry.add(
        "description",
        tr("Check-in cadence: every {days} days, by {channel}").format(
            days=client["checkin_days"], channel=word(client["preferred_channel"])
        ),
    )
    if as_events:
        entry.add("status", "CONFIRMED")
        entry.add("dtstart", day)
        entry.add("dtend", day + timedelta(days=1))
    else:
        entry.add("status", "NEEDS-ACTION")
        entry.add("due", day)
    return entry


def build_calendar(
    snapshot: Snapshot, tz: tzinfo, default_minutes: int, as_events: bool = False
) -> tuple[Calendar, int]:
    """The calendar and how many entries it holds."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "ckbook")
    stamp = snapshot.taken_at.astimezone(UTC)
    count = 0
    for client in snapshot.clients:
        cid = client["id"]
        for promise in snapshot.of("promises", cid):
            if promise["status"] != "open" or (as_events and promise["due_date"] is None):
                continue
            entry = _promise_entry(promise, client, stamp, tz, default_minutes, as_events)
            calendar.add_component(entry)
            count += 1
        since = client["client_since"]
        status = checkin_status(  # as the client list reckons it
            client["status"],
            client["checkin_days"],
            snapshot.last_contact.get(cid),
            datetime.combine(since, time(0, 0), tzinfo=UTC) if since else client["created_at"],
            snapshot.taken_at,
        )
        if status.due_at is not None:
            calendar.add_component(_checkin_entry(client, status.due_at, stamp, tz, as_events))
            count += 1
    if _zone_name(tz):
        calendar.add_missing_timezones()
    return calendar, count


def write_ics(
    snapshot: Snapshot, stream: TextIO, tz: tzinfo, default_minutes: int, as_events: bool = False
) -> int:
    """Write the to-dos (or events); returns how many."""
    calendar, count = build_calendar(snapshot, tz, default_minutes, as_events)
    stream.write(calendar.to_ical().decode("utf-8"))
    return count
