"""What needs us now: promises overdue, due today and coming up, clients overdue for a check-in,
requests past their response time. ``ckbook due`` prints it, the tray shows it and the reminder
engine hands it to the tray after each check.

It is the due-now part of Today's report, built by the same builder (``today.today_report``): the
same query, the same order (by deadline, then the client's name regardless of case), the same rule
for what a snoozed reminder hides (``reminders.snoozed_keys``). Only a request whose reply is late
counts here; Today also lists those still within their response time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from ckbook.i18n import tr
from ckbook.services.clock import instant_json
from ckbook.services.reminders import whose_reminders
from ckbook.services.settings import load_settings
from ckbook.services.today import Section, TodayReport, TodayRow, today_report


@dataclass(frozen=True)
class DueReport:
    now: datetime
    overdue: tuple[TodayRow, ...]
    due_today: tuple[TodayRow, ...]
    upcoming: tuple[TodayRow, ...]
    checkins: tuple[TodayRow, ...]
    requests: tuple[TodayRow, ...]
    snoozed: int = 0  # items left out because their reminder is snoozed (as on Today)

    @property
    def attention_count(self) -> int:
        """What the tray badge counts: everything due now or late."""
        return len(self.overdue) + len(self.due_today) + len(self.checkins) + len(self.requests)

    def summary(self) -> str:
        parts = []
        overdue, today = len(self.overdue), len(self.due_today)
        checkins, requests = len(self.checkins), len(self.requests)
        if overdue:
            parts.append(
                tr("1 promise overdue") if overdue == 1 else tr("%n promises overdue", "", overdue)
            )
        if today:
            parts.append(
                tr("1 promise due today") if today == 1 else tr("%n promises due today", "", today)
            )
        if checkins:
            parts.append(
                tr("1 check-in overdue")
                if checkins == 1
                else tr("%n check-ins overdue", "", checkins)
            )
        if requests:
            parts.append(
                tr("1 reply overdue") if requests == 1 else tr("%n replies overdue", "", requests)
            )
        return ", ".join(parts) if parts else tr("Nothing needs you right now")

    def to_json(self, tz: tzinfo) -> dict[str, object]:
        def promise(row: TodayRow) -> dict[str, object]:
            return {
                "id": row.subject_id,
                "client_id": row.client_id,
                "client": row.client_name,
                "text": row.text,
                "due": row.due.to_json() if row.due else None,
                "status": "open",
                "made_at": instant_json(row.made_at, tz),
                "closed_at": None,
                "note_id": row.note_id,
            }

        def client(row: TodayRow) -> dict[str, object]:
            return {
                "client_id": row.client_id,
                "client": row.client_name,
                "health": row.flag,
                "last_contact": instant_json(row.at, tz),
            }

        return {
            "now": instant_json(self.now, tz),
            "overdue": [promise(p) for p in self.overdue],
            "due_today": [promise(p) for p in self.due_today],
            "upcoming": [promise(p) for p in self.upcoming],
            "checkins_overdue": [client(c) for c in self.checkins],
            "requests_overdue": [
                r.request.to_json(self.now, tz) for r in self.requests if r.request is not None
            ],
        }


def due_part(report: TodayReport) -> DueReport:
    """The due-now part of Today's ``report``, in its order."""
    return DueReport(
        now=report.now,
        overdue=report.rows(Section.OVERDUE),
        due_today=report.rows(Section.DUE_TODAY),
        upcoming=report.rows(Section.UPCOMING),
        checkins=report.rows(Section.CHECKINS),
        requests=tuple(r for r in report.rows(Section.REQUESTS) if r.flag == "overdue"),
        snoozed=report.snoozed,
    )


def my_today(now: datetime, tz: tzinfo) -> TodayReport:
    """Today as the person signed in sees it: in team mode their own promises and requests (and
    those of no known owner) unless Settings › "Show everyone's reminders" is on, as the tray
    and the reminders have them; on a notebook file, everything."""
    return today_report(now, tz, owner=whose_reminders(load_settings().everyones_reminders))


def due_report(
    now: datetime, tz: tzinfo, within_days: int = 7, owner: str | None = None
) -> DueReport:
    """Everything due or late at ``now``; upcoming promises up to ``within_days`` ahead;
    ``owner``: only what reminds that person (``reminders.whose_reminders``)."""
    return due_part(today_report(now, tz, upcoming_days=within_days, due_only=True, owner=owner))
