"""The one text rule (ckbook.services.text) at every use-case: control characters and direction
overrides are removed, one-line fields turn tabs and line breaks into spaces, blocks keep them,
text is stored in NFC, and a name with nothing visible is refused with nothing written."""

from __future__ import annotations

import unicodedata
from datetime import timedelta

import pytest

from ckbook.services.base import InputError
from ckbook.services.care import add_incident, add_request, get_incident, update_incident
from ckbook.services.clients import (
    ClientInput,
    add_client,
    client_detail,
    find_client,
    update_client,
)
from ckbook.services.money import MoneyTermsInput, current_money_terms, set_money_terms
from ckbook.services.notes import add_note, get_note
from ckbook.services.promises import add_promise, get_promise
from ckbook.services.text import clean_block, clean_line, for_terminal, require_text
from ckbook.store.maintenance import check
from ckbook.store.models import Client, Incident, Note, Promise, Request
from tests.factories import make_client


@pytest.mark.parametrize(
    ("fields", "stored"),
    [
        ({"name": "Nul\x00\x01ctl"}, {"name": "Nulctl"}),
        ({"name": "Ada\tLovelace"}, {"name": "Ada Lovelace"}),
        ({"name": "Ada\u0085Lovelace"}, {"name": "Ada Lovelace"}),
        ({"name": "Ada\u2028Lovelace"}, {"name": "Ada Lovelace"}),
        ({"name": "שלום \u202eevil"}, {"name": "שלום evil"}),
        ({"name": "A", "organisation": "Acme\u2066 Ltd"}, {"organisation": "Acme Ltd"}),
        ({"name": "A", "organisation": "Acme\nLtd"}, {"organisation": "Acme Ltd"}),
        ({"name": "A", "phones": ("+49 30\x0712",)}, {"phones": ("+49 3012",)}),
        ({"name": "A", "tags": ("vip\u202d",)}, {"tags": ("vip",)}),
        ({"name": "A", "address": "Main St\x1b[31m\r\nBerlin"}, {"address": "Main St[31m\nBerlin"}),
        ({"name": "A", "handling_notes": "x\u202b\ty"}, {"handling_notes": "x\ty"}),
        ({"name": "Zoe\u0301"}, {"name": "Zoé"}),
    ],
)
def test_client_text_is_cleaned_on_add_and_update(db, now, fields, stored):  # type: ignore[no-untyped-def]
    added = add_client(ClientInput(**fields), now).ids[0]
    detail = client_detail(added, now)
    assert {key: getattr(detail, key) for key in stored} == stored
    ada = make_client(now, "Ada")
    update_client(ada, now, **fields)
    detail = client_detail(ada, now)
    assert {key: getattr(detail, key) for key in stored} == stored
    assert check(db.location).ok
    assert Client.select().count() == 2


@pytest.mark.parametrize(
    "name", ["", "   ", "\u200b", "\u200e\u200f", "\u3164", "\u0301", "\x1b\x00", "\u202e \u2066"]
)
def test_a_name_with_nothing_visible_is_refused_and_nothing_written(db, now, name):  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match=r"client name (is empty|has no visible character)"):
        add_client(ClientInput(name), now)
    assert Client.select().count() == 0
    ada = make_client(now, "Ada")
    with pytest.raises(InputError, match="client name"):
        update_client(ada, now, name=name)
    assert client_detail(ada, now).name == "Ada"
    assert check(db.location).ok
    assert Client.select().count() == 1


def test_zoe_typed_composed_or_decomposed_is_one_client(db, now):  # type: ignore[no-untyped-def]
    composed, decomposed = "Zo\u00e9", "Zoe\u0301"
    assert composed != decomposed and unicodedata.normalize("NFC", decomposed) == composed
    zoe = make_client(now, decomposed)
    assert client_detail(zoe, now).name == composed
    assert find_client(composed) == zoe
    assert find_client(decomposed) == zoe
    assert find_client("ZOE\u0301") == zoe
    assert check(db.location).ok
    assert Client.select().count() == 1


def test_promise_request_incident_note_and_money_text_is_cleaned(db, now, tz):  # type: ignore[no-untyped-def]
    ada = make_client(now, "Ada")
    promise = add_promise(ada, "send\u202e 10-21 plan\x1b[2J by Friday\x00", now, tz).ids[0]
    assert get_promise(promise).text == "send 10-21 plan[2J by Friday"
    request = add_request(ada, "call\u2067 back\r\nplease\x07", now - timedelta(hours=1)).ids[0]
    assert Request.get_by_id(request).summary == "call back\nplease"
    incident = add_incident(ada, "late\u202d delivery\x1b]0;pwned\x07", now).ids[0]
    update_incident(incident, apology="sorry\u202e\x00", root_cause="\u200b")
    row = get_incident(incident)
    assert (row.what, row.apology, row.root_cause) == ("late delivery]0;pwned", "sorry", "")
    note = add_note(ada, now, body="line 1\r\n\tline 2\u2029\x00e\u0301").ids[0]
    assert get_note(note).body == "line 1\n\tline 2\né"
    set_money_terms(
        ada,
        MoneyTermsInput(
            "hourly", discount="10%\u202e", discount_condition="early\x1b", scope_in="a\x00\nb"
        ),
        now,
    )
    terms = current_money_terms(ada)
    assert terms is not None
    assert (terms.discount, terms.discount_condition, terms.scope_in) == ("10%", "early", "a\nb")
    assert check(db.location).ok
    counts = [m.select().count() for m in (Client, Promise, Request, Incident, Note)]
    assert counts == [1, 1, 1, 1, 1]


def test_invisible_promise_text_is_refused_and_nothing_written(db, now, tz):  # type: ignore[no-untyped-def]
    ada = make_client(now, "Ada")
    with pytest.raises(InputError, match="promise text has no visible character"):
        add_promise(ada, "\u202e\u200b\x00", now, tz)
    with pytest.raises(InputError, match="request summary"):
        add_request(ada, "\x1b", now)
    assert check(db.location).ok
    assert Promise.select().count() == Request.select().count() == 0


def test_text_that_is_not_utf8_is_refused_naming_the_byte(db, now):  # type: ignore[no-untyped-def]
    name = b"Ada\xff".decode("utf-8", "surrogateescape")
    with pytest.raises(InputError, match=r"client name is not valid UTF-8 text \(byte 0xFF\)"):
        add_client(ClientInput(name), now)
    assert check(db.location).ok
    assert Client.select().count() == 0


@pytest.mark.parametrize(
    ("raw", "line", "block"),
    [
        ("a\tb\nc", "a b c", "a\tb\nc"),
        ("a\r\nb\rc", "a b c", "a\nb\nc"),
        ("  x\x00 ", "x", "  x "),
        ("\u200fשלום\u200e", "\u200fשלום\u200e", "\u200fשלום\u200e"),  # marks are kept
        ("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069", "", ""),
        ("e\u0301\u00ad\u200d", "é\u00ad\u200d", "é\u00ad\u200d"),  # soft hyphen and ZWJ kept
    ],
)
def test_the_rule_on_lines_and_blocks(raw, line, block):  # type: ignore[no-untyped-def]
    assert clean_line(raw) == line
    assert clean_block(raw) == block


def test_require_text_measures_length_after_cleaning():  # type: ignore[no-untyped-def]
    assert require_text("\x00" * 50 + "ok", "x", max_length=2) == "ok"
    with pytest.raises(InputError, match="x is too long"):
        require_text("abc", "x", max_length=2)


def test_terminal_output_shows_escapes_instead_of_acting_on_them():  # type: ignore[no-untyped-def]
    raw = "a\x1b[31mred\x1b]0;title\x07\rover\u202eevil\x9b2J\tok\nnext\udcff"
    shown = for_terminal(raw)
    assert shown == "a\\x1b[31mred\\x1b]0;title\\x07\\x0dover\\u202eevil\\x9b2J\tok\nnext\\udcff"
    assert not any(ch in shown for ch in "\x1b\x07\r\u202e\x9b")
    shown.encode("utf-8")  # printable on a UTF-8 terminal
