"""The money dialog shows how each amount is read while it is typed, so "12,5" is seen as
12.50 EUR (not 125) before anything is saved, and an ambiguous "1,234" keeps the dialog open."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ckbook.services.money import MoneyTermsInput, MoneyTermsRow
from ckbook.ui.dialogs.money_terms import MoneyTermsDialog


def _dialog(qtbot, current=None) -> MoneyTermsDialog:  # type: ignore[no-untyped-def]
    dialog = MoneyTermsDialog(current, date(2026, 11, 18))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_decimal_comma_is_shown_and_saved_as_a_decimal(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot)
    qtbot.keyClicks(dialog.form.amount, "12,5")
    reading = dialog.form.readings["amount"]
    assert reading.isVisible()
    assert reading.text() == "→ 12.50 EUR"
    dialog.accept()
    assert dialog.result_terms is not None
    assert dialog.result_terms.amount == Decimal("12.5")


def test_the_reading_follows_the_currency_and_every_amount(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot)
    dialog.form.currency.setText("chf")
    qtbot.keyClicks(dialog.form.deposit, "1.234,50")
    qtbot.keyClicks(dialog.form.budget_ceiling, "1 000")
    assert dialog.form.readings["deposit"].text() == "→ 1,234.50 CHF"
    assert dialog.form.readings["budget_ceiling"].text() == "→ 1,000.00 CHF"
    assert not dialog.form.readings["amount"].isVisible()  # nothing typed, nothing said


def test_an_ambiguous_amount_is_named_and_the_dialog_stays_open(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot)
    qtbot.keyClicks(dialog.form.amount, "1,234")
    assert "could mean 1234 or 1.234" in dialog.form.readings["amount"].text()
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.result_terms is None
    assert "could mean 1234 or 1.234" in dialog.error.text()


def test_a_dot_before_three_digits_says_it_is_a_decimal_point(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot)
    qtbot.keyClicks(dialog.form.amount, "1.234")
    text = dialog.form.readings["amount"].text()
    assert text.startswith("→ 1.234 EUR")
    assert "for 1234 type that" in text


def test_a_stored_amount_comes_back_in_plain_digits(qtbot, now) -> None:  # type: ignore[no-untyped-def]
    from ckbook.services.money import MoneyTermsRow

    current = MoneyTermsRow(pricing_model="fixed", amount=Decimal("1E+3"), version=1)
    dialog = _dialog(qtbot, current)
    assert dialog.form.amount.text() == "1000"
    dialog.form.change_reason.setText("rounding")
    dialog.accept()
    assert dialog.result_terms is not None
    assert dialog.result_terms.amount == Decimal("1000")
    assert isinstance(dialog.result_terms, MoneyTermsInput)


def test_a_deposit_of_a_share_is_worked_out_from_the_amount(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot)
    dialog.form.amount.setText("2,400.00 €")  # QTest types ASCII only
    qtbot.keyClicks(dialog.form.deposit, "30%")
    assert dialog.form.readings["deposit"].text() == "→ 720.00 EUR (30% of 2,400.00 EUR)"
    dialog.accept()
    assert dialog.result_terms is not None
    assert (dialog.result_terms.amount, dialog.result_terms.deposit) == (
        Decimal("2400.00"),
        Decimal("720.00"),
    )


def test_a_share_without_an_amount_keeps_the_dialog_open_and_says_why(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot)
    qtbot.keyClicks(dialog.form.deposit, "30%")
    assert "needs the amount it is a share of" in dialog.form.readings["deposit"].text()
    dialog.accept()
    assert dialog.result_terms is None and dialog.isVisible()


def test_in_a_german_locale_8_500_euro_is_eight_thousand_five_hundred(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QLocale

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        dialog = _dialog(qtbot)
        dialog.form.amount.setText("8.500 €")  # QTest types ASCII only
        assert dialog.form.readings["amount"].text() == "→ 8,500.00 EUR"
        dialog.accept()
        assert dialog.result_terms is not None
        assert dialog.result_terms.amount == Decimal("8500")
    finally:
        QLocale.setDefault(before)


def test_amounts_reopened_in_a_comma_locale_keep_their_value(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """German writes "1,500" for 1.5: an amount of 1.500 shown as "1.500" would be saved back
    as 1500 when the terms are changed."""
    from PySide6.QtCore import QLocale

    monkeypatch.setattr(QLocale, "decimalPoint", lambda self: ",")
    current = MoneyTermsRow("per item", Decimal("1.500"), deposit=Decimal("250.75"), version=1)
    dialog = _dialog(qtbot, current)
    assert dialog.form.amount.text() == "1,500"
    assert dialog.form.deposit.text() == "250,75"
    dialog.accept()
    assert dialog.result_terms is not None
    assert dialog.result_terms.amount == Decimal("1.500")
    assert dialog.result_terms.deposit == Decimal("250.75")
