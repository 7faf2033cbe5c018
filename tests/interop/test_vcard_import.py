"""Reading vCards as real programs write them: Apple, Google, vCard 4.0, old 2.1 phones."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ckbook.interop.snapshot import Snapshot
from ckbook.interop.vcard import read_vcards, vcards_text
from ckbook.services.base import InputError

APPLE = (
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "PRODID:-//Apple Inc.//macOS 14.0//EN\r\n"
    "N:Müller;Anna;Maria;Dr.;\r\n"
    "FN:Dr. Anna Maria Müller\r\n"
    "ORG:Müller & Söhne GmbH;Sales\r\n"
    "item1.EMAIL;type=INTERNET;type=pref:anna@mueller.example\r\n"
    "item1.X-ABLabel:_$!<Other>!$_\r\n"
    "EMAIL;type=INTERNET;type=WORK:a.mueller@work.example\r\n"
    "TEL;type=WORK;type=VOICE:+49 30 987654\r\n"
    "TEL;type=CELL;type=VOICE;type=pref:+49 170 1234567\r\n"
    "item2.ADR;type=HOME;type=pref:;;Hauptstraße 5;Berlin;;10115;Germany\r\n"
    "item2.X-ABADR:de\r\n"
    "NOTE:Prefers calls in the morning\\, never on Fridays.\\nThis line is folded a\r\n"
    " cross two lines.\r\n"
    "CATEGORIES:VIP,Berlin\r\n"
    "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD\r\n"
    " /2wBDAAgGBgcGBQgHBwcJCQ==\r\n"
    "END:VCARD\r\n"
)
GOOGLE = """BEGIN:VCARD
VERSION:3.0
FN:Bob Example
N:Example;Bob;;;
EMAIL;TYPE=INTERNET;TYPE=HOME:bob@example.com
TEL;TYPE=CELL:+1 555 0100
ADR;TYPE=HOME:;;100 Waters Edge;Baytown;LA;30314;USA
item1.ORG:Baytown Bakery
CATEGORIES:myContacts,Bakers
END:VCARD
"""
V4 = """BEGIN:VCARD
VERSION:4.0
FN:Carla Díaz
EMAIL;TYPE=work:carla@work.example
EMAIL;PREF=1:carla@home.example
TEL;VALUE=uri;TYPE="voice,cell":tel:+34-600-000-000
NOTE:Spanish\\; English\\, French
END:VCARD
"""
V21 = (
    "BEGIN:VCARD\r\n"
    "VERSION:2.1\r\n"
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;\r\n"
    "FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:J=FCrgen M=FCller\r\n"
    "TEL;CELL:+4915112345\r\n"
    "EMAIL;INTERNET:juergen@example.de\r\n"
    "NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Zeile eins=0D=0AZeile zwei, weich =\r\n"
    "umbrochen, geht weiter\r\n"
    "ORG;ENCODING=BASE64;CHARSET=UTF-8:R3LDvG4gR21iSA==\r\n"
    "END:VCARD\r\n"
)


def one(text: str):  # type: ignore[no-untyped-def]
    items, problems = read_vcards(text)
    assert problems == []
    assert len(items) == 1
    return items[0].client


def test_apple_card_with_grouped_lines_type_params_and_folding() -> None:
    client = one(APPLE)
    assert client.name == "Dr. Anna Maria Müller"
    assert client.organisation == "Müller & Söhne GmbH; Sales"
    assert client.emails == ("anna@mueller.example", "a.mueller@work.example")
    assert client.phones == ("+49 170 1234567", "+49 30 987654")  # the preferred one first
    assert client.address == "Hauptstraße 5\n10115 Berlin\nGermany"
    assert client.tags == ("VIP", "Berlin")
    assert client.handling_notes == (
        "Prefers calls in the morning, never on Fridays.\nThis line is folded across two lines."
    )


def test_google_card() -> None:
    client = one(GOOGLE)
    assert (client.name, client.organisation) == ("Bob Example", "Baytown Bakery")
    assert client.address == "100 Waters Edge\n30314 Baytown\nLA\nUSA"
    assert client.tags == ("myContacts", "Bakers")


def test_vcard_4_pref_and_tel_uri() -> None:
    client = one(V4)
    assert client.emails == ("carla@home.example", "carla@work.example")
    assert client.phones == ("+34-600-000-000",)
    assert client.handling_notes == "Spanish; English, French"


def test_vcard_2_1_quoted_printable_soft_breaks_charsets_and_base64() -> None:
    client = one(V21)
    assert client.name == "Jürgen Müller"  # ISO-8859-1 quoted-printable
    assert client.handling_notes == "Zeile eins\nZeile zwei, weich umbrochen, geht weiter"
    assert client.organisation == "Grün GmbH"  # base64 text
    assert client.phones == ("+4915112345",)


def test_several_cards_a_byte_order_mark_and_bare_lf() -> None:
    items, problems = read_vcards("\ufeff" + APPLE + GOOGLE.replace("\n", "\r\n") + V4)
    assert problems == []
    assert [i.client.name for i in items] == ["Dr. Anna Maria Müller", "Bob Example", "Carla Díaz"]
    assert [i.where for i in items] == ["entry 1, line 1", "entry 2, line 20", "entry 3, line 30"]


def test_name_from_n_then_from_org() -> None:
    names = [
        i.client.name
        for i in read_vcards(
            "BEGIN:VCARD\nVERSION:3.0\nN:Doe;John;;Mr.;Jr.\nEND:VCARD\n"
            "BEGIN:VCARD\nVERSION:3.0\nORG:Acme Ltd\nX-ABShowAs:COMPANY\nEND:VCARD\n"
        )[0]
    ]
    assert names == ["Mr. John Doe, Jr.", "Acme Ltd"]


def test_a_broken_card_is_reported_by_entry_and_line_and_the_rest_still_read() -> None:
    text = GOOGLE + "BEGIN:VCARD\nVERSION:3.0\nFN:Broken\nthis is not a property\nEND:VCARD\n" + V4
    items, problems = read_vcards(text)
    assert [i.client.name for i in items] == ["Bob Example", "Carla Díaz"]
    assert [p.describe() for p in problems] == [
        "entry 2, line 11: line 14 is not a vCard line: 'this is not a property'"
    ]


def test_a_card_without_end_is_reported() -> None:
    items, problems = read_vcards(GOOGLE + "BEGIN:VCARD\nVERSION:3.0\nFN:Cut off\n")
    assert len(items) == 1
    assert problems[0].describe() == (
        "line 11 (Cut off): unfinished card: no END:VCARD before the end of the file"
    )


def test_an_unfinished_card_does_not_swallow_the_good_card_after_it() -> None:
    text = GOOGLE + "BEGIN:VCARD\nVERSION:3.0\nFN:Cut off\nEMAIL:cut@example.com\n" + V4
    items, problems = read_vcards(text)
    assert [i.client.name for i in items] == ["Bob Example", "Carla Díaz"]
    assert [p.describe() for p in problems] == [
        "line 11 (Cut off): unfinished card: no END:VCARD before the next card starts at line 15"
    ]


def test_a_file_without_cards_is_refused() -> None:
    with pytest.raises(InputError, match="no vCard"):
        read_vcards("name,email\nAda,ada@example.com\n")


def test_a_card_without_any_name_reaches_the_service_rules() -> None:
    items, _ = read_vcards("BEGIN:VCARD\nVERSION:3.0\nEMAIL:x@example.com\nEND:VCARD\n")
    assert items[0].client.name == ""  # the import use-case says "client name is empty"


def test_bare_commas_in_text_keep_the_whole_value() -> None:
    # vobject alone keeps only "Doe" and "Call after 5".
    client = one(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Doe, John\nNOTE:Call after 5, not before\\, ever\nEND:VCARD\n"
    )
    assert (client.name, client.handling_notes) == ("Doe, John", "Call after 5, not before, ever")


def test_quoted_printable_text_with_commas_and_escaped_bytes() -> None:
    client = one(
        "BEGIN:VCARD\nVERSION:2.1\nFN:X\n"
        "NOTE;ENCODING=QUOTED-PRINTABLE:eins, zwei=2C drei; vier\\f=C3=BCnf\nEND:VCARD\n"
    )
    assert client.handling_notes == "eins, zwei, drei; vier\\fünf"


card_text = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\n\t"), max_size=200
)
WHEN = datetime(2026, 11, 18, 9, 0, tzinfo=UTC)


@given(
    name=card_text.filter(str.strip),
    organisation=card_text,
    address=card_text,
    notes=card_text,
    tags=st.lists(card_text.filter(str.strip), max_size=3),
)
def test_any_text_round_trips_through_our_vcards(  # type: ignore[no-untyped-def]
    name, organisation, address, notes, tags
) -> None:
    client_row = {
        "id": 1, "uid": "urn:uuid:test-1", "name": name, "organisation": organisation,
        "address": address,
        "status": "active", "client_since": date(2026, 1, 2), "handling_notes": notes,
        "attention_level": "standard", "checkin_days": 14, "response_hours": 24,
        "preferred_channel": "email", "created_at": WHEN,
    }  # fmt: skip
    picture = Snapshot(WHEN, [client_row], tags={1: tags})
    (item,), problems = read_vcards(vcards_text(picture))
    assert problems == []
    client = item.client  # surrounding blanks go, as they do when a client is saved
    assert (client.name, client.organisation) == (name.strip(), organisation.strip())
    assert (client.address, client.handling_notes) == (address.strip(), notes.strip())
    assert list(client.tags) == [t.strip() for t in tags]
