"""Keys on Today act on what is on screen: Ctrl+Shift+C and Ctrl+P take the selected row's client
(never a client opened earlier on the hidden Clients page), and the list has keyboard focus at
first start and after Ctrl+1, so Down and Enter work at once."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ckbook.services.due import Due
from ckbook.services.promises import add_promise
from ckbook.services.today import RowKind
from ckbook.ui.care_card import install_care
from ckbook.ui.main_window import MainWindow
from ckbook.ui.quick_switcher import ClientPicker
from tests.factories import make_client

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def people(db, now, tz) -> dict[str, int]:  # type: ignore[no-untyped-def]
    ux = make_client(now, "Ux Tester")
    carla = make_client(now, "Carla Vogel")
    add_promise(carla, "send the offer", now, tz, due=Due(date(2026, 11, 17)))
    add_promise(ux, "call back", now, tz, due=Due(date(2026, 11, 16)))
    return {"ux": ux, "carla": carla}


@pytest.fixture
def window(qtbot, notebook, tmp_path, monkeypatch, people):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(MainWindow, "_quit_application", lambda self: None)
    settings = QSettings(str(tmp_path / "ckbook.ini"), QSettings.Format.IniFormat)
    win = MainWindow(notebook, settings=settings)
    qtbot.addWidget(win)
    win.care = install_care(win, notebook)  # type: ignore[attr-defined]
    win.calls = []  # type: ignore[attr-defined]
    win.note_opener = lambda note_id, client_id, kind: win.calls.append((client_id, kind))
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    qtbot.waitUntil(lambda: not win.care.today.pending)
    return win


def _promise_of(window, client_id: int) -> int:  # type: ignore[no-untyped-def]
    report = window.care.today.report
    return next(
        row.subject_id
        for _section, rows in report.sections
        for row in rows
        if row.kind is RowKind.PROMISE and row.client_id == client_id
    )


def test_ctrl_shift_c_on_today_calls_the_selected_rows_client(qtbot, window, people) -> None:  # type: ignore[no-untyped-def]
    window.open_client(people["ux"])  # the card that will be hidden
    QTest.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "today"
    today = window.care.today
    assert today.select(RowKind.PROMISE, _promise_of(window, people["carla"]))
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_C, CTRL_SHIFT)
    assert window.calls == [(people["carla"], "call")]
    assert window.current_page() == "today"


def test_ctrl_shift_c_on_a_section_heading_asks_which_client(
    qtbot, window, people, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []

    def ask(cls, parent, notebook, title="Go to client"):  # type: ignore[no-untyped-def]
        asked.append(title)
        return people["ux"]

    monkeypatch.setattr(ClientPicker, "ask", classmethod(ask))
    window.open_client(people["carla"])
    window.show_page("today")
    today = window.care.today
    today.view.setCurrentIndex(today.model.index(0, 0))  # "Overdue promises (2)"
    assert today.current_client_id() is None
    window.trigger("call_note")
    assert asked == ["Call note with…"]
    assert window.calls == [(people["ux"], "call")]


def test_ctrl_shift_c_on_clients_calls_the_open_card(qtbot, window, people) -> None:  # type: ignore[no-untyped-def]
    window.open_client(people["ux"])
    assert window.current_page() == "clients"
    QTest.keyClick(window, Qt.Key.Key_C, CTRL_SHIFT)
    assert window.calls == [(people["ux"], "call")]


def test_ctrl_p_on_today_adds_a_promise_for_the_selected_rows_client(qtbot, window, people) -> None:  # type: ignore[no-untyped-def]
    window.open_client(people["ux"])
    window.trigger("today")
    assert window.care.today.select(RowKind.PROMISE, _promise_of(window, people["carla"]))
    window.trigger("add_promise")
    assert window.current_page() == "clients"
    assert window.current_client_id() == people["carla"]


def test_today_has_focus_on_its_first_row_at_first_start(qtbot, notebook, tmp_path, people) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "first.ini"), QSettings.Format.IniFormat)
    window = MainWindow(notebook, settings=settings)
    qtbot.addWidget(window)
    today = install_care(window, notebook).today
    qtbot.waitUntil(lambda: not today.pending)  # the report came before the window showed:
    assert today.done_button.isEnabled()  # its buttons could take the focus first
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    qtbot.waitUntil(today.view.hasFocus)
    first = today.current_row()
    assert first is not None
    QTest.keyClick(today.view, Qt.Key.Key_Down)
    second = today.current_row()
    assert second is not None and second != first


def test_ctrl_1_puts_focus_on_the_today_list(qtbot, window, people) -> None:  # type: ignore[no-untyped-def]
    today = window.care.today
    window.open_client(people["ux"])
    today.call_button.setFocus()  # focus wandered off the list (a button, another page)
    window.show_page("clients")
    QTest.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(today.view.hasFocus)
    assert today.current_row() is not None
    today.call_button.setFocus()
    QTest.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # already on Today
    qtbot.waitUntil(today.view.hasFocus)


def test_switching_to_clients_focuses_the_list(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.trigger("clients")
    assert window.current_page() == "clients"
    qtbot.waitUntil(window.client_list.table.hasFocus)
