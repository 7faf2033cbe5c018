"""People on a server notebook, each signed in as their own role: what each makes carries their
name; `ckbook due` lists my promises and requests (and those of no known owner) unless
`--everyone`; `ckbook notes` names who wrote each note; "Show everyone's reminders" is each
person's own setting."""

from __future__ import annotations

import json

import pytest

from ckbook.services.notes import add_note
from ckbook.services.settings import load_settings, update_settings
from ckbook.store.database import close_database, open_database
from tests.conftest import NOW_ARG
from tests.store.test_team_rights import as_role, ckbook, team

__all__ = ["team"]

pytestmark = pytest.mark.postgresql


@pytest.fixture
def people(team, capsys):  # type: ignore[no-untyped-def]
    """The owner's URL, and two members' URLs by role name."""
    url, names = team
    for role in names.values():
        code, _, err = ckbook(
            capsys, "team", "grant", role, "--as", "member", "--apply", "--db", url
        )
        assert code == 0, err
    return url, {role: as_role(url, role) for role in names.values()}


def promise(capsys, db: str, text: str) -> int:  # type: ignore[no-untyped-def]
    code, out, err = ckbook(
        capsys, "promise", "add", "Ada Lovelace", text, "--due", "2026-11-17", "--now", NOW_ARG,
        "--db", db, "--json",
    )  # fmt: skip
    assert code == 0, err
    made = json.loads(out)
    return int(made["id"])


def overdue(capsys, db: str, *extra: str) -> list[str]:  # type: ignore[no-untyped-def]
    code, out, err = ckbook(capsys, "due", "--now", NOW_ARG, "--db", db, "--json", *extra)
    assert code == 0, err
    return sorted(p["text"] for p in json.loads(out)["overdue"])


def test_due_lists_my_promises_unless_everyones_are_asked_for(people, capsys):  # type: ignore[no-untyped-def]
    owner, members = people
    first, second = sorted(members)
    promise(capsys, members[first], "first's promise")
    promise(capsys, members[second], "second's promise")
    legacy = promise(capsys, owner, "made before authors were kept")
    opened = open_database(owner)
    try:
        opened.database.execute_sql("UPDATE promise SET author = NULL WHERE id = %s", (legacy,))
        authors = dict(opened.database.execute_sql("SELECT text, author FROM promise").fetchall())
    finally:
        close_database(opened)
    assert authors["first's promise"] == first and authors["second's promise"] == second

    assert overdue(capsys, members[first]) == ["first's promise", "made before authors were kept"]
    assert overdue(capsys, members[second]) == [
        "made before authors were kept",
        "second's promise",
    ]
    assert overdue(capsys, members[first], "--everyone") == [
        "first's promise",
        "made before authors were kept",
        "second's promise",
    ]


def test_notes_names_who_wrote_each_note(people, capsys, now):  # type: ignore[no-untyped-def]
    owner, members = people
    first = sorted(members)[0]
    opened = open_database(members[first])
    try:
        add_note(1, now, body="called about the invoice")
    finally:
        close_database(opened)
    code, out, err = ckbook(capsys, "notes", "Ada Lovelace", "--db", owner)
    assert code == 0, err
    assert out.splitlines()[0].endswith(f" · by {first}")
    code, out, err = ckbook(capsys, "notes", "Ada Lovelace", "--db", owner, "--json")
    assert code == 0 and f'"author": "{first}"' in out


def test_everyones_reminders_is_each_persons_own(people):  # type: ignore[no-untyped-def]
    _owner, members = people
    first, second = sorted(members)
    opened = open_database(members[first])
    try:
        update_settings(everyones_reminders=True)
        assert load_settings().everyones_reminders
    finally:
        close_database(opened)
    opened = open_database(members[second])
    try:
        assert not load_settings().everyones_reminders
    finally:
        close_database(opened)
    opened = open_database(members[first])
    try:
        assert load_settings().everyones_reminders
    finally:
        close_database(opened)
