"""The window on a server notebook with several people: the card names who wrote each note and,
when it is someone else, who made a promise or recorded an incident; a read-only role is refused
every change in one message saying why and whom to ask, with what was typed kept."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ckbook.app import build
from ckbook.cli import main
from ckbook.services.care import add_incident
from ckbook.services.due import Due
from ckbook.services.notes import add_note
from ckbook.services.promises import add_promise, promises_for_client
from ckbook.store.database import close_database, open_database
from ckbook.ui.care_card import IncidentsSection
from tests.store.test_team_rights import as_role, team

__all__ = ["team"]  # the fixture: two people with no rights yet on a server notebook

pytestmark = pytest.mark.postgresql
ADA = 1  # the team fixture's one client


def grant(url: str, role: str, rights: str) -> None:
    assert main(["team", "grant", role, "--as", rights, "--apply", "--db", url]) == 0


def shown(window) -> None:  # type: ignore[no-untyped-def]
    window.show()
    window.open_client(ADA)


def settle(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    # The client list loads on a worker (its own connection): done before the notebook closes.
    qtbot.waitUntil(lambda: not window.client_list.loading, timeout=10_000)


def test_the_card_names_who_wrote_and_made_what(team, clock, qtbot, qapp, capsys):  # type: ignore[no-untyped-def]
    url, names = team
    member = names["member"]
    grant(url, member, "member")
    now, tz = clock.now(), clock.tz
    theirs = open_database(as_role(url, member))
    try:
        add_note(ADA, now, body="called about the invoice")
        add_promise(ADA, "send the corrected invoice", now, tz, due=Due(now.date()))
        add_incident(ADA, "the invoice was wrong", now)
    finally:
        close_database(theirs)

    opened = open_database(url)  # the notebook's owner, another person
    try:
        add_note(ADA, now, body="followed up")
        add_promise(ADA, "check it arrived", now, tz)
        window = build(opened, clock, qapp)
        qtbot.addWidget(window)
        shown(window)
        model = window.card.timeline.model
        headings = [model.index(r, 0).data().splitlines()[0] for r in range(model.rowCount())]
        assert {h.rsplit(" · ", 1)[1] for h in headings} == {"by you", f"by {member}"}
        promises = window.card.promises.model
        rows = [promises.index(r, 0).data() for r in range(promises.rowCount())]
        assert sorted(row.endswith(f" · made by {member}") for row in rows) == [False, True]
        incidents = IncidentsSection(window.notebook)  # the card's section (wired by compose)
        qtbot.addWidget(incidents)
        incidents.set_client(ADA)
        [line] = incidents.lines
        assert line.detail.text().endswith(f" · recorded by {member}")
        settle(window, qtbot)
    finally:
        close_database(opened)


def test_a_read_only_role_is_refused_a_change_in_one_message(team, clock, qtbot, qapp, capsys):  # type: ignore[no-untyped-def]
    url, names = team
    grant(url, names["reader"], "read-only")
    opened = open_database(as_role(url, names["reader"]))
    try:
        window = build(opened, clock, qapp)
        qtbot.addWidget(window)
        heard: list[tuple[str, str]] = []
        window.notebook.message.connect(lambda level, text: heard.append((level, text)))
        shown(window)
        add = window.card.promises.add_edit
        qtbot.keyClicks(add, "send the deck by Friday")
        qtbot.keyClick(add, Qt.Key.Key_Return)
        assert heard == [
            (
                "error",
                "Not saved: your database role may read this notebook but not change it. "
                "Ask the notebook's owner for the rights (ckbook team grant).",
            )
        ]
        assert window._error_box is not None and window._error_box.isVisible()
        assert add.text() == "send the deck by Friday"  # kept, nothing lost
        assert promises_for_client(ADA) == []
        settle(window, qtbot)
    finally:
        close_database(opened)
