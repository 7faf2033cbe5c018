"""The settings dialog: shows the stored settings, returns what the user set, refuses empty quiet
hours, and its test button says which route reminders take."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QDialogButtonBox

from ckbook.services.people import Person
from ckbook.services.settings import Settings
from ckbook.ui.settings_dialog import SettingsDialog


def test_shows_the_settings_and_returns_the_changes(qtbot):
    dialog = SettingsDialog(Settings(remind_before_minutes=30))
    qtbot.addWidget(dialog)
    assert dialog.remind_before.value() == 30
    assert not dialog.quiet_start.isEnabled()  # quiet hours off by default
    dialog.remind_before.setValue(90)
    dialog.quiet_enabled.setChecked(True)
    assert dialog.quiet_start.isEnabled()
    dialog.quiet_start.setTime(QTime(21, 30))
    dialog.start_at_login.setChecked(True)
    dialog.close_to_tray.setChecked(False)
    dialog.end_of_business.setTime(QTime(18, 0))
    assert dialog.value() == Settings(
        remind_before_minutes=90,
        quiet_hours_enabled=True,
        quiet_start=time(21, 30),
        quiet_end=time(7),
        close_to_tray=False,
        start_at_login=True,
        end_of_business=time(18, 0),
    )
    with qtbot.waitSignal(dialog.accepted):
        dialog.accept()


def test_quiet_hours_that_start_when_they_end_are_refused_in_the_dialog(qtbot):
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.quiet_enabled.setChecked(True)
    dialog.quiet_start.setTime(QTime(7, 0))
    dialog.accept()
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert "same time" in dialog.error.text()
    assert not dialog.error.isHidden()


def test_the_test_button_says_which_route_is_in_use(qtbot):
    sent = []

    def send_test() -> str:
        sent.append(1)
        return "desktop notifications"

    dialog = SettingsDialog(Settings(), send_test, tray_available=True)
    qtbot.addWidget(dialog)
    assert dialog.tray_note.text() == ""
    dialog.test_button.click()
    assert sent == [1]
    assert dialog.test_result.text() == "Sent. Reminders reach you through desktop notifications."


def test_without_a_tray_the_dialog_says_closing_quits(qtbot):
    dialog = SettingsDialog(Settings(), None, tray_available=False)
    qtbot.addWidget(dialog)
    assert "no tray" in dialog.tray_note.text()
    assert not dialog.test_button.isEnabled()


def test_ask_returns_none_when_cancelled(qtbot, monkeypatch):
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: SettingsDialog.DialogCode.Rejected)
    assert SettingsDialog.ask(None, Settings()) is None
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: SettingsDialog.DialogCode.Accepted)
    assert SettingsDialog.ask(None, Settings(start_at_login=True)) == Settings(start_at_login=True)


def test_the_test_result_and_an_error_are_shown_whole_above_the_buttons(qtbot):
    dialog = SettingsDialog(Settings(), lambda: "desktop notifications", tray_available=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.test_button.click()
    dialog.quiet_enabled.setChecked(True)
    dialog.quiet_end.setTime(dialog.quiet_start.time())
    dialog.accept()  # refused: the error shows too
    buttons = dialog.findChild(QDialogButtonBox)
    for label in (dialog.test_result, dialog.error):
        assert label.isVisible()
        qtbot.waitUntil(lambda label=label: label.height() >= label.heightForWidth(label.width()))
        assert label.mapTo(dialog, label.rect().bottomLeft()).y() < buttons.geometry().top()
        # Not squeezed beside the test button: the label has the dialog's width to wrap in.
        assert label.width() > dialog.width() * 0.8


def test_which_reminders_stay_until_seen_is_chosen_per_kind(qtbot, db):
    from ckbook.services.reminder_rules import ReminderKind
    from ckbook.services.settings import load_settings, save_settings

    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    # By default what is late stays; what is only coming up may expire.
    assert {name: box.isChecked() for name, box in dialog.stay.items()} == {
        "stay_promise_overdue": True,
        "stay_request_overdue": True,
        "stay_promise_coming_due": False,
        "stay_checkin_overdue": False,
    }
    dialog.stay["stay_request_overdue"].setChecked(False)
    dialog.stay["stay_checkin_overdue"].setChecked(True)
    save_settings(dialog.value())
    stored = load_settings()
    assert not stored.stays_until_seen(ReminderKind.REQUEST_OVERDUE)
    assert stored.stays_until_seen(ReminderKind.CHECKIN_OVERDUE)
    assert stored.stays_until_seen(ReminderKind.PROMISE_OVERDUE)
    assert not stored.stays_until_seen(ReminderKind.PROMISE_COMING_DUE)


def test_a_notebook_file_asks_your_name_a_team_asks_whose_reminders(qtbot):
    alone = SettingsDialog(Settings(your_name="Ada"), person=Person("ada", team=False))
    qtbot.addWidget(alone)
    assert not alone.your_name.isHidden() and alone.everyones_reminders.isHidden()
    alone.your_name.setText("  Ada   Lovelace ")
    assert alone.value() == Settings(your_name="Ada Lovelace")

    team = SettingsDialog(Settings(your_name="Ada"), person=Person("ada_l", team=True))
    qtbot.addWidget(team)
    assert team.your_name.isHidden() and not team.everyones_reminders.isHidden()
    assert team.signed_in.text() == "Signed in as ada_l"
    team.everyones_reminders.setChecked(True)
    assert team.value() == Settings(your_name="Ada", everyones_reminders=True)
