"""The settings dialog: default remind-before, quiet hours, close to tray, start at login, the
colour scheme (follow the system, light, dark), who I am (on a notebook file "Your name", the
author of what I write; in team mode the role signed in, and whether I get everyone's reminders or
only those of my own promises), and a "Send a test reminder" button that says which route pop-ups
take on this desktop.

It returns a ``Settings`` value (``ask``); storing it and writing the autostart entry is the
caller's job, through the settings service and ``ckbook.services.autostart``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from ckbook.i18n import tr
from ckbook.services.limits import REMIND_BEFORE_MINUTES
from ckbook.services.people import Person, os_user
from ckbook.services.settings import Settings
from ckbook.ui.dialogs import grow_to_fit, run_modal, spin_box
from ckbook.ui.qt_values import py_time
from ckbook.ui.safe_text import plain_label


def scheme_choices() -> tuple[tuple[str, str], ...]:
    """(label, colour scheme) of the Appearance choices."""
    return (
        (tr("Follow the system"), "system"),
        (tr("Light", "colour scheme"), "light"),
        (tr("Dark", "colour scheme"), "dark"),
    )


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: Settings,
        send_test: Callable[[], str] | None = None,
        tray_available: bool = False,
        parent: QWidget | None = None,
        person: Person | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("ckbook settings"))
        self._initial = settings
        self._send_test = send_test

        self.remind_before = spin_box(REMIND_BEFORE_MINUTES, tr(" min"))
        self.remind_before.setValue(settings.remind_before_minutes)
        self.remind_before.setAccessibleName(tr("Default remind-before in minutes"))
        self.remind_before.setToolTip(
            tr(
                "How long before a promise with a time of day you are reminded. "
                "Promises with only a date remind at 09:00 on the day."
            )
        )

        self.quiet_enabled = QCheckBox(tr("Hold pop-ups during quiet hours"))
        self.quiet_enabled.setChecked(settings.quiet_hours_enabled)
        self.quiet_start = QTimeEdit(QTime(settings.quiet_start.hour, settings.quiet_start.minute))
        self.quiet_end = QTimeEdit(QTime(settings.quiet_end.hour, settings.quiet_end.minute))
        for edit, name in (
            (self.quiet_start, tr("Quiet hours from")),
            (self.quiet_end, tr("Quiet hours until")),
        ):
            edit.setDisplayFormat("HH:mm")
            edit.setAccessibleName(name)
        self.quiet_enabled.toggled.connect(self._on_quiet_enabled_toggled)
        quiet_row = QHBoxLayout()
        quiet_row.addWidget(self.quiet_start)
        quiet_row.addWidget(plain_label(tr("to", "from … to …")))
        quiet_row.addWidget(self.quiet_end)
        quiet_row.addStretch(1)

        # Which reminders stay on screen until seen (resident, critical); the rest may expire.
        self.stay = {
            "stay_promise_overdue": QCheckBox(tr("Overdue promises")),
            "stay_request_overdue": QCheckBox(tr("Messages awaiting a late reply")),
            "stay_promise_coming_due": QCheckBox(tr("Promises coming due")),
            "stay_checkin_overdue": QCheckBox(tr("Clients to check in with")),
        }
        stay_box = QVBoxLayout()
        stay_box.setSpacing(2)
        for name, box in self.stay.items():
            box.setChecked(bool(getattr(settings, name)))
            stay_box.addWidget(box)

        eob = settings.end_of_business
        self.end_of_business = QTimeEdit(QTime(eob.hour, eob.minute))
        self.end_of_business.setDisplayFormat("HH:mm")
        self.end_of_business.setAccessibleName(tr("End of business"))
        self.end_of_business.setToolTip(
            tr("What EOD, COB, “close of business” and “end of play” mean in a promise line.")
        )

        self.close_to_tray = QCheckBox(tr("Closing the window keeps ckbook running in the tray"))
        self.close_to_tray.setChecked(settings.close_to_tray)
        self.tray_note = plain_label(
            ""
            if tray_available
            else tr("This desktop has no tray: closing the window quits ckbook."),
            wrap=True,
        )
        self.tray_note.setVisible(bool(self.tray_note.text()))
        self.start_at_login = QCheckBox(tr("Start ckbook when I log in"))
        self.start_at_login.setChecked(settings.start_at_login)

        self.color_scheme = QComboBox()
        self.color_scheme.setAccessibleName(tr("Colour scheme"))
        for label, scheme in scheme_choices():
            self.color_scheme.addItem(label, scheme)
        self.color_scheme.setCurrentIndex(max(0, self.color_scheme.findData(settings.color_scheme)))

        # Who I am: a file's one person names themselves; a team's people are their roles.
        self.team = person is not None and person.team
        self.your_name = QLineEdit(settings.your_name)
        self.your_name.setAccessibleName(tr("Your name"))
        self.your_name.setPlaceholderText(os_user())
        self.your_name.setMaxLength(200)
        self.your_name.setToolTip(tr("Written as the author of your notes and promises."))
        self.everyones_reminders = QCheckBox(tr("Show everyone's reminders"))
        self.everyones_reminders.setChecked(settings.everyones_reminders)
        self.everyones_reminders.setToolTip(
            tr("Off: you are reminded of your own promises only (and of check-ins).")
        )
        self.signed_in = plain_label(
            tr("Signed in as {name}").format(name=person.name) if self.team and person else ""
        )

        self.test_button = QPushButton(tr("Send a test reminder"))
        self.test_button.clicked.connect(self._on_test_button_clicked)
        self.test_result = plain_label(wrap=True)
        self.test_result.hide()  # until a test was sent
        self.test_button.setEnabled(send_test is not None)

        self.error = plain_label(wrap=True)
        self.error.setStyleSheet("color: palette(link);")
        self.error.hide()

        form = QFormLayout()
        form.addRow(tr("Remind before a due time"), self.remind_before)
        form.addRow(self.quiet_enabled)
        form.addRow(tr("Quiet hours"), quiet_row)
        form.addRow(tr("End of business (EOD, COB)"), self.end_of_business)
        form.addRow(tr("Keep on screen until seen"), stay_box)
        form.addRow(self.close_to_tray)
        form.addRow(self.tray_note)
        form.addRow(self.start_at_login)
        form.addRow(tr("Appearance"), self.color_scheme)
        if self.team:
            form.addRow(self.signed_in)
            form.addRow(self.everyones_reminders)
        else:
            form.addRow(tr("Your name"), self.your_name)
        self.your_name.setVisible(not self.team)
        self.everyones_reminders.setVisible(self.team)
        self.signed_in.setVisible(self.team)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        form.addRow(test_row)
        form.addRow(self.test_result)  # its own full-width row: the sentence wraps, not squeezes

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._on_quiet_enabled_toggled(settings.quiet_hours_enabled)

    # --- values -----------------------------------------------------------------------------------

    def value(self) -> Settings:
        start, end = self.quiet_start.time(), self.quiet_end.time()
        stays: dict[str, Any] = {name: box.isChecked() for name, box in self.stay.items()}
        return dataclasses.replace(
            self._initial,
            remind_before_minutes=self.remind_before.value(),
            quiet_hours_enabled=self.quiet_enabled.isChecked(),
            quiet_start=py_time(start),
            quiet_end=py_time(end),
            close_to_tray=self.close_to_tray.isChecked(),
            start_at_login=self.start_at_login.isChecked(),
            end_of_business=py_time(self.end_of_business.time()),
            **stays,
            color_scheme=str(self.color_scheme.currentData()),
            your_name=" ".join(self.your_name.text().split()),
            everyones_reminders=self.everyones_reminders.isChecked(),
        )

    def problem(self) -> str:
        value = self.value()
        if value.quiet_hours_enabled and value.quiet_start == value.quiet_end:
            return tr("Quiet hours start and end at the same time; pick two different times.")
        return ""

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        settings: Settings,
        send_test: Callable[[], str] | None = None,
        tray_available: bool = False,
        person: Person | None = None,
    ) -> Settings | None:
        """Show the dialog; the new settings, or None when cancelled."""
        dialog = cls(settings, send_test, tray_available, parent, person)
        return run_modal(dialog, lambda d: d.value())

    # --- slots ------------------------------------------------------------------------------------

    @override
    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error.setText(problem)
            self.error.show()
            grow_to_fit(self)
            return
        super().accept()

    def _on_quiet_enabled_toggled(self, enabled: bool) -> None:
        self.quiet_start.setEnabled(enabled)
        self.quiet_end.setEnabled(enabled)

    def _on_test_button_clicked(self) -> None:
        if self._send_test is None:
            return
        route = self._send_test()
        self.test_result.setText(
            tr("Sent. Reminders reach you through {route}.").format(route=route)
        )

        self.test_result.show()
        grow_to_fit(self)
