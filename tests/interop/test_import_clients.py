"""The import use-case: every record checked first, one transaction, duplicates skipped."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest

from ckbook.services.base import InputError
from ckbook.services.clients import ClientInput, client_detail, client_summaries
from ckbook.services.importing import ImportItem, ImportSkip, import_clients
from ckbook.services.money import MoneyTermsInput, current_money_terms
from tests.factories import make_client


def item(line: int, name: str, *emails: str, **fields: object) -> ImportItem:
    return ImportItem(f"line {line}", ClientInput(name=name, emails=emails, **fields))  # type: ignore[arg-type]


def names(now: datetime, tz) -> list[str]:  # type: ignore[no-untyped-def]
    return [row.name for row in client_summaries(now, tz)]


def test_all_valid_records_are_written_with_contacts_tags_and_money(db, now, tz) -> None:  # type: ignore[no-untyped-def]
    report = import_clients(
        [
            item(2, " Ada ", "ada@example.com", phones=("+44 1",), tags=("maths", "vip")),
            ImportItem(
                "line 3",
                ClientInput(name="Bea"),
                MoneyTermsInput("hourly", amount=Decimal("95.00"), currency="eur"),
            ),
        ],
        now,
    )
    assert report.summary() == "Imported 2 clients"
    ada, bea = (i.client_id for i in report.imported)
    assert ada is not None and bea is not None
    detail = client_detail(ada, now)
    assert (detail.name, detail.emails, detail.phones, detail.tags) == (
        "Ada",
        ("ada@example.com",),
        ("+44 1",),
        ("maths", "vip"),
    )
    assert detail.client_since == now.date()
    terms = current_money_terms(bea)
    assert terms is not None and (terms.amount, terms.currency, terms.version) == (
        Decimal("95.00"),
        "EUR",
        1,
    )
    assert report.changed.client_ids == (ada, bea)


def test_one_invalid_record_means_nothing_is_written(db, now, tz) -> None:  # type: ignore[no-untyped-def]
    items = [item(2, "Ada"), item(3, "Bea", "not-an-email"), item(4, "", "c@example.com")]
    with pytest.raises(InputError) as caught:
        import_clients(items, now)
    assert str(caught.value) == (
        "line 3 (Bea): email 'not-an-email' is not an email address; 1 more invalid record "
        "— nothing imported (skip invalid records to import the rest)"
    )
    assert names(now, tz) == []


def test_skip_invalid_imports_the_valid_ones_and_lists_the_rest(db, now, tz) -> None:  # type: ignore[no-untyped-def]
    unreadable = [ImportSkip("line 9", "Zed", "check-in days 'soon' is not a whole number")]
    report = import_clients(
        [item(2, "Ada"), item(3, "Bea", "bad address")], now, skip_invalid=True,
        unreadable=unreadable,
    )  # fmt: skip
    assert names(now, tz) == ["Ada"]
    assert [s.describe() for s in report.invalid] == [
        "line 3 (Bea): email 'bad address' is not an email address",
        "line 9 (Zed): check-in days 'soon' is not a whole number",
    ]
    assert report.summary() == "Imported 1 client; 2 invalid records skipped"


def test_dry_run_reports_and_writes_nothing(db, now, tz) -> None:  # type: ignore[no-untyped-def]
    make_client(now, "Old", emails=("old@example.com",))
    report = import_clients(
        [
            item(2, "New", "new@example.com"),
            item(3, "Again", "OLD@example.com"),
            item(4, "Bad", "x"),
        ],
        now,
        dry_run=True,
    )
    assert names(now, tz) == ["Old"]
    assert [i.name for i in report.imported] == ["New"]
    assert report.refused
    assert (
        report.summary()
        == "Would import nothing: 1 invalid record (1 client valid); 1 duplicate skipped"
    )


def test_duplicates_by_email_against_the_notebook_and_within_the_file(db, now, tz) -> None:  # type: ignore[no-untyped-def]
    old = make_client(now, "Ada Lovelace", emails=("ada@example.com",))
    report = import_clients(
        [
            item(2, "Ada L.", "Ada@Example.com"),
            item(3, "Bea", "bea@example.com"),
            item(4, "Bea again", "other@example.com", "BEA@example.com"),
            item(5, "No email"),
            item(6, "No email"),  # no email: never a duplicate
        ],
        now,
    )
    assert [s.describe() for s in report.duplicates] == [
        f"line 2 (Ada L.): duplicate: Ada@Example.com belongs to client {old} (Ada Lovelace)",
        "line 4 (Bea again): duplicate: BEA@example.com is also in line 3",
    ]
    assert sorted(names(now, tz)) == ["Ada Lovelace", "Bea", "No email", "No email"]


def test_a_deleted_client_does_not_make_a_duplicate(db, now, tz) -> None:  # type: ignore[no-untyped-def]
    from ckbook.services.clients import delete_client

    delete_client(make_client(now, "Gone", emails=("gone@example.com",)), now)
    report = import_clients([item(2, "Back", "gone@example.com")], now)
    assert report.duplicates == () and len(report.imported) == 1


def test_many_records_each_id_belongs_to_its_record(db, now, tz) -> None:  # type: ignore[no-untyped-def]
    make_client(now, "Already here")
    items = [
        item(n, f"Client {n:03d}", f"c{n}@example.com", tags=(f"t{n % 3}",)) for n in range(2, 452)
    ]
    report = import_clients(items, now)
    assert len(report.imported) == 450
    for imported in report.imported[::37]:
        assert imported.client_id is not None
        detail = client_detail(imported.client_id, now)
        number = int(imported.name.split()[1])
        assert (detail.name, detail.emails, detail.tags) == (
            imported.name, (f"c{number}@example.com",), (f"t{number % 3}",))  # fmt: skip


def test_a_record_resembling_a_client_already_here_is_named_in_the_report(db, now, tz) -> None:  # type: ignore[no-untyped-def]
    ada = make_client(now, "Ada Lovelace", phones=("+44 20 7946 0000",))
    report = import_clients(
        [
            item(2, "ada lovelace"),  # same name, no email: not a skipped duplicate
            item(3, "A. Lovelace", phones=("020 7946 0000",)),  # same phone
            item(4, "Grace Hopper"),
        ],
        now,
        dry_run=True,
    )
    assert [i.name for i in report.imported] == ["ada lovelace", "A. Lovelace", "Grace Hopper"]
    assert [s.describe() for s in report.resembling] == [
        f"line 2 (ada lovelace): may be client {ada}, Ada Lovelace: same name",
        f"line 3 (A. Lovelace): may be client {ada}, Ada Lovelace: same phone +44 20 7946 0000",
    ]
    assert report.summary() == "Would import 3 clients; 2 clients may already be in the notebook"
