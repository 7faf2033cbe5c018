"""The client card, driven as a user would: edit the profile, record money terms twice and see the
history, tick and close promises, add one with a due read from its text, read notes safely."""

from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from ckbook.services.clients import client_detail
from ckbook.services.due import Due
from ckbook.services.money import MoneyTermsInput, money_history, set_money_terms
from ckbook.services.notes import add_note
from ckbook.services.promises import add_promise, promises_for_client
from ckbook.services.rules import Health
from ckbook.ui import theme
from ckbook.ui.card_sections.money import MoneyHistoryModel
from ckbook.ui.card_sections.promises import PromiseListModel
from ckbook.ui.card_sections.timeline import NoteListModel
from ckbook.ui.client_card import ClientCard
from ckbook.ui.dialogs.money_terms import MoneyTermsDialog
from ckbook.ui.dialogs.renegotiate import RenegotiateDialog
from tests.factories import contact, make_client


@pytest.fixture
def ada(db, now):  # type: ignore[no-untyped-def]
    return make_client(now, "Ada Lovelace", organisation="Analytical", emails=("ada@x.org",))


@pytest.fixture
def card(qtbot, notebook, ada):  # type: ignore[no-untyped-def]
    widget = ClientCard(notebook)
    qtbot.addWidget(widget)
    widget.resize(800, 900)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
    widget.show_client(ada)
    return widget


def _header_text(card: ClientCard) -> list[str]:
    header = card.header
    labels = (header.contact, header.sparkline_caption, header.facts, header.care)
    return [label.text() for label in labels]


def test_header_shows_name_organisation_and_facts(card, notebook, ada, now) -> None:  # type: ignore[no-untyped-def]
    assert card.header.name.text() == "Ada Lovelace"
    assert card.header.organisation.text() == "Analytical"
    assert _header_text(card) == [
        "No contact logged yet (cadence 14 days)",
        "0 touchpoints in 12 months",
        "Active · 0 open promises · kept rate —",
        "0 open incidents · 0 requests awaiting reply",
    ]
    assert card.header.name.textFormat() == Qt.TextFormat.PlainText
    assert card.header.sparkline.isVisible() and len(card.header.sparkline.points) == 12


def test_header_says_each_fact_once_and_follows_changes(card, notebook, ada, now, tz) -> None:  # type: ignore[no-untyped-def]
    from ckbook.services.care import add_incident, add_request

    notebook.run(add_note, ada, now, started_at=now - timedelta(days=16))
    notebook.run(add_promise, ada, "send the plan", now, tz)
    notebook.run(add_incident, ada, "Wrong venue address", now)
    notebook.run(add_request, ada, "Call me back", now, received_at=now - timedelta(days=2))
    assert _header_text(card) == [
        "16 days since last contact (cadence 14 days) — time to check in",
        "1 touchpoint in 12 months",
        "Active · 1 open promise · kept rate —",
        "1 open incident · 1 request awaiting reply (1 overdue)",
    ]
    said = " ".join(_header_text(card))
    for fact in ("since last contact", "cadence", "kept rate", "open promise", "open incident"):
        assert said.count(fact) == 1, fact
    assert card.header.health_dot.toolTip() == f"Check-in: {theme.HEALTH_TEXT[Health.YELLOW]}"
    overdue = QColor(theme.colors().overdue)
    assert card.header.care.palette().windowText().color() == overdue
    assert "(1 in all)" in card.header.sparkline.toolTip()
    notebook.run(add_note, ada, now)  # a contact today: in touch again
    assert card.header.contact.text() == "Last contact today (cadence 14 days)"
    assert card.header.health_dot.toolTip() == f"Check-in: {theme.HEALTH_TEXT[Health.GREEN]}"


def test_profile_edits_save_as_you_go(qtbot, card, ada, now) -> None:  # type: ignore[no-untyped-def]
    profile = card.profile
    profile.organisation.selectAll()
    qtbot.keyClicks(profile.organisation, "Engines Ltd")
    qtbot.keyClick(profile.organisation, Qt.Key.Key_Return)
    assert client_detail(ada, now).organisation == "Engines Ltd"
    assert card.header.organisation.text() == "Engines Ltd"
    profile.phones.setFocus()
    qtbot.keyClicks(profile.phones, "+44 1, +44 2")
    qtbot.keyClick(profile.phones, Qt.Key.Key_Tab)
    assert client_detail(ada, now).phones == ("+44 1", "+44 2")
    profile.handling_notes.setFocus()
    qtbot.keyClicks(profile.handling_notes, "short calls")
    qtbot.waitUntil(lambda: client_detail(ada, now).handling_notes == "short calls")


def test_a_failed_save_keeps_the_text_and_says_why(qtbot, card, ada, now) -> None:  # type: ignore[no-untyped-def]
    profile = card.profile
    profile.emails.selectAll()
    qtbot.keyClicks(profile.emails, "not an address")
    qtbot.keyClick(profile.emails, Qt.Key.Key_Return)
    assert profile.emails.text() == "not an address"
    assert profile.error.isVisible()
    assert "is not an email address" in profile.error.text()
    assert client_detail(ada, now).emails == ("ada@x.org",)
    assert profile.has_unsaved
    profile.emails.selectAll()
    qtbot.keyClicks(profile.emails, "ada@engines.org")
    assert card.flush()
    assert client_detail(ada, now).emails == ("ada@engines.org",)
    assert not profile.error.isVisible()


def test_choosing_an_attention_level_applies_its_cadence(qtbot, card, ada, now) -> None:  # type: ignore[no-untyped-def]
    combo = card.profile.attention_level
    combo.setCurrentText("high-touch")
    combo.activated.emit(combo.currentIndex())
    stored = client_detail(ada, now)
    assert (stored.attention_level, stored.checkin_days, stored.response_hours) == (
        "high-touch",
        7,
        4,
    )


def _fill_money_dialog(amount: str, reason: str = "") -> None:
    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, MoneyTermsDialog):
            QTimer.singleShot(10, act)
            return
        form = dialog.form
        form.amount.selectAll()
        QTest.keyClicks(form.amount, amount)
        form.payment_terms_days.selectAll()
        QTest.keyClicks(form.payment_terms_days, "30")
        if reason:
            QTest.keyClicks(form.change_reason, reason)
        button = dialog.buttons.button(dialog.buttons.StandardButton.Save)
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, act)


def test_money_terms_twice_and_the_history(qtbot, card, ada) -> None:  # type: ignore[no-untyped-def]
    money = card.money
    assert money.banner.isVisible()
    assert money.banner.text() == "Money not discussed yet"
    _fill_money_dialog("95.50")
    qtbot.mouseClick(money.edit_button, Qt.MouseButton.LeftButton)
    assert not money.banner.isVisible()
    assert money._values["pricing"].text() == "hourly, 95.50 EUR"
    _fill_money_dialog("110", "new year rates")
    qtbot.mouseClick(money.edit_button, Qt.MouseButton.LeftButton)
    stored = money_history(ada)
    assert [(t.version, t.amount, t.change_reason) for t in stored] == [
        (2, Decimal("110"), "new year rates"),
        (1, Decimal("95.50"), ""),
    ]
    assert money.history_button.text() == "History (2 versions)"
    qtbot.mouseClick(money.history_button, Qt.MouseButton.LeftButton)
    assert money.history.isVisible()
    model = money.history_model
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["2", "1"]
    assert "110.00 EUR" in model.index(0, 2).data()


def test_money_dialog_refuses_a_bad_amount_and_stays_open(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = MoneyTermsDialog(None, date(2026, 11, 18))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.form.amount, "ninety")
    dialog.accept()
    assert dialog.isVisible()
    assert "is not an amount" in dialog.error.text()


def test_history_model_passes_qt_model_tests(qtmodeltester, ada, now) -> None:  # type: ignore[no-untyped-def]
    model = MoneyHistoryModel()
    qtmodeltester.check(model)
    set_money_terms(ada, MoneyTermsInput("fixed", Decimal("1000")), now)
    model.set_rows(money_history(ada))
    qtmodeltester.check(model)


def _promise_rows(card: ClientCard) -> list[str]:
    model = card.promises.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_ticking_a_promise_keeps_it_and_undo_reopens(qtbot, card, notebook, ada, now, tz) -> None:  # type: ignore[no-untyped-def]
    undo: list = []
    card.undo_sink = lambda text, step: undo.append((text, step))
    notebook.run(add_promise, ada, "send the deck", now, tz, due=Due(date(2026, 11, 25)))
    view = card.promises.list
    view.setFocus()
    view.setCurrentIndex(card.promises.model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert [p.status for p in promises_for_client(ada)] == ["kept"]
    assert _promise_rows(card)[0].startswith("send the deck — kept")
    assert undo and undo[0][0] == "mark promise kept"
    undo[0][1]()
    assert [p.status for p in promises_for_client(ada)] == ["open"]


def test_context_menu_closes_and_renegotiates(
    qtbot, card, notebook, ada, now, tz, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    for text in ("one", "two", "three"):
        notebook.run(add_promise, ada, text, now, tz, read_due_from_text=False)
    section = card.promises

    def choose(promise_text: str, entry: str) -> None:
        row = next(
            r
            for r in range(section.model.rowCount())
            if section.model.promise(r).text == promise_text
            and section.model.promise(r).status == "open"
        )
        menu = section.context_menu(section.model.promise(row))
        next(a for a in menu.actions() if a.text() == entry).trigger()

    choose("one", "Broken")
    choose("two", "Cancelled")
    monkeypatch.setattr(
        RenegotiateDialog, "ask", classmethod(lambda cls, *a: Due(date(2026, 12, 1)))
    )
    choose("three", "Renegotiated…")
    stored = {(p.text, p.status, p.due) for p in promises_for_client(ada)}
    assert stored == {
        ("one", "broken", None),
        ("two", "cancelled", None),
        ("three", "renegotiated", None),
        ("three", "open", Due(date(2026, 12, 1))),
    }


def test_renegotiate_dialog_shows_the_understood_date_first(qtbot, now, tz) -> None:  # type: ignore[no-untyped-def]
    dialog = RenegotiateDialog("send deck", None, now, tz)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.due_edit, "next friday 3pm")
    assert dialog.understood.text() == "Fri 27 Nov 2026 15:00"
    assert dialog.ok_button.isEnabled()
    dialog.due_edit.clear()
    qtbot.keyClicks(dialog.due_edit, "whenever")
    assert dialog.understood.text().startswith("not understood")
    assert not dialog.ok_button.isEnabled()


def test_add_promise_reads_the_due_as_you_type(qtbot, card, ada) -> None:  # type: ignore[no-untyped-def]
    card.focus_add_promise()
    edit = card.promises.add_edit
    qtbot.keyClicks(edit, "send the revised quote by Friday 3pm")
    assert card.promises.due_label.text() == "Due Fri 20 Nov 2026 15:00 (from “by Friday 3pm”)"
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    [stored] = promises_for_client(ada)
    assert stored.text == "send the revised quote by Friday 3pm"
    assert stored.due == Due(date(2026, 11, 20), time(15, 0))
    assert edit.text() == ""
    assert "1 open promise" in card.header.facts.text()


def test_due_today_is_orange_and_overdue_red(card, notebook, ada, now, tz) -> None:  # type: ignore[no-untyped-def]
    today = now.astimezone(tz).date()
    notebook.run(add_promise, ada, "late", now, tz, due=Due(today - timedelta(days=1)))
    notebook.run(add_promise, ada, "today", now, tz, due=Due(today))
    notebook.run(add_promise, ada, "later", now, tz, due=Due(today + timedelta(days=3)))
    model = card.promises.model
    colours = [model.index(r, 0).data(Qt.ItemDataRole.ForegroundRole) for r in range(3)]
    assert colours[0] == QColor(theme.colors().overdue)
    assert colours[1] == QColor(theme.colors().due_today)
    assert colours[2] is None
    assert _promise_rows(card)[0].endswith("(overdue)")


def test_promise_model_passes_qt_model_tests(qtmodeltester, ada, now, tz) -> None:  # type: ignore[no-untyped-def]
    model = PromiseListModel(lambda: now, tz)
    qtmodeltester.check(model)
    add_promise(ada, "a", now, tz)
    add_promise(ada, "b by tomorrow", now, tz)
    model.set_rows(promises_for_client(ada))
    qtmodeltester.check(model)


def test_timeline_shows_notes_newest_first_and_renders_safely(
    qtbot, card, notebook, ada, now
) -> None:  # type: ignore[no-untyped-def]
    contact(ada, now, days_ago=3, kind="email", body="older")
    notebook.run(
        add_note,
        ada,
        now,
        kind="call",
        mood="content",
        duration_seconds=25 * 60,
        body='# Call\n\n**budget** agreed\n\n<img src="/dev/zero">\n\n![x](/etc/passwd)',
    )
    model = card.timeline.model
    assert model.rowCount() == 2
    assert model.index(0, 0).data().startswith("call · Wed 18 Nov 2026 10:00 · 25 min · content")
    assert model.index(1, 0).data().startswith("email · Sun 15 Nov 2026")
    card.timeline.list.setCurrentIndex(model.index(0, 0))
    assert "budget agreed" in card.timeline.preview.toPlainText()
    assert '<img src="/dev/zero">' in card.timeline.preview.toPlainText()
    with qtbot.waitSignal(card.noteRequested) as opened:
        card.timeline.list.activated.emit(model.index(0, 0))
    assert opened.args == [model.note(0).id, ada, "call"]
    with qtbot.waitSignal(card.noteRequested) as new:
        card.timeline.request_new("meeting")
    assert new.args == [0, ada, "meeting"]


def test_note_model_passes_qt_model_tests(qtmodeltester, ada, now, tz) -> None:  # type: ignore[no-untyped-def]
    from ckbook.services.notes import notes_for_client

    model = NoteListModel(tz)
    qtmodeltester.check(model)
    contact(ada, now, days_ago=1, body="hello\nworld")
    model.set_rows(notes_for_client(ada))
    qtmodeltester.check(model)


def test_others_can_add_header_widgets_and_sections(qtbot, card) -> None:  # type: ignore[no-untyped-def]
    badge = QLabel("sparkline")
    card.add_header_widget(badge)
    section = card.add_section("incidents", "Incidents", QLabel("none"))
    qtbot.waitUntil(badge.isVisible)
    order = list(card.sections)
    assert order[-1] == "incidents"
    layout = card._sections_layout
    positions = [layout.indexOf(card.sections[k]) for k in ("promises", "money", "timeline")]
    assert positions[1] < layout.indexOf(section) < positions[2]
    assert layout.indexOf(card.sections["profile"]) == layout.count() - 2  # last, then stretch
    assert positions[0] < positions[1]
    with pytest.raises(ValueError):
        card.add_section("incidents", "again", QLabel())


def test_switching_client_flushes_pending_edits(qtbot, card, ada, now) -> None:  # type: ignore[no-untyped-def]
    bob = make_client(now, "Bob")
    card.profile.handling_notes.setFocus()
    qtbot.keyClicks(card.profile.handling_notes, "likes email")
    card.show_client(bob)
    assert client_detail(ada, now).handling_notes == "likes email"
    assert client_detail(bob, now).handling_notes == ""
    assert card.profile.handling_notes.toPlainText() == ""


def test_select_note_scrolls_to_an_old_note_and_highlights_it(qtbot, card, ada, now) -> None:  # type: ignore[no-untyped-def]
    from ckbook.ui.card_sections.timeline import PAGE

    oldest = contact(ada, now, days_ago=400, body="the very first call")
    for day in range(PAGE + 5):  # the oldest note is past the first page
        contact(ada, now, days_ago=day / 2, body=f"note {day}")
    card.show_client(ada)
    card.sections["timeline"].toggle.setChecked(False)  # folded away
    assert card.timeline.model.row_of(oldest) is None
    assert card.scroll_area.verticalScrollBar().value() == 0

    assert card.select_note(oldest)
    assert card.sections["timeline"].toggle.isChecked()
    assert card.timeline.current_note_id() == oldest
    assert card.timeline.list.selectionModel().isSelected(card.timeline.list.currentIndex())
    assert "the very first call" in card.timeline.preview.toPlainText()
    assert card.timeline.list.hasFocus()
    qtbot.waitUntil(lambda: card.scroll_area.verticalScrollBar().value() > 0)
    row = card.timeline.list.visualRect(card.timeline.list.currentIndex())
    assert not card.timeline.list.viewport().visibleRegion().intersected(row).isEmpty()
    assert not card.select_note(999_999)


def test_select_promise_shows_a_closed_one_and_highlights_it(qtbot, card, ada, now, tz) -> None:  # type: ignore[no-untyped-def]
    from ckbook.services.promises import close_promise

    for i in range(30):
        add_promise(ada, f"open promise {i}", now, tz)
    done = add_promise(ada, "send the seating plan", now, tz).ids[0]
    close_promise(done, "kept", now)
    card.show_client(ada)
    card.promises.show_closed.setChecked(False)
    assert card.promises.model.row_of(done) is None

    assert card.select_promise(done)
    assert card.promises.show_closed.isChecked()
    assert card.promises.current_promise_id() == done
    assert card.promises.list.hasFocus()
    row = card.promises.list.visualRect(card.promises.list.currentIndex())
    assert not card.promises.list.viewport().visibleRegion().intersected(row).isEmpty()


def test_the_history_says_what_changed_and_a_dropped_discount_stands_out(ada, now) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt as QtNs

    from ckbook.ui.card_sections.money import HistoryColumn

    first = MoneyTermsInput(
        "hourly", Decimal("95.50"), discount="10%", discount_condition="if paid within 7 days"
    )
    set_money_terms(ada, first, now)
    set_money_terms(ada, MoneyTermsInput("hourly", Decimal("110")), now)
    model = MoneyHistoryModel()
    model.set_rows(money_history(ada))
    changed = model.index(0, HistoryColumn.CHANGED)
    assert changed.data() == (
        "amount 95.50 EUR → 110.00 EUR; discount dropped (was 10%); "
        "discount condition dropped (was if paid within 7 days)"
    )
    assert changed.data(QtNs.ItemDataRole.FontRole).bold()  # a promised discount went away
    assert model.index(1, HistoryColumn.CHANGED).data().startswith("first terms: hourly 95.50 EUR")
    assert "Version 1: hourly 95.50 EUR" in model.index(1, HistoryColumn.VERSION).data(
        QtNs.ItemDataRole.ToolTipRole
    )
