"""Setting up a client (Ctrl+N): who they are, how much attention they get, and the money terms —
"decide it at the start". Choosing an attention level fills in its usual check-in cadence and
response time (``ckbook.services.rules.ATTENTION_DEFAULTS``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from ckbook.services.base import InputError
from ckbook.services.clients import ClientInput
from ckbook.services.money import MoneyTermsInput
from ckbook.services.rules import ATTENTION_DEFAULTS
from ckbook.store.models import ATTENTION_LEVELS, CHANNELS, CLIENT_STATUSES
from ckbook.ui.dialogs import run_modal, split_list
from ckbook.ui.dialogs.money_terms import MoneyTermsForm, error_label
from ckbook.ui.safe_text import plain_label


@dataclass(frozen=True)
class NewClient:
    client: ClientInput
    money: MoneyTermsInput | None


class NewClientDialog(QDialog):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New client")
        self.name = QLineEdit()
        self.name.setPlaceholderText("required")
        self.name.setAccessibleName("Name")
        self.organisation = QLineEdit()
        self.emails = QLineEdit()
        self.emails.setPlaceholderText("several: separate with commas")
        self.phones = QLineEdit()
        self.phones.setPlaceholderText("several: separate with commas")
        self.tags = QLineEdit()
        self.tags.setPlaceholderText("e.g. retainer, design")
        self.status = QComboBox()
        self.status.addItems(CLIENT_STATUSES)
        self.status.setCurrentText("active")
        self.attention_level = QComboBox()
        self.attention_level.addItems(ATTENTION_LEVELS)
        self.checkin_days = QSpinBox()
        self.checkin_days.setRange(1, 365)
        self.checkin_days.setSuffix(" days")
        self.response_hours = QSpinBox()
        self.response_hours.setRange(1, 24 * 30)
        self.response_hours.setSuffix(" hours")
        self.preferred_channel = QComboBox()
        self.preferred_channel.addItems(CHANNELS)
        self.handling_notes = QPlainTextEdit()
        self.handling_notes.setTabChangesFocus(True)
        self.handling_notes.setPlaceholderText("e.g. prefers short calls before 10:00")
        self.handling_notes.setFixedHeight(self.fontMetrics().height() * 3 + 14)

        who = QGroupBox("Who")
        who_form = QFormLayout(who)
        who_form.addRow("Name", self.name)
        who_form.addRow("Organisation", self.organisation)
        who_form.addRow("Emails", self.emails)
        who_form.addRow("Phones", self.phones)
        who_form.addRow("Tags", self.tags)
        who_form.addRow("Status", self.status)

        attention = QGroupBox("Attention")
        attention_form = QFormLayout(attention)
        attention_form.addRow("Level", self.attention_level)
        attention_form.addRow("Check in every", self.checkin_days)
        attention_form.addRow("Answer within", self.response_hours)
        attention_form.addRow("Preferred channel", self.preferred_channel)
        attention_form.addRow("How they like to be handled", self.handling_notes)

        self.money_box = QGroupBox("Money terms — agree them at the start")
        self.money_box.setCheckable(True)
        self.money_box.setChecked(True)
        self.money = MoneyTermsForm(today)
        money_layout = QVBoxLayout(self.money_box)
        money_layout.addWidget(
            plain_label(
                'Untick to record them later; the card then says "Money not discussed yet".',
                wrap=True,
            )
        )
        money_layout.addWidget(self.money)

        self.error = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("Create client")
        self.save_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        columns = QWidget()
        row = QHBoxLayout(columns)
        row.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        left.addWidget(who)
        left.addWidget(attention)
        left.addStretch(1)
        row.addLayout(left, 1)
        row.addWidget(self.money_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(columns)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.name.textChanged.connect(self._on_name_text_changed)
        self.attention_level.currentTextChanged.connect(self._on_attention_level_changed)
        self.attention_level.setCurrentText("standard")
        self._on_attention_level_changed("standard")
        self.result_value: NewClient | None = None
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_name_text_changed(self, text: str) -> None:
        self.save_button.setEnabled(bool(text.strip()))

    def _on_attention_level_changed(self, level: str) -> None:
        defaults = ATTENTION_DEFAULTS.get(level)
        if defaults:
            self.checkin_days.setValue(defaults["checkin_days"])
            self.response_hours.setValue(defaults["response_hours"])

    def value(self) -> NewClient:
        name = self.name.text().strip()
        if not name:
            raise InputError("client name is empty")
        money = None
        if self.money_box.isChecked():
            money = self.money.value()
            if money.amount is None:
                raise InputError("money terms need an amount (or untick them to decide later)")
        client = ClientInput(
            name=name,
            organisation=self.organisation.text().strip(),
            emails=split_list(self.emails.text()),
            phones=split_list(self.phones.text()),
            tags=split_list(self.tags.text()),
            status=self.status.currentText(),
            handling_notes=self.handling_notes.toPlainText().strip(),
            attention_level=self.attention_level.currentText(),
            checkin_days=self.checkin_days.value(),
            response_hours=self.response_hours.value(),
            preferred_channel=self.preferred_channel.currentText(),
        )
        return NewClient(client, money)

    @override
    def accept(self) -> None:
        try:
            self.result_value = self.value()
        except InputError as exc:
            self.error.setText(str(exc))  # type: ignore[attr-defined]
            self.error.show()
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, today: date) -> NewClient | None:
        return run_modal(cls(today, parent), lambda d: d.result_value)
