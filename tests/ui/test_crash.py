"""An uncaught error while the window runs is logged and shown once, with the details to copy,
and the window keeps running; the previous run's hard crash is shown at start."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from ckbook import logs
from ckbook.ui.crash import CrashReporter

# pytest-qt's own capture would turn the error into a test failure: these tests are about
# what the app does with it.
pytestmark = pytest.mark.qt_no_exception_capture


@pytest.fixture
def reporter(qtbot, tmp_path) -> Iterator[CrashReporter]:  # type: ignore[no-untyped-def]
    log_file = logs.start_logging(tmp_path)
    window = QWidget()
    qtbot.addWidget(window)
    found = CrashReporter(log_file, window)
    found.install()
    yield found
    found.uninstall()
    if found.dialog is not None:
        found.dialog.close()
    logs.stop_logging()


def boom() -> None:
    raise ValueError("the quote for 'Ada Lovelace' broke")


def test_an_error_in_a_slot_is_logged_and_shown_once_and_the_window_runs_on(qtbot, reporter):
    for _ in range(2):
        QTimer.singleShot(0, boom)  # the same error, the same place: one dialog
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    later: list[bool] = []
    QTimer.singleShot(0, lambda: later.append(True))
    qtbot.waitUntil(lambda: bool(later))  # the event loop goes on
    dialog = reporter.dialog
    assert dialog is not None
    details = dialog.details.toPlainText()
    assert "ValueError: the quote for 'Ada Lovelace' broke" in details  # the user sees it all
    assert "ckbook 0.1.0" in details and "in boom" in details
    assert len(reporter.reported) == 1
    assert str(reporter.log_file) in dialog.where.text()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == details
    assert dialog.isVisible()  # copying does not close it
    log_text = Path(str(reporter.log_file)).read_text(encoding="utf-8")
    assert "uncaught error" in log_text and "ValueError" in log_text
    assert "Ada Lovelace" not in log_text  # the file never holds the user's words


def test_another_error_while_the_box_is_open_is_logged_not_stacked(qtbot, reporter):
    QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: reporter.dialog is not None)
    first = reporter.dialog

    def other() -> None:
        raise KeyError("x")

    QTimer.singleShot(0, other)
    qtbot.waitUntil(lambda: len(reporter.reported) == 2)
    assert reporter.dialog is first
    assert "KeyError" in Path(str(reporter.log_file)).read_text(encoding="utf-8")


def test_an_error_on_another_thread_is_shown_on_the_gui_thread(qtbot, reporter):
    thread = threading.Thread(target=boom)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None)
    assert "in boom" in reporter.dialog.details.toPlainText()  # type: ignore[union-attr]


def test_the_previous_runs_hard_crash_is_shown_at_start(qtbot, reporter):
    reporter.report_previous_crash("Fatal Python error: Segmentation fault\n\nCurrent thread ...")
    qtbot.waitUntil(lambda: reporter.dialog is not None)
    assert reporter.dialog is not None
    assert "stopped unexpectedly" in reporter.dialog.summary.text()
    assert "Segmentation fault" in reporter.dialog.details.toPlainText()


def test_uninstall_puts_the_hooks_back(reporter):
    import sys

    reporter.uninstall()
    assert sys.excepthook is not reporter.hook and threading.excepthook is not reporter._thread_hook
