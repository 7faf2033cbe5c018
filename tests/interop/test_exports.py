"""Exports: vCard and CSV round-trip into a fresh notebook; the ICS re-parses with icalendar; the
JSON holds the whole notebook; every file is owner-only and replaced atomically."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from datetime import date, time, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from icalendar import Calendar

from ckbook.interop import files
from ckbook.interop.json_export import load
from ckbook.interop.transfer import export_file, import_file
from ckbook.services.care import add_incident, add_request
from ckbook.services.clients import client_detail, client_summaries, delete_client
from ckbook.services.due import Due
from ckbook.services.money import MoneyTermsInput, set_money_terms
from ckbook.services.notes import add_note
from ckbook.services.promises import add_promise
from ckbook.store.database import OpenedDatabase, close_database, open_database
from ckbook.store.errors import StoreError
from tests.factories import make_client

FORMATS = ("vcard", "csv", "ics", "json")


@pytest.fixture
def filled(db: OpenedDatabase, now, tz) -> dict[str, int]:  # type: ignore[no-untyped-def]
    ada = make_client(
        now, "Ada Lovelace", organisation="=Analytical, Engines; Ltd",
        emails=("ada@example.com", "ada@home.example"), phones=("+44 20 7946 0000",),
        address="12 St James's Square\nLondon SW1", tags=("maths", "vip: really"),
        handling_notes="Prefers letters.\nNever before 10, never on Sundays; \\ noted",
        attention_level="high-touch", checkin_days=7, response_hours=4, preferred_channel="call",
        status="lead",
    )  # fmt: skip
    bea = make_client(now, "Béatrice Ørsted", emails=("bea@example.dk",))
    set_money_terms(ada, MoneyTermsInput("hourly", amount=Decimal("95.00")), now)
    set_money_terms(
        ada,
        MoneyTermsInput("retainer", amount=Decimal("1250.50"), deposit=Decimal("0"),
                        discount="10%", discount_condition="paid early"),
        now,
    )  # fmt: skip
    note = add_note(ada, now, body="Talked *numbers*", mood="content").ids[0]
    timed = add_promise(ada, "send the quote", now, tz, due=Due(date(2026, 11, 20), time(15, 0)),
                        remind_before_minutes=30).ids[0]  # fmt: skip
    dated = add_promise(bea, "call back", now, tz, due=Due(date(2026, 11, 23))).ids[0]
    add_promise(bea, "someday maybe", now, tz, read_due_from_text=False)
    add_incident(ada, "invoice sent twice", now)
    add_request(bea, "new estimate please", now)
    gone = make_client(now, "Deleted Person", emails=("gone@example.com",))
    delete_client(gone, now)
    return {"ada": ada, "bea": bea, "note": note, "timed": timed, "dated": dated}


def _folder(path: Path) -> Path:
    path.mkdir(exist_ok=True)
    return path


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[OpenedDatabase]:
    """A second, empty notebook (the models are rebound to it)."""
    opened = open_database(_folder(tmp_path / "fresh") / "ckbook.sqlite3")
    yield opened
    close_database(opened)


def _clients(now, tz) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    out = []
    for row in client_summaries(now, tz):
        d = client_detail(row.id, now)
        out.append((d.name, d.organisation, d.emails, d.phones, d.address, d.tags,
                    d.handling_notes, d.status, d.attention_level, d.checkin_days,
                    d.response_hours, d.preferred_channel))  # fmt: skip
    return out


@pytest.mark.parametrize("kind", ["vcard", "csv"])
def test_round_trip_into_a_fresh_notebook(kind, filled, db, tmp_path, now, tz) -> None:  # type: ignore[no-untyped-def]
    before = _clients(now, tz)
    path = tmp_path / f"clients.{kind}"
    result = export_file(kind, path, now, tz)
    assert result.count == 2  # the deleted client is left out
    close_database(db)
    opened = open_database(_folder(tmp_path / "fresh") / "ckbook.sqlite3")
    try:
        report = import_file(kind, path, now)
        assert len(report.imported) == 2 and not report.invalid and not report.duplicates
        assert _clients(now, tz) == before
        again = import_file(kind, path, now)  # a second import doubles no one
        assert again.counts() == "0 new, 0 updated, 2 unchanged"
    finally:
        close_database(opened)


def test_vcard_keeps_commas_in_tags_and_names(db, tmp_path, now, tz) -> None:  # type: ignore[no-untyped-def]
    make_client(now, "Doe, John", tags=("a, b", "c"), handling_notes="x, y; z")
    path = tmp_path / "c.vcf"
    export_file("vcard", path, now, tz)
    assert "CATEGORIES:a\\, b,c\r\n" in path.read_bytes().decode()
    close_database(db)
    opened = open_database(_folder(tmp_path / "fresh") / "ckbook.sqlite3")
    try:
        (client_id,) = [i.client_id for i in import_file("vcard", path, now).imported]
        assert client_id is not None
        detail = client_detail(client_id, now)
        assert (detail.name, detail.tags, detail.handling_notes) == (
            "Doe, John", ("a, b", "c"), "x, y; z")  # fmt: skip
    finally:
        close_database(opened)


def test_csv_round_trip_keeps_the_current_money_terms(filled, db, tmp_path, now, tz) -> None:  # type: ignore[no-untyped-def]
    from ckbook.services.money import current_money_terms

    path = tmp_path / "clients.csv"
    export_file("csv", path, now, tz)
    text = path.read_text(encoding="utf-8-sig")
    assert "'=Analytical, Engines; Ltd" in text and ",1250.50," in text
    close_database(db)
    opened = open_database(_folder(tmp_path / "fresh") / "ckbook.sqlite3")
    try:
        report = import_file("csv", path, now)
        ada = next(i.client_id for i in report.imported if i.name == "Ada Lovelace")
        assert ada is not None
        terms = current_money_terms(ada)
        assert terms is not None
        assert (terms.pricing_model, terms.amount, terms.deposit) == (
            "retainer", Decimal("1250.50"), Decimal("0"))  # fmt: skip
        assert (terms.discount, terms.discount_condition) == ("10%", "paid early")
    finally:
        close_database(opened)


def test_vcard_is_version_4_with_profile_properties(filled, tmp_path, now, tz) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "c.vcf"
    export_file("vcard", path, now, tz)
    text = path.read_bytes().decode("utf-8")
    cards = text.split("BEGIN:VCARD\r\n")[1:]
    assert len(cards) == 2 and all(card.startswith("VERSION:4.0\r\n") for card in cards)
    assert "FN:Ada Lovelace\r\n" in text
    assert "CATEGORIES:maths,vip: really\r\n" in text
    assert "X-CKBOOK-ATTENTION-LEVEL:high-touch\r\n" in text
    assert "EMAIL;PREF=1:ada@example.com\r\n" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_ics_holds_open_promises_with_dues_and_check_ins(filled, tmp_path, now, tz) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "todo.ics"
    result = export_file("ics", path, now, tz, remind_before_minutes=15)
    calendar = Calendar.from_ical(path.read_bytes())
    todos = {str(t["uid"]): t for t in calendar.walk("VTODO")}
    assert result.count == len(todos) == 5  # three open promises, two check-ins
    timed = todos[f"promise-{filled['timed']}@ckbook"]
    assert timed.decoded("due") == datetime_in(tz, 2026, 11, 20, 15)
    assert timed["due"].params["TZID"] == "Europe/Berlin"
    assert [tz_.get("tzid") for tz_ in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    (alarm,) = timed.walk("VALARM")
    assert alarm.decoded("trigger") == timedelta(minutes=-30)
    assert alarm["trigger"].params["RELATED"] == "END"
    dated = todos[f"promise-{filled['dated']}@ckbook"]
    assert dated.decoded("due") == date(2026, 11, 23)
    assert dated["due"].params["VALUE"] == "DATE"
    (alarm,) = dated.walk("VALARM")  # the app's own rule: 09:00 local on the day
    assert alarm["trigger"].params["VALUE"] == "DATE-TIME"
    assert alarm.decoded("trigger") == datetime_in(tz, 2026, 11, 23, 9)
    checkin = todos[f"checkin-{filled['ada']}-2026-11-25@ckbook"]
    assert str(checkin["summary"]) == "Check in with Ada Lovelace"
    assert checkin.decoded("due") == date(2026, 11, 25)
    (someday,) = [t for t in todos.values() if "someday" in str(t["summary"])]
    assert "DUE" not in someday and not someday.walk("VALARM")  # no due: a to-do all the same


def test_ics_as_events_for_calendars_that_ignore_tasks(filled, tmp_path, now, tz) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "events.ics"
    result = export_file("ics", path, now, tz, remind_before_minutes=15, as_events=True)
    calendar = Calendar.from_ical(path.read_bytes())
    assert not calendar.walk("VTODO")
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    assert result.count == len(events) == 4  # the promise without a due has no day to be on
    assert result.describe().startswith("Exported 4 events to ")
    timed = events[f"promise-{filled['timed']}@ckbook"]
    assert timed.decoded("dtstart") == datetime_in(tz, 2026, 11, 20, 15)
    assert timed.decoded("dtend") == datetime_in(tz, 2026, 11, 20, 15, 30)
    (alarm,) = timed.walk("VALARM")
    assert alarm["trigger"].params["RELATED"] == "START"
    dated = events[f"promise-{filled['dated']}@ckbook"]
    assert (dated.decoded("dtstart"), dated.decoded("dtend")) == (date(2026, 11, 23),
                                                                  date(2026, 11, 24))  # fmt: skip


def datetime_in(tz, *parts: int):  # type: ignore[no-untyped-def]
    from datetime import datetime

    return datetime(*parts, tzinfo=tz)  # type: ignore[misc]


def test_json_holds_the_whole_notebook(filled, tmp_path, now, tz) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "all.json"
    export_file("json", path, now, tz)
    document = load(path.read_text(encoding="utf-8"))
    assert (document["format"], document["version"]) == ("ckbook-export", 2)
    assert document["exported_at"] == "2026-11-18T09:00:00+00:00"
    ada, bea = document["clients"]
    assert ada["name"] == "Ada Lovelace" and bea["name"] == "Béatrice Ørsted"
    assert ada["attention"] == {"level": "high-touch", "checkin_days": 7, "response_hours": 4,
                                "preferred_channel": "call"}  # fmt: skip
    assert [c["value"] for c in ada["contacts"]] == [
        "ada@example.com", "ada@home.example", "+44 20 7946 0000"]  # fmt: skip
    assert ada["tags"] == ["maths", "vip: really"]
    assert [(m["version"], m["amount"]) for m in ada["money_terms"]] == [
        (1, "95.00"),
        (2, "1250.50"),
    ]
    assert ada["notes"][0]["body"] == "Talked *numbers*"
    assert ada["notes"][0]["started_at"].endswith("+00:00")
    assert [p["due"] for p in ada["promises"]] == ["2026-11-20T15:00"]
    assert [p["due"] for p in bea["promises"]] == ["2026-11-23", None]
    assert ada["incidents"][0]["what"] == "invoice sent twice"
    assert bea["requests"][0]["summary"] == "new estimate please"
    assert "Deleted Person" not in path.read_text(encoding="utf-8")


def test_json_of_an_empty_notebook_is_valid(db, tmp_path, now, tz) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "empty.json"
    export_file("json", path, now, tz)
    assert json.loads(path.read_text())["clients"] == []


@pytest.mark.parametrize("kind", FORMATS)
def test_exports_are_owner_only_even_over_a_readable_file(kind, filled, tmp_path, now, tz) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / f"out.{kind}"
    path.write_text("old")
    path.chmod(0o644)
    export_file(kind, path, now, tz, overwrite=True)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text(encoding="utf-8") != "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notebook", path.name]  # no temp file


def test_a_failed_write_keeps_the_old_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "keep.csv"
    path.write_text("the good one")
    with pytest.raises(RuntimeError), files.private_file(path, overwrite=True) as stream:
        stream.write("half a fi")
        raise RuntimeError("disk full, say")
    assert path.read_text() == "the good one"
    assert os.listdir(tmp_path) == ["keep.csv"]


def test_an_unwritable_target_is_named(db, tmp_path, now, tz) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(StoreError, match=r"the folder .*missing does not exist"):
        export_file("csv", tmp_path / "missing" / "x.csv", now, tz)
    assert not (tmp_path / "missing").exists()


def test_import_reads_a_file_that_is_not_utf8_and_says_how(db, tmp_path, now) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "latin.csv"
    path.write_bytes("Name,Notes\nJürgen Weiß,Grüße – für 5 €\n".encode("cp1252"))
    report = import_file("csv", path, now)
    assert report.source == "read as Windows-1252 (detected)"
    assert [i.name for i in report.new] == ["Jürgen Weiß"]


@pytest.mark.parametrize("kind", FORMATS)
def test_the_file_is_written_after_the_read_transaction_has_ended(  # type: ignore[no-untyped-def]
    kind, filled, tmp_path, now, tz, monkeypatch
) -> None:
    from ckbook.interop import transfer
    from ckbook.store.models import database_proxy

    seen: list[bool] = []
    real = transfer.files.private_file

    def watching(path, newline=None, overwrite=False):  # type: ignore[no-untyped-def]
        seen.append(database_proxy.obj.in_transaction())
        return real(path, newline=newline, overwrite=overwrite)

    monkeypatch.setattr(transfer.files, "private_file", watching)
    result = export_file(kind, tmp_path / f"x.{kind}", now, tz)
    assert seen == [False]
    assert result.read_seconds < result.seconds


@pytest.mark.parametrize("kind", ["vcard", "csv", "json"])
def test_a_cancelled_export_leaves_no_file(kind, filled, tmp_path, now, tz) -> None:  # type: ignore[no-untyped-def]
    from ckbook.services.importing import Cancelled

    def cancel(done: int, total: int) -> None:
        raise Cancelled()

    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(Cancelled):
        export_file(kind, folder / f"out.{kind}", now, tz, progress=cancel)
    assert list(folder.iterdir()) == []  # no file, no temporary left behind


@pytest.mark.parametrize("as_events", [False, True])
def test_a_repeating_promise_carries_its_rule_as_a_todo_and_as_an_event(  # type: ignore[no-untyped-def]
    as_events, db, tmp_path, now, tz
) -> None:
    ada = make_client(now, "Ada")
    weekly = add_promise(ada, "send the report", now, tz, due=Due(date(2026, 11, 23), time(10)),
                         recurrence="FREQ=WEEKLY;BYDAY=MO").ids[0]  # fmt: skip
    path = tmp_path / "repeat.ics"
    export_file("ics", path, now, tz, as_events=as_events)
    calendar = Calendar.from_ical(path.read_bytes())
    (entry,) = [e for e in calendar.walk("VEVENT" if as_events else "VTODO")
                if str(e["uid"]) == f"promise-{weekly}@ckbook"]  # fmt: skip
    assert entry["rrule"].to_ical() == b"FREQ=WEEKLY;BYDAY=MO"
    assert entry.decoded("dtstart") == datetime_in(tz, 2026, 11, 23, 10)
    assert entry.to_ical().count(b"\r\nDTSTART") == 1  # one start, never two


def test_vcard_3_round_trip_into_a_fresh_notebook(filled, db, tmp_path, now, tz) -> None:  # type: ignore[no-untyped-def]
    before = _clients(now, tz)
    path = tmp_path / "clients3.vcf"
    export_file("vcard", path, now, tz, vcard_version="3.0")
    text = path.read_text(encoding="utf-8")
    assert "VERSION:3.0" in text and "PREF=1" not in text and "TYPE=pref" in text
    close_database(db)
    opened = open_database(_folder(tmp_path / "fresh") / "ckbook.sqlite3")
    try:
        assert import_file("vcard", path, now).counts() == "2 new, 0 updated, 0 unchanged"
        assert _clients(now, tz) == before
        assert import_file("vcard", path, now).counts() == "0 new, 0 updated, 2 unchanged"
    finally:
        close_database(opened)
