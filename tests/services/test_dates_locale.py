"""Dates and amounts follow the installed language: English as the source, German from the
shipped catalogue (month and weekday names from the locale, "in 2 Tagen", "1.361,50 EUR")."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from ckbook import i18n
from ckbook.services import dates
from ckbook.services.due import Due
from ckbook.services.money import MoneyTermsRow, format_money

TZ = ZoneInfo("Europe/Berlin")
TODAY = date(2026, 11, 18)  # a Wednesday
NOW = datetime(2026, 11, 18, 10, 0, tzinfo=TZ)


@pytest.fixture
def german() -> Iterator[None]:
    assert i18n.install("de") == "de"
    yield
    i18n.uninstall()


@pytest.mark.parametrize(
    ("day", "short", "long"),
    [
        (date(2026, 11, 18), "heute", "heute"),
        (date(2026, 11, 19), "morgen", "morgen"),
        (date(2026, 11, 17), "gestern", "gestern"),
        (date(2026, 11, 20), "in 2 Tagen", "in 2 Tagen"),
        (date(2026, 11, 15), "vor 3 Tagen", "vor 3 Tagen"),
        (date(2026, 11, 6), "6. Nov.", "Fr., 6. Nov."),
        (date(2025, 11, 6), "6. Nov. 2025", "Do., 6. Nov. 2025"),
    ],
)
def test_german_days_are_relative_when_near_and_written_the_german_way_when_far(
    german, day, short, long
):
    assert dates.day_text(day, TODAY) == short
    assert dates.day_text(day, TODAY, long=True) == long


@pytest.mark.parametrize(
    ("due", "text"),
    [
        (Due(date(2026, 11, 17)), "1 Tag überfällig"),
        (Due(date(2026, 11, 15)), "3 Tage überfällig"),
        (Due(date(2026, 11, 18), time(9, 0)), "überfällig seit 09:00"),
        (Due(date(2026, 11, 21), time(17, 30)), "in 3 Tagen, 17:30"),
        (Due(date(2026, 11, 1)), "überfällig seit 1. Nov."),
        (Due(date(2026, 11, 30), time(17, 30)), "30. Nov. 17:30"),
    ],
)
def test_german_dues_say_how_late_in_german(german, due, text):
    assert dates.due_text(due, NOW, TZ) == text


def test_german_headings_records_and_overdue_check_ins(german):
    assert dates.full_day(TODAY) == "Mittwoch, 18. November"
    assert dates.absolute_moment(NOW, TZ) == "Mi., 18. Nov. 2026 10:00"
    assert dates.overdue_since(date(2026, 11, 15), TODAY) == "seit 3 Tagen fällig"
    assert dates.month_and_year(TODAY) == "November 2026"


def test_english_without_a_catalogue_reads_as_before():
    assert dates.full_day(TODAY) == "Wednesday 18 November"
    assert dates.absolute_moment(NOW, TZ) == "Wed 18 Nov 2026 10:00"
    assert dates.absolute_day(date(2026, 3, 6)) == "6 Mar 2026"
    assert dates.due_words(Due(date(2026, 11, 19), time(17, 0)), TODAY) == "Thu 19 Nov 17:00"
    assert dates.due_words(Due(date(2028, 1, 3))) == "Mon 3 Jan 2028"
    assert dates.overdue_since(date(2026, 11, 15), TODAY) == "due 3 days ago"
    assert dates.until_text(datetime(2026, 11, 18, 15, 0, tzinfo=TZ), NOW, TZ) == "15:00"
    assert dates.until_text(datetime(2026, 11, 19, 9, 0, tzinfo=TZ), NOW, TZ) == "tomorrow 09:00"


def test_a_due_describes_itself_in_the_one_style():
    assert Due(date(2026, 11, 20), time(15, 0)).describe() == "Fri 20 Nov 2026 15:00"
    assert Due(date(2026, 3, 6)).describe() == "Fri 6 Mar 2026"


@pytest.mark.parametrize(
    ("amount", "english", "german"),
    [
        (Decimal("1361.5"), "1,361.50 EUR", "1.361,50 EUR"),
        (Decimal("95.1234"), "95.1234 EUR", "95,1234 EUR"),
        (Decimal("1250000"), "1,250,000.00 EUR", "1.250.000,00 EUR"),
        (Decimal("0"), "0.00 EUR", "0,00 EUR"),
    ],
)
def test_amounts_are_written_the_locales_way(amount, english, german):
    assert format_money(amount, "EUR") == english
    i18n.install("de")
    try:
        assert format_money(amount, "EUR") == german
    finally:
        i18n.uninstall()


def test_money_terms_read_in_german(german):
    terms = MoneyTermsRow(
        "hourly", Decimal("1361.5"), "EUR", payment_terms_days=30, deposit=Decimal("500")
    )
    assert terms.one_line() == (
        "pro Stunde 1.361,50 EUR · 30 Tage Zahlungsziel · Anzahlung 500,00 EUR"
    )
