"""The care log in the real main window: it opens on Today, rows open cards and call notes, and
the card shows the care sections."""

from __future__ import annotations

from datetime import date, timedelta

from ckbook.services.care import add_incident, add_request
from ckbook.services.due import Due
from ckbook.services.promises import add_promise
from ckbook.services.today import RowKind
from ckbook.ui.care_card import install_care
from ckbook.ui.main_window import MainWindow
from tests.factories import contact, make_client


def test_the_window_opens_on_today_and_rows_act_in_the_window(qtbot, notebook, now, tz):
    ada = make_client(now, "Ada", checkin_days=14, response_hours=2)
    contact(ada, now, 20)
    add_promise(ada, "send the plan", now, tz, due=Due(date(2026, 11, 17)))
    add_request(ada, "Call me back", now, received_at=now - timedelta(hours=3))
    add_incident(ada, "Wrong venue address", now)
    window = MainWindow(notebook)
    qtbot.addWidget(window)
    care = install_care(window, notebook)
    window.show()
    assert window.current_page() == "today"
    qtbot.waitUntil(lambda: not care.today.pending)  # Today's report is built on a worker

    calls: list[int | None] = []
    window.handlers["call_note"] = lambda: calls.append(window.current_client_id())
    assert care.today.select(RowKind.PROMISE, 1)
    care.today.card_button.click()
    assert window.current_client_id() == ada
    header = window.card.header
    assert (
        header.contact.text() == "20 days since last contact (cadence 14 days) — time to check in"
    )
    assert header.care.text() == "1 open incident · 1 request awaiting reply (1 overdue)"
    assert [line.row.summary for line in care.card.requests.lines] == ["Call me back"]
    assert care.card.insight.caption.text().startswith("Ada: No promise kept or broken")

    window.action("today").trigger()  # Ctrl+1
    assert window.current_page() == "today"
    care.today.call_button.click()
    assert calls == [ada]


def test_the_card_sections_follow_the_client_when_nobody_keeps_the_wiring(qtbot, notebook, now):
    """The screenshot script dropped what install_care returned; the sections then stopped
    following the open client (left blank) once Python collected it."""
    import gc

    ada = make_client(now, "Ada")
    add_incident(ada, "Wrong venue address", now)
    window = MainWindow(notebook)
    qtbot.addWidget(window)
    install_care(window, notebook)  # the result dropped on purpose
    gc.collect()
    window.open_client(ada)
    (incidents,) = [s.body for key, s in window.card.sections.items() if key == "incidents"]
    assert [line.row.what for line in incidents.lines] == ["Wrong venue address"]


def test_ctrl_z_takes_back_a_promise_ticked_kept_on_today(qtbot, notebook, now, tz):
    from PySide6.QtCore import Qt

    from ckbook.services.promises import get_promise
    from ckbook.services.today import Section

    ada = make_client(now, "Ada")
    late = add_promise(ada, "send the plan", now, tz, due=Due(date(2026, 11, 17))).ids[0]
    window = MainWindow(notebook)
    qtbot.addWidget(window)
    care = install_care(window, notebook)
    window.show()
    today = care.today
    qtbot.waitUntil(lambda: not today.pending)
    assert today.select(RowKind.PROMISE, late)
    with qtbot.waitSignal(today.refreshed):
        today.done_button.click()  # "Kept"
    assert get_promise(late).status == "kept"
    assert today.report.rows(Section.OVERDUE) == ()

    today.view.setFocus()
    with qtbot.waitSignal(today.refreshed):
        qtbot.keyClick(today.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert get_promise(late).status == "open"
    assert [row.subject_id for row in today.report.rows(Section.OVERDUE)] == [late]
    assert "Undone: mark promise kept" in window.statusBar().currentMessage()
