"""Money terms: the form (also part of setting up a new client) and the dialog that records a new
version. Amounts are read as Decimal (never float) by ``ckbook.services.money.parse_money``."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, QLocale, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from ckbook.i18n import format_number, tr
from ckbook.services.base import InputError
from ckbook.services.money import (
    MoneyTermsInput,
    MoneyTermsRow,
    decimal_point_note,
    format_money,
    parse_deposit,
    parse_money,
)
from ckbook.store.models import PRICING_MODELS
from ckbook.ui import theme
from ckbook.ui.dialogs import grow_to_fit, run_modal
from ckbook.ui.dialogs.choices import choice, choice_box, date_edit_format, set_choice
from ckbook.ui.qt_values import py_date
from ckbook.ui.safe_text import plain_label


class FieldProblem(InputError):
    """Bad input in one field of a form: ``field`` is the form's attribute holding it, so the
    dialog can point at it whatever language the message is in."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _text(value: object) -> str:
    if value is None:
        return ""
    # A Decimal in plain digits ("1000", never "1E+3") with the locale's decimal mark, which
    # parse_money reads back exactly: "1.500" in a comma locale would read as 1500.
    if isinstance(value, Decimal):
        digits = format(value, "f")
        return digits.replace(".", ",") if locale_decimal_comma() else digits
    return str(value)


def locale_decimal_comma() -> bool:
    """Whether the user's locale writes a comma as the decimal mark ("8.500,00 €")."""
    return QLocale().decimalPoint() == ","


def amount_reading(
    text: str, currency: str, what: str, of_amount: str | None = None
) -> tuple[str, bool]:
    """What the line under a money field says as it is typed ("→ 12.50 EUR" for "12,5";
    "→ 150.00 EUR (30% of 500.00 EUR)" for a deposit of "30%"), and whether that is a problem
    (the amount cannot be read). ``of_amount``: the amount field's text, for a deposit."""
    comma = locale_decimal_comma()
    code = currency.strip().upper()
    code = code if len(code) == 3 and code.isalpha() else ""
    try:
        if of_amount is None:
            value = parse_money(text, what, decimal_comma=comma)
        else:
            whole = parse_money(of_amount, "amount", decimal_comma=comma)
            value = parse_deposit(text, whole, decimal_comma=comma)
            if value is not None and text.strip().endswith("%") and whole is not None:
                shown = format_money(value, code)
                share = tr("→ {amount} ({share} of {whole})").format(
                    amount=shown, share=text.strip(), whole=format_money(whole, code)
                )
                return share, False
    except InputError as exc:
        return str(exc), True
    if value is None:
        return "", False
    shown = f"→ {format_money(value, code)}"
    note = "" if comma else decimal_point_note(text)
    return (f"{shown} ({note})" if note else shown), False


class MoneyTermsForm(QWidget):
    """Every field of one money-terms version; ``value()`` reads them or raises InputError."""

    def __init__(self, today: date, parent: QWidget | None = None, *, with_reason: bool = False):
        super().__init__(parent)
        self.pricing_model = choice_box("pricing", PRICING_MODELS)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(tr("e.g. {amount}").format(amount=format_number(95, 2)))
        self.currency = QLineEdit("EUR")
        self.currency.setMaxLength(3)
        self.currency.setMaximumWidth(60)
        self.budget_ceiling = QLineEdit()
        self.budget_ceiling.setPlaceholderText(tr("none", "no amount"))
        self.payment_terms_days = QLineEdit()
        self.payment_terms_days.setPlaceholderText(tr("days, e.g. 30"))
        self.deposit = QLineEdit()
        self.deposit.setPlaceholderText(tr("none", "no amount"))
        self.discount = QLineEdit()
        self.discount.setPlaceholderText(tr("e.g. 10% off the second project"))
        self.discount_condition = QLineEdit()
        self.discount_condition.setPlaceholderText(tr("e.g. if they sign by March"))
        # Wide enough to show the longest hint whole (German ones run longer than English).
        hint = self.discount.fontMetrics().horizontalAdvance(self.discount.placeholderText())
        self.discount.setMinimumWidth(hint + 16)
        self.scope_in = QPlainTextEdit()
        self.scope_out = QPlainTextEdit()
        for box in (self.scope_in, self.scope_out):
            box.setTabChangesFocus(True)
            box.setFixedHeight(box.fontMetrics().height() * 3 + 14)
        self.agreed = QCheckBox(tr("Agreed on"))
        self.agreed.setChecked(True)
        self.agreed_on = QDateEdit(_qdate(today))
        self.agreed_on.setCalendarPopup(True)
        self.agreed_on.setDisplayFormat(date_edit_format())
        self.agreed.toggled.connect(self.agreed_on.setEnabled)
        self.confirmed = QCheckBox(tr("Confirmed by the client"))
        self.change_reason = QLineEdit()
        self.change_reason.setPlaceholderText(tr("why the terms change"))
        #: Under each amount, how it is read, updated as it is typed (so "12,5" shows 12.50).
        self.readings: dict[str, QLabel] = {}
        understood = {
            "amount": tr("Amount understood as"),
            "budget_ceiling": tr("Budget ceiling understood as"),
            "deposit": tr("Deposit understood as"),
        }
        for name, field in self._amount_fields().items():
            label = plain_label(wrap=True)
            label.setObjectName(f"{name}_reading")
            label.setAccessibleName(understood[name])
            label.hide()
            self.readings[name] = label
            field.textChanged.connect(self._on_amount_text_changed)
        self.currency.textChanged.connect(self._on_amount_text_changed)

        amount_row = QHBoxLayout()
        amount_row.addWidget(self.amount, 1)
        amount_row.addWidget(self.currency)
        agreed_row = QHBoxLayout()
        agreed_row.addWidget(self.agreed)
        agreed_row.addWidget(self.agreed_on, 1)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(tr("Pricing model"), self.pricing_model)
        form.addRow(tr("Amount"), self._with_reading(amount_row, "amount"))
        form.addRow(tr("Budget ceiling"), self._with_reading(self.budget_ceiling, "budget_ceiling"))
        form.addRow(tr("Payment terms"), self.payment_terms_days)
        form.addRow(tr("Deposit"), self._with_reading(self.deposit, "deposit"))
        form.addRow(tr("Discount promised"), self.discount)
        form.addRow(tr("…on condition"), self.discount_condition)
        form.addRow(tr("Scope in"), self.scope_in)
        form.addRow(tr("Scope out"), self.scope_out)
        form.addRow(agreed_row)
        form.addRow("", self.confirmed)
        if with_reason:
            form.addRow(tr("Reason for the change"), self.change_reason)
        self.change_reason.setVisible(with_reason)

    def _amount_fields(self) -> dict[str, QLineEdit]:
        return {"amount": self.amount, "budget_ceiling": self.budget_ceiling,
                "deposit": self.deposit}  # fmt: skip

    def _with_reading(self, field: QWidget | QHBoxLayout, name: str) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(2)
        if isinstance(field, QHBoxLayout):
            column.addLayout(field)
        else:
            column.addWidget(field)
        column.addWidget(self.readings[name])
        return column

    def _on_amount_text_changed(self, _text: str = "") -> None:
        error = theme.colors().error
        for name, field in self._amount_fields().items():
            label = self.readings[name]
            of_amount = self.amount.text() if name == "deposit" else None
            text, problem = amount_reading(
                field.text(), self.currency.text(), name.replace("_", " "), of_amount
            )
            label.setText(text)
            label.setStyleSheet(f"color: {error};" if problem else "")
            label.setVisible(bool(text))
        # After the layout pass that gives the shown labels their width (and so their height).
        QTimer.singleShot(0, self, lambda: grow_to_fit(self.window()))

    def set_value(self, terms: MoneyTermsRow | MoneyTermsInput | None) -> None:
        if terms is None:
            return
        set_choice(self.pricing_model, terms.pricing_model)
        self.amount.setText(_text(terms.amount))
        self.currency.setText(terms.currency)
        self.budget_ceiling.setText(_text(terms.budget_ceiling))
        self.payment_terms_days.setText(_text(terms.payment_terms_days))
        self.deposit.setText(_text(terms.deposit))
        self.discount.setText(terms.discount)
        self.discount_condition.setText(terms.discount_condition)
        self.scope_in.setPlainText(terms.scope_in)
        self.scope_out.setPlainText(terms.scope_out)
        self.agreed.setChecked(terms.agreed_on is not None)
        if terms.agreed_on is not None:
            self.agreed_on.setDate(_qdate(terms.agreed_on))
        self.confirmed.setChecked(terms.confirmed_by_client)

    def value(self) -> MoneyTermsInput:
        """What the form says; raises InputError naming the first field that is wrong."""
        days_text = self.payment_terms_days.text().strip().removesuffix("days").strip()
        days_text = days_text.removesuffix(tr("days", "payment terms unit")).strip()
        if days_text and not days_text.isdigit():
            raise FieldProblem(
                tr("payment terms “{text}” is not a number of days").format(text=days_text),
                "payment_terms_days",
            )
        currency = self.currency.text().strip().upper()
        if len(currency) != 3 or not currency.isalpha():
            raise FieldProblem(
                tr("currency “{code}” is not a three-letter code like EUR").format(code=currency),
                "currency",
            )
        if self.discount_condition.text().strip() and not self.discount.text().strip():
            raise FieldProblem(tr("a discount condition needs the discount itself"), "discount")
        comma = locale_decimal_comma()
        amount = parse_money(self.amount.text(), "amount", decimal_comma=comma)
        return MoneyTermsInput(
            pricing_model=choice(self.pricing_model),
            amount=amount,
            currency=currency,
            budget_ceiling=parse_money(
                self.budget_ceiling.text(), "budget ceiling", decimal_comma=comma
            ),
            payment_terms_days=int(days_text) if days_text else None,
            deposit=parse_deposit(self.deposit.text(), amount, decimal_comma=comma),
            discount=self.discount.text().strip(),
            discount_condition=self.discount_condition.text().strip(),
            scope_in=self.scope_in.toPlainText().strip(),
            scope_out=self.scope_out.toPlainText().strip(),
            agreed_on=py_date(self.agreed_on.date()) if self.agreed.isChecked() else None,
            confirmed_by_client=self.confirmed.isChecked(),
            change_reason=self.change_reason.text().strip(),
        )


def error_label() -> QWidget:
    label = plain_label(wrap=True)
    label.setStyleSheet(f"color: {theme.colors().error};")
    label.setAccessibleName(tr("Problem"))
    label.hide()
    return label


class MoneyTermsDialog(QDialog):
    """Record the money terms (first version, or a change that becomes a new version)."""

    def __init__(
        self,
        current: MoneyTermsRow | None,
        today: date,
        client_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        title = tr("Change money terms") if current else tr("Record money terms")
        self.setWindowTitle(f"{title} — {client_name}" if client_name else title)
        self.form = MoneyTermsForm(today, with_reason=current is not None)
        self.form.set_value(current)
        if current is not None:
            self.form.agreed_on.setDate(_qdate(today))  # a change is agreed anew
            self.form.confirmed.setChecked(False)
        self.error = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if current is not None:
            note = plain_label(
                tr("Saving makes version {new}; version {old} stays in the history.").format(
                    new=current.version + 1, old=current.version
                ),
                wrap=True,
            )
            layout.addWidget(note)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.result_terms: MoneyTermsInput | None = None
        self.form.amount.setFocus(Qt.FocusReason.OtherFocusReason)

    @override
    def accept(self) -> None:
        try:
            self.result_terms = self.form.value()
        except InputError as exc:
            self.error.setText(str(exc))  # type: ignore[attr-defined]
            self.error.show()
            QTimer.singleShot(0, self, lambda: grow_to_fit(self))
            return
        super().accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        current: MoneyTermsRow | None,
        today: date,
        client_name: str = "",
    ) -> MoneyTermsInput | None:
        return run_modal(cls(current, today, client_name, parent), lambda d: d.result_terms)
