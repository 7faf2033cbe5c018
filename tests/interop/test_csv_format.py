"""CSV: formula injection guarded on export (RELIABILITY #13), any text round-trips, numbers stay
numbers, and Google's and Outlook's contact exports read."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ckbook.interop.csv_file import (
    COLUMNS,
    FORMULA_STARTS,
    guard_cell,
    read_csv,
    sniff_delimiter,
    unguard_cell,
    write_csv,
)
from ckbook.interop.snapshot import Snapshot
from ckbook.services.base import InputError

WHEN = datetime(2026, 11, 18, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+49 30 1234", "'+49 30 1234"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tstart", "'\tstart"),
        ("\rstart", "'\rstart"),
        ("'=already", "''=already"),  # so that import takes exactly one ' off again
        ("''", "'''"),
        ("'t Hooft", "'t Hooft"),  # an apostrophe before a letter is the text itself
        ("plain", "plain"),
        ("", ""),
    ],
)
def test_guarded_cells(text: str, cell: str) -> None:
    assert guard_cell(text) == cell
    assert unguard_cell(cell) == text


def _through_csv(values: list[str]) -> list[str]:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerow([guard_cell(v) for v in values])
    written = buffer.getvalue()
    (row,) = list(csv.reader(io.StringIO(written, newline="")))
    assert all(cell[:1] not in FORMULA_STARTS for cell in row)  # nothing a spreadsheet runs
    return [unguard_cell(cell) for cell in row]


text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"))


@given(st.lists(text, min_size=1, max_size=4))
def test_any_text_round_trips_and_is_never_a_formula(values: list[str]) -> None:
    assert _through_csv(values) == values


def client_row(cid: int, **fields: object) -> dict[str, object]:
    row: dict[str, object] = {
        "id": cid, "uid": f"urn:uuid:test-{cid}", "name": f"Client {cid}", "organisation": "",
        "address": "", "status": "active",
        "client_since": date(2026, 1, 2), "handling_notes": "", "attention_level": "standard",
        "checkin_days": 14, "response_hours": 24, "preferred_channel": "email",
        "created_at": WHEN,
    }  # fmt: skip
    row.update(fields)
    return row


def money_row(**fields: object) -> dict[str, object]:
    row: dict[str, object] = {
        "version": 2, "pricing_model": "hourly", "amount": Decimal("95.50"), "currency": "EUR",
        "budget_ceiling": None, "payment_terms_days": 30, "deposit": None, "discount": "",
        "discount_condition": "", "scope_in": "", "scope_out": "", "agreed_on": None,
        "confirmed_by_client": True,
    }  # fmt: skip
    row.update(fields)
    return row


@given(st.decimals(allow_nan=False, allow_infinity=False, places=2, min_value=-10**9,
                   max_value=10**9))  # fmt: skip
def test_money_is_written_as_a_plain_number_negatives_included(amount: Decimal) -> None:
    picture = Snapshot(
        WHEN,
        [client_row(1, name="=cmd|' /C calc'!A0")],
        children={"money": {1: [money_row(amount=amount, deposit=Decimal("-5"))]}},
    )
    buffer = io.StringIO(newline="")
    write_csv(picture, buffer)
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue().lstrip("\ufeff"), newline="")))
    assert rows[0]["amount"] == str(amount)
    assert Decimal(rows[0]["amount"]) == amount
    assert rows[0]["deposit"] == "-5"
    assert rows[0]["checkin_days"] == "14"
    assert rows[0]["name"] == "'=cmd|' /C calc'!A0"


def test_our_own_export_reads_back_with_profile_and_money() -> None:
    picture = Snapshot(
        WHEN,
        [client_row(1, name="Ada", organisation="@Analytical", address="1 Lane\nLondon",
                    attention_level="high-touch", checkin_days=7, response_hours=4,
                    preferred_channel="call", status="lead", handling_notes="-not before 10")],
        tags={1: ["maths", "vip"]},
        children={
            "contacts": {1: [{"kind": "email", "value": "ada@example.com", "label": "work"},
                             {"kind": "phone", "value": "+44 20 1234", "label": ""},
                             {"kind": "phone", "value": "020 5678", "label": "my desk"}]},
            "money": {1: [money_row(budget_ceiling=Decimal("1000"), agreed_on=date(2026, 3, 1))]},
        },
    )  # fmt: skip
    buffer = io.StringIO(newline="")
    write_csv(picture, buffer)
    items, problems = read_csv(buffer.getvalue().lstrip("\ufeff"))
    assert problems == []
    (item,) = items
    client = item.client
    assert (client.name, client.organisation, client.address) == (
        "Ada",
        "@Analytical",
        "1 Lane\nLondon",
    )
    assert client.handling_notes == "-not before 10"
    assert client.emails == ("ada@example.com",)
    assert client.phones == ("+44 20 1234", "020 5678")
    assert item.labels == (("email", "ada@example.com", "work"), ("phone", "020 5678", "my desk"))
    assert client.tags == ("maths", "vip")
    assert (client.status, client.attention_level, client.checkin_days) == ("lead", "high-touch", 7)
    assert (client.response_hours, client.preferred_channel) == (4, "call")
    assert item.money is not None
    assert (item.money.amount, item.money.budget_ceiling) == (Decimal("95.50"), Decimal("1000"))
    assert (item.money.payment_terms_days, item.money.confirmed_by_client) == (30, True)
    assert item.money.agreed_on == date(2026, 3, 1)
    assert COLUMNS[0] == "id"


GOOGLE_CSV = (
    "First Name,Middle Name,Last Name,Organization Name,Notes,Labels,"
    "E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,"
    "Phone 1 - Label,Phone 1 - Value,Address 1 - Formatted\r\n"
    'Grace,Brewster,Hopper,US Navy,"Likes ""nanoseconds""",* myContacts ::: Navy ::: VIP,'
    "* Work,grace@navy.example,Home,grace@home.example,Mobile,+1 555 0101 ::: +1 555 0102,"
    '"1 Main St\nArlington"\r\n'
)
OUTLOOK_CSV = (
    "First Name;Last Name;Company;E-mail Address;E-mail 2 Address;Business Phone;Mobile Phone;"
    "Business Street;Business City;Business Postal Code;Business Country/Region;Categories;Notes\n"
    "Linus;Torvalds;;linus@example.org;;+1 503 000;+1 503 111;1 Kernel Rd;Portland;97201;USA;"
    '"Dev;Kernel";\n'
    ";;Acme Ltd;info@acme.example;;;;;;;;;\n"
)


def test_google_contacts_csv() -> None:
    items, problems = read_csv(GOOGLE_CSV)
    assert problems == []
    client = items[0].client
    assert client.name == "Grace Brewster Hopper"
    assert client.organisation == "US Navy"
    assert client.handling_notes == 'Likes "nanoseconds"'
    assert client.emails == ("grace@navy.example", "grace@home.example")
    assert client.phones == ("+1 555 0101", "+1 555 0102")
    assert client.address == "1 Main St\nArlington"
    assert client.tags == ("Navy", "VIP")  # Google's "* myContacts" is not a tag


def test_outlook_csv_with_semicolons_and_address_parts() -> None:
    assert sniff_delimiter(OUTLOOK_CSV) == ";"
    items, problems = read_csv(OUTLOOK_CSV)
    assert problems == []
    linus, acme = (i.client for i in items)
    assert linus.name == "Linus Torvalds"
    assert linus.phones == ("+1 503 000", "+1 503 111")
    assert linus.address == "1 Kernel Rd\nPortland\n97201\nUSA"
    assert linus.tags == ("Dev", "Kernel")
    assert (acme.name, acme.organisation) == ("Acme Ltd", "Acme Ltd")
    assert [i.where for i in items] == ["line 2", "line 3"]


def test_tab_separated_and_line_numbers_after_multiline_cells() -> None:
    text = 'Name\tNotes\nA\t"two\nlines"\n\nB\tx\nC\t"unterminated\n'
    items, problems = read_csv(text)
    assert [(i.where, i.client.name) for i in items] == [
        ("line 2", "A"),
        ("line 5", "B"),
        ("line 6", "C"),
    ]
    assert problems == []


def test_unreadable_values_are_named_with_their_line() -> None:
    items, problems = read_csv("name,checkin_days,client_since\nA,soon,2026-01-01\nB,3,31/02\n")
    assert items == []
    assert [p.describe() for p in problems] == [
        "line 2 (A): check-in days 'soon' is not a whole number",
        "line 3 (B): client since '31/02' is not a date like 2026-11-18",
    ]


def test_a_file_without_a_client_column_is_refused() -> None:
    with pytest.raises(InputError, match="names no client column"):
        read_csv("colour,size\nred,3\n")
    with pytest.raises(InputError, match="empty"):
        read_csv("")


def test_an_amount_column_alone_is_not_money_terms() -> None:
    items, problems = read_csv("Name,Amount\nA,12\n")
    assert problems == [] and items[0].money is None


free_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"))


@given(organisation=free_text, address=free_text, notes=free_text)
def test_any_client_text_round_trips_through_a_whole_csv_file(
    organisation: str, address: str, notes: str
) -> None:
    picture = Snapshot(
        WHEN,
        [client_row(1, name="Ada", organisation=organisation, address=address,
                    handling_notes=notes)],
    )  # fmt: skip
    buffer = io.StringIO(newline="")
    write_csv(picture, buffer)
    (item,), problems = read_csv(buffer.getvalue().lstrip("\ufeff"))
    assert problems == []
    assert (item.client.organisation, item.client.address, item.client.handling_notes) == (
        organisation, address, notes)  # fmt: skip


def test_phones_are_written_plain_so_a_spreadsheet_shows_no_quote_mark() -> None:
    from ckbook.interop.csv_file import phone_cell

    assert phone_cell(["+49 30 1234", "(030) 123-45/6"]) == "+49 30 1234, (030) 123-45/6"
    assert phone_cell(["-12"]) == "'-12"  # a phone does not start with a minus: guarded
    # Anything else in a phone cell is text like any other (RELIABILITY #13).
    assert phone_cell(["+1 555", "=HYPERLINK(1)"]) == "'+1 555, =HYPERLINK(1)"
    assert phone_cell(["+44 1 ext. 5"]) == "'+44 1 ext. 5"
