"""Call mode: a call typed live becomes a note with duration, mood and its promises."""

from __future__ import annotations

import logging
import stat
from datetime import date, time
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from ckbook.services.clients import client_summaries
from ckbook.services.due import Due
from ckbook.services.money import MoneyTermsInput, set_money_terms
from ckbook.services.notes import add_note, get_note, notes_for_client
from ckbook.services.promises import add_promise, promises_for_note
from ckbook.ui.autosave import SaveJob, SaveWriter, note_text_saver
from ckbook.ui.call_window import CallWindow, NoteWindows, install_notes, note_title
from ckbook.ui.note_editor import NoteWindow
from tests.factories import make_client
from tests.ui.test_autosave import disk_full


@pytest.fixture
def writer(db, clock, qapp):
    w = SaveWriter(note_text_saver(clock), clock, own_connection=True)
    yield w
    w.stop()


@pytest.fixture
def client_id(db, now):
    return make_client(
        now, "Ada Lovelace", preferred_channel="call", handling_notes="Likes short calls"
    )


@pytest.fixture
def notes(notebook, writer, client_id):
    return NoteWindows(notebook, writer, pick_client=lambda: client_id)


def keep(qtbot, window):
    """Let pytest-qt close the window after the test (the controller deletes it on close)."""
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(window)
    return window


def start(qtbot, notes, client_id=None) -> CallWindow:
    call = notes.start_call(client_id)
    assert call is not None
    keep(qtbot, call)
    qtbot.waitExposed(call)
    return call


def test_a_call_typed_live_is_stored_with_duration_mood_and_both_promises(
    qtbot, notes, client_id, monkeypatch
):
    call = start(qtbot, notes)  # no client open: the picker answers
    editor = call.editor.editor
    qtbot.waitUntil(editor.hasFocus)  # typing starts with no click

    qtbot.keyClicks(editor, "Called about the roof; they want it before winter.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "+ send the revised quote by Friday 3pm")
    (first,) = call.editor.capture_views()
    assert first.label == "→ Fri 20 Nov 15:00"  # shown while the line is still being typed
    assert first.promise_id is None
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The line is complete: it becomes a promise at once.
    qtbot.waitUntil(lambda: call.editor.capture_views()[0].promise_id is not None, timeout=3000)

    qtbot.keyClicks(editor, "+ call back at 07:30")
    second = call.editor.capture_views()[1]
    assert second.label == "→ Thu 19 Nov 07:30"  # 07:30 has passed today: tomorrow morning
    call.mood_box.setCurrentIndex(call.mood_box.findData("content"))
    monkeypatch.setattr(call, "elapsed_seconds", lambda: 754)

    with qtbot.waitSignal(call.ended, timeout=5000):
        qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    (row,) = notes_for_client(client_id)
    assert row.kind == "call"
    assert row.duration_seconds == 754
    assert row.mood == "content"
    assert row.body == (
        "Called about the roof; they want it before winter.\n"
        "+ send the revised quote by Friday 3pm\n"
        "+ call back at 07:30"
    )
    promises = [(p.text, p.due, p.status) for p in promises_for_note(row.id)]
    assert promises == [
        ("send the revised quote by Friday 3pm", Due(date(2026, 11, 20), time(15, 0)), "open"),
        ("call back at 07:30", Due(date(2026, 11, 19), time(7, 30)), "open"),
    ]


def test_the_window_shows_what_to_keep_in_mind(qtbot, notes, client_id, now, tz):
    set_money_terms(client_id, MoneyTermsInput("hourly", Decimal("95.00")), now)
    add_promise(client_id, "send the contract by Friday", now, tz)
    call = start(qtbot, notes, client_id)
    hints = call.hints_label.text()
    assert "Prefers: call" in hints
    assert "Handling: Likes short calls" in hints
    assert "Money: hourly 95.00 EUR" in hints
    assert "Open promises (1): send the contract by Friday (Fri 20 Nov)" in hints
    assert call.hints_label.textFormat() == Qt.TextFormat.PlainText


def test_money_not_discussed_is_said(qtbot, notes, client_id):
    call = start(qtbot, notes, client_id)
    assert "Money not discussed yet" in call.hints_label.text()
    assert "No open promises" in call.hints_label.text()


def test_the_call_window_stays_on_top_until_unpinned(qtbot, notes, client_id):
    call = start(qtbot, notes, client_id)
    assert call.is_on_top()
    qtbot.mouseClick(call.pin_button, Qt.MouseButton.LeftButton)
    assert not call.is_on_top()
    assert call.isVisible()
    assert call.pin_button.accessibleName() and call.pin_button.toolTip()


def test_a_due_shown_next_to_a_line_can_be_corrected(qtbot, notes, client_id):
    call = start(qtbot, notes, client_id)
    editor = call.editor.editor
    qtbot.keyClicks(editor, "+ call back at 07:30")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: call.editor.capture_views()[0].promise_id is not None, timeout=3000)
    row = call.editor.captures.row(0)
    qtbot.mouseClick(row.due_button, Qt.MouseButton.LeftButton)
    assert row.due_field.isVisible()
    row.due_field.clear()
    qtbot.keyClicks(row.due_field, "today 19:30")
    qtbot.keyClick(row.due_field, Qt.Key.Key_Return)
    assert call.editor.capture_views()[0].label == "→ Wed 18 Nov 19:30"
    (promise,) = promises_for_note(call.note_id)
    assert promise.due == Due(date(2026, 11, 18), time(19, 30))
    # Editing the line afterwards keeps the correction.
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.Start)
    editor.moveCursor(editor.textCursor().MoveOperation.EndOfLine)
    qtbot.keyClicks(editor, " about the roof")
    call.editor.flush_and_wait(5)
    (promise,) = promises_for_note(call.note_id)
    assert promise.text == "call back at 07:30 about the roof"
    assert promise.due == Due(date(2026, 11, 18), time(19, 30))


def test_a_wrong_correction_says_why_and_changes_nothing(qtbot, notes, client_id):
    call = start(qtbot, notes, client_id)
    qtbot.keyClicks(call.editor.editor, "+ call back by Friday")
    qtbot.keyClick(call.editor.editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: call.editor.capture_views()[0].promise_id is not None, timeout=3000)
    row = call.editor.captures.row(0)
    row.start_correction()
    row.due_field.setText("whenever")
    qtbot.keyClick(row.due_field, Qt.Key.Key_Return)
    assert "cannot read 'whenever'" in call.editor.status.text()
    assert promises_for_note(call.note_id)[0].due == Due(date(2026, 11, 20))


def test_closing_the_window_ends_the_call_and_keeps_the_text(qtbot, notes, client_id):
    call = start(qtbot, notes, client_id)
    qtbot.keyClicks(call.editor.editor, "short chat")
    note_id = call.note_id
    call.close()
    stored = get_note(note_id)
    assert stored.body == "short chat"
    assert stored.duration_seconds is not None


def test_a_call_closed_with_nothing_typed_leaves_no_note(qtbot, notes, client_id):
    call = start(qtbot, notes, client_id)
    call.close()
    assert notes_for_client(client_id) == []


@pytest.mark.parametrize("how", ["ctrl+return", "end call button"])
def test_a_call_ended_with_nothing_typed_leaves_no_note_and_no_contact(
    qtbot, notes, client_id, now, tz, how
):
    call = start(qtbot, notes, client_id)
    qtbot.waitUntil(call.editor.editor.hasFocus)
    with qtbot.waitSignal(call.closed, timeout=5000):
        if how == "ctrl+return":
            qtbot.keyClick(
                call.editor.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
            )
        else:
            call.end_button.click()
    assert not call.isVisible()
    assert notes_for_client(client_id) == []
    (summary,) = client_summaries(now, tz, client_ids=[client_id])
    assert summary.last_contact is None


def test_without_a_chosen_client_no_call_starts(qtbot, notebook, writer):
    notes = NoteWindows(notebook, writer, pick_client=lambda: None)
    assert notes.start_call() is None


def test_other_kinds_open_in_the_same_editor_from_the_card(qtbot, notes, client_id):
    window = notes.open_note(None, client_id, "meeting")
    assert isinstance(window, NoteWindow)
    keep(qtbot, window)
    for line in ("Met at the site", "+ send photos by Monday"):
        qtbot.keyClicks(window.editor.editor, line)
        qtbot.keyClick(window.editor.editor, Qt.Key.Key_Return)
    window.close()
    (row,) = notes_for_client(client_id)
    assert (row.kind, row.body) == ("meeting", "Met at the site\n+ send photos by Monday\n")
    assert [p.text for p in promises_for_note(row.id)] == ["send photos by Monday"]

    again = notes.open_note(row.id, client_id, "meeting")
    keep(qtbot, again)
    assert again.editor.text() == row.body
    assert not again.editor.autosaver.dirty  # loading is not an edit
    assert notes.open_note(row.id, client_id, "meeting") is again


def test_the_note_opener_starts_a_call_for_kind_call(qtbot, notes, client_id):
    call = notes.open_note(None, client_id, "call")
    keep(qtbot, call)
    assert isinstance(call, CallWindow)


class Disk:
    """The real save, on a disk that can fill up."""

    def __init__(self, clock) -> None:
        self.save = note_text_saver(clock)
        self.full = False

    def __call__(self, job: SaveJob):
        if self.full:
            raise disk_full()
        return self.save(job)


@pytest.fixture
def disk(clock):
    return Disk(clock)


@pytest.fixture
def full_notes(qapp, notebook, db, clock, disk, client_id, tmp_path):
    writer = SaveWriter(
        disk,
        clock,
        own_connection=True,
        retry_ms=50,
        recovery_dir=tmp_path / "recovery",
        location=notebook.location,
        describe=lambda note_id: note_title(note_id, notebook),
    )
    yield NoteWindows(notebook, writer, pick_client=lambda: client_id)
    disk.full = False  # the windows pytest-qt closes after the test can save then
    writer.stop()


def test_closing_a_call_while_the_disk_is_full_keeps_the_window_and_its_text(
    qtbot, full_notes, disk
):
    call = start(qtbot, full_notes)
    disk.full = True
    qtbot.keyClicks(call.editor.editor, "She wants the roof done before winter")
    assert not call.close()  # refused: the text stays on screen, the status says why
    assert call.isVisible() and call.editor.autosaver.dirty
    assert call.editor.status.text().startswith("Not saved — disk full")
    disk.full = False
    assert call.close()
    assert get_note(call.note_id).body == "She wants the roof done before winter"


def test_quitting_while_the_disk_is_full_keeps_the_call_text_in_a_recovery_file_and_says_where(
    qtbot, full_notes, disk, tmp_path, caplog, monkeypatch
):
    call = start(qtbot, full_notes)
    monkeypatch.setattr(call, "elapsed_seconds", lambda: 754)
    disk.full = True
    qtbot.keyClicks(call.editor.editor, "She wants the roof done before winter")
    with caplog.at_level(logging.ERROR):
        rescue = full_notes.shutdown()  # aboutToQuit (also after SIGTERM)
    assert rescue.kept == (call.note_id,)
    assert rescue.path is not None and rescue.path.parent == tmp_path / "recovery"
    assert stat.S_IMODE(rescue.path.stat().st_mode) == 0o600
    text = rescue.path.read_text(encoding="utf-8")
    assert (
        f"===== Call note — Ada Lovelace — Wed 18 Nov 2026 10:00 (note {call.note_id}) "
        "(not saved: disk full; duration: 12 min 34 s) =====\n"
        "She wants the roof done before winter\n"
    ) in text
    assert rescue.message() in caplog.text
    assert str(rescue.path) in rescue.message()
    assert get_note(call.note_id).body == ""  # the notebook really did not get it


def test_the_next_start_says_where_unsaved_text_was_kept(
    qtbot, notebook, db, tmp_path, monkeypatch
):
    folder = tmp_path / "recovery"
    folder.mkdir()
    (folder / "unsaved-notes-20261118-100000.txt").write_text("words")
    monkeypatch.setattr("ckbook.ui.autosave._fallback_recovery_dir", lambda: tmp_path / "none")
    window = QWidget()
    window.handlers = {}  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    with qtbot.waitSignal(notebook.message, timeout=2000) as blocker:
        notes = install_notes(window, notebook, recovery_dir=folder)
    notes.writer.stop()
    level, text = blocker.args
    assert level == "error"
    assert str(folder / "unsaved-notes-20261118-100000.txt") in text
    assert "Copy it back into its note, then delete the file." in text


def test_a_note_switched_away_from_is_broadcast_once_finally_written(
    qtbot, full_notes, notebook, disk, client_id, now
):
    note_id = add_note(client_id, now).ids[0]
    disk.full = True
    full_notes.writer.keep(SaveJob(note_id, "kept words"), "disk full")
    disk.full = False
    with qtbot.waitSignal(notebook.changed, timeout=3000) as blocker:
        pass
    assert blocker.args[0].kind == "note" and note_id in blocker.args[0].ids
    assert get_note(note_id).body == "kept words"
