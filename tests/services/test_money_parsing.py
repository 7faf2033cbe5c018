"""Amounts typed by people: a decimal point or a decimal comma, thousands in any common style,
and ambiguous input refused with a message naming both readings (never silently multiplied)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ckbook.services.base import InputError
from ckbook.services.money import decimal_point_note, format_money, parse_deposit, parse_money


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("95", "95"),
        ("12.5", "12.5"),
        ("12,5", "12.5"),
        ("12,50", "12.50"),
        ("0,125", "0.125"),
        (",5", "0.5"),
        (".5", "0.5"),
        ("7.", "7"),
        ("1.234", "1.234"),
        ("1,234.50", "1234.50"),
        ("1.234,50", "1234.50"),
        ("1 234,50", "1234.50"),
        ("1\u00a0234,50", "1234.50"),
        ("1\u202f234.50", "1234.50"),
        ("1'234.50", "1234.50"),
        ("1,234,567", "1234567"),
        ("1.234.567", "1234567"),
        ("1.234.567,89", "1234567.89"),
        ("1 234", "1234"),
        ("12,3456", "12.3456"),
        ("  95.00  ", "95.00"),
        ("+5", "5"),
        ("-0", "0"),
        ("0", "0"),
    ],
)
def test_an_amount_is_read_as_people_write_it(text, expected):
    assert parse_money(text, "amount") == Decimal(expected)


@pytest.mark.parametrize("text", ["", "  ", None])
def test_nothing_typed_is_no_amount(text):
    assert parse_money(text, "amount") is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1,234", r"amount '1,234' could mean 1234 or 1\.234"),
        ("12,500", r"could mean 12500 or 12\.500"),
        ("1 000,500", r"could mean 1000500 or 1000\.500"),
        ("12 5", "groups of three"),
        ("1,2.5", "groups of three"),
        ("1,23,456.00", "groups of three"),
        ("1.5.5", "groups of three"),
        ("1,234.5.6", "not an amount"),
        ("1.234,5,6", "not an amount"),
        ("abc", "not an amount"),
        ("1e5", "not an amount"),
        ("NaN", "not an amount"),
        ("Infinity", "not an amount"),
        ("EUR", "not an amount"),
        ("€", "not an amount"),
        ("12 € 50", "not an amount"),
        (".", "not an amount"),
        ("-", "not an amount"),
        ("-3", "must be zero or more"),
        ("-12,5", "must be zero or more"),
        ("1.23456", "more than 4 decimals"),
        ("1,23456", "more than 4 decimals"),
    ],
)
def test_unclear_amounts_are_refused_with_a_message_naming_them(text, message):
    with pytest.raises(InputError, match=message):
        parse_money(text, "amount")


def test_the_message_names_the_field():
    with pytest.raises(InputError, match=r"^deposit '1,234'"):
        parse_money("1,234", "deposit")


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("1.234", "for 1234 type that"),
        ("12.500", "for 12500 type that"),
        ("0.125", ""),
        ("12.5", ""),
        ("1,234.50", ""),
        ("1.234.567", ""),
        ("", ""),
    ],
)
def test_a_dot_before_three_digits_is_explained(text, note):
    assert (note in decimal_point_note(text)) if note else decimal_point_note(text) == ""


amounts = st.decimals(min_value=Decimal(0), max_value=Decimal("1e12"), places=4, allow_nan=False)


@given(amounts)
def test_an_amount_as_shown_reads_back_as_the_same_amount(amount):
    assert parse_money(format_money(amount), "amount") == amount


@given(amounts)
def test_an_amount_as_stored_reads_back_as_the_same_amount(amount):
    assert parse_money(format(amount, "f"), "amount") == amount


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12,50 EUR", Decimal("12.50")),
        ("8.500,00 €", Decimal("8500.00")),
        ("€1,200.50", Decimal("1200.50")),
        ("$1,250.00", Decimal("1250.00")),
        ("US$ 40", Decimal("40")),
        ("EUR 1.200,00", Decimal("1200.00")),
        ("CHF 1'200", Decimal("1200")),
    ],
)
def test_a_currency_beside_the_amount_is_read_past(text, expected):
    assert parse_money(text, "amount") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8.500 €", Decimal("8500")),
        ("1,234", Decimal("1.234")),
        ("1.234.567,5", Decimal("1234567.5")),
    ],
)
def test_where_a_comma_is_the_decimal_mark_a_lone_dot_groups_thousands(text, expected):
    assert parse_money(text, "amount", decimal_comma=True) == expected
    if text == "8.500 €":
        assert parse_money(text, "amount") == Decimal("8.500")  # elsewhere: a decimal point


@pytest.mark.parametrize(
    ("text", "amount", "expected"),
    [
        ("30%", Decimal("1234.50"), Decimal("370.35")),
        ("30 %", Decimal("500"), Decimal("150.00")),
        ("12,5%", Decimal("1000"), Decimal("125.00")),
        ("250", None, Decimal("250")),
    ],
)
def test_a_deposit_may_be_a_share_of_the_amount(text, amount, expected):
    assert parse_deposit(text, amount) == expected


@pytest.mark.parametrize(
    ("text", "amount", "message"),
    [
        ("30%", None, "needs the amount it is a share of"),
        ("130%", Decimal("100"), "more than the whole amount"),
        ("%", Decimal("100"), "is not a share"),
    ],
)
def test_a_share_that_cannot_be_worked_out_is_refused(text, amount, message):
    with pytest.raises(InputError, match=message):
        parse_deposit(text, amount)
