"""Correcting and repeating promises in the card: a repeating line is stored with its rule and
ticking it moves it to the next occurrence (undo takes it back); a promise's words and due can be
edited after capture, the due typed in words, with an offer to change the words that named the old
due."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import Qt

from ckbook.services.due import Due
from ckbook.services.promises import add_promise, promises_for_client
from ckbook.ui.dialogs.edit_promise import EditPromiseDialog
from tests.ui.test_client_card import _promise_rows, ada, card  # noqa: F401 (fixtures)


def test_a_repeating_promise_is_shown_ticked_and_moved_on(qtbot, card, ada) -> None:  # noqa: F811
    undo: list = []
    card.undo_sink = lambda text, step: undo.append((text, step))
    qtbot.keyClicks(card.promises.add_edit, "check in every Monday at 10")
    assert card.promises.due_label.text() == (
        "Due Mon 23 Nov 2026 10:00, repeats every Monday (from “every Monday at 10”)"
    )
    qtbot.keyClick(card.promises.add_edit, Qt.Key.Key_Return)
    [stored] = promises_for_client(ada)
    assert stored.recurrence == "FREQ=WEEKLY;BYDAY=MO"
    assert _promise_rows(card)[0].endswith("due Mon 23 Nov 2026 10:00 · repeats every Monday")

    view = card.promises.list
    view.setFocus()
    view.setCurrentIndex(card.promises.model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Space)
    open_one, kept = promises_for_client(ada)
    assert (open_one.status, open_one.due) == ("open", Due(date(2026, 11, 30), time(10, 0)))
    assert (kept.status, kept.due) == ("kept", Due(date(2026, 11, 23), time(10, 0)))
    assert undo and undo[-1][0] == "mark occurrence kept"
    undo[-1][1]()
    [back] = promises_for_client(ada)
    assert (back.status, back.due) == ("open", Due(date(2026, 11, 23), time(10, 0)))


def test_the_edit_dialog_reads_a_correction_in_words_and_offers_new_words(qtbot, now, tz) -> None:
    friday = Due(date(2026, 11, 20))
    dialog = EditPromiseDialog("send the proposal by Friday", friday, now, tz)
    qtbot.addWidget(dialog)
    assert dialog.due_edit.text() == "Fri 20 Nov"  # the current due, in words it reads back
    assert dialog.restate.isHidden()  # nothing changed yet
    dialog.due_edit.setText("no, Thursday 5pm")
    assert dialog.understood.text() == "Thu 19 Nov 2026 17:00"
    assert not dialog.restate.isHidden()
    assert (
        dialog.restate.text() == "Also change the text to “send the proposal by Thu 19 Nov 17:00”"
    )
    value = dialog.value()
    assert (value.text, value.due) == (
        "send the proposal by Thu 19 Nov 17:00",
        Due(date(2026, 11, 19), time(17, 0)),
    )
    dialog.restate.setChecked(False)  # the user keeps their words
    assert dialog.value().text == "send the proposal by Friday"
    dialog.due_edit.setText("fish")
    assert dialog.understood.text().startswith("not understood")
    assert not dialog.save_button.isEnabled()


def test_an_edit_is_stored(qtbot, card, notebook, ada, now, tz) -> None:  # noqa: F811
    pid = notebook.run(add_promise, ada, "send the proposal by Friday", now, tz).ids[0]
    new_due = Due(date(2026, 11, 19), time(17, 0))
    assert card.promises.apply_edit(pid, "send the proposal by Thu 19 Nov 17:00", new_due)
    [stored] = promises_for_client(ada)
    assert (stored.text, stored.due) == ("send the proposal by Thu 19 Nov 17:00", new_due)


def test_the_cards_due_chip_takes_a_correction_in_words_and_offers_to_restate_the_line(
    qtbot,
    card,  # noqa: F811
    ada,  # noqa: F811
) -> None:
    promises = card.promises
    qtbot.keyClicks(promises.add_edit, "send the revised quote by Friday")
    assert promises.due_label.text().startswith("Due Fri 20 Nov 2026")
    promises.due_label.click()
    assert promises.due_field.isVisibleTo(promises)
    assert not promises.due_label.isVisibleTo(promises)
    qtbot.keyClicks(promises.due_field, "no, Thursday 5pm")
    qtbot.keyClick(promises.due_field, Qt.Key.Key_Return)
    assert promises.due_label.text() == "Due Thu 19 Nov 2026 17:00 (corrected)"
    assert promises.reword_button.isVisibleTo(promises)
    assert promises.reword_button.text() == "Say it in the words too"
    promises.reword_button.click()
    assert "Friday" not in promises.add_edit.text()
    assert promises.add_edit.text().startswith("send the revised quote by Thu")
    qtbot.keyClick(promises.add_edit, Qt.Key.Key_Return)
    [stored] = promises_for_client(ada)
    assert stored.due == Due(date(2026, 11, 19), time(17, 0))
    assert stored.text.startswith("send the revised quote by Thu")


def test_a_correction_that_cannot_be_read_keeps_the_field_and_says_why(qtbot, card, ada) -> None:  # noqa: F811
    promises = card.promises
    messages: list[str] = []
    promises.notebook.message.connect(lambda _level, text: messages.append(text))
    qtbot.keyClicks(promises.add_edit, "call back about the venue")
    promises.due_label.click()
    qtbot.keyClicks(promises.due_field, "whenever suits")
    qtbot.keyClick(promises.due_field, Qt.Key.Key_Return)
    assert messages and "whenever suits" in messages[0]
    assert promises.corrected_due is None
    assert promises.due_field.text() == "whenever suits"
