"""Setting up a client (Ctrl+N): who they are, how much attention they get, and the money terms —
"decide it at the start". Choosing an attention level fills in its usual check-in cadence and
response time (``ckbook.services.rules.ATTENTION_DEFAULTS``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import cast

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from ckbook.i18n import tr
from ckbook.services.base import InputError
from ckbook.services.clients import ClientInput, clean_client_input
from ckbook.services.limits import CHECKIN_DAYS, RESPONSE_HOURS
from ckbook.services.money import MoneyTermsInput, clean_money_terms
from ckbook.services.rules import ATTENTION_DEFAULTS
from ckbook.store.models import ATTENTION_LEVELS, CHANNELS, CLIENT_STATUSES
from ckbook.ui.dialogs import grow_to_fit, join_list, run_modal, spin_box, split_list
from ckbook.ui.dialogs.choices import choice, choice_box, set_choice
from ckbook.ui.dialogs.money_terms import FieldProblem, MoneyTermsForm, error_label
from ckbook.ui.safe_text import plain_label


def _hint_width(field: QLineEdit) -> int:
    """The width that shows ``field``'s placeholder whole."""
    return field.fontMetrics().horizontalAdvance(field.placeholderText()) + 16


@dataclass(frozen=True)
class NewClient:
    client: ClientInput
    money: MoneyTermsInput | None


class NewClientDialog(QDialog):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("New client"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("required"))
        self.name.setAccessibleName(tr("Name"))
        self.organisation = QLineEdit()
        self.emails = QLineEdit()
        self.emails.setPlaceholderText(tr("several: separate with commas"))
        self.phones = QLineEdit()
        self.phones.setPlaceholderText(tr("several: separate with commas"))
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(tr("e.g. retainer, design"))
        self.status = choice_box("status", CLIENT_STATUSES)
        set_choice(self.status, "active")
        self.attention_level = choice_box("attention", ATTENTION_LEVELS)
        self.checkin_days = spin_box(CHECKIN_DAYS, tr(" days", "spin box suffix"))
        self.response_hours = spin_box(RESPONSE_HOURS, tr(" hours", "spin box suffix"))
        self.preferred_channel = choice_box("channel", CHANNELS)
        self.handling_notes = QPlainTextEdit()
        self.handling_notes.setTabChangesFocus(True)
        self.handling_notes.setPlaceholderText(tr("e.g. prefers short calls before 10:00"))
        self.handling_notes.setFixedHeight(self.fontMetrics().height() * 3 + 14)

        # Wide enough to show the hints whole (German ones run longer than English).
        for field in (self.name, self.organisation, self.emails, self.phones, self.tags):
            field.setMinimumWidth(_hint_width(self.emails))
        self.handling_notes.setMinimumWidth(_hint_width(self.emails))

        who = QGroupBox(tr("Who"))
        who_form = self.who_form = QFormLayout(who)
        who_form.addRow(tr("Name"), self.name)
        who_form.addRow(tr("Organisation"), self.organisation)
        who_form.addRow(tr("Emails"), self.emails)
        who_form.addRow(tr("Phones"), self.phones)
        who_form.addRow(tr("Tags"), self.tags)
        who_form.addRow(tr("Status"), self.status)

        attention = QGroupBox(tr("Attention"))
        attention_form = self.attention_form = QFormLayout(attention)
        attention_form.addRow(tr("Level"), self.attention_level)
        attention_form.addRow(tr("Check in every"), self.checkin_days)
        attention_form.addRow(tr("Answer within"), self.response_hours)
        attention_form.addRow(tr("Preferred channel"), self.preferred_channel)
        attention_form.addRow(tr("How they like to be handled"), self.handling_notes)

        self.money_box = QGroupBox(tr("Money terms — agree them at the start"))
        self.money_box.setCheckable(True)
        self.money_box.setChecked(True)
        self.money = MoneyTermsForm(today)
        money_layout = QVBoxLayout(self.money_box)
        money_layout.addWidget(
            plain_label(
                tr('Untick to record them later; the card then says "Money not discussed yet".'),
                wrap=True,
            )
        )
        money_layout.addWidget(self.money)

        self.error = error_label()
        #: The same message, shown right under the field it is about (when that field has a row
        #: of its own); the field gets focus.
        self.field_error = error_label()
        self.field_error.setObjectName("field_error")
        self._field_error_form: QFormLayout | None = None
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(tr("Create client"))
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
        self.attention_level.currentIndexChanged.connect(self._on_attention_level_changed)
        set_choice(self.attention_level, "standard")
        self._on_attention_level_changed()
        self.result_value: NewClient | None = None
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_name_text_changed(self, text: str) -> None:
        self.save_button.setEnabled(bool(text.strip()))

    def _on_attention_level_changed(self, _index: int = 0) -> None:
        defaults = ATTENTION_DEFAULTS.get(choice(self.attention_level))
        if defaults:
            self.checkin_days.setValue(defaults["checkin_days"])
            self.response_hours.setValue(defaults["response_hours"])

    def value(self) -> NewClient:
        """What the dialog says, checked by the services' own rules (the ones ``add_client``
        and ``set_money_terms`` apply); raises InputError naming the first thing that is wrong."""
        name = self.name.text().strip()
        if not name:
            raise FieldProblem(tr("client name is empty"), "name")
        client = ClientInput(
            name=name,
            organisation=self.organisation.text().strip(),
            emails=split_list(self.emails.text()),
            phones=split_list(self.phones.text()),
            tags=split_list(self.tags.text()),
            status=choice(self.status),
            handling_notes=self.handling_notes.toPlainText().strip(),
            attention_level=choice(self.attention_level),
            checkin_days=self.checkin_days.value(),
            response_hours=self.response_hours.value(),
            preferred_channel=choice(self.preferred_channel),
        )
        clean_client_input(client)
        money = None
        if self.money_box.isChecked():
            money = clean_money_terms(self.money.value())
            if money.amount is None:
                raise FieldProblem(
                    tr("money terms need an amount (or untick them to decide later)"), "amount"
                )
        return NewClient(client, money)

    def set_value(self, answer: NewClient) -> None:
        """Fill the dialog with an earlier answer (asked again after it could not be saved)."""
        data = answer.client
        self.name.setText(data.name)
        self.organisation.setText(data.organisation)
        self.emails.setText(join_list(data.emails))
        self.phones.setText(join_list(data.phones))
        self.tags.setText(join_list(data.tags))
        set_choice(self.status, data.status)
        self.handling_notes.setPlainText(data.handling_notes)
        set_choice(self.attention_level, data.attention_level)  # fills its defaults, then:
        self.checkin_days.setValue(data.checkin_days)
        self.response_hours.setValue(data.response_hours)
        set_choice(self.preferred_channel, data.preferred_channel)
        self.money_box.setChecked(answer.money is not None)
        self.money.set_value(answer.money)

    def _field_for(self, problem: str, field: str | None = None) -> QWidget | None:
        """The field a message is about: ``field`` (a :class:`FieldProblem`'s, an attribute of
        this dialog or of its money form), else the one a message from the rules starts with
        the name of."""
        money = self.money
        if field is not None:
            found = getattr(self, field, None) if field == "name" else getattr(money, field, None)
            if isinstance(found, QWidget):
                return found
        fields: tuple[tuple[str, QWidget], ...] = (
            ("client name", self.name),
            ("organisation", self.organisation),
            ("email", self.emails),
            ("phone", self.phones),
            ("tag", self.tags),
            ("check-in", self.checkin_days),
            ("expected response", self.response_hours),
            ("money terms need an amount", money.amount),
            ("amount", money.amount),
            ("budget ceiling", money.budget_ceiling),
            ("deposit", money.deposit),
            ("currency", money.currency),
            ("payment terms", money.payment_terms_days),
            ("a discount condition", money.discount),
        )
        # The rules' messages in the user's language start with the field's name as the
        # services translate it (services.clients, .limits, .money): the same catalogue words.
        named: tuple[tuple[str, QWidget], ...] = (
            (tr("client name"), self.name),
            (tr("check-in cadence"), self.checkin_days),
            (tr("expected response time"), self.response_hours),
            (tr("amount", "money terms field"), money.amount),
            (tr("budget ceiling", "money terms field"), money.budget_ceiling),
            (tr("deposit", "money terms field"), money.deposit),
            (tr("payment terms", "money terms field"), money.payment_terms_days),
        )
        said = problem.casefold()
        return next(
            (field for prefix, field in fields + named if said.startswith(prefix.casefold())),
            None,
        )

    def show_problem(self, problem: str, field_name: str | None = None) -> None:
        """Say what is wrong under the field it is about (``field_name``, else the one the
        message names; else above the buttons), and put the cursor there; everything typed
        stays."""
        if self._field_error_form is not None:
            self._field_error_form.takeRow(self.field_error)
            self._field_error_form = None
        self.field_error.hide()
        self.error.hide()
        field = self._field_for(problem, field_name)
        forms = (self.who_form, self.attention_form, self.money.layout())
        for form in forms:
            if not isinstance(form, QFormLayout) or field is None:
                continue
            position = cast("tuple[int, QFormLayout.ItemRole]", form.getWidgetPosition(field))
            row = position[0]
            if row >= 0:
                form.insertRow(row + 1, self.field_error)
                self._field_error_form = form
                self.field_error.setText(problem)  # type: ignore[attr-defined]
                self.field_error.show()
                break
        else:
            self.error.setText(problem)  # type: ignore[attr-defined]
            self.error.show()
        QTimer.singleShot(0, self, lambda: grow_to_fit(self))  # room for the message
        if field is not None:
            field.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(field, QLineEdit):
                field.selectAll()

    @override
    def accept(self) -> None:
        try:
            self.result_value = self.value()
        except InputError as exc:
            self.show_problem(str(exc), getattr(exc, "field", None))
            return
        super().accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        today: date,
        previous: NewClient | None = None,
        problem: str = "",
    ) -> NewClient | None:
        """The new client, or None when cancelled; ``previous`` and ``problem`` ask again with
        an answer that could not be saved, and why."""
        dialog = cls(today, parent)
        if previous is not None:
            dialog.set_value(previous)
        if problem:
            dialog.show_problem(problem)
        return run_modal(dialog, lambda d: d.result_value)
