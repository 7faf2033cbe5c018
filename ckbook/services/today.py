"""Today: everything that needs us, in the order a person should look at it.

Overdue promises, promises due today, promises coming up in the next 7 days, clients to check in
with (red first, then yellow), requests awaiting our reply (overdue ones flagged and first), open
incidents, and active clients whose money terms were never discussed.

Built as frozen rows in a handful of set-based queries of plain tuples, so it opens instantly on
10,000 clients. This is the one builder of "what needs the user": ``ckbook today`` prints it, the
Today page shows it, and the tray, the reminder engine and ``ckbook due`` show its due-now part
(``agenda.due_report``): one query, one order (deadline, then the client's name regardless of case),
so they never disagree.

Snooze on Today is the reminder's snooze: a row whose reminder is snoozed is hidden until the
snooze ends (and the reminder fires again then); the tray's report (``agenda``) leaves it out by
the same rule (``reminders.snoozed_keys``). It never moves a promise's due, because that
would rewrite what was promised and hide a broken promise from the kept rate.
"""

from __future__ import annotations

import enum
import operator
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from functools import reduce
from typing import Any

from peewee import Select, Value, fn

from ckbook.i18n import tr
from ckbook.services import dates
from ckbook.services.care import IncidentRow, RequestRow, incidents, requests
from ckbook.services.clients import _as_instant, _to_date, _to_time
from ckbook.services.clock import instant_json
from ckbook.services.due import Due
from ckbook.services.insight import contact_text
from ckbook.services.limits import CHECKIN_DAYS
from ckbook.services.recurrence import describe as describe_rule
from ckbook.services.reminder_rules import (
    DEFAULT_REMIND_BEFORE_MINUTES,
    Occurrence,
    checkin_occurrence,
    promise_occurrences,
    promise_reminder_key,
    request_occurrence,
)
from ckbook.services.reminders import snoozed_keys
from ckbook.services.rules import CHECKIN_STATUSES, Health, checkin_status
from ckbook.services.vocabulary import label, word
from ckbook.store.models import (
    Client,
    MoneyTerms,
    Note,
    Promise,
    database_proxy,
)
from ckbook.store.rows import tuples

UPCOMING_DAYS = 7
#: Clients in these statuses should have their money terms on record.
MONEY_STATUSES = ("lead", "active")
_SEVERITY_ORDER = {"critical": 0, "major": 1, "minor": 2}


class Section(enum.StrEnum):
    OVERDUE = "overdue"
    DUE_TODAY = "due_today"
    UPCOMING = "upcoming"
    CHECKINS = "checkins"
    REQUESTS = "requests"
    INCIDENTS = "incidents"
    MONEY = "money_not_discussed"


#: Each section's title in English (``--json`` output keeps these; people see ``section_title``).
SECTION_TITLES: dict[Section, str] = {
    Section.OVERDUE: "Overdue promises",
    Section.DUE_TODAY: "Due today",
    Section.UPCOMING: f"Coming up in {UPCOMING_DAYS} days",
    Section.CHECKINS: "Clients to check in with",
    Section.REQUESTS: "Requests awaiting reply",
    Section.INCIDENTS: "Open incidents",
    Section.MONEY: "Money not discussed yet",
}


#: Sections whose rows all say one same thing about different clients: from this many rows on,
#: Today shows them as one row ("9 clients without money terms") that opens the list of them.
#: Rows that are acted on one by one (a promise kept, a check-in logged) stay rows.
GROUPED_SECTIONS: dict[Section, int] = {Section.MONEY: 2}


def section_title(section: Section) -> str:
    """A section's title in the user's language."""
    days = UPCOMING_DAYS
    return {
        Section.OVERDUE: tr("Overdue promises"),
        Section.DUE_TODAY: tr("Due today"),
        Section.UPCOMING: tr("Coming up in %n days", "", days),
        Section.CHECKINS: tr("Clients to check in with"),
        Section.REQUESTS: tr("Requests awaiting reply"),
        Section.INCIDENTS: tr("Open incidents"),
        Section.MONEY: tr("Money not discussed yet"),
    }[section]


def section_count(section: Section, count: int) -> str:
    """``3 overdue promises``, ``1 client without money terms``: how the summary line and a
    grouped row count a section."""
    return {
        Section.OVERDUE: tr("%n overdue promises", "", count),
        Section.DUE_TODAY: tr("%n due today", "", count),
        Section.UPCOMING: tr("%n coming up", "", count),
        Section.CHECKINS: tr("%n clients to check in with", "", count),
        Section.REQUESTS: tr("%n requests awaiting reply", "", count),
        Section.INCIDENTS: tr("%n open incidents", "", count),
        Section.MONEY: tr("%n clients without money terms", "", count),
    }[section]


class RowKind(enum.StrEnum):
    PROMISE = "promise"
    CHECKIN = "checkin"
    REQUEST = "request"
    INCIDENT = "incident"
    MONEY = "money"


@dataclass(frozen=True)
class TodayRow:
    """One line on Today. ``subject_id`` is the promise, client, request or incident id."""

    section: Section
    kind: RowKind
    subject_id: int
    client_id: int
    client_name: str
    text: str
    when: str  # what the "when" column shows, already in words
    flag: str = ""  # "overdue", "red", "yellow", a severity, "acknowledged", or ""
    due: Due | None = None
    at: datetime | None = None  # received, happened, or last contact
    reminder: Occurrence | None = None  # built up front for check-ins and requests
    #: The reminder occurrence's key: what a snooze is recorded under; None: nothing to snooze.
    reminder_key: tuple[str, int, str] | None = None
    remind_before_minutes: int | None = None
    made_at: datetime | None = None  # a promise's: when it was made
    note_id: int | None = None  # a promise's: the note it was typed in
    request: RequestRow | None = None  # a request's row, whole (the tray and ``ckbook due``)

    @property
    def urgent(self) -> bool:
        return self.flag in ("overdue", "red", "critical")

    @property
    def can_snooze(self) -> bool:
        return self.reminder_key is not None

    def to_json(self, tz: tzinfo) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "id": self.subject_id,
            "client_id": self.client_id,
            "client": self.client_name,
            "text": self.text,
            "when": self.when,
            "flag": self.flag or None,
            "due": self.due.to_json() if self.due else None,
            "at": instant_json(self.at, tz),
        }


@dataclass(frozen=True)
class TodayReport:
    now: datetime
    sections: tuple[tuple[Section, tuple[TodayRow, ...]], ...]
    snoozed: int = 0  # rows hidden because their reminder is snoozed

    def rows(self, section: Section) -> tuple[TodayRow, ...]:
        for key, rows in self.sections:
            if key is section:
                return rows
        return ()

    def counts(self) -> dict[str, int]:
        return {section.value: len(rows) for section, rows in self.sections}

    @property
    def total(self) -> int:
        return sum(len(rows) for _, rows in self.sections)

    def summary(self) -> str:
        parts = [section_count(section, len(rows)) for section, rows in self.sections if rows]
        return " · ".join(parts) if parts else tr("Nothing needs you today")

    def to_json(self, tz: tzinfo) -> dict[str, object]:
        return {
            "now": instant_json(self.now, tz),
            "counts": self.counts(),
            "snoozed": self.snoozed,
            "sections": [
                {
                    "key": section.value,
                    "title": SECTION_TITLES[section],
                    "rows": [row.to_json(tz) for row in rows],
                }
                for section, rows in self.sections
            ],
        }


@dataclass(frozen=True)
class NoticeGroup:
    """One row standing for a section's rows that all say the same thing about different
    clients ("9 clients without money terms"); it opens the list of them."""

    section: Section
    rows: tuple[TodayRow, ...]

    @property
    def text(self) -> str:
        count = len(self.rows)
        return section_count(self.section, count)

    @property
    def client_names(self) -> tuple[str, ...]:
        return tuple(row.client_name for row in self.rows)


#: What Today shows under a section heading: a row, or one row for many.
ShownRow = TodayRow | NoticeGroup


def shown_rows(section: Section, rows: tuple[TodayRow, ...]) -> tuple[ShownRow, ...]:
    """A section's rows as Today lists them: one ``NoticeGroup`` for a grouped section with
    enough rows (``GROUPED_SECTIONS``), else the rows themselves."""
    at_least = GROUPED_SECTIONS.get(section)
    if at_least is not None and len(rows) >= at_least:
        return (NoticeGroup(section, rows),)
    return rows


def filter_words(text: str) -> tuple[str, ...]:
    """What a filter box's text looks for: its words, regardless of case."""
    return tuple(text.casefold().split())


def row_matches(row: ShownRow, words: tuple[str, ...]) -> bool:
    """Whether a row is kept by a filter: every word is in its client's name or its text (for
    a group: in one of its rows). No words keep every row."""
    if not words:
        return True
    if isinstance(row, NoticeGroup):
        return any(row_matches(member, words) for member in row.rows)
    haystack = f"{row.client_name}\n{row.text}".casefold()
    return all(word in haystack for word in words)


def _local_when(instant: datetime, now: datetime, tz: tzinfo) -> str:
    return dates.moment_text(instant, now, tz, long=True)


def _raw(query: Select) -> list[tuple[Any, ...]]:
    """The rows as the driver returns them (no per-value conversion); callers convert."""
    return list(database_proxy.obj.execute(query))


def name_order(name: str) -> str:
    """How every report orders clients' names: regardless of case ("ada" beside "Ada")."""
    return name.casefold()


def _promise_rows(
    now: datetime, tz: tzinfo, upcoming_days: int = UPCOMING_DAYS, owner: str | None = None
) -> tuple[list[TodayRow], list[TodayRow], list[TodayRow]]:
    """Open promises of live clients due by ``upcoming_days`` from today (``owner``'s and
    those of no known owner, when given), from one query of plain tuples (a model instance per
    row is what made this slow on a big notebook)."""
    today = now.astimezone(tz).date()
    horizon = today + timedelta(days=upcoming_days)
    query = (
        Promise.select(
            Promise.id,
            Promise.client,
            Client.name,
            Promise.text,
            Promise.due_date,
            Promise.due_time,
            Promise.remind_before_minutes,
            Promise.made_at,
            Promise.note,
            Promise.recurrence,
        )
        .join(Client)
        .where(
            (Promise.status == "open")
            & Promise.due_date.is_null(False)
            & (Promise.due_date <= horizon)
            & Client.deleted_at.is_null()
        )
    )
    if owner is not None:
        query = query.where(Promise.author.is_null() | (Promise.author == owner))
    found: dict[Section, list[tuple[datetime, str, int, TodayRow]]] = {
        Section.OVERDUE: [],
        Section.DUE_TODAY: [],
        Section.UPCOMING: [],
    }
    # Raw values (dates as stored): peewee's per-value date conversion cost more than the rest.
    to_instant = Promise.made_at.python_value
    for pid, cid, name, text, due_date, due_time, remind, made, note_id, rule in _raw(query):
        due = Due(_to_date(due_date), _to_time(due_time))
        deadline = due.deadline(tz)
        if now >= deadline:
            section = Section.OVERDUE
        elif due.date <= today:
            section = Section.DUE_TODAY
        else:
            section = Section.UPCOMING
        # The occurrence itself is built only when snoozed (``reminder_for``): its key is enough
        # to hide a snoozed row, and building thousands of them was a third of the time.
        key = None
        if section is not Section.UPCOMING:
            key = promise_reminder_key(pid, due, overdue=section is Section.OVERDUE)
        # When it comes due as the clock has it (clock.local_instant), in the one date style.
        shown = dates.due_text(due.on_the_clock(tz), now, tz, long=True)
        row = TodayRow(
            section,
            RowKind.PROMISE,
            pid,
            cid,
            name,
            text,
            shown
            if rule is None
            else tr("{due} · repeats {rule}").format(due=shown, rule=describe_rule(rule)),
            "overdue" if section is Section.OVERDUE else "",
            due=due,
            reminder_key=key,
            remind_before_minutes=remind,
            made_at=to_instant(made),
            note_id=note_id,
        )
        # By deadline: a date-only due sorts at the end of its day, after that day's timed dues.
        found[section].append((deadline, name_order(name), pid, row))
    ordered = {
        section: [entry[-1] for entry in sorted(rows, key=lambda e: e[:3])]
        for section, rows in found.items()
    }
    return ordered[Section.OVERDUE], ordered[Section.DUE_TODAY], ordered[Section.UPCOMING]


def _checkin_candidates(now: datetime) -> list[tuple[int, str, str, int, object, object, object]]:
    """Clients that may be past their cadence, with their last contact: one query.

    The database narrows 10,000 clients to those silent for at least their cadence less a day
    (a correlated MAX per client uses the note index); ``checkin_status`` then decides exactly.
    Comparing stored instants as text is exact for SQLite's ISO text; the slack of a day covers
    a date-only ``client_since``."""
    live = Client.deleted_at.is_null() & Client.status.in_(tuple(CHECKIN_STATUSES))
    cadences = [d for (d,) in tuples(Client.select(Client.checkin_days).where(live).distinct())]
    if not cadences:
        return []
    last = Note.select(fn.MAX(Note.started_at)).where(Note.client == Client.id)
    since = fn.COALESCE(last, Client.client_since, Client.created_at)
    to_text = Client.created_at.db_value
    silent = reduce(
        operator.or_,
        [
            (Client.checkin_days == days)
            & (since <= to_text(now - timedelta(days=CHECKIN_DAYS.clip(days) - 1)))
            for days in cadences
            if days and days > 0
        ],
        Value(False),
    )
    query = Client.select(
        Client.id,
        Client.name,
        Client.status,
        Client.checkin_days,
        Client.client_since,
        Client.created_at,
        last.alias("last_contact"),
    ).where(live & silent)
    return list(_raw(query))


def _checkin_rows(now: datetime, tz: tzinfo) -> list[TodayRow]:
    """Clients past their cadence, red first, then yellow; longest silence first."""
    today = now.astimezone(tz).date()
    to_instant = Client.created_at.python_value
    found: list[tuple[tuple[object, ...], TodayRow]] = []
    for cid, name, status, cadence, since, created, last in _checkin_candidates(now):
        last_at = to_instant(last) if last is not None else None
        created_at = to_instant(created)
        assert created_at is not None  # a NOT NULL column
        since_at = _as_instant(_to_date(since) if since else None, created_at)
        status_now = checkin_status(status, cadence, last_at, since_at, now)
        if not status_now.overdue or status_now.due_at is None:
            continue
        days = status_now.days_since if last_at is not None else None
        text = contact_text(days, CHECKIN_DAYS.clip(cadence))
        if last_at is None:
            since_day = dates.short_day(since_at.astimezone(tz).date(), today)
            text = tr("{contact} · client since {day}").format(contact=text, day=since_day)
        reminder = checkin_occurrence(
            cid,
            name,
            status_now.due_at,
            status_now.last_contact,
            contact_logged=last_at is not None,
        )
        row = TodayRow(
            Section.CHECKINS,
            RowKind.CHECKIN,
            cid,
            cid,
            name,
            text,
            dates.overdue_since(status_now.due_at.astimezone(tz).date(), today),
            status_now.health.value,
            at=last_at,
            reminder=reminder,
            reminder_key=reminder.key,
        )
        key = (status_now.health is not Health.RED, status_now.last_contact, name_order(name), cid)
        found.append((key, row))
    found.sort(key=lambda pair: pair[0])
    return [row for _, row in found]


def _request_rows(now: datetime, tz: tzinfo, owner: str | None = None) -> list[TodayRow]:
    awaiting: list[RequestRow] = requests(awaiting_only=True, owner=owner)
    awaiting.sort(key=lambda r: (not r.overdue(now), r.received_at, r.id))
    rows = []
    for r in awaiting:
        overdue = r.overdue(now)
        flag = "overdue" if overdue else ("acknowledged" if r.acknowledged_at else "")
        received = _local_when(r.received_at, now, tz)
        if overdue:
            due = _local_when(r.deadline, now, tz)
            when = tr("received {received}, reply was due {due}").format(received=received, due=due)
        elif r.acknowledged_at is not None:
            # Shown greyed: the client knows it arrived; the answer is still owed.
            acknowledged = _local_when(r.acknowledged_at, now, tz)
            when = tr("received {received}, acknowledged {acknowledged}").format(
                received=received, acknowledged=acknowledged
            )
        else:
            when = tr("received {received}").format(received=received)
        reminder = (
            request_occurrence(r.id, r.client_id, r.client_name, r.summary, r.deadline)
            if overdue
            else None
        )
        rows.append(
            TodayRow(
                Section.REQUESTS,
                RowKind.REQUEST,
                r.id,
                r.client_id,
                r.client_name,
                tr("{summary} ({channel})").format(
                    summary=r.summary, channel=label("channel", r.channel)
                ),
                when,
                flag,
                at=r.received_at,
                reminder=reminder,
                reminder_key=reminder.key if reminder else None,
                request=r,
            )
        )
    return rows


def _incident_rows(now: datetime, tz: tzinfo) -> list[TodayRow]:
    found: list[IncidentRow] = incidents(open_only=True)
    found.sort(key=lambda i: (_SEVERITY_ORDER.get(i.severity, 9), i.happened_at, i.id))
    return [
        TodayRow(
            Section.INCIDENTS,
            RowKind.INCIDENT,
            i.id,
            i.client_id,
            i.client_name,
            tr("{what} — next: {step}").format(what=i.what, step=word(i.next_step())),
            tr("happened {when}").format(when=_local_when(i.happened_at, now, tz)),
            i.severity,
            at=i.happened_at,
        )
        for i in found
    ]


def _money_rows() -> list[TodayRow]:
    has_terms = MoneyTerms.select(MoneyTerms.client).distinct()
    query = (
        Client.select(Client.id, Client.name, Client.status)
        .where(
            Client.deleted_at.is_null()
            & Client.status.in_(MONEY_STATUSES)
            & Client.id.not_in(has_terms)
        )
        .order_by(fn.lower(Client.name), Client.id)
    )
    text = tr("Money not discussed yet: agree pricing, payment terms and scope")
    return [
        TodayRow(Section.MONEY, RowKind.MONEY, cid, cid, name, text, label("status", status))
        for cid, name, status in tuples(query)
    ]


def reminder_for(
    row: TodayRow, tz: tzinfo, default_minutes: int = DEFAULT_REMIND_BEFORE_MINUTES
) -> Occurrence | None:
    """The reminder occurrence a snooze of this row acts on (None when it has none)."""
    if row.reminder is not None or row.reminder_key is None or row.due is None:
        return row.reminder
    for occurrence in promise_occurrences(
        row.subject_id,
        row.client_id,
        row.client_name,
        row.text,
        row.due,
        row.remind_before_minutes,
        tz,
        default_minutes,
    ):
        if occurrence.key == row.reminder_key:
            return occurrence
    return None


def today_report(
    now: datetime,
    tz: tzinfo,
    *,
    upcoming_days: int = UPCOMING_DAYS,
    due_only: bool = False,
    owner: str | None = None,
) -> TodayReport:
    """Today's sections at ``now``, in the order they are shown; promises coming up within
    ``upcoming_days``. ``due_only``: only what can be due (promises, check-ins, requests), for
    the tray and ``ckbook due``, which show no incidents and no money. ``owner``: only that
    person's promises and requests (and those of no known author), as their reminders go."""
    overdue, due_today, upcoming = _promise_rows(now, tz, upcoming_days, owner)
    sections: list[tuple[Section, list[TodayRow]]] = [
        (Section.OVERDUE, overdue),
        (Section.DUE_TODAY, due_today),
        (Section.UPCOMING, upcoming),
        (Section.CHECKINS, _checkin_rows(now, tz)),
        (Section.REQUESTS, _request_rows(now, tz, owner)),
    ]
    if not due_only:
        sections += [(Section.INCIDENTS, _incident_rows(now, tz)), (Section.MONEY, _money_rows())]
    snoozed = snoozed_keys(now)
    hidden = 0
    kept_sections = []
    for section, rows in sections:
        shown = []
        for row in rows:
            if row.reminder_key is not None and row.reminder_key in snoozed:
                hidden += 1
            else:
                shown.append(row)
        kept_sections.append((section, tuple(shown)))
    return TodayReport(now, tuple(kept_sections), hidden)
