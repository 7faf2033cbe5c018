"""Control characters and direction overrides are refused in a client's one-line fields (name,
organisation, emails, phones, tags) with a message naming the field and the character; address and
handling notes may keep tabs and line breaks. Nothing is written."""

from __future__ import annotations

import re

import pytest

from ckbook.services.base import InputError
from ckbook.services.clients import ClientInput, add_client, client_detail, update_client
from ckbook.store.models import Client
from tests.factories import make_client


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": "Nul\x01ctl"}, "client name contains a control character (U+0001)"),
        ({"name": "Ada\tLovelace"}, "client name contains a control character (U+0009)"),
        ({"name": "Ada\u0085Lovelace"}, "client name contains a control character (U+0085)"),
        ({"name": "Ada\u2028Lovelace"}, "client name contains a control character (U+2028)"),
        (
            {"name": "שלום \u202eevil"},
            "client name contains an invisible direction control (U+202E)",
        ),
        ({"name": "A", "organisation": "Acme\u2066 Ltd"}, "organisation contains an invisible"),
        ({"name": "A", "organisation": "Acme\nLtd"}, "organisation contains a control character"),
        ({"name": "A", "phones": ("+49 30\x0712",)}, "phone '+49 30\\x0712' contains a control"),
        ({"name": "A", "tags": ("vip\u202d",)}, "tag 'vip\\u202d' contains an invisible"),
        ({"name": "A", "address": "Main St\x1b[31m"}, "address contains a control character"),
        ({"name": "A", "handling_notes": "x\u202b"}, "how they like to be handled contains"),
    ],
)
def test_control_and_direction_characters_are_refused(db, now, fields, message):  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match=re.escape(message)):
        add_client(ClientInput(**fields), now)
    assert Client.select().count() == 0
    ada = make_client(now, "Ada")
    with pytest.raises(InputError, match="contains"):
        update_client(ada, now, **fields)
    assert client_detail(ada, now).name == "Ada"


def test_real_names_in_any_script_and_multiline_notes_are_kept(db, now):  # type: ignore[no-untyped-def]
    client = make_client(
        now,
        "שלום עולם",
        organisation="Zoë & Søn 😀",
        address="Main St 1\n10115 Berlin",
        handling_notes="Call first.\n\tThen email.",
    )
    detail = client_detail(client, now)
    assert (detail.name, detail.organisation) == ("שלום עולם", "Zoë & Søn 😀")
    assert detail.address == "Main St 1\n10115 Berlin"
    assert detail.handling_notes == "Call first.\n\tThen email."
