"""`ckbook due` (and the tray) and Today are built by two queries tuned for their own use; on a
varied notebook they must still name the same promises, check-ins and late replies."""

from __future__ import annotations

from ckbook.services.agenda import due_report
from ckbook.services.demo import make_demo
from ckbook.services.today import Section, today_report


def test_due_and_today_name_the_same_items_on_a_demo_notebook(db, now, tz):
    make_demo(80, 800, 400, 3, now, tz)
    due = due_report(now, tz, within_days=7)
    today = today_report(now, tz)

    def ids(section: Section) -> list[int]:
        return sorted(row.subject_id for row in today.rows(section))

    assert ids(Section.OVERDUE) == sorted(p.id for p in due.overdue)
    assert ids(Section.DUE_TODAY) == sorted(p.id for p in due.due_today)
    assert ids(Section.UPCOMING) == sorted(p.id for p in due.upcoming)
    assert ids(Section.CHECKINS) == sorted(c.id for c in due.checkins)
    late = sorted(r.subject_id for r in today.rows(Section.REQUESTS) if r.flag == "overdue")
    assert late == sorted(r.id for r in due.requests)
    assert due.overdue and due.due_today and due.checkins and due.requests  # the test has teeth
