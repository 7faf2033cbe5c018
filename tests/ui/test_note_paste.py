"""Pasting into a note (call window and note editor): a paste the note cannot hold is refused
with a message before it reaches the editor; a 1 MB paste, even one line without a space,
arrives whole (long lines broken into lines the editor can lay out quickly, put in piece by
piece while the window keeps answering) and is saved whole, even when the window is closed
while it is going in. Its speed is measured in tests/perf/bench_note_paste.py, not here."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QTextOption

from ckbook.services.notes import MAX_BODY, add_note, get_note, notes_for_client
from ckbook.store.maintenance import check
from ckbook.ui.note_text import LONG_LINE, NoteTextEdit, wrap_long_lines
from tests.ui.test_call_window import client_id, notes, start, writer  # noqa: F401  (fixtures)


def _mime(text: str) -> QMimeData:
    mime = QMimeData()
    mime.setText(text)
    return mime


def test_a_one_megabyte_paste_arrives_whole_and_is_saved(qtbot, notes, client_id, db):  # noqa: F811
    call = start(qtbot, notes, client_id)
    editor = call.editor.editor
    qtbot.keyClicks(editor, "Before: ")
    words = "lorem ipsum dolor sit amet " * (690_000 // 27)
    blob = "x" * 300_000  # one "word" with no space at all (a base64 blob, a log line)
    pasted = f"{words}\n{blob}"
    assert 980_000 < len(pasted) < MAX_BODY - 100  # 1 MB (ASCII), within the limit
    with qtbot.waitSignal(editor.paste_finished, timeout=30_000):
        editor.insertFromMimeData(_mime(pasted))
        assert editor.pasting and editor.isReadOnly()  # going in piece by piece
    assert not editor.isReadOnly()
    text = editor.toPlainText()
    assert text.startswith("Before: lorem ipsum")
    assert max(len(line) for line in text.split("\n")) <= LONG_LINE + len("Before: ")
    # Whole: the same characters, long lines broken at spaces (a space in Markdown) or,
    # in a run with no space, between characters.
    assert text.replace("\n", " ").replace(" ", "") == f"Before: {pasted}".replace(
        "\n", ""
    ).replace(" ", "")
    assert text.count("x") == blob.count("x")
    assert editor.textCursor().position() == len(text)  # the cursor after the paste
    editor.undo()  # the paste is one undo step
    assert editor.toPlainText() == "Before: "
    editor.redo()
    assert editor.toPlainText() == text
    note_id = call.note_id
    call.close()
    stored = get_note(note_id).body
    assert stored == text
    assert check(db.location).ok
    assert len(notes_for_client(client_id)) == 1


def test_a_paste_beyond_the_note_limit_is_refused_with_a_message(qtbot, notes, client_id, db):  # noqa: F811
    call = start(qtbot, notes, client_id)
    editor = call.editor.editor
    qtbot.keyClicks(editor, "kept")
    too_long = _mime("y" * MAX_BODY)
    assert not editor.canInsertFromMimeData(too_long)  # a drop is not accepted either
    with qtbot.waitSignal(editor.paste_refused) as refused:
        editor.insertFromMimeData(too_long)
    assert "Not pasted: 1,000,000 characters" in refused.args[0]
    assert editor.toPlainText() == "kept"
    assert "Not pasted" in call.editor.paste_notice.text()
    assert call.editor.paste_notice.isVisible()
    qtbot.keyClicks(editor, "!")  # the next edit puts it away
    assert not call.editor.paste_notice.isVisible()
    # Selected text is replaced by a paste, so it makes room; the line breaks a paste gets
    # count (here one every LONG_LINE characters).
    fits = "z" * (MAX_BODY - MAX_BODY // LONG_LINE)
    editor.selectAll()
    with qtbot.waitSignal(editor.paste_finished, timeout=30_000):
        editor.insertFromMimeData(_mime(fits))
    assert editor.toPlainText().replace("\n", "") == fits
    assert len(editor.toPlainText()) <= MAX_BODY
    note_id = call.note_id
    call.close()
    assert get_note(note_id).body == editor.toPlainText()
    assert check(db.location).ok
    assert len(notes_for_client(client_id)) == 1


def test_closing_the_call_while_a_paste_goes_in_saves_all_of_it(qtbot, notes, client_id, db):  # noqa: F811
    call = start(qtbot, notes, client_id)
    editor = call.editor.editor
    pasted = "one line of a long text\n" * 20_000
    editor.insertFromMimeData(_mime(pasted))
    assert editor.pasting
    note_id = call.note_id
    call.close()
    assert get_note(note_id).body == editor.toPlainText()
    assert editor.toPlainText() == pasted
    assert check(db.location).ok
    assert len(notes_for_client(client_id)) == 1


def test_a_stored_huge_line_opens_whole_in_the_cheap_wrap(qtbot, notes, client_id, db, now):  # noqa: F811
    body = "y" * 500_000  # one line, no space: stored by an earlier release
    note_id = add_note(client_id, now, "meeting", body=body).ids[0]
    window = notes.open_note(note_id, client_id, "meeting")
    qtbot.addWidget(window)
    editor = window.editor.editor
    assert editor.toPlainText() == body
    assert editor.wordWrapMode() == QTextOption.WrapMode.WordWrap
    short = notes.open_note(None, client_id, "meeting")
    qtbot.addWidget(short)
    assert short.editor.editor.wordWrapMode() == QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
    assert check(db.location).ok
    assert get_note(note_id).body == body


def test_short_pastes_and_lines_are_left_alone(qtbot) -> None:
    edit = NoteTextEdit()
    qtbot.addWidget(edit)
    edit.insertFromMimeData(_mime("a line\n\n  indented\tand tabbed"))
    assert edit.toPlainText() == "a line\n\n  indented\tand tabbed"


def test_a_paste_shows_what_the_note_will_store(qtbot) -> None:
    edit = NoteTextEdit()
    qtbot.addWidget(edit)
    edit.insertFromMimeData(_mime("due \u202e12-01\x1b[2J\r\nZoe\u0301\x00"))
    assert edit.toPlainText() == "due 12-01[2J\nZoé"


def test_wrapping_long_lines(qtbot) -> None:
    assert wrap_long_lines("ab cd ef", width=5) == "ab cd\nef"
    assert wrap_long_lines("abcdefgh", width=3) == "abc\ndef\ngh"
    assert wrap_long_lines("shor\n" + "a b " * 3, width=4) == "shor\na b\na b\na b "
