"""No lost updates in the window: another person's change to a promise, incident, request or
call note while it is shown here is merged when it touched other fields, offered side by side
when it touched the same ones, and reported when it was a delete. The other person writes through
a connection of their own (``execute_elsewhere``), as another ckbook would."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt

from ckbook.services.care import add_incident, add_request, get_incident, requests
from ckbook.services.due import Due
from ckbook.services.notes import add_note, get_note, update_note
from ckbook.services.promises import add_promise, get_promise
from ckbook.services.versions import EditConflictError
from ckbook.ui.autosave import SaveWriter, note_text_saver
from ckbook.ui.call_window import CallWindow, NoteWindows
from ckbook.ui.client_card import ClientCard
from ckbook.ui.dialogs.conflict import ConflictDialog, DeletedDialog, EditedSinceDialog
from ckbook.ui.incident_dialog import IncidentDialog
from ckbook.ui.request_dialog import RequestsSection
from tests.factories import make_client
from tests.rows import execute_elsewhere


@pytest.fixture
def ada(db, now):  # type: ignore[no-untyped-def]
    return make_client(now, "Ada Lovelace")


@pytest.fixture
def card(qtbot, notebook, ada):  # type: ignore[no-untyped-def]
    widget = ClientCard(notebook)
    qtbot.addWidget(widget)
    widget.show()
    widget.show_client(ada)
    return widget


class Shown(list):  # type: ignore[type-arg]
    """The choosers shown, as (dialog name, conflict); ``answers`` are given in turn."""

    answers: list[Any]


@pytest.fixture
def asked(monkeypatch) -> Shown:  # type: ignore[no-untyped-def]
    shown = Shown()
    shown.answers = []

    def ask(cls, parent, conflict, *rest):  # type: ignore[no-untyped-def]
        shown.append((cls.__name__, conflict))
        return shown.answers.pop(0) if shown.answers else None

    for dialog in (ConflictDialog, DeletedDialog, EditedSinceDialog):
        monkeypatch.setattr(dialog, "ask", classmethod(ask))
    return shown


def elsewhere(db, sql: str, *params: object) -> None:  # type: ignore[no-untyped-def]
    execute_elsewhere(db.location, sql, params)


# --- the chooser itself ----------------------------------------------------------------------


def a_conflict(db, ada, now):  # type: ignore[no-untyped-def]
    note = add_note(ada, now, body="first", mood="content").ids[0]
    loaded = get_note(note)
    update_note(note, now, body="their text", mood="angry", base=loaded)
    with pytest.raises(EditConflictError) as refused:
        update_note(note, now, body="my text", mood="delighted", kind="meeting", base=loaded)
    return refused.value.conflict


def test_the_chooser_shows_both_versions_and_chooses_field_by_field(qtbot, db, ada, now, tz):  # type: ignore[no-untyped-def]
    conflict = a_conflict(db, ada, now)
    dialog = ConflictDialog(conflict, tz)
    qtbot.addWidget(dialog)
    texts = {label.text() for label in dialog.findChildren(type(dialog.merged_label))}
    assert {"my text", "their text", "delighted", "angry"} <= texts
    assert not dialog.merged_label.isHidden()  # the kind merged: said to be kept
    assert "Kind" in dialog.merged_label.text()
    assert dialog.chosen_mine() == ("body", "mood")  # yours unless chosen otherwise
    dialog.choices["mood"][1].click()  # theirs for the mood
    assert dialog.chosen_mine() == ("body",)
    dialog.all_theirs.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.chosen_mine() == ()


def test_keep_all_mine_chooses_every_field_of_mine(qtbot, db, ada, now, tz):  # type: ignore[no-untyped-def]
    dialog = ConflictDialog(a_conflict(db, ada, now), tz)
    qtbot.addWidget(dialog)
    dialog.choices["body"][1].click()
    dialog.all_mine.click()
    assert dialog.chosen_mine() == ("body", "mood")


# --- promises on the card --------------------------------------------------------------------


def test_a_promise_changed_elsewhere_in_another_field_keeps_both_without_asking(  # type: ignore[no-untyped-def]
    card, notebook, db, ada, now, tz, asked
):
    pid = notebook.run(add_promise, ada, "send the deck", now, tz).ids[0]
    elsewhere(db, "UPDATE promise SET due_date = '2026-11-27', version = version + 1 WHERE id = ?",
              pid)  # fmt: skip
    assert card.promises.apply_edit(pid, "send the revised deck", None)
    stored = get_promise(pid)
    assert (stored.text, stored.due) == ("send the revised deck", Due(date(2026, 11, 27)))
    assert asked == []


def test_a_promise_changed_elsewhere_in_the_same_field_is_chosen_side_by_side(  # type: ignore[no-untyped-def]
    card, notebook, db, ada, now, tz, asked
):
    pid = notebook.run(add_promise, ada, "send the deck", now, tz).ids[0]
    elsewhere(db, "UPDATE promise SET text = 'send their deck', version = version + 1 "
              "WHERE id = ?", pid)  # fmt: skip
    asked.answers.append(("text",))
    assert card.promises.apply_edit(pid, "send my deck", None)
    ((name, conflict),) = asked
    assert name == "ConflictDialog"
    assert (conflict.mine["text"], conflict.theirs["text"]) == ("send my deck", "send their deck")
    assert get_promise(pid).text == "send my deck"
    # and when theirs is chosen, theirs stays and the card shows it
    elsewhere(db, "UPDATE promise SET text = 'send the final deck', version = version + 1 "
              "WHERE id = ?", pid)  # fmt: skip
    asked.answers.append(())
    assert not card.promises.apply_edit(pid, "send nothing", None)
    assert get_promise(pid).text == "send the final deck"
    assert card.promises.model.promise(0).text == "send the final deck"


def test_ticking_a_promise_whose_client_was_deleted_elsewhere_says_so(  # type: ignore[no-untyped-def]
    card, notebook, db, ada, now, tz, asked
):
    pid = notebook.run(add_promise, ada, "send the deck", now, tz).ids[0]
    elsewhere(db, "UPDATE client SET deleted_at = '2026-11-18 09:00:00' WHERE id = ?", ada)
    assert not card.promises.close_as(pid, "kept")
    assert [name for name, _ in asked] == ["DeletedDialog"]
    assert get_promise(pid).status == "open"


# --- incidents and requests ------------------------------------------------------------------


def test_the_incident_dialog_merges_another_persons_step(qtbot, notebook, db, ada, now, asked):  # type: ignore[no-untyped-def]
    iid = notebook.run(add_incident, ada, "Wrong invoice sent", now).ids[0]
    dialog = IncidentDialog(notebook, ada, incident_id=iid)
    qtbot.addWidget(dialog)
    elsewhere(db, "UPDATE incident SET prevention = 'check before sending', version = version + 1 "
              "WHERE id = ?", iid)  # fmt: skip
    dialog.root_cause.setPlainText("template mix-up")
    assert dialog.save()
    stored = get_incident(iid)
    assert (stored.root_cause, stored.prevention) == ("template mix-up", "check before sending")
    assert asked == []


def test_the_incident_dialog_offers_the_choice_for_the_same_step(
    qtbot, notebook, db, ada, now, asked
):  # type: ignore[no-untyped-def]
    iid = notebook.run(add_incident, ada, "Wrong invoice sent", now).ids[0]
    dialog = IncidentDialog(notebook, ada, incident_id=iid)
    qtbot.addWidget(dialog)
    elsewhere(db, "UPDATE incident SET root_cause = 'their cause', version = version + 1 "
              "WHERE id = ?", iid)  # fmt: skip
    dialog.root_cause.setPlainText("my cause")
    assert not dialog.save()  # cancelled: nothing saved, the typed text stays
    assert [name for name, _ in asked] == ["ConflictDialog"]
    assert get_incident(iid).root_cause == "their cause"
    assert dialog.root_cause.toPlainText() == "my cause"


def test_acknowledging_a_request_deleted_elsewhere_says_so(qtbot, notebook, db, ada, now, asked):  # type: ignore[no-untyped-def]
    rid = notebook.run(add_request, ada, "Where is my quote?", now).ids[0]
    section = RequestsSection(notebook)
    qtbot.addWidget(section)
    section.set_client(ada)
    shown = requests(ids=[rid])[0]
    elsewhere(db, "DELETE FROM request WHERE id = ?", rid)
    assert section.acknowledge(rid, shown) is None
    assert [name for name, _ in asked] == ["DeletedDialog"]


# --- the call note's autosave ----------------------------------------------------------------


@pytest.fixture
def writer(db, clock, qapp):  # type: ignore[no-untyped-def]
    w = SaveWriter(note_text_saver(clock), clock, own_connection=True)
    yield w
    w.stop()


@pytest.fixture
def call(qtbot, notebook, writer, ada):  # type: ignore[no-untyped-def]
    notes = NoteWindows(notebook, writer, pick_client=lambda: ada)
    window = notes.start_call(ada)
    assert window is not None
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    return window


def typed(qtbot, call: CallWindow, text: str) -> None:
    qtbot.keyClicks(call.editor.editor, text)
    call.editor.flush()
    qtbot.waitUntil(lambda: not call.editor.autosaver.dirty and not call.editor.autosaver.saving,
                    timeout=5000)  # fmt: skip


def test_autosave_keeps_a_mood_set_elsewhere_during_the_call(qtbot, call, db, asked):  # type: ignore[no-untyped-def]
    typed(qtbot, call, "Called about the roof.")
    elsewhere(db, "UPDATE note SET mood = 'angry', version = version + 1 WHERE id = ?",
              call.note_id)  # fmt: skip
    typed(qtbot, call, " They want it before winter.")
    stored = get_note(call.note_id)
    assert (stored.body, stored.mood) == (
        "Called about the roof. They want it before winter.",
        "angry",
    )
    assert asked == []


def test_autosave_never_overwrites_a_note_edited_elsewhere_and_keeps_the_typing(  # type: ignore[no-untyped-def]
    qtbot, call, db, asked
):
    typed(qtbot, call, "Called about the roof.")
    elsewhere(db, "UPDATE note SET body = 'Their summary of the call', version = version + 1 "
              "WHERE id = ?", call.note_id)  # fmt: skip
    editor = call.editor
    qtbot.keyClicks(editor.editor, " Quote by Friday.")
    editor.flush()
    qtbot.waitUntil(lambda: editor.autosaver.conflict is not None, timeout=5000)
    assert get_note(call.note_id).body == "Their summary of the call"  # not overwritten
    assert editor.text() == "Called about the roof. Quote by Friday."  # nothing typed lost
    assert not editor.resolve_button.isHidden()
    assert "changed by someone else" in editor.status.text()
    # typing goes on: kept, not saved over theirs, until the user chooses
    qtbot.keyClicks(editor.editor, " Call back Monday.")
    qtbot.wait(100)
    assert get_note(call.note_id).body == "Their summary of the call"
    # the next save (Ctrl+S) offers the choice; keeping mine writes what is typed now
    asked.answers.append(("body",))
    qtbot.keyClick(editor.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    ((name, conflict),) = asked
    assert name == "ConflictDialog"
    assert conflict.theirs["body"] == "Their summary of the call"
    qtbot.waitUntil(lambda: not editor.autosaver.dirty and not editor.autosaver.saving,
                    timeout=5000)  # fmt: skip
    assert (
        get_note(call.note_id).body == "Called about the roof. Quote by Friday. Call back Monday."
    )
    assert editor.resolve_button.isHidden()


def test_choosing_theirs_shows_their_text_and_saves_nothing_over_it(qtbot, call, db, asked):  # type: ignore[no-untyped-def]
    typed(qtbot, call, "Mine.")
    elsewhere(db, "UPDATE note SET body = 'Theirs.', version = version + 1 WHERE id = ?",
              call.note_id)  # fmt: skip
    qtbot.keyClicks(call.editor.editor, " More.")
    call.editor.flush()
    qtbot.waitUntil(lambda: call.editor.autosaver.conflict is not None, timeout=5000)
    asked.answers.append(())
    assert call.editor.save_now()
    assert call.editor.text() == "Theirs."
    qtbot.waitUntil(lambda: not call.editor.autosaver.dirty, timeout=5000)
    assert get_note(call.note_id).body == "Theirs."


def test_a_call_note_deleted_elsewhere_is_restored_with_the_typing_when_asked(  # type: ignore[no-untyped-def]
    qtbot, call, db, asked
):
    typed(qtbot, call, "Called about the roof.")
    elsewhere(db, "DELETE FROM note WHERE id = ?", call.note_id)
    qtbot.keyClicks(call.editor.editor, " Quote by Friday.")
    call.editor.flush()
    qtbot.waitUntil(lambda: call.editor.autosaver.conflict is not None, timeout=5000)
    assert call.editor.autosaver.conflict.deleted
    asked.answers.append(True)
    with qtbot.waitSignal(call.ended, timeout=5000):
        call.end_call()
    assert [name for name, _ in asked] == ["DeletedDialog"]
    stored = get_note(call.note_id)
    assert stored.body == "Called about the roof. Quote by Friday."
    assert stored.duration_seconds is not None


# --- money terms -----------------------------------------------------------------------------


def test_money_terms_recorded_over_a_newer_version_keep_its_change(  # type: ignore[no-untyped-def]
    card, notebook, db, ada, now, asked, monkeypatch
):
    from decimal import Decimal

    from ckbook.services.money import (
        MoneyTermsInput,
        current_money_terms,
        money_history,
        set_money_terms,
    )
    from ckbook.ui.dialogs.money_terms import MoneyTermsDialog

    notebook.run(set_money_terms, ada, MoneyTermsInput("hourly", Decimal("90")), now)
    assert card.money.current is not None and card.money.current.version == 1
    # someone else records version 2 with a deposit; this card still shows version 1
    elsewhere(db, "INSERT INTO money_terms (client_id, version, pricing_model, amount, currency, "
              "deposit, discount, discount_condition, scope_in, scope_out, confirmed_by_client, "
              "change_reason, created_at) VALUES (?, 2, 'hourly', '90', 'EUR', '500', '', '', "
              "'', '', 0, '', '2026-11-18 09:00:00')", ada)  # fmt: skip
    mine = MoneyTermsInput("hourly", Decimal("95"), change_reason="new rate")
    monkeypatch.setattr(MoneyTermsDialog, "ask", classmethod(lambda cls, *a: mine))
    assert card.money.change_terms()
    stored = current_money_terms(ada)
    assert stored is not None
    assert (stored.version, stored.amount, stored.deposit) == (3, Decimal("95"), Decimal("500"))
    assert len(money_history(ada)) == 3
    assert asked == []


def test_a_live_refresh_while_the_edit_dialog_is_open_does_not_hide_their_change(  # type: ignore[no-untyped-def]
    card, notebook, db, ada, now, tz, asked, monkeypatch
):
    from ckbook.ui.dialogs.edit_promise import EditPromiseDialog, PromiseEdit

    pid = notebook.run(add_promise, ada, "send the deck", now, tz).ids[0]

    def meanwhile(cls, *args):  # type: ignore[no-untyped-def]
        elsewhere(db, "UPDATE promise SET text = 'send their deck', version = version + 1 "
                  "WHERE id = ?", pid)  # fmt: skip
        card.promises.refresh()  # what the live poll does when another process commits
        return PromiseEdit("send my deck", None)

    monkeypatch.setattr(EditPromiseDialog, "ask", classmethod(meanwhile))
    assert not card.promises.edit(pid)  # the chooser was cancelled: nothing saved
    assert [name for name, _ in asked] == ["ConflictDialog"]
    assert get_promise(pid).text == "send their deck"


def test_quitting_with_a_conflict_unchosen_keeps_the_typing_in_a_recovery_file(  # type: ignore[no-untyped-def]
    qtbot, notebook, clock, db, ada, now, tmp_path
):
    writer = SaveWriter(
        note_text_saver(clock), clock, own_connection=True, recovery_dir=tmp_path / "recovery"
    )
    notes = NoteWindows(notebook, writer, pick_client=lambda: ada)
    call = notes.start_call(ada)
    assert call is not None
    call.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(call)
    typed(qtbot, call, "Mine.")
    elsewhere(db, "UPDATE note SET body = 'Theirs.', version = version + 1 WHERE id = ?",
              call.note_id)  # fmt: skip
    qtbot.keyClicks(call.editor.editor, " Still mine.")
    call.editor.flush()
    qtbot.waitUntil(lambda: call.editor.autosaver.conflict is not None, timeout=5000)
    rescue = notes.shutdown()  # aboutToQuit: no one can answer a dialog now
    assert rescue.kept == (call.note_id,)
    assert rescue.path is not None
    assert "Mine. Still mine." in rescue.path.read_text()
    assert get_note(call.note_id).body == "Theirs."
