"""The renegotiate dialog shows its whole input hint and its whole "not understood" message."""

from __future__ import annotations

from datetime import date, time

from ckbook.services.due import Due
from ckbook.ui.dialogs.renegotiate import RenegotiateDialog


def _shown_dialog(qtbot, now, tz) -> RenegotiateDialog:  # type: ignore[no-untyped-def]
    dialog = RenegotiateDialog(
        "post the signed contract", Due(date(2026, 11, 13), time(15)), now, tz
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_input_hint_is_not_cut_off(qtbot, now, tz) -> None:  # type: ignore[no-untyped-def]
    dialog = _shown_dialog(qtbot, now, tz)
    edit = dialog.due_edit
    assert edit.width() > edit.fontMetrics().horizontalAdvance(edit.placeholderText())


def test_a_long_not_understood_message_is_shown_whole(qtbot, now, tz) -> None:  # type: ignore[no-untyped-def]
    dialog = _shown_dialog(qtbot, now, tz)
    qtbot.keyClicks(dialog.due_edit, "blah")
    label = dialog.understood
    assert label.text().startswith("not understood: cannot read 'blah'")
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))
    assert label.geometry().bottom() < dialog.buttons.geometry().top()
    assert not dialog.ok_button.isEnabled()
