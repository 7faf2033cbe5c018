"""CLIENT references (``find_client``): digits that are both an id and another client's name are
ambiguous, ``#ID`` is always the id, names match case-insensitively beyond ASCII."""

from __future__ import annotations

import pytest

from ckbook.services.base import InputError, NotFoundError
from ckbook.services.clients import delete_client, find_client
from tests.factories import make_client


def test_digits_naming_one_client_and_the_id_of_another_are_ambiguous(db, now):  # type: ignore[no-untyped-def]
    ada = make_client(now, "Ada Lovelace")
    named_one = make_client(now, "1")
    with pytest.raises(InputError) as caught:
        find_client("1")
    assert str(caught.value) == (
        f"client '1' is ambiguous: id {ada} is 'Ada Lovelace', and client {named_one} is named "
        f"'1'; write #{ada} or #{named_one}"
    )
    assert find_client(f"#{ada}") == ada
    assert find_client(f"#{named_one}") == named_one


def test_digits_are_the_id_when_no_other_client_has_that_name(db, now):  # type: ignore[no-untyped-def]
    ada = make_client(now, "Ada")
    assert find_client(str(ada)) == ada
    itself = make_client(now, "2")  # id 2, named "2": the same client either way
    assert find_client("2") == itself
    digits = make_client(now, "123")
    assert find_client("123") == digits  # there is no client 123: the name


def test_a_deleted_client_neither_takes_the_id_nor_the_name(db, now):  # type: ignore[no-untyped-def]
    ada = make_client(now, "Ada")
    gone = make_client(now, str(ada))
    delete_client(gone, now)
    assert find_client(str(ada)) == ada


def test_unknown_references_say_what_was_looked_for(db, now):  # type: ignore[no-untyped-def]
    make_client(now, "Ada")
    with pytest.raises(NotFoundError, match="no client with id or name '999'"):
        find_client("999")
    with pytest.raises(NotFoundError, match="no client with id or name '99999999999999999999'"):
        find_client("99999999999999999999")  # beyond any id: no overflow, just not found
    with pytest.raises(NotFoundError, match="no client with id 99999999999999999999"):
        find_client("#99999999999999999999")
    with pytest.raises(NotFoundError, match="no client named 'Bob'"):
        find_client("Bob")


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("Émile Zola", "émile zola"),
        ("ÖZGÜR", "özgür"),
        ("Straße GmbH", "STRASSE GMBH"),
        ("Σοφία", "ΣΟΦΊΑ"),
    ],
)
def test_names_match_case_insensitively_in_every_script(db, now, stored, typed):  # type: ignore[no-untyped-def]
    client = make_client(now, stored)
    assert find_client(typed) == client


def test_names_differing_only_in_case_are_several(db, now):  # type: ignore[no-untyped-def]
    make_client(now, "Émile")
    make_client(now, "émile")
    with pytest.raises(InputError, match="several clients are named 'ÉMILE'"):
        find_client("ÉMILE")
