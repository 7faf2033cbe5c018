"""One card per person: the match shown before a duplicate is created, and merging two clients
(everything moves in one transaction; undo puts back exactly what moved)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from ckbook.services.base import InputError
from ckbook.services.care import add_incident, add_request
from ckbook.services.clients import ClientInput, add_client, client_detail, find_client
from ckbook.services.due import Due
from ckbook.services.merging import matching_clients, merge_clients, unmerge
from ckbook.services.money import MoneyTermsInput, money_history, set_money_terms
from ckbook.services.promises import add_promise
from ckbook.services.reminders import check, claim, confirm_shown
from ckbook.store.models import (
    Client,
    ClientTag,
    ContactDetail,
    Incident,
    MoneyTerms,
    Note,
    Promise,
    ReminderLog,
    Request,
)
from tests.factories import contact

TABLES = {
    "note": Note,
    "promise": Promise,
    "incident": Incident,
    "request": Request,
    "money_terms": MoneyTerms,
    "contact": ContactDetail,
    "tag": ClientTag,
}


def counts(client_id: int) -> dict[str, int]:
    found = {
        name: model.select().where(model.client == client_id).count()
        for name, model in TABLES.items()
    }
    found["checkin_reminders"] = (
        ReminderLog.select()
        .where((ReminderLog.kind == "checkin-overdue") & (ReminderLog.subject_id == client_id))
        .count()
    )
    return found


def _client(now, name, emails=(), phones=(), tags=()) -> int:  # type: ignore[no-untyped-def]
    return add_client(
        ClientInput(name=name, emails=emails, phones=phones, tags=tags, checkin_days=7), now
    ).ids[0]


@pytest.fixture
def two_cards(db, now, tz) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Ada twice: KEEP with money terms v1-v2, OTHER with v1, both with notes, promises, ..."""
    keep = _client(now, "Ada Lovelace", ("ada@example.com",), ("+44 20 7946 0000",), ("vip",))
    other = _client(
        now,
        "Ada  lovelace",
        ("ADA@example.com", "ada@work.example"),
        ("020 7946 0000",),
        ("vip", "london"),
    )
    for client, days in ((keep, 3), (other, 9), (other, 12)):
        contact(client, now, days_ago=days)
    add_promise(keep, "send the deck", now, tz, due=Due(date(2026, 11, 20)))
    add_promise(other, "call back", now, tz, due=Due(date(2026, 11, 17)))
    add_incident(other, "invoice sent twice", now)
    add_request(other, "quote?", now, received_at=now - timedelta(hours=2))
    set_money_terms(keep, MoneyTermsInput("hourly", Decimal("80")), now - timedelta(days=5))
    set_money_terms(keep, MoneyTermsInput("hourly", Decimal("90")), now - timedelta(days=1))
    set_money_terms(other, MoneyTermsInput("fixed", Decimal("1200")), now - timedelta(days=20))
    # OTHER's check-in reminder was shown (it is 9 days since their last contact, cadence 7).
    checkins = [o for o in check(now, tz).firing if o.kind.value == "checkin-overdue"]
    confirm_shown(claim(checkins, now))
    return keep, other


def test_a_new_client_matching_by_name_email_or_phone_is_found(two_cards) -> None:  # type: ignore[no-untyped-def]
    keep, other = two_cards
    by_name = matching_clients("  ada LOVELACE ")
    assert {m.id for m in by_name} == {keep, other}
    by_email = matching_clients("Someone Else", emails=("Ada@Example.com",))
    assert [m.id for m in by_email][:2] and {m.id for m in by_email} == {keep, other}
    assert "Ada Lovelace: same email ada@example.com" in [m.describe() for m in by_email]
    by_phone = matching_clients("Someone Else", phones=("+44 (0)20 7946-0000",))
    assert {m.id for m in by_phone} == {keep, other}
    assert matching_clients("Grace Hopper", ("grace@navy.mil",), ("555 0101",)) == []


def test_merge_moves_everything_in_one_go_and_undo_puts_it_back(two_cards, now, tz) -> None:  # type: ignore[no-untyped-def]
    keep, other = two_cards
    before_keep, before_other = counts(keep), counts(other)
    assert before_other["checkin_reminders"] == 1 and before_other["money_terms"] == 1
    current_before = money_history(keep)[0]

    merged = merge_clients(keep, other, now)
    after_keep, after_other = counts(keep), counts(other)
    for table in ("note", "promise", "incident", "request", "money_terms", "checkin_reminders"):
        assert after_keep[table] == before_keep[table] + before_other[table], table
        assert after_other[table] == 0, table
    # Contact details and tags combined without doubles: ada@work.example and "london" move;
    # the same email in other case, the same phone written otherwise and "vip" do not.
    detail = client_detail(keep, now)
    assert sorted(detail.emails) == ["ada@example.com", "ada@work.example"]
    assert list(detail.phones) == ["+44 20 7946 0000"]
    assert sorted(detail.tags) == ["london", "vip"]
    # KEEP's terms stay the current ones; OTHER's become its earliest version.
    history = money_history(keep)
    assert [h.version for h in history] == [3, 2, 1]
    assert history[0].amount == current_before.amount and history[-1].pricing_model == "fixed"
    # OTHER is gone from view: its name now names one client.
    assert Client.get_by_id(other).deleted_at is not None
    assert find_client("Ada Lovelace") == keep

    unmerge(merged.record, now)
    assert counts(keep) == before_keep
    assert counts(other) == before_other
    assert Client.get_by_id(other).deleted_at is None
    assert money_history(keep)[0].amount == current_before.amount
    assert [h.pricing_model for h in money_history(other)] == ["fixed"]
    assert sorted(client_detail(other, now).emails) == ["ADA@example.com", "ada@work.example"]


def test_the_cli_merge_forgets_other_for_good(two_cards, now) -> None:  # type: ignore[no-untyped-def]
    keep, other = two_cards
    merge_clients(keep, other, now, forget_other=True)
    assert Client.get_or_none(Client.id == other) is None
    assert counts(keep)["note"] == 3 and counts(keep)["promise"] == 2


def test_merging_a_client_into_itself_or_a_missing_one_is_refused(two_cards, now) -> None:  # type: ignore[no-untyped-def]
    keep, other = two_cards
    before = counts(keep), counts(other)
    with pytest.raises(InputError, match="into itself"):
        merge_clients(keep, keep, now)
    with pytest.raises(InputError):
        merge_clients(keep, 9999, now)
    assert (counts(keep), counts(other)) == before
