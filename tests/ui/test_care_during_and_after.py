"""The card and the call window keep up with what happens: an incident's fix saved as a promise
appears at once in the card's promise list; an upset mood chosen during a call shows the calm
guide then; "Record what went wrong" starts from the note (what happened, when, the client)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from ckbook.services.care import add_incident, incidents
from ckbook.services.notes import add_note
from ckbook.ui.client_card import ClientCard
from ckbook.ui.incident_dialog import IncidentDialog, from_qdatetime
from ckbook.ui.note_editor import selected_mood
from tests.factories import make_client
from tests.ui.test_call_window import client_id, notes, start, writer  # noqa: F401 (fixtures)


def test_an_incident_fix_appears_at_once_in_the_cards_promise_list(qtbot, notebook, now) -> None:  # type: ignore[no-untyped-def]
    ada = make_client(now, "Ada Lovelace")
    incident = add_incident(ada, "invoice sent twice", now).ids[0]
    card = ClientCard(notebook)
    qtbot.addWidget(card)
    card.show()
    card.show_client(ada)
    assert card.promises.model.rowCount() == 0
    dialog = IncidentDialog(notebook, ada, incident)
    qtbot.addWidget(dialog)
    dialog.fix.setText("send a corrected invoice")
    assert dialog.save()
    assert card.promises.model.rowCount() == 1  # no reopening of the card
    texts = [card.promises.model.data(card.promises.model.index(0, 0), Qt.ItemDataRole.DisplayRole)]
    assert any("send a corrected invoice" in str(t) for t in texts)


def test_an_angry_mood_during_the_call_shows_the_calm_guide_then(qtbot, notes, client_id) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    call = start(qtbot, notes, client_id)
    assert not call.calm_guide.isVisible()
    call.mood_box.setCurrentIndex(call.mood_box.findText("angry"))
    assert selected_mood(call.mood_box) == "angry"
    assert call.calm_guide.isVisible()  # during the call, not after it
    labels = " ".join(w.text() for w in call.calm_guide.findChildren(type(call.hints_label)))
    assert "Listen" in labels and "Fix and follow up" in labels
    call.mood_box.setCurrentIndex(call.mood_box.findText("content"))
    assert not call.calm_guide.isVisible()
    call.mood_box.setCurrentIndex(call.mood_box.findText("frustrated"))
    assert call.calm_guide.isVisible()


def test_record_what_went_wrong_starts_from_the_note(qtbot, notebook, now) -> None:  # type: ignore[no-untyped-def]
    ada = make_client(now, "Ada Lovelace")
    started = now - timedelta(hours=2)
    body = (
        "Catering arrived two hours late; the guests waited outside.\n"
        "+ send a refund by Friday\n"
        "? asks for the caterer's contract\n"
        "She was upset about the cold food."
    )
    nid = add_note(ada, now, kind="call", body=body, mood="angry", started_at=started).ids[0]
    box = IncidentDialog.offer_later(None, notebook, ada, nid, "angry")
    assert box is not None
    next(b for b in box.buttons() if b.text() == "Record what went wrong").click()
    dialog = IncidentDialog.opened_later
    assert dialog is not None
    assert dialog.what.toPlainText() == (
        "Catering arrived two hours late; the guests waited outside. "
        "She was upset about the cold food."
    )
    assert from_qdatetime(dialog.happened.dateTime(), notebook.tz) == started
    assert dialog.windowTitle() == "Something went wrong — Ada Lovelace"
    assert dialog.save()
    (row,) = incidents(ada)
    assert row.note_id == nid and row.happened_at == started
    dialog.close()
