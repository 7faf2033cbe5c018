"""A promise line typed in the call window shows the due it understood before it is saved, for
every kind of phrase the reader knows (the clock is pinned to Wednesday 18 November 2026, 10:00)."""

from __future__ import annotations

import pytest

from ckbook.services.due import Due
from tests.ui.test_call_window import client_id, notes, start, writer  # noqa: F401 (fixtures)

LINES = [
    ("dom", "+ send the quote by the 9th", "2026-12-09"),
    ("dom", "+ invoice them on the 31st", "2026-12-31"),
    ("idiom", "+ revised plan COB Thursday", "2026-11-19T17:00"),
    ("idiom", "+ meet Tuesday week", "2026-12-01"),
    ("hour", "+ call him at 4", "2026-11-18T16:00"),
    ("hour", "+ call back quarter to five", "2026-11-18T16:45"),
    ("two", "+ she asked for the 10th but we agreed the 14th", "2026-12-14"),
    ("typo", "+ send by wendesday", "2026-11-25"),
    ("numeric", "+ sign the contract 11/23", "2026-11-23"),
    ("name", "+ ask June from accounts about the Monday Club", None),
]


@pytest.mark.parametrize(("kind", "line", "due"), LINES, ids=[f"{k}:{t}" for k, t, _ in LINES])
def test_a_typed_line_shows_its_due_before_it_is_saved(qtbot, notes, client_id, kind, line, due):  # noqa: F811
    call = start(qtbot, notes, client_id)
    qtbot.keyClicks(call.editor.editor, line)
    (view,) = call.editor.capture_views()
    assert view.promise_id is None  # not saved yet: the line is still being typed
    expected = None if due is None else Due.from_iso(due)
    assert view.due == expected
    if expected is not None:
        assert f"{expected.date.day} {expected.date:%b}" in view.label  # the one date style
        assert call.editor.underlined() == [view.phrase]  # the words read, pointed at in the note
    else:
        assert call.editor.underlined() == []


def test_end_of_business_follows_the_setting(qtbot, notes, client_id, notebook):  # noqa: F811
    from datetime import time

    from ckbook.services.settings import update_settings

    call = start(qtbot, notes, client_id)
    qtbot.keyClicks(call.editor.editor, "+ quote by COB")
    assert call.editor.capture_views()[0].due == Due.from_iso("2026-11-18T17:00")
    notebook.run(update_settings, end_of_business=time(18, 30))
    qtbot.keyClicks(call.editor.editor, " Friday")
    assert call.editor.capture_views()[0].due == Due.from_iso("2026-11-20T18:30")


def test_a_due_corrected_in_words_offers_to_change_the_line(qtbot, notes, client_id):  # noqa: F811
    from datetime import date, time

    from PySide6.QtCore import Qt

    from ckbook.services.promises import promises_for_note

    call = start(qtbot, notes, client_id)
    editor = call.editor.editor
    qtbot.keyClicks(editor, "+ send the quote by Friday")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: call.editor.capture_views()[0].promise_id is not None, timeout=3000)
    row = call.editor.captures.row(0)
    assert row.due_button.cursor().shape() == Qt.CursorShape.PointingHandCursor  # a chip
    qtbot.mouseClick(row.due_button, Qt.MouseButton.LeftButton)
    assert row.due_field.text() == "Fri 20 Nov"  # the due in words, to correct in words
    row.due_field.clear()
    qtbot.keyClicks(row.due_field, "no, Thursday 5pm")
    qtbot.keyClick(row.due_field, Qt.Key.Key_Return)
    corrected = Due(date(2026, 11, 19), time(17, 0))
    (promise,) = promises_for_note(call.note_id)
    assert promise.due == corrected
    assert not row.reword_button.isHidden()
    assert row.reword_button.text() == "Say “by Thu 19 Nov 17:00” in the line"
    assert "still says “by Friday”" in row.reword_button.toolTip()
    qtbot.mouseClick(row.reword_button, Qt.MouseButton.LeftButton)
    assert editor.toPlainText().splitlines()[0] == "+ send the quote by Thu 19 Nov 17:00"
    call.editor.flush_and_wait(5)
    (promise,) = promises_for_note(call.note_id)
    assert (promise.text, promise.due) == ("send the quote by Thu 19 Nov 17:00", corrected)


def test_a_repeating_line_shows_its_rule(qtbot, notes, client_id):  # noqa: F811
    call = start(qtbot, notes, client_id)
    qtbot.keyClicks(call.editor.editor, "+ check in every Monday at 10")
    (view,) = call.editor.capture_views()
    assert view.label == "→ Mon 23 Nov 10:00 ↻ every Monday"
