"""Random text thrown at the text rule, at every parser and importer, and at the use-cases on a
real SQLite notebook: nothing crashes, a refusal writes nothing, and nothing dangerous is kept
(no control character but tab and line feed, no direction override, nothing but NFC)."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from peewee import CharField, Model, TextField

from ckbook.interop.csv_file import read_csv
from ckbook.interop.vcard import read_vcards
from ckbook.services.base import InputError
from ckbook.services.capture import save_note_text
from ckbook.services.care import add_incident, add_request, update_incident
from ckbook.services.clients import ClientInput, add_client, find_client, update_client
from ckbook.services.clock import parse_now
from ckbook.services.due import Due
from ckbook.services.due_phrases import parse_due, read_due
from ckbook.services.importing import import_clients
from ckbook.services.money import MoneyTermsInput, parse_money, set_money_terms
from ckbook.services.notes import add_note
from ckbook.services.promises import add_promise
from ckbook.services.text import (
    clean_block,
    clean_line,
    for_terminal,
    forbidden,
    require_text,
    visible,
)
from ckbook.store.maintenance import check
from ckbook.store.models import (
    Client,
    ContactDetail,
    Incident,
    MoneyTerms,
    Note,
    Promise,
    Request,
    Tag,
)
from tests.conftest import NOW, TZ
from tests.rows import row_counts, select_rows

#: The characters that do harm, mixed into any Unicode text (surrogates excluded: Python's own
#: text never holds them; test_plain_text covers them).
DANGEROUS = [
    *"\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\x9b\r\n\t\u2028\u2029 ",
    *"\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    *"\u200e\u200f\u061c\u200b\u200d\ufeff\u0301\u3164",
    *("\x1b[31m", "\x1b]0;t\x07", "\r\n", "+ ", "? ", "e\u0301", "by Friday 3pm", "1,234.50"),
]
hostile = st.lists(st.one_of(st.text(max_size=6), st.sampled_from(DANGEROUS)), max_size=12).map(
    "".join
)
HYPOTHESIS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
#: The tables user text lands in.
TEXT_TABLES = (Client, ContactDetail, Tag, MoneyTerms, Note, Promise, Incident, Request)
#: Columns that hold one line: a tab or line break in them is dangerous too.
ONE_LINE = {
    (Client, "name"),
    (Client, "organisation"),
    (Tag, "name"),
    (ContactDetail, "value"),
    (MoneyTerms, "currency"),
    (MoneyTerms, "discount"),
    (MoneyTerms, "discount_condition"),
    (MoneyTerms, "change_reason"),
}


def _counts(location: str) -> dict[str, int]:
    every = row_counts(location)
    return {t: every[t] for t in (model._meta.table_name for model in TEXT_TABLES)}


def _stored_text(location: str) -> list[tuple[type[Model], str, str]]:
    """(model, column, value) of every text value of the tables user text lands in."""
    found = []
    for model in TEXT_TABLES:
        columns = [
            f.column_name for f in model._meta.sorted_fields if isinstance(f, CharField | TextField)
        ]
        assert columns, model
        query = f'SELECT {", ".join(columns)} FROM "{model._meta.table_name}"'
        for row in select_rows(location, query):
            found.extend((model, c, v) for c, v in zip(columns, row, strict=True) if v)
    return found


def _nothing_dangerous_kept(location: str) -> None:
    for table, column, value in _stored_text(location):
        where = f"{table.__name__}.{column} = {value!r}"
        assert not any(forbidden(ch) for ch in value), where
        assert unicodedata.is_normalized("NFC", value), where
        if (table, column) in ONE_LINE:
            assert "\t" not in value and "\n" not in value, where


def _all_or_nothing(location: str, use_case: Callable[[], object]) -> bool:
    """Run ``use_case``; when it refuses (InputError), every table's count is unchanged.
    True when it wrote."""
    before = _counts(location)
    try:
        use_case()
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc).strip()
        assert _counts(location) == before
        return False
    return True


# -- the rule itself ---------------------------------------------------------------------------


@given(hostile)
def test_the_rule_keeps_nothing_dangerous_and_is_stable(text: str) -> None:
    for clean, one_line in ((clean_line, True), (clean_block, False)):
        cleaned = clean(text)
        assert not any(forbidden(ch) for ch in cleaned)
        assert unicodedata.is_normalized("NFC", cleaned)
        assert clean(cleaned) == cleaned  # cleaning twice changes nothing
        if one_line:
            assert "\t" not in cleaned and "\n" not in cleaned and cleaned == cleaned.strip()
    try:
        required = require_text(text, "name", 50)
    except InputError as exc:
        assert str(exc).startswith("name ")
    else:
        assert visible(required) and required == clean_line(text)
    shown = for_terminal(text)
    assert not any(forbidden(ch) and ch not in "\t\n" for ch in shown)


# -- the parsers -------------------------------------------------------------------------------


@HYPOTHESIS
@given(hostile)
def test_the_due_reader_never_crashes(text: str) -> None:
    reading = read_due(text, NOW, TZ)
    assert reading.due is None or isinstance(reading.due, Due)
    try:
        due = parse_due(text, NOW, TZ)
    except ValueError as exc:  # InputError is one
        assert str(exc)
    else:
        assert due.in_range


@given(hostile)
def test_the_clock_readers_never_crash(text: str) -> None:
    for read in (lambda: parse_now(text, TZ), lambda: Due.from_iso(text)):
        try:
            read()
        except ValueError as exc:
            assert str(exc)


@given(hostile)
def test_the_money_reader_never_crashes(text: str) -> None:
    try:
        amount = parse_money(text, "amount")
    except InputError as exc:
        assert str(exc).startswith("amount ")
    else:
        assert amount is None or (isinstance(amount, Decimal) and amount >= 0)


def _vcard(name: str, org: str, note: str, tag: str, email: str) -> str:
    fields = {"FN": name, "ORG": org, "NOTE": note, "CATEGORIES": tag, "EMAIL": email}
    lines = [f"{key}:{value}" for key, value in fields.items()]
    return "BEGIN:VCARD\r\nVERSION:3.0\r\n" + "\r\n".join(lines) + "\r\nEND:VCARD\r\n"


def _csv(name: str, org: str, note: str, tag: str, email: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    header = ["name", "organisation", "notes", "tags", "email", "pricing_model", "amount"]
    writer.writerow([*header, "discount", "scope_in"])
    writer.writerow([name, org, note, tag, email, "hourly", "95", org, note])
    return out.getvalue()


@HYPOTHESIS
@given(raw=hostile, fields=st.lists(hostile, min_size=5, max_size=5))
def test_the_vcard_and_csv_importers_never_crash_and_store_only_clean_text(db, raw, fields) -> None:  # type: ignore[no-untyped-def]
    for reader, wrap in ((read_vcards, _vcard), (read_csv, _csv)):
        for text in (raw, wrap(*fields)):
            try:
                items, unreadable = reader(text)
            except InputError as exc:
                assert str(exc)
                continue
            for skip_invalid in (False, True):
                _all_or_nothing(
                    db.location,
                    lambda items=items, unreadable=unreadable, skip=skip_invalid: import_clients(
                        items, NOW, skip_invalid=skip, unreadable=unreadable
                    ),
                )
    _nothing_dangerous_kept(db.location)
    assert check(db.location).ok
    # A re-import that changes money terms adds a version (the import updates), so a client may
    # hold several; each client's versions still run 1, 2, … with none missing.
    gaps = select_rows(
        db.location,
        "SELECT client_id FROM money_terms GROUP BY client_id "
        "HAVING max(version) != count(*) OR min(version) != 1",
    )
    assert gaps == []


# -- the use-cases on a real notebook ----------------------------------------------------------


@HYPOTHESIS
@given(
    name=hostile,
    organisation=hostile,
    tag=hostile,
    address=hostile,
    phone=hostile,
    rename=hostile,
)
def test_client_use_cases_store_only_clean_text(  # type: ignore[no-untyped-def]
    db, name, organisation, tag, address, phone, rename
):
    added: list[int] = []

    def add() -> None:
        data = ClientInput(
            name,
            organisation,
            phones=(f"+49 {phone}",),
            tags=(tag,),
            address=address,
            handling_notes=tag,
        )
        added.append(add_client(data, NOW).ids[0])

    if _all_or_nothing(db.location, add):
        client_id = added[0]
        assert find_client(f"#{client_id}") == client_id
        _all_or_nothing(db.location, lambda: update_client(client_id, NOW, name=rename))
    _nothing_dangerous_kept(db.location)
    assert check(db.location).ok
    assert _counts(db.location)["client"] == len(
        [v for t, c, v in _stored_text(db.location) if (t, c) == (Client, "name")]
    )


@HYPOTHESIS
@given(texts=st.lists(hostile, min_size=8, max_size=8))
def test_promise_note_request_incident_and_money_use_cases_store_only_clean_text(db, texts) -> None:  # type: ignore[no-untyped-def]
    promise, body, request, what, apology, discount, scope, line = texts
    client_id = add_client(ClientInput("Ada"), NOW).ids[0]
    location = db.location
    _all_or_nothing(location, lambda: add_promise(client_id, promise, NOW, TZ))
    _all_or_nothing(location, lambda: add_request(client_id, request, NOW - timedelta(hours=1)))
    incident: list[int] = []
    if _all_or_nothing(
        location, lambda: incident.append(add_incident(client_id, what, NOW).ids[0])
    ):
        _all_or_nothing(location, lambda: update_incident(incident[0], apology=apology))
    money = MoneyTermsInput("hourly", discount=discount, discount_condition=line, scope_in=scope)
    _all_or_nothing(location, lambda: set_money_terms(client_id, money, NOW))
    note = add_note(client_id, NOW, body=body).ids[0]
    call = f"{body}\n+ {line}\n? {request}\n+ {promise} by Friday\n"
    _all_or_nothing(location, lambda: save_note_text(note, call, NOW, TZ, final=True))
    _nothing_dangerous_kept(location)
    assert check(location).ok
    counts = _counts(location)
    assert counts["note"] == counts["client"] >= 1
