"""Open promises and coming check-ins as an iCalendar file of to-dos (VTODO), via ``icalendar``.

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
  calendar shows every later occurrence too.
- UIDs are stable (``promise-12@ckbook``, ``checkin-7-2026-11-20@ckbook``), so importing a newer
  export updates the calendar's to-dos instead of doubling them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import TextIO

from icalendar import Alarm, Calendar, Todo, vRecur

from ckbook import __version__
from ckbook.interop.snapshot import Row, Snapshot
from ckbook.services.due import Due
from ckbook.services.reminder_rules import promise_reminder_time
from ckbook.services.rules import checkin_status

PRODID = f"-//ckbook//ckbook {__version__}//EN"
_TZ_YEARS = range(1970, 2038)


def _zone_name(tz: tzinfo) -> str | None:
    key = getattr(tz, "key", None)
    return key if isinstance(key, str) and key != "UTC" else None


def _alarm(description: str) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", description)
    return alarm


def _promise_todo(
    promise: Row, client: Row, stamp: datetime, tz: tzinfo, default_minutes: int
) -> Todo:
    due = Due(promise["due_date"], promise["due_time"])
    todo = Todo()
    todo.add("uid", f"promise-{promise['id']}@ckbook")
    todo.add("dtstamp", stamp)
    todo.add("created", promise["made_at"])
    todo.add("summary", f"{client['name']}: {promise['text']}")
    todo.add("description", f"Promise to {client['name']} (ckbook promise {promise['id']})")
    todo.add("status", "NEEDS-ACTION")
    when: date | datetime
    if due.time is None:
        when = due.date
    elif _zone_name(tz) and due.date.year in _TZ_YEARS:
        when = datetime.combine(due.date, due.time, tzinfo=tz)
    else:
        when = due.deadline(tz)  # UTC
    todo.add("due", when)
    rule = promise.get("recurrence")
    if rule:
        todo.add("dtstart", when)
        todo.add("rrule", vRecur.from_ical(rule))
    alarm = _alarm(f"Promise due: {client['name']}: {promise['text']}")
    minutes = promise["remind_before_minutes"]
    if minutes is not None and due.time is not None:
        alarm.add("trigger", timedelta(minutes=-minutes), parameters={"RELATED": "END"})
    else:
        moment = promise_reminder_time(due, minutes, tz, default_minutes).astimezone(UTC)
        alarm.add("trigger", moment, parameters={"VALUE": "DATE-TIME"})
    todo.add_component(alarm)
    return todo


def _checkin_todo(client: Row, due_at: datetime, stamp: datetime, tz: tzinfo) -> Todo:
    day = due_at.astimezone(tz).date()
    todo = Todo()
    todo.add("uid", f"checkin-{client['id']}-{day.isoformat()}@ckbook")
    todo.add("dtstamp", stamp)
    todo.add("summary", f"Check in with {client['name']}")
    todo.add(
        "description",
        f"Check-in cadence: every {client['checkin_days']} days, by {client['preferred_channel']}",
    )
    todo.add("status", "NEEDS-ACTION")
    todo.add("due", day)
    return todo


def build_calendar(snapshot: Snapshot, tz: tzinfo, default_minutes: int) -> tuple[Calendar, int]:
    """The calendar and how many to-dos it holds."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "ckbook")
    stamp = snapshot.taken_at.astimezone(UTC)
    count = 0
    for client in snapshot.clients:
        cid = client["id"]
        for promise in snapshot.of("promises", cid):
            if promise["status"] == "open" and promise["due_date"] is not None:
                calendar.add_component(_promise_todo(promise, client, stamp, tz, default_minutes))
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
            calendar.add_component(_checkin_todo(client, status.due_at, stamp, tz))
            count += 1
    if _zone_name(tz):
        calendar.add_missing_timezones()
    return calendar, count


def write_ics(snapshot: Snapshot, stream: TextIO, tz: tzinfo, default_minutes: int) -> int:
    """Write the to-dos; returns how many."""
    calendar, count = build_calendar(snapshot, tz, default_minutes)
    stream.write(calendar.to_ical().decode("utf-8"))
    return count
