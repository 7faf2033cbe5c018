"""The notebook window: keyboard table, pages, new client, Ctrl+K from a text field, delete with
undo, note hooks, messages, closing and remembered layout."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from ckbook.services.clients import client_detail, client_summaries
from ckbook.services.money import money_history
from ckbook.services.notes import add_note
from ckbook.ui.dialogs.confirm import DeleteClientDialog
from ckbook.ui.dialogs.new_client import NewClientDialog
from ckbook.ui.main_window import MainWindow
from ckbook.ui.quick_switcher import QuickSwitcher
from tests.factories import make_client

KEYS = {
    "new_client": "Ctrl+N",
    "quick_switch": "Ctrl+K",
    "call_note": "Ctrl+Shift+C",
    "add_promise": "Ctrl+P",
    "search": "Ctrl+F",
    "today": "Ctrl+1",
    "save": "Ctrl+S",
    "quit": "Ctrl+Q",
    "undo": "Ctrl+Z",
    "settings": "",
}


@pytest.fixture
def settings(tmp_path) -> QSettings:  # type: ignore[no-untyped-def]
    return QSettings(str(tmp_path / "ckbook.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, notebook, settings, monkeypatch):  # type: ignore[no-untyped-def]
    quits: list[bool] = []
    monkeypatch.setattr(MainWindow, "_quit_application", lambda self: quits.append(True))
    win = MainWindow(notebook, settings=settings)
    win.quits = quits  # type: ignore[attr-defined]
    qtbot.addWidget(win)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    return win


def _when_modal(kind: type, act) -> None:  # type: ignore[no-untyped-def]
    """Once a modal dialog of ``kind`` is up, let ``act`` work it like a user."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            act(dialog)
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def test_title_actions_menus_and_toolbar(window) -> None:  # type: ignore[no-untyped-def]
    assert window.windowTitle().startswith("ckbook")
    for name, keys in KEYS.items():
        assert window.action(name).shortcut().toString() == keys
    assert set(window.menus) == {"file", "edit", "view", "client", "help"}
    for action in window.toolbar.actions():
        button = window.toolbar.widgetForAction(action)
        assert button.accessibleName() and button.toolTip()
    assert window.current_page() == "clients"


def test_new_client_with_attention_defaults_and_money_terms(qtbot, window, now) -> None:  # type: ignore[no-untyped-def]
    def fill(dialog: NewClientDialog) -> None:
        assert not dialog.save_button.isEnabled()  # a name is required
        QTest.keyClicks(dialog.name, "Grace Hopper")
        QTest.keyClicks(dialog.organisation, "Navy")
        QTest.keyClicks(dialog.emails, "grace@navy.example, gh@example.org")
        dialog.attention_level.setCurrentText("high-touch")
        QTest.keyClicks(dialog.money.amount, "1,250.50")
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    _when_modal(NewClientDialog, fill)
    with qtbot.waitSignal(window.clientOpened) as opened:
        QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    client_id = opened.args[0]
    stored = client_detail(client_id, now)
    assert (stored.name, stored.organisation, stored.emails) == (
        "Grace Hopper",
        "Navy",
        ("grace@navy.example", "gh@example.org"),
    )
    assert (stored.attention_level, stored.checkin_days, stored.response_hours) == (
        "high-touch",
        7,
        4,
    )
    [terms] = money_history(client_id)
    assert terms.amount == Decimal("1250.50")
    assert window.current_client_id() == client_id
    assert window.client_list.current_client_id() == client_id
    assert window.card.header.name.text() == "Grace Hopper"


def test_new_client_may_leave_money_for_later(qtbot, window, now) -> None:  # type: ignore[no-untyped-def]
    def fill(dialog: NewClientDialog) -> None:
        QTest.keyClicks(dialog.name, "Later Ltd")
        dialog.money_box.setChecked(False)
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    _when_modal(NewClientDialog, fill)
    window.trigger("new_client")
    assert window.card.money.banner.isVisible()
    assert money_history(window.current_client_id()) == []


def test_ctrl_k_works_while_typing_in_a_text_field(qtbot, window, now) -> None:  # type: ignore[no-untyped-def]
    make_client(now, "Ada Lovelace")
    grace = make_client(now, "Grace Hopper")
    window.client_list.reload()
    field = window.client_list.filter_edit
    field.setFocus()
    qtbot.keyClicks(field, "xyz")

    def choose(dialog: QuickSwitcher) -> None:
        QTest.keyClicks(dialog.query, "grace")
        QTest.keyClick(dialog.query, Qt.Key.Key_Return)

    _when_modal(QuickSwitcher, choose)
    with qtbot.waitSignal(window.clientOpened) as opened:
        QTest.keyClick(field, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert opened.args == [grace]
    assert field.text() == "xyz"  # the field did not take Ctrl+K as an edit
    assert window.card.client_id == grace


def test_clicking_a_row_opens_the_card(qtbot, window, now) -> None:  # type: ignore[no-untyped-def]
    make_client(now, "Ada")
    bob = make_client(now, "Bob")
    window.client_list.reload()
    table = window.client_list.table
    rect = table.visualRect(window.client_list.proxy.index(1, 0))
    with qtbot.waitSignal(window.clientOpened) as opened:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [bob]


def test_ctrl_p_focuses_add_promise_on_the_open_card(qtbot, window, now) -> None:  # type: ignore[no-untyped-def]
    window.open_client(make_client(now, "Ada"))
    QTest.keyClick(
        window.client_list.filter_edit, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier
    )
    assert QApplication.focusWidget() is window.card.promises.add_edit


def test_a_today_page_becomes_the_start_page(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    today = QLabel("today")
    window.add_page("today", "Today", today)
    assert window.current_page() == "today"
    window.show_page("clients")
    QTest.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "today"
    with pytest.raises(ValueError):
        window.add_page("today", "Today", QLabel())


def test_handlers_are_replaceable(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    calls: list[str] = []
    window.handlers["call_note"] = lambda: calls.append("call")
    window.handlers["search"] = lambda: calls.append("search")
    QTest.keyClick(
        window,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert calls == ["call", "search"]


def test_notes_open_through_note_opener(qtbot, window, notebook, now) -> None:  # type: ignore[no-untyped-def]
    ada = make_client(now, "Ada")
    note = notebook.run(add_note, ada, now, kind="meeting", body="hello").ids[0]
    window.open_client(ada)
    opened: list[tuple] = []
    window.note_opener = lambda note_id, client_id, kind: opened.append((note_id, client_id, kind))
    timeline = window.card.timeline
    timeline.list.activated.emit(timeline.model.index(0, 0))
    timeline.request_new("call")
    assert opened == [(note, ada, "meeting"), (None, ada, "call")]
    window.trigger("call_note")
    assert opened[-1] == (None, ada, "call")


def test_without_a_note_editor_a_note_opens_read_only(qtbot, window, notebook, now) -> None:  # type: ignore[no-untyped-def]
    ada = make_client(now, "Ada")
    notebook.run(add_note, ada, now, body="**safe** <img src='/dev/zero'>")
    window.open_client(ada)
    timeline = window.card.timeline
    timeline.list.activated.emit(timeline.model.index(0, 0))
    [viewer] = window._viewers
    assert "safe" in viewer.viewer.toPlainText()
    viewer.close()


def test_delete_asks_and_undo_restores_until_close(
    qtbot, window, notebook, now, tz, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    ada = make_client(now, "Ada")
    bob = make_client(now, "Bob")
    window.client_list.reload()
    monkeypatch.setattr(DeleteClientDialog, "ask", classmethod(lambda cls, parent, name: False))
    window.open_client(ada)
    assert not window.delete_current_client()
    monkeypatch.setattr(DeleteClientDialog, "ask", classmethod(lambda cls, parent, name: True))
    assert window.delete_current_client()
    window.open_client(bob)
    assert window.delete_current_client()
    assert window.client_list.visible_client_ids() == []
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Bob is back
    assert window.client_list.visible_client_ids() == [bob]
    assert window.current_client_id() == bob
    window.close()
    assert window.quits == [True]
    assert [r.id for r in client_summaries(now, tz, include_deleted=True)] == [bob]


def test_errors_reach_the_status_bar_and_a_plain_message_box(qtbot, window, notebook) -> None:  # type: ignore[no-untyped-def]
    notebook.message.emit("warning", "client name is empty")
    assert window.statusBar().currentMessage() == "client name is empty"
    notebook.message.emit("error", "Not saved: disk full. <b>kept</b>")
    box = window._error_box
    assert box is not None and box.isVisible()
    assert box.textFormat() == Qt.TextFormat.PlainText
    box.close()


def test_ctrl_s_writes_pending_card_edits(qtbot, window, now) -> None:  # type: ignore[no-untyped-def]
    ada = make_client(now, "Ada")
    window.open_client(ada)
    box = window.card.profile.handling_notes
    box.setFocus()
    qtbot.keyClicks(box, "call after 10")
    QTest.keyClick(box, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert client_detail(ada, now).handling_notes == "call after 10"


def test_close_to_tray_hides_and_quit_quits(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.close_to_tray = True
    window.close()
    assert not window.isVisible() and window.quits == []
    window.show()
    window.trigger("quit")
    assert not window.isVisible() and window.quits == [True]


def test_layout_is_remembered(qtbot, notebook, settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(MainWindow, "_quit_application", lambda self: None)
    first = MainWindow(notebook, settings=settings)
    qtbot.addWidget(first)
    first.show()
    first.splitter.setSizes([400, 880])
    first.client_list.table.horizontalHeader().resizeSection(0, 222)
    wanted = first.splitter.sizes()
    first.close()
    second = MainWindow(notebook, settings=settings)
    qtbot.addWidget(second)
    second.show()
    assert second.splitter.sizes()[0] == wanted[0]  # the list keeps its width
    assert second.client_list.table.horizontalHeader().sectionSize(0) == 222
