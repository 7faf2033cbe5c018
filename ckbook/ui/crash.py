"""Uncaught errors, the desktop way: ``CrashReporter`` is ``sys.excepthook`` (and
``threading.excepthook``) while the window runs. An error nobody caught is written to the log
(``ckbook.logs``) and shown once in ``CrashDialog`` — what happened in plain words, the details to
copy into a report ("Copy details"), where the log is — while the window keeps running. The same
error again (same type, same place) is only logged; an error on another thread is shown on the
GUI thread. A hard crash of the previous run (``faults.log``) is shown the same way at start.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    Qt,
    QtMsgType,
    QUrl,
    Signal,
    Slot,
    qInstallMessageHandler,
)
from PySide6.QtGui import QDesktopServices, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ckbook.i18n import tr
from ckbook.logs import describe
from ckbook.ui.safe_text import plain_label

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")
_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

QtMessageHandler = Callable[[QtMsgType, QMessageLogContext, str], object]
ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


class CrashDialog(QDialog):
    """What went wrong, the details (read-only, selectable), Copy details, Open log folder,
    Close. Plain text throughout: the details may hold anything."""

    def __init__(
        self, summary: str, details: str, log_file: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("ckbook — something went wrong"))
        self.setObjectName("crashDialog")
        where = (
            tr("The details are also in the log: {path}").format(path=log_file)
            if log_file is not None
            else tr(
                "There is no log file (its folder cannot be written); copy the details instead."
            )
        )
        self.summary = plain_label(summary, wrap=True)
        self.where = plain_label(where, wrap=True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setAccessibleName(tr("Error details"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(tr("&Copy details"))
        self.copy_button.setToolTip(tr("Copy the details to paste them into a message to us"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.folder_button: QPushButton | None = None
        if log_file is not None:
            self.folder_button = QPushButton(tr("Open log &folder"))
            buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
            folder = log_file.parent
            self.folder_button.clicked.connect(
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
            )
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.where)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
        self.copy_button.setText(tr("Copied"))


def summary() -> str:
    """What the dialog says of an uncaught error."""
    return tr(
        "Something went wrong inside ckbook (our mistake, not yours). What you stored is safe and "
        "the window keeps running; if the same thing keeps happening, please send us the details."
    )


def previous_crash() -> str:
    """What the dialog says at the start after a hard crash."""
    return tr(
        "ckbook stopped unexpectedly the last time it ran. What was saved before then is kept; "
        "please send us the details so we can fix it."
    )


class CrashReporter(QObject):
    """Install with ``install()``, remove with ``uninstall()`` (the hooks it replaced come back)."""

    _reported = Signal(str, str)  # (summary, details): from any thread to the GUI thread

    def __init__(
        self,
        log_file: Path | None,
        parent_window: QWidget | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self.parent_window = parent_window
        self.dialog: CrashDialog | None = None
        self.reported: list[str] = []  # the details of every error meant for the dialog
        self._seen: set[tuple[str, str, int]] = set()
        self._previous: ExceptHook | None = None
        self._previous_thread_hook: Callable[[threading.ExceptHookArgs], object] | None = None
        self._installed = False
        self._previous_qt_handler: QtMessageHandler | None = None
        self._reported.connect(self._on_reported, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        """Become ``sys.excepthook`` and ``threading.excepthook``; Qt's own warnings go to the
        log too (they said nothing anywhere but a terminal nobody sees)."""
        self._previous = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self.hook
        threading.excepthook = self._thread_hook
        self._previous_qt_handler = qInstallMessageHandler(_qt_message)
        self._installed = True

    def uninstall(self) -> None:
        if not self._installed:
            return
        if self._previous is not None:
            sys.excepthook = self._previous
        if self._previous_thread_hook is not None:
            threading.excepthook = self._previous_thread_hook
        self._previous = self._previous_thread_hook = None
        qInstallMessageHandler(self._previous_qt_handler)
        self._installed = False

    def hook(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        """``sys.excepthook``: log it; show it unless this very error was shown already."""
        if issubclass(kind, KeyboardInterrupt):
            QGuiApplication.exit(130)
            return
        log.error("uncaught error", exc_info=(kind, value, tb))
        frames = traceback.extract_tb(tb)
        place = (frames[-1].filename, frames[-1].lineno or 0) if frames else ("", 0)
        signature = (kind.__qualname__, *place)
        if signature in self._seen:
            return
        self._seen.add(signature)
        # Queued even on the GUI thread: Qt may be inside a paint or a slot when this runs.
        self._reported.emit(summary(), describe(kind, value, tb))

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.hook(args.exc_type, args.exc_value, args.exc_traceback)

    def report_previous_crash(self, faults: str) -> None:
        """Show what the last run's hard crash left (``logs.previous_faults()``), once."""
        if faults:
            log.error("the previous run stopped unexpectedly:\n%s", faults)
            self._reported.emit(previous_crash(), faults)

    @Slot(str, str)
    def _on_reported(self, summary: str, details: str) -> None:
        self.reported.append(details)
        if self.dialog is not None and self.dialog.isVisible():
            return  # one box at a time; this one is in the log
        self.dialog = CrashDialog(summary, details, self.log_file, self.parent_window)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(self._on_dialog_destroyed)
        self.dialog.open()

    def _on_dialog_destroyed(self) -> None:
        self.dialog = None


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)
