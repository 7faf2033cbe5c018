"""Setting up a client with their money terms is one use-case: both are stored or neither."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ckbook.services import money
from ckbook.services.base import InputError
from ckbook.services.clients import ClientInput, client_summaries
from ckbook.services.money import (
    MoneyTermsInput,
    add_client_with_terms,
    clean_money_terms,
    current_money_terms,
)

TERMS = MoneyTermsInput("hourly", amount=Decimal("12.5"), currency="eur")


def test_the_client_and_their_terms_are_stored_together(db, now, tz):
    changed = add_client_with_terms(ClientInput("Ux Tester"), TERMS, now)
    [client_id] = changed.ids
    assert [r.name for r in client_summaries(now, tz)] == ["Ux Tester"]
    terms = current_money_terms(client_id)
    assert terms is not None
    assert (terms.amount, terms.currency, terms.version) == (Decimal("12.5"), "EUR", 1)


def test_without_terms_only_the_client_is_stored(db, now):
    [client_id] = add_client_with_terms(ClientInput("Later Ltd"), None, now).ids
    assert current_money_terms(client_id) is None


@pytest.mark.parametrize(
    ("client", "terms", "message"),
    [
        (ClientInput("x" * 201), TERMS, "client name is too long"),
        (ClientInput("Ok"), MoneyTermsInput("hourly", payment_terms_days=99_999), "payment terms"),
        (ClientInput("Ok"), MoneyTermsInput("barter"), "pricing model"),
    ],
)
def test_bad_input_in_either_writes_nothing(db, now, tz, client, terms, message):
    with pytest.raises(InputError, match=message):
        add_client_with_terms(client, terms, now)
    assert client_summaries(now, tz, include_deleted=True) == []


def test_a_failure_writing_the_terms_takes_the_client_back(db, now, tz, monkeypatch):
    def fail(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(money, "set_money_terms", fail)
    with pytest.raises(OSError):
        add_client_with_terms(ClientInput("Ux Tester"), TERMS, now)
    assert client_summaries(now, tz, include_deleted=True) == []


def test_clean_money_terms_is_the_rule_set_money_terms_applies():
    assert clean_money_terms(TERMS).currency == "EUR"
    with pytest.raises(InputError, match="currency"):
        clean_money_terms(MoneyTermsInput("fixed", currency="euro"))
