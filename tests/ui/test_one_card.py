"""One card per person, in the window: Ctrl+N with someone already there shows the match and
offers to open it; Client › Merge moves everything onto the open card, and Ctrl+Z separates
them again (every related table counted before, after and after the undo)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from ckbook.services.clients import client_summaries
from ckbook.ui.dialogs.confirm import MergeClientsDialog
from ckbook.ui.dialogs.new_client import NewClientDialog
from ckbook.ui.main_window import MainWindow
from ckbook.ui.quick_switcher import ClientPicker
from tests.services.test_merging import counts, two_cards  # noqa: F401  (a fixture)
from tests.ui.test_main_window import _when_modal


@pytest.fixture
def window(qtbot, notebook, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(MainWindow, "_quit_application", lambda self: None)
    win = MainWindow(
        notebook, settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(win)
    win.show()
    return win


def _fill_new_client(name: str, email: str):  # type: ignore[no-untyped-def]
    def fill(dialog: NewClientDialog) -> None:
        QTest.keyClicks(dialog.name, name)
        QTest.keyClicks(dialog.emails, email)
        dialog.money_box.setChecked(False)
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    return fill


def _press(box: QMessageBox, label: str) -> None:
    (button,) = [b for b in box.buttons() if b.text() == label]
    seen.append((box.text(), box.informativeText(), [b.text() for b in box.buttons()]))
    button.click()


seen: list[tuple[str, str, list[str]]] = []


def test_ctrl_n_with_someone_already_there_shows_them_and_opens_their_card(
    qtbot,
    window,
    now,
    tz,
    two_cards,  # noqa: F811
) -> None:  # type: ignore[no-untyped-def]
    keep, other = two_cards
    window.client_list.reload()
    before = len(client_summaries(now, tz))
    seen.clear()
    _when_modal(NewClientDialog, _fill_new_client("Grace Hopper", "ada@example.com"))

    def after_form() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            _press(box, "Open Ada Lovelace")
        else:
            QTimer.singleShot(10, after_form)

    QTimer.singleShot(50, after_form)
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    (text, matches, buttons) = seen[0]
    assert text == "Grace Hopper may be 2 clients you already have:"
    assert "Ada Lovelace: same email ada@example.com" in matches
    assert "Open Ada Lovelace" in buttons and "Add anyway" in buttons and "Back" in buttons
    assert window.current_client_id() in (keep, other)
    assert len(client_summaries(now, tz)) == before  # nothing added

    # "Add anyway" adds: a second person may share a name.
    seen.clear()
    _when_modal(NewClientDialog, _fill_new_client("Ada Lovelace", ""))

    def add_anyway() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            _press(box, "Add anyway")
        else:
            QTimer.singleShot(10, add_anyway)

    QTimer.singleShot(50, add_anyway)
    window.trigger("new_client")
    assert seen and seen[0][0].startswith("Ada Lovelace may be")
    assert len(client_summaries(now, tz)) == before + 1


def test_merge_from_the_window_with_undo(qtbot, window, now, tz, two_cards, monkeypatch) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    keep, other = two_cards
    window.client_list.reload()
    before = counts(keep), counts(other)
    monkeypatch.setattr(ClientPicker, "ask", classmethod(lambda cls, parent, nb, title="": other))
    monkeypatch.setattr(MergeClientsDialog, "ask", classmethod(lambda cls, parent, a, b: True))
    window.open_client(keep)
    assert window.action("merge_client").isEnabled()
    assert window.merge_into_current_client()

    after_keep, after_other = counts(keep), counts(other)
    for table, count in before[1].items():
        if table not in ("contact", "tag"):  # only the ones KEEP lacked move
            assert after_keep[table] == before[0][table] + count, table
            assert after_other[table] == 0, table
    assert window.client_list.visible_client_ids() == [keep]
    assert window.card.promises.model.rowCount() == 2  # the open card shows what came over
    assert "Merged Ada  lovelace into Ada Lovelace" in window.statusBar().currentMessage()

    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (counts(keep), counts(other)) == before
    assert sorted(window.client_list.visible_client_ids()) == sorted([keep, other])
    assert window.card.promises.model.rowCount() == 1
