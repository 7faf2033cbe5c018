"""Two editors of one client (two windows, or two people in team mode, each with its own
notebook): different fields both keep their change; a save over an unseen change of the same
field is refused, the card reloads, the field keeps what was typed and the message names it with
the other's value; saving again puts the typed value over it. Editing different fields one after
the other never reverts the other's field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ckbook.services.clients import client_detail
from ckbook.ui.client_card import ClientCard
from ckbook.ui.notebook import Notebook
from tests.factories import make_client


@pytest.fixture
def ada(db, now):  # type: ignore[no-untyped-def]
    return make_client(now, "Ada Lovelace", organisation="Analytical")


def editor(qtbot, clock, location: str, client_id: int) -> ClientCard:  # type: ignore[no-untyped-def]
    """A card on its own notebook: it hears nothing of the other editor's saves."""
    notebook = Notebook(clock, location)
    card = ClientCard(notebook)
    qtbot.addWidget(card)
    card.show()
    card.show_client(client_id)
    return card


def type_into(qtbot, line, text: str) -> None:  # type: ignore[no-untyped-def]
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_two_editors_of_different_fields_both_keep_their_change(qtbot, db, clock, ada, now):  # type: ignore[no-untyped-def]
    first = editor(qtbot, clock, db.location, ada)
    second = editor(qtbot, clock, db.location, ada)

    type_into(qtbot, first.profile.organisation, "Engines Ltd")
    type_into(qtbot, second.profile.name, "Augusta Ada King")  # has not seen the organisation
    assert not second.profile.error.isVisible()
    saved = client_detail(ada, now)
    assert (saved.name, saved.organisation) == ("Augusta Ada King", "Engines Ltd")


def test_a_save_over_an_unseen_change_of_the_same_field_is_refused_and_the_typing_kept(  # type: ignore[no-untyped-def]
    qtbot, db, clock, ada, now
):
    first = editor(qtbot, clock, db.location, ada)
    second = editor(qtbot, clock, db.location, ada)

    type_into(qtbot, first.profile.organisation, "Engines Ltd")
    assert client_detail(ada, now).organisation == "Engines Ltd"

    type_into(qtbot, second.profile.organisation, "Difference Engines")
    profile = second.profile
    assert client_detail(ada, now).organisation == "Engines Ltd"  # not written over it
    assert profile.error.isVisible()
    assert profile.error.text() == (
        "Not saved: Organisation. This client was changed elsewhere (Organisation is now "
        "“Engines Ltd”); what you typed is kept: save again (Ctrl+S) to put yours over it."
    )
    assert profile.organisation.text() == "Difference Engines"  # what was typed is kept
    assert second.header.organisation.text() == "Engines Ltd"  # the card shows what is stored
    assert profile.organisation.property("saveFailed")

    assert second.flush()  # saving again: the user chose theirs over the other's
    assert client_detail(ada, now).organisation == "Difference Engines"
    assert not profile.error.isVisible()


def test_one_editor_saving_field_after_field_never_conflicts_with_itself(
    qtbot, db, clock, ada, now
):  # type: ignore[no-untyped-def]
    card = editor(qtbot, clock, db.location, ada)
    profile = card.profile
    type_into(qtbot, profile.organisation, "Engines Ltd")
    type_into(qtbot, profile.phones, "+44 1")
    type_into(qtbot, profile.name, "Ada King")
    assert not profile.error.isVisible()
    saved = client_detail(ada, now)
    assert (saved.name, saved.organisation, saved.phones) == ("Ada King", "Engines Ltd", ("+44 1",))
    assert saved.version == 4
