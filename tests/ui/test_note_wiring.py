"""Call notes and search wired into the real main window: Ctrl+Shift+C, the card's timeline,
Ctrl+F, Ctrl+S and quitting."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from ckbook.services.notes import add_note, get_note, notes_for_client
from ckbook.ui.call_window import CallWindow, install_notes
from ckbook.ui.main_window import MainWindow
from ckbook.ui.note_editor import NoteWindow
from ckbook.ui.search_panel import install_search
from tests.factories import make_client


@pytest.fixture
def window(qtbot, notebook, db, tmp_path):
    main = MainWindow(notebook, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.IniFormat))
    qtbot.addWidget(main)
    notes = install_notes(main, notebook)
    panel = install_search(main, notebook)
    main.show()
    yield main, notes, panel
    for widget in list(notes.open_windows.values()):
        widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        widget.close()
    panel.worker.stop()
    notes.writer.stop()


def test_ctrl_shift_c_starts_a_call_with_the_open_client(qtbot, window, now):
    main, notes, _panel = window
    ada = make_client(now, "Ada Lovelace")
    main.open_client(ada)
    main.trigger("call_note")
    (call,) = notes.open_windows.values()
    assert isinstance(call, CallWindow)
    assert call.client_id == ada
    qtbot.keyClicks(call.editor.editor, "quick word")
    main.trigger("save")  # Ctrl+S writes the call note too
    qtbot.waitUntil(lambda: not call.editor.autosaver.dirty, timeout=3000)
    assert get_note(call.note_id).body == "quick word"


def test_the_cards_timeline_opens_notes_in_the_editor(qtbot, window, now):
    main, notes, _panel = window
    ada = make_client(now, "Ada Lovelace")
    note = add_note(ada, now, kind="meeting", body="site visit").ids[0]
    main.note_opener(note, ada, "meeting")
    opened = notes.open_windows[note]
    assert isinstance(opened, NoteWindow)
    assert opened.editor.text() == "site visit"


def test_ctrl_f_searches_and_opens_a_note_hit_in_its_card(qtbot, window, now):
    main, _notes, panel = window
    ada = make_client(now, "Ada Lovelace")
    make_client(now, "Bob Builder")
    note = add_note(ada, now, body="the roof proposal").ids[0]
    main.trigger("search")
    assert main.current_page() == "search"
    qtbot.waitUntil(panel.field.hasFocus)
    qtbot.keyClicks(panel.field, "roof")
    qtbot.waitUntil(lambda: not panel.pending and bool(panel.hits()), timeout=5000)
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert main.current_client_id() == ada
    assert main.current_page() == "clients"
    # Selected in the card's timeline (Enter there opens it in the editor).
    assert main.card.timeline.current_note_id() == note
    assert main.card.timeline.list.hasFocus()
    assert "the roof proposal" in main.card.timeline.preview.toPlainText()


def test_a_promise_hit_is_selected_in_its_card(qtbot, window, now, tz):
    from ckbook.services.promises import add_promise

    main, _notes, panel = window
    ada = make_client(now, "Ada Lovelace")
    for i in range(20):
        add_promise(ada, f"call back {i}", now, tz)
    wanted = add_promise(ada, "send the roof quote", now, tz).ids[0]
    main.trigger("search")
    qtbot.keyClicks(panel.field, "roof quote")
    qtbot.waitUntil(lambda: not panel.pending and bool(panel.hits()), timeout=5000)
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert main.current_page() == "clients"
    assert main.card.promises.current_promise_id() == wanted
    assert main.card.promises.list.hasFocus()


def test_quitting_ends_open_calls_with_their_text_and_duration(qtbot, window, now):
    _main, notes, _panel = window
    ada = make_client(now, "Ada Lovelace")
    call = notes.start_call(ada)
    qtbot.keyClicks(call.editor.editor, "+ call back by Friday")
    assert notes.end_all()  # what aboutToQuit and SIGTERM run
    (row,) = notes_for_client(ada)
    assert row.body == "+ call back by Friday"
    assert row.duration_seconds is not None


def test_quitting_with_an_empty_call_open_leaves_no_note(qtbot, window, now):
    _main, notes, _panel = window
    ada = make_client(now, "Ada Lovelace")
    notes.start_call(ada)
    assert notes.end_all()
    assert notes_for_client(ada) == []


def test_ctrl_q_in_a_call_window_quits_like_in_the_main_window(qtbot, window, now, monkeypatch):
    quits: list[bool] = []
    monkeypatch.setattr(MainWindow, "_quit_application", lambda self: quits.append(True))
    main, notes, _panel = window
    ada = make_client(now, "Ada Lovelace")
    call = notes.start_call(ada)
    assert call is not None
    with qtbot.waitActive(call):
        call.activateWindow()
    qtbot.keyClicks(call.editor.editor, "short chat")
    qtbot.keyClick(call.editor.editor, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert quits == [True]
    assert not main.isVisible()
    assert call.editor.text() == "short chat"  # Ctrl+Q typed nothing
