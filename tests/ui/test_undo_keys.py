"""Ctrl+Z reaches the window's undo (a deleted client comes back) wherever focus has landed,
unless the focused text field has typing of its own to undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ckbook.ui.dialogs.confirm import DeleteClientDialog
from ckbook.ui.main_window import MainWindow
from tests.factories import make_client


@pytest.fixture
def window(qtbot, notebook, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(MainWindow, "_quit_application", lambda self: None)
    monkeypatch.setattr(DeleteClientDialog, "ask", classmethod(lambda cls, parent, name: True))
    settings = QSettings(str(tmp_path / "ckbook.ini"), QSettings.Format.IniFormat)
    win = MainWindow(notebook, settings=settings)
    qtbot.addWidget(win)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    return win


def _ctrl_z(widget) -> None:  # type: ignore[no-untyped-def]
    QTest.keyClick(widget, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_z_in_the_empty_filter_box_brings_a_deleted_client_back(qtbot, window, now) -> None:  # type: ignore[no-untyped-def]
    ada = make_client(now, "Ada")
    window.client_list.reload()
    window.open_client(ada)
    assert window.delete_current_client()
    field = window.client_list.filter_edit
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    _ctrl_z(field)
    assert window.client_list.visible_client_ids() == [ada]
    assert window.current_client_id() == ada


def test_after_a_delete_focus_is_on_the_list_and_ctrl_z_undoes_it(qtbot, window, now) -> None:  # type: ignore[no-untyped-def]
    ada = make_client(now, "Ada")
    make_client(now, "Bob")
    window.client_list.reload()
    field = window.client_list.filter_edit
    field.setFocus()
    qtbot.keyClicks(field, "a")  # typed to find her: the box now has an undo of its own
    window.open_client(ada)
    assert window.delete_current_client()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.client_list.table)
    _ctrl_z(QApplication.focusWidget())
    assert ada in window.client_list.visible_client_ids()
    assert field.text() == "a"


def test_a_field_with_typing_of_its_own_keeps_ctrl_z(qtbot, window, now) -> None:  # type: ignore[no-untyped-def]
    ada = make_client(now, "Ada")
    window.client_list.reload()
    window.open_client(ada)
    assert window.delete_current_client()
    field = window.client_list.filter_edit
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "xyz")
    _ctrl_z(field)
    assert field.text() == ""  # the field undid its typing
    assert window.client_list.visible_client_ids() == []  # Ada is still deleted
    assert window.action("undo").text() == "&Undo delete Ada"


def test_with_nothing_to_undo_the_field_keeps_ctrl_z(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    field = window.client_list.filter_edit
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    _ctrl_z(field)
    assert window.statusBar().currentMessage() != "Nothing to undo."
