"""The new-client dialog checks what was typed by the services' rules before it closes: a
problem is said under the field it is about, the cursor goes there and nothing typed is lost.
The client and their money terms are stored together or not at all."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ckbook.services import money
from ckbook.services.clients import client_summaries
from ckbook.services.money import current_money_terms
from ckbook.ui.dialogs.new_client import NewClientDialog
from ckbook.ui.main_window import MainWindow

TODAY = date(2026, 11, 18)


@pytest.fixture
def dialog(qtbot) -> NewClientDialog:  # type: ignore[no-untyped-def]
    dialog = NewClientDialog(TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_too_long_name_keeps_the_dialog_open_with_everything_typed(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dialog.name, "N" * 300)
    qtbot.keyClicks(dialog.organisation, "Navy")
    dialog.attention_level.setCurrentText("high-touch")
    qtbot.keyClicks(dialog.money.amount, "95")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.result_value is None
    assert "client name is too long (300 characters; at most 200)" in dialog.field_error.text()
    assert dialog.field_error.isVisible()
    # right under the name, in the "Who" box
    assert dialog.who_form.getWidgetPosition(dialog.field_error)[0] == 1
    assert dialog.name.hasFocus()
    assert (dialog.name.text(), dialog.organisation.text()) == ("N" * 300, "Navy")
    assert dialog.attention_level.currentText() == "high-touch"
    assert dialog.money.amount.text() == "95"


def test_fixing_the_problem_lets_the_dialog_close(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dialog.name, "Grace")
    qtbot.keyClicks(dialog.emails, "not-an-address")
    qtbot.keyClicks(dialog.money.amount, "95")
    dialog.accept()
    assert "email 'not-an-address' is not an email address" in dialog.field_error.text()
    assert dialog.emails.hasFocus()
    dialog.emails.setText("grace@example.org")
    dialog.accept()
    assert not dialog.isVisible()
    assert dialog.result_value is not None
    assert dialog.result_value.client.emails == ("grace@example.org",)


def test_money_rules_are_checked_before_closing(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dialog.name, "Grace")
    qtbot.keyClicks(dialog.money.amount, "95")
    qtbot.keyClicks(dialog.money.payment_terms_days, "99999")  # the services allow 0–3650
    dialog.accept()
    assert dialog.isVisible()
    assert "payment terms must be between 0 and 3650 days" in dialog.field_error.text()
    assert dialog.money.payment_terms_days.hasFocus()


def test_a_problem_without_a_row_of_its_own_is_said_above_the_buttons(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dialog.name, "Grace")
    qtbot.keyClicks(dialog.money.amount, "12,500")
    dialog.accept()
    assert dialog.isVisible()
    assert "could mean 12500 or 12.500" in dialog.error.text()
    assert not dialog.field_error.isVisible()
    assert dialog.money.amount.hasFocus()


@pytest.fixture
def window(qtbot, notebook, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(MainWindow, "_quit_application", lambda self: None)
    settings = QSettings(str(tmp_path / "ckbook.ini"), QSettings.Format.IniFormat)
    win = MainWindow(notebook, settings=settings)
    qtbot.addWidget(win)
    win.show()
    return win


def _work_modal(act) -> None:  # type: ignore[no-untyped-def]
    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, NewClientDialog):
            act(dialog)
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def test_when_saving_fails_the_dialog_comes_back_with_everything_and_nothing_half_stored(
    qtbot, window, now, tz, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    real = money.set_money_terms
    failures = [OSError("database or disk is full")]

    def flaky(*args: object) -> object:
        if failures:
            raise failures.pop()
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(money, "set_money_terms", flaky)
    seen: list[tuple[str, str, str]] = []

    def first(dialog: NewClientDialog) -> None:
        QTest.keyClicks(dialog.name, "Ux Tester")
        QTest.keyClicks(dialog.money.amount, "12,5")

        def again(dialog: NewClientDialog) -> None:  # asked again after the failure
            seen.append((dialog.name.text(), dialog.money.amount.text(), dialog.error.text()))
            dialog.accept()

        _work_modal_after(dialog, again)
        dialog.accept()

    _work_modal(first)
    client_id = window.new_client()
    [(name, amount, problem)] = seen
    assert (name, amount) == ("Ux Tester", "12.5")
    assert "Not saved: disk full" in problem
    assert client_id is not None
    assert [r.name for r in client_summaries(now, tz, include_deleted=True)] == ["Ux Tester"]
    terms = current_money_terms(client_id)
    assert terms is not None and terms.amount == Decimal("12.5")


def _work_modal_after(previous: NewClientDialog, act) -> None:  # type: ignore[no-untyped-def]
    """Once a new dialog (not ``previous``) is up, let ``act`` work it."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, NewClientDialog) and dialog is not previous:
            act(dialog)
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def test_the_dialog_offers_exactly_the_ranges_the_services_accept(dialog) -> None:  # type: ignore[no-untyped-def]
    from ckbook.services.limits import CHECKIN_DAYS, RESPONSE_HOURS

    assert (dialog.checkin_days.minimum(), dialog.checkin_days.maximum()) == (
        CHECKIN_DAYS.low,
        CHECKIN_DAYS.high,
    )
    assert (dialog.response_hours.minimum(), dialog.response_hours.maximum()) == (
        RESPONSE_HOURS.low,
        RESPONSE_HOURS.high,
    )
