"""Use-cases on a real SQLite file: each writes in one transaction, returns what changed, and
leaves the notebook intact on bad input."""

from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal

import pytest

from ckbook.services.agenda import due_report
from ckbook.services.base import InputError, NotFoundError
from ckbook.services.care import (
    acknowledge_request,
    add_incident,
    add_request,
    answer_request,
    requests,
    update_incident,
)
from ckbook.services.clients import (
    ClientInput,
    add_client,
    client_detail,
    client_summaries,
    delete_client,
    find_client,
    purge_deleted_clients,
    restore_client,
    update_client,
)
from ckbook.services.due import Due
from ckbook.services.money import (
    MoneyTermsInput,
    current_money_terms,
    money_history,
    parse_money,
    set_money_terms,
)
from ckbook.services.notes import add_note, notes_for_client, update_note
from ckbook.services.promises import (
    add_promise,
    close_promise,
    get_promise,
    promises_for_client,
    renegotiate_promise,
)
from ckbook.services.rules import Health
from ckbook.store.models import Client, ContactDetail, MoneyTerms, Promise
from tests.factories import contact, make_client


def counts() -> tuple[int, int, int, int]:
    return (
        Client.select().count(),
        ContactDetail.select().count(),
        MoneyTerms.select().count(),
        Promise.select().count(),
    )


def test_add_client_stores_profile_contacts_and_tags(db, now):
    changed = add_client(
        ClientInput(
            name="  Ada Lovelace ",
            organisation="Analytical Events",
            emails=("ada@example.com", "ADA@example.com", "billing@example.com"),
            phones=("+44 20 7946 0000",),
            tags=("vip", "weddings", "vip"),
            attention_level="high-touch",
            checkin_days=7,
            response_hours=4,
            preferred_channel="call",
            handling_notes="Prefers short calls before 10am",
        ),
        now,
    )
    assert changed.kind == "client"
    detail = client_detail(changed.ids[0], now)
    assert detail.name == "Ada Lovelace"
    assert detail.emails == ("ada@example.com", "billing@example.com")
    assert detail.phones == ("+44 20 7946 0000",)
    assert detail.tags == ("vip", "weddings")
    assert (detail.attention_level, detail.checkin_days, detail.response_hours) == (
        "high-touch",
        7,
        4,
    )
    assert detail.client_since == now.date()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": "   "}, "client name is empty"),
        ({"name": "A", "emails": ("not-an-email",)}, "not an email"),
        ({"name": "A", "phones": ("call me",)}, "no digits"),
        ({"name": "A", "attention_level": "vip"}, "attention level"),
        ({"name": "A", "status": "gone"}, "status"),
        ({"name": "A", "checkin_days": 0}, "check-in cadence"),
        ({"name": "A", "preferred_channel": "pigeon"}, "preferred channel"),
    ],
)
def test_bad_client_input_names_the_problem_and_writes_nothing(db, now, fields, message):
    before = counts()
    with pytest.raises(InputError, match=message):
        add_client(ClientInput(**fields), now)
    assert counts() == before


def test_update_client_changes_only_the_given_fields(db, now):
    client_id = make_client(now, "Ada", organisation="Old Org", emails=("a@x.org",))
    update_client(client_id, now, organisation="New Org", tags=["vip"])
    detail = client_detail(client_id, now)
    assert (detail.organisation, detail.emails, detail.tags) == ("New Org", ("a@x.org",), ("vip",))
    with pytest.raises(InputError):
        update_client(client_id, now, attention_level="extreme")
    assert client_detail(client_id, now).attention_level == "standard"


def test_find_client_by_id_or_unique_name(db, now):
    ada = make_client(now, "Ada")
    make_client(now, "Grace")
    make_client(now, "Grace")
    assert find_client(str(ada)) == ada
    assert find_client("ada") == ada
    with pytest.raises(NotFoundError, match="no client named 'Bob'"):
        find_client("Bob")
    with pytest.raises(InputError, match="several clients"):
        find_client("Grace")


def test_deleting_a_client_can_be_undone_until_purged(db, now):
    client_id = make_client(now, "Ada")
    add_promise(client_id, "send deck", now, now.tzinfo)
    delete_client(client_id, now)
    assert client_summaries(now, now.tzinfo) == []
    with pytest.raises(NotFoundError):
        find_client("Ada")
    restore_client(client_id)
    assert [c.name for c in client_summaries(now, now.tzinfo)] == ["Ada"]
    delete_client(client_id, now)
    assert purge_deleted_clients() == 1
    assert Promise.select().count() == 0  # cascade: nothing of theirs is left behind


def test_money_terms_are_versioned_and_history_stays_readable(db, now):
    client_id = make_client(now)
    first = MoneyTermsInput(
        pricing_model="hourly",
        amount=Decimal("95.00"),
        currency="eur",
        payment_terms_days=30,
        discount="10%",
        discount_condition="if paid within 7 days",
    )
    set_money_terms(client_id, first, now)
    set_money_terms(
        client_id,
        MoneyTermsInput(pricing_model="retainer", amount=Decimal("1500"), currency="EUR"),
        now + timedelta(days=30),
    )
    current = current_money_terms(client_id)
    assert (current.version, current.pricing_model, current.amount) == (
        2,
        "retainer",
        Decimal("1500"),
    )
    history = money_history(client_id)
    assert [h.version for h in history] == [2, 1]
    assert history[1].discount == "10%" and history[1].currency == "EUR"
    assert "discount: 10% (if paid within 7 days)" in history[1].one_line()


@pytest.mark.parametrize(
    ("terms", "message"),
    [
        (MoneyTermsInput(pricing_model="barter"), "pricing model"),
        (MoneyTermsInput(pricing_model="fixed", currency="euro"), "currency"),
        (MoneyTermsInput(pricing_model="fixed", amount=Decimal("-1")), "amount"),
        (MoneyTermsInput(pricing_model="fixed", discount_condition="if early"), "discount"),
    ],
)
def test_bad_money_terms_write_nothing(db, now, terms, message):
    client_id = make_client(now)
    with pytest.raises(InputError, match=message):
        set_money_terms(client_id, terms, now)
    assert current_money_terms(client_id) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("95", Decimal("95")), ("1,250.50", Decimal("1250.50")), ("", None), ("  ", None)],
)
def test_parse_money(text, expected):
    assert parse_money(text, "amount") == expected


@pytest.mark.parametrize("text", ["abc", "-5", "NaN", "Infinity", "1.23456"])
def test_parse_money_rejects(text):
    with pytest.raises(InputError, match="amount"):
        parse_money(text, "amount")


def test_a_note_resets_the_checkin_cadence(db, now):
    client_id = make_client(now, checkin_days=7)
    contact(client_id, now, days_ago=9)
    assert client_detail(client_id, now).checkin.health is Health.YELLOW
    add_note(client_id, now, kind="call", body="Quick catch-up", mood="content")
    assert client_detail(client_id, now).checkin.health is Health.GREEN


def test_notes_newest_first_and_partial_update(db, now):
    client_id = make_client(now)
    older = contact(client_id, now, days_ago=3, body="older")
    newer = contact(client_id, now, days_ago=1, body="newer")
    update_note(older, now, body="older, edited", duration_seconds=300)
    rows = notes_for_client(client_id)
    assert [r.id for r in rows] == [newer, older]
    assert (rows[1].body, rows[1].duration_seconds, rows[1].kind) == ("older, edited", 300, "call")
    with pytest.raises(InputError, match="mood"):
        update_note(older, now, mood="meh")
    assert notes_for_client(client_id)[1].mood is None


def test_add_promise_reads_the_due_from_its_text(db, now, tz):
    client_id = make_client(now)
    pid = add_promise(client_id, "send the proposal by Friday", now, tz).ids[0]
    promise = get_promise(pid)
    assert promise.due == Due(date(2026, 11, 20))
    assert promise.text == "send the proposal by Friday"
    timed = get_promise(add_promise(client_id, "call back tomorrow at 3pm", now, tz).ids[0])
    assert timed.due == Due(date(2026, 11, 19), time(15, 0))
    assert get_promise(add_promise(client_id, "think about it", now, tz).ids[0]).due is None


def test_closing_and_renegotiating_promises(db, now, tz):
    client_id = make_client(now)
    kept = add_promise(client_id, "send deck", now, tz).ids[0]
    close_promise(kept, "kept", now - timedelta(hours=1))
    assert get_promise(kept).status == "kept"
    assert get_promise(kept).closed_at == now - timedelta(hours=1)
    moved = add_promise(client_id, "venue shortlist", now, tz, due=Due(date(2026, 11, 19))).ids[0]
    changed = renegotiate_promise(moved, Due(date(2026, 11, 25)), now)
    old_id, new_id = changed.ids
    assert get_promise(old_id).status == "renegotiated"
    successor = get_promise(new_id)
    assert (successor.status, successor.due, successor.renegotiated_from) == (
        "open",
        Due(date(2026, 11, 25)),
        old_id,
    )
    with pytest.raises(InputError, match="status"):
        close_promise(new_id, "forgotten", now)
    assert [p.status for p in promises_for_client(client_id)] == ["open", "renegotiated", "kept"]
    assert client_detail(client_id, now).kept_rate == 1.0


def test_requests_are_overdue_until_acknowledged(db, now):
    client_id = make_client(now, response_hours=4)
    rid = add_request(
        client_id, "Can we move the tasting?", now, received_at=now - timedelta(hours=5)
    ).ids[0]
    assert requests(awaiting_only=True)[0].overdue(now)
    acknowledge_request(rid, now)
    assert not requests(awaiting_only=True)[0].overdue(now)
    answer_request(rid, now)
    assert requests(awaiting_only=True) == []
    with pytest.raises(InputError, match="future"):
        add_request(client_id, "from the future", now, received_at=now + timedelta(hours=1))


def test_incident_steps_in_order(db, now, tz):
    client_id = make_client(now)
    iid = add_incident(client_id, "Wrong date on the invitations", now, severity="major").ids[0]
    from ckbook.services.care import get_incident

    assert get_incident(iid).next_step() == "apologise"
    update_incident(iid, apologised_at=now, apology="Called and apologised")
    assert get_incident(iid).next_step() == "fix"
    update_incident(iid, fix="Reprint", root_cause="No proof step", prevention="Proof checklist")
    assert get_incident(iid).next_step() == "goodwill"
    update_incident(iid, goodwill="Free table cards", resolved_at=now)
    assert get_incident(iid).next_step() == "done"
    assert client_detail(client_id, now).open_incidents == 0
    with pytest.raises(InputError, match="severity"):
        update_incident(iid, severity="catastrophic")


def test_due_report_lists_overdue_due_today_checkins_and_requests(db, now, tz):
    ada = make_client(now, "Ada", checkin_days=7)
    contact(ada, now, days_ago=20)
    grace = make_client(now, "Grace", checkin_days=30, response_hours=2)
    contact(grace, now, days_ago=1)
    add_promise(ada, "send invoice by Monday", now - timedelta(days=10), tz)  # Mon 9 Nov: overdue
    add_promise(grace, "confirm caterer today", now, tz, due=Due(now.date()))
    add_promise(grace, "venue visit", now, tz, due=Due(date(2026, 11, 23)))
    add_promise(grace, "far away", now, tz, due=Due(date(2027, 2, 1)))
    add_request(grace, "Quote for 80 guests?", now, received_at=now - timedelta(hours=3))
    report = due_report(now, tz, within_days=7)
    assert [p.text for p in report.overdue] == ["send invoice by Monday"]
    assert [p.text for p in report.due_today] == ["confirm caterer today"]
    assert [p.text for p in report.upcoming] == ["venue visit"]
    assert [c.client_name for c in report.checkins] == ["Ada"]
    assert [r.request.summary for r in report.requests if r.request] == ["Quote for 80 guests?"]
    assert report.attention_count == 4
    assert "1 promise overdue" in report.summary()
    data = report.to_json(tz)
    assert data["overdue"][0]["due"] == "2026-11-09"
