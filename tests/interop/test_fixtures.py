"""Files as other programs write them (tests/interop/fixtures): Apple, Google, Outlook in English,
German and Spanish, a French Google export, Android's vCard 2.1, Latin-1, Windows-1252 and UTF-16
files, and broken ones. Each imports with the outcome a user expects, and importing it again
adds no one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.rows import select_rows

FIXTURES = Path(__file__).with_name("fixtures")


def _import(run, kind: str, name: str, *args: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    result = run("import", kind, str(FIXTURES / name), "--json", *args)
    assert result.code == 0, result.err
    data: dict[str, Any] = json.loads(result.out)
    return data


def _clients(run) -> dict[str, dict[str, Any]]:  # type: ignore[no-untyped-def]
    rows = run("clients", "--json").json()
    return {row["name"]: row for row in rows}


@pytest.fixture
def detail(run, db_target: str):  # type: ignore[no-untyped-def]
    """The stored client of that name, as the card shows it (the notebook opened the app's way)."""
    from ckbook.services.clients import client_detail
    from ckbook.store.database import close_database, open_database
    from tests.conftest import NOW

    def detail(name: str) -> dict[str, Any]:
        cid = _clients(run)[name]["id"]
        opened = open_database(db_target)
        try:
            fields = client_detail(cid, NOW).__dict__
            return {k: list(v) if isinstance(v, tuple) else v for k, v in fields.items()}
        finally:
            close_database(opened)

    return detail


# (file, format, the clients it holds, how it is read)
CLEAN = [
    ("apple.vcf", "vcard", ["Ada Lovelace", "Acme Tiles Ltd"], ""),
    ("android.vcf", "vcard", ["Jürgen Müller", "Chidi Okafor"], ""),
    ("latin1.vcf", "vcard", ["Hélène Lefèvre"], "read as ISO-8859-1 (declared)"),
    ("google.csv", "csv", ["Bea Smith", "Sam Lee", "Kim Lee"], ""),
    ("google_fr.csv", "csv", ["Amélie Dubois"], ""),
    ("outlook_en.csv", "csv", ["Priya Natarajan", "Tom Baker", "Tina Baker"], ""),
    ("outlook_de.csv", "csv", ["Jörg Weiß", "Anke Schäfer"], "read as Windows-1252 (detected)"),
    ("outlook_es.csv", "csv", ["Lucía García Pérez"], ""),
    ("windows1252.csv", "csv", ["René Müller", "Inès Fabre"], "read as Windows-1252 (detected)"),
    ("excel_unicode.txt", "csv", ["Zoë Ørsted", "Łukasz Wróbel"],
     "read as UTF-16 (byte-order mark)"),
    ("no_bom_utf16.csv", "csv", ["Noor Haddad", "Åsa Lindqvist"],
     "read as UTF-16 (little-endian) (detected)"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "kind", "clients", "source"), CLEAN)
def test_each_file_imports_everyone_and_again_adds_no_one(  # type: ignore[no-untyped-def]
    run, name, kind, clients, source
) -> None:
    first = _import(run, kind, name)
    assert [i["name"] for i in first["imported"]] == clients
    assert first["source"] == source
    assert not first["invalid"] and not first["duplicates"]
    again = _import(run, kind, name)
    assert again["summary"] == f"Imported: 0 new, 0 updated, {len(clients)} unchanged"
    assert sorted(_clients(run)) == sorted(clients)


def test_apple_card_keeps_labels_address_notes_tags_and_uid(run, detail, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _import(run, "vcard", "apple.vcf")
    ada = detail("Ada Lovelace")
    assert ada["organisation"] == "Analytical Engines"
    assert ada["emails"] == ["ada@engines.example", "ada@home.example"]
    assert ada["phones"] == ["+44 7700 900123", "+44 20 7946 0001"]
    assert ada["address"] == "12 St James's Square\nSW1Y 4JH London\nUnited Kingdom"
    assert ada["handling_notes"] == (
        "Prefers letters, not calls. Writes long ones; answer within the week.\nSecond line."
    )
    assert ada["tags"] == ["maths", "vip"]
    assert run("export", "vcard", str(tmp_path / "out.vcf")).code == 0
    text = (tmp_path / "out.vcf").read_text(encoding="utf-8")
    assert "UID:4E5F6A7B-1C2D-4E3F-8A9B-0C1D2E3F4A5B" in text
    assert "X-ABLABEL:other" in text and "TEL;PREF=1;TYPE=cell:+44 7700 900123" in text
    assert "X-ABLABEL:office" in text


def test_android_quoted_printable_with_soft_breaks(run, detail) -> None:  # type: ignore[no-untyped-def]
    _import(run, "vcard", "android.vcf")
    jurgen = detail("Jürgen Müller")
    assert jurgen["address"] == "Hauptstraße 1\n10115 Berlin\nDeutschland"
    assert jurgen["handling_notes"] == (
        "Ruft gern abends an. Bitte nicht vor 9 Uhr anrufen, er schläft lange. "
        "Grüße an die Familie!"
    )
    assert jurgen["phones"] == ["+49 170 1234567", "+49 30 1234567"]


def test_latin1_card_reads_its_declared_charset(run, detail) -> None:  # type: ignore[no-untyped-def]
    _import(run, "vcard", "latin1.vcf")
    helene = detail("Hélène Lefèvre")
    assert helene["organisation"] == "Société Générale de Pâtisserie"
    assert helene["handling_notes"] == "Préfère le téléphone, à partir de 10 h."


def test_people_sharing_an_email_stay_two_clients(run) -> None:  # type: ignore[no-untyped-def]
    _import(run, "csv", "google.csv")
    _import(run, "csv", "outlook_en.csv")
    clients = _clients(run)
    assert clients["Sam Lee"]["emails"] == clients["Kim Lee"]["emails"] == ["lees@family.example"]
    assert clients["Tom Baker"]["emails"] == clients["Tina Baker"]["emails"]


def _labels(target: str, name: str) -> list[tuple[str, str]]:
    quoted = name.replace("'", "''")
    rows = select_rows(
        target,
        "SELECT kind, label FROM contact_detail JOIN client ON client.id = client_id "
        f"WHERE client.name = '{quoted}' ORDER BY kind, position",
    )
    return [(str(kind), str(label)) for kind, label in rows]


def test_google_and_outlook_fields_land_where_they_belong(run, detail, db_target) -> None:  # type: ignore[no-untyped-def]
    _import(run, "csv", "google.csv")
    _import(run, "csv", "outlook_de.csv")
    _import(run, "csv", "outlook_es.csv")
    bea = detail("Bea Smith")
    assert (bea["organisation"], bea["tags"]) == ("Smith & Daughters", ["Clients", "VIP"])
    assert bea["emails"] == ["bea@smith.example", "bea@home.example"]
    assert bea["address"] == "1 Tile Road\nLeeds LS1 1AA\nUK"
    assert bea["handling_notes"] == "Call after 5, not before."
    jorg = detail("Jörg Weiß")
    assert jorg["organisation"] == "Weiß & Söhne GmbH"
    assert jorg["emails"] == ["joerg@weiss-soehne.example", "j.weiss@privat.example"]
    assert jorg["phones"] == ["+49 211 1234567", "+49 171 7654321"]
    assert jorg["address"] == "Königsallee 12\nDüsseldorf\n40212\nDeutschland"
    assert jorg["tags"] == ["Großkunde", "Kunden"]
    assert jorg["handling_notes"] == "Rechnungen bitte an die Buchhaltung – nicht an ihn."
    assert _labels(db_target, "Bea Smith") == [("email", "work"), ("email", "home"),
                                             ("phone", "mobile"), ("phone", "work")]  # fmt: skip
    assert _labels(db_target, "Jörg Weiß") == [("email", ""), ("email", ""), ("phone", "work"),
                                             ("phone", "mobile")]  # fmt: skip
    lucia = detail("Lucía García Pérez")
    assert (lucia["organisation"], lucia["emails"]) == (
        "Azulejos García",
        ["lucia@azulejos.example"],
    )


def test_a_changed_file_updates_the_clients_it_names(run, detail, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _import(run, "csv", "outlook_en.csv")
    changed = (FIXTURES / "outlook_en.csv").read_text(encoding="utf-8")
    changed = changed.replace("Invoices to the practice manager.", "Invoices by email now.")
    (tmp_path / "changed.csv").write_text(changed, encoding="utf-8")
    result = run("import", "csv", str(tmp_path / "changed.csv"))
    assert result.out.splitlines()[0] == "Imported: 0 new, 1 updated, 2 unchanged"
    assert result.out.splitlines()[1].endswith(
        "Priya Natarajan (line 2): handling notes: Invoices to the practice manager. → "
        "Invoices by email now."
    )
    assert detail("Priya Natarajan")["handling_notes"] == "Invoices by email now."


def test_an_unfinished_card_is_named_and_skip_invalid_keeps_the_good_one_after_it(  # type: ignore[no-untyped-def]
    run, db_path
) -> None:
    path = str(FIXTURES / "unfinished.vcf")
    refused = run("import", "vcard", path)
    assert refused.code == 2
    assert "line 6 (Cut Off): unfinished card: no END:VCARD before the next card" in refused.err
    assert not Path(db_path).exists() or _clients(run) == {}
    result = run("import", "vcard", path, "--skip-invalid")
    assert result.out.splitlines()[0] == (
        "Imported: 2 new, 0 updated, 0 unchanged, 1 skipped (line 6: unfinished card: no "
        "END:VCARD before the next card starts at line 10)"
    )
    assert sorted(_clients(run)) == ["Good One", "Good Two"]
    again = run("import", "vcard", path, "--skip-invalid")
    assert again.out.splitlines()[0].startswith("Imported: 0 new, 0 updated, 2 unchanged")


def test_extra_and_missing_fields_are_reported_by_row(run) -> None:  # type: ignore[no-untyped-def]
    data = _import(run, "csv", "extra_field.csv", "--skip-invalid")
    assert [(s["where"], s["reason"]) for s in data["invalid"]] == [
        ("line 3", "has 4 fields but the header names 3: 'bob@example.com' would be lost (a "
                   "value with the delimiter in it that is not in quotes?)"),
        ("line 5", "has 1 field but the header names 3 (a line break in a value that is not in "
                   "quotes?)"),
    ]  # fmt: skip
    assert sorted(_clients(run)) == ["Ada Lovelace", "Cyd Jones"]


def test_a_picture_is_named_as_not_a_text_file(run) -> None:  # type: ignore[no-untyped-def]
    for kind in ("vcard", "csv", "json"):
        result = run("import", kind, str(FIXTURES / "contacts.png"))
        assert result.code == 2
        assert "contacts.png is not a text file (it looks like a PNG image)" in result.err
        assert "UTF-8" not in result.err


def test_map_names_columns_the_header_alone_does_not(run, detail, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "crm.csv").write_text(
        "Kunde,Mail,Handy\nOla Nordmann,ola@example.no,+47 912 34 567\n"
    )
    refused = run("import", "csv", str(tmp_path / "crm.csv"))
    assert refused.code == 2 and "names no client column" in refused.err
    data = _import(
        run, "csv", str(tmp_path / "crm.csv"), "--map", "name=Kunde,emails=Mail,phones=Handy"
    )
    assert data["summary"] == "Imported: 1 new, 0 updated, 0 unchanged"
    ola = detail("Ola Nordmann")
    assert (ola["emails"], ola["phones"]) == (["ola@example.no"], ["+47 912 34 567"])
    bad = run("import", "csv", str(tmp_path / "crm.csv"), "--map", "name=Kundin")
    assert (
        bad.code == 2 and "--map: no column named 'Kundin'; columns: Kunde, Mail, Handy" in bad.err
    )
    unknown = run("import", "csv", str(tmp_path / "crm.csv"), "--map", "shoe=Kunde")
    assert unknown.code == 2 and "--map: 'shoe' is not a field" in unknown.err
