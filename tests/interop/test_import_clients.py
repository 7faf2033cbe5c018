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
    assert report.summary() == "Imported: 2 new, 0 updated, 0 unchanged"
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
    assert report.summary() == (
        "Imported: 1 new, 0 updated, 0 unchanged, 2 skipped (line 3: email 'bad address' is not "
        "an email address; 1 more)"
    )


def test_dry_run_reports_and_writes_nothing(db, now, tz) -> None:  # type: ignore[no-untyped-def]
    make_client(now, "Old", emails=("old@example.com",))
    report = import_clients(
        [
            item(2, "New", "new@example.com"),
            item(3, "Old", "OLD@example.com", phones=("+44 1",)),
            item(4, "Bad", "x"),
        ],
        now,
        dry_run=True,
    )
    assert names(now, tz) == ["Old"]
    assert [(i.name, i.outcome) for i in report.imported] == [("New", "new"), ("Old", "updated")]
    assert report.refused
    assert report.summary() == (
        "Would import nothing: 1 invalid record (line 4: email 'x' is not an email address); "
        "the others: 1 new, 1 updated, 0 unchanged"
    )


def test_people_who_share_an_email_are_two_clients(db, now, tz) -> None:  # type: ignore[no-untyped-def]
    """A family, or accounts@ of one company: the same email, different names."""
    make_client(now, "Ada Lovelace", emails=("family@example.com",))
    report = import_clients(
        [
            item(2, "Byron Lovelace", "family@example.com"),
            item(3, "Cyd Smith", "accounts@acme.example"),
            item(4, "Dee Jones", "accounts@acme.example"),
        ],
        now,
    )
    assert report.counts() == "3 new, 0 updated, 0 unchanged"
    assert sorted(names(now, tz)) == ["Ada Lovelace", "Byron Lovelace", "Cyd Smith", "Dee Jones"]


def test_matching_by_uid_then_name_and_contact_then_name_and_organisation(db, now, tz) -> None:  # type: ignore[no-untyped-def]
    from ckbook.store.models import Client

    renamed = make_client(now, "Ada Lovelace", emails=("ada@example.com",))
    by_phone = make_client(now, "Bea Smith", phones=("+44 20 7946 0000",))
    by_org = make_client(now, "Cyd Jones", organisation="Acme")
    uid = Client.get_by_id(renamed).uid
    report = import_clients(
        [
            ImportItem("line 2", ClientInput(name="Ada King"), uid=uid,
                       present=frozenset({"name"})),
            item(3, "bea  SMITH", phones=("0044 20 7946 0000",), organisation="Tiles"),
            item(4, "Cyd Jones", "cyd@acme.example", organisation="ACME"),
            item(5, "Cyd Jones", organisation="Other Co"),  # same name, another company
        ],
        now,
    )  # fmt: skip
    outcomes = [(i.where, i.outcome, i.client_id) for i in report.imported]
    assert outcomes[:3] == [
        ("line 2", "updated", renamed),
        ("line 3", "updated", by_phone),
        ("line 4", "updated", by_org),
    ]
    assert outcomes[3][1] == "new"
    assert [c.describe() for c in report.imported[0].changes] == ["name: Ada Lovelace → Ada King"]
    assert client_detail(renamed, now).emails == ("ada@example.com",)  # not blanked
    assert client_detail(by_org, now).emails == ("cyd@acme.example",)
    assert client_detail(by_phone, now).organisation == "Tiles"


def test_an_update_never_blanks_what_the_file_lacks(db, now, tz) -> None:  # type: ignore[no-untyped-def]
    cid = make_client(
        now, "Ada", emails=("ada@example.com",), phones=("+44 1",), address="1 Road",
        organisation="Engines", tags=("maths",),
    )  # fmt: skip
    report = import_clients([item(2, "Ada", "ada@example.com", tags=("vip",))], now)
    assert [c.describe() for c in report.imported[0].changes] == ["tag: + vip"]
    detail = client_detail(cid, now)
    assert (detail.address, detail.organisation, detail.phones) == ("1 Road", "Engines", ("+44 1",))
    assert detail.tags == ("maths", "vip")


def test_the_same_person_twice_in_a_file_is_skipped_with_why(db, now, tz) -> None:  # type: ignore[no-untyped-def]
    report = import_clients(
        [
            item(2, "Bea", "bea@example.com"),
            item(3, "Bea", "other@example.com", "BEA@example.com"),
            item(4, "No email"),
            item(5, "No email"),
        ],
        now,
    )
    assert [s.describe() for s in report.duplicates] == [
        "line 3 (Bea): same person as line 2 (the same name and email or phone)",
        "line 5 (No email): same person as line 4 (the same name and organisation)",
    ]
    assert report.counts() == (
        "2 new, 0 updated, 0 unchanged, 2 skipped (line 3: same person as line 2 (the same name "
        "and email or phone); 1 more)"
    )
    assert sorted(names(now, tz)) == ["Bea", "No email"]


def test_two_records_with_different_uids_are_two_people(db, now, tz) -> None:  # type: ignore[no-untyped-def]
    twins = [
        ImportItem(f"line {n}", ClientInput(name="Sam Lee", organisation="Acme"), uid=f"u{n}")
        for n in (2, 3)
    ]
    report = import_clients(twins, now)
    assert report.counts() == "2 new, 0 updated, 0 unchanged"
    again = import_clients(twins, now)
    assert again.counts() == "0 new, 0 updated, 2 unchanged"


def test_a_deleted_client_is_not_matched(db, now, tz) -> None:  # type: ignore[no-untyped-def]
    from ckbook.services.clients import delete_client

    delete_client(make_client(now, "Gone", emails=("gone@example.com",)), now)
    report = import_clients([item(2, "Gone", "gone@example.com")], now)
    assert report.duplicates == () and [i.outcome for i in report.imported] == ["new"]


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
    # The same name and (no) organisation is matched: Ada herself (her name as the file writes it).
    assert [(i.name, i.outcome) for i in report.imported] == [
        ("ada lovelace", "updated"),
        ("A. Lovelace", "new"),
        ("Grace Hopper", "new"),
    ]
    # Another name with her phone is not matched, but named as perhaps her.
    assert [s.describe() for s in report.resembling] == [
        f"line 3 (A. Lovelace): may be client {ada}, Ada Lovelace: same phone +44 20 7946 0000",
    ]
    assert report.summary() == (
        "Would import: 2 new, 1 updated, 0 unchanged; 1 client may already be in the notebook"
    )


def test_a_cancelled_import_writes_nothing(db, now, tz) -> None:  # type: ignore[no-untyped-def]
    from ckbook.services.importing import Cancelled

    make_client(now, "Old", emails=("old@example.com",))
    items = [item(n, f"Client {n}", f"c{n}@example.com") for n in range(2, 900)]
    items.append(item(900, "Old", "old@example.com", phones=("+44 9",)))
    calls: list[tuple[int, int]] = []

    def cancel_once_writing(done: int, total: int) -> None:
        calls.append((done, total))
        if done > total // 2:  # past the matching, into the writes
            raise Cancelled()

    with pytest.raises(Cancelled, match="cancelled: nothing was written"):
        import_clients(items, now, progress=cancel_once_writing)
    assert names(now, tz) == ["Old"]
    assert client_detail(client_summaries(now, tz)[0].id, now).phones == ()
    assert calls and calls[-1][0] > calls[-1][1] // 2


def test_editing_a_clients_emails_keeps_the_labels_an_import_gave(db, now, tz) -> None:  # type: ignore[no-untyped-def]
    from ckbook.services.clients import update_client
    from ckbook.store.models import ContactDetail

    report = import_clients(
        [ImportItem("entry 1", ClientInput(name="Ada", emails=("ada@work.example",),
                                           phones=("+44 1",)),
                    labels=(("email", "ada@work.example", "work"), ("phone", "+44 1", "mobile")))],
        now,
    )  # fmt: skip
    cid = report.imported[0].client_id
    assert cid is not None
    update_client(cid, now, emails=("ada@work.example", "ada@home.example"))
    rows = (
        ContactDetail.select()
        .where(ContactDetail.client == cid)
        .order_by(ContactDetail.kind, ContactDetail.position)
    )
    assert [(c.kind, c.value, c.label) for c in rows] == [
        ("email", "ada@work.example", "work"),
        ("email", "ada@home.example", ""),
        ("phone", "+44 1", "mobile"),
    ]
