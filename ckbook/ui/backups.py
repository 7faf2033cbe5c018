"""The window's backups: automatic ones on a worker, and File › Restore from backup….

``AutoBackups`` makes a backup (services/backups.py; the rules are store/auto_backup.py's) a
little after start when the newest is a day old, every 30 minutes while the notebook changes, and
at quit when it changed since the last one. Nothing of it runs on the GUI thread except the quit,
which waits for the worker (the window is already gone). A failed backup is reported once, as a
warning: the user's work is safe in the notebook, only its copy failed.

``RestoreDialog`` lists the backups by date with what each holds; restoring keeps the notebook as
it was in a safety copy and tells every view to reload.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ckbook.i18n import tr
from ckbook.services import dates
from ckbook.services.backups import BackupInfo, automatic_backup, backups_of, restore_backup
from ckbook.ui.safe_text import plain_label
from ckbook.ui.worker import Failure, Worker

log = logging.getLogger(__name__)

START_DELAY_MS = 20_000  # after the first paint and the first reminder check
EVERY_MS = 30 * 60 * 1000


class AutoBackups(QObject):
    def __init__(
        self,
        notebook: Any,
        location: str,
        parent: QObject | None = None,
        *,
        worker: Worker | None = None,
        start_delay_ms: int = START_DELAY_MS,
        every_ms: int = EVERY_MS,
    ) -> None:
        super().__init__(parent)
        self.notebook = notebook
        self.location = location
        self.worker = worker if worker is not None else Worker("backups", self)
        self.changed_since_backup = False
        self.made: list[Path] = []
        self._warned = False
        notebook.changed.connect(self._on_notebook_changed)
        self._timer = QTimer(self)
        self._timer.setInterval(every_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()
        QTimer.singleShot(start_delay_ms, self._at_start)

    def _on_notebook_changed(self, _changed: object) -> None:
        self.changed_since_backup = True

    def _at_start(self) -> None:
        self._make(only_if_stale=True)

    def _on_timer_timeout(self) -> None:
        if self.changed_since_backup:
            self._make()

    def at_quit(self, timeout: float = 30.0) -> None:
        """The last backup of a session with changes; waits for it (and for one under way)."""
        self._timer.stop()
        if self.changed_since_backup:
            self._make()
        self.worker.wait(timeout)

    def _make(self, only_if_stale: bool = False) -> None:
        if self.notebook.read_only:
            return
        self.changed_since_backup = False
        self.worker.run(
            automatic_backup,
            self.location,
            self.notebook.now(),
            only_if_stale=only_if_stale,
            done=self._on_made,
            failed=self._on_failed,
            lane="backup",
        )

    def _on_made(self, path: object) -> None:
        if isinstance(path, Path):
            self.made.append(path)
            log.info("automatic backup: %s", path)

    def _on_failed(self, failure: Failure) -> None:
        self.changed_since_backup = True  # try again at the next turn
        if not self._warned:
            self._warned = True
            self.notebook.message.emit(
                "warning",
                tr("The automatic backup failed: {why}. Your notebook is fine.").format(
                    why=failure.text
                ),
            )


class RestoreDialog(QDialog):
    """Pick a backup to restore; ``ask`` returns it, or None."""

    def __init__(self, backups: tuple[BackupInfo, ...], tz: Any, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Restore from backup"))
        self.list = QListWidget()
        for info in backups:
            when = dates.absolute_moment(info.made_at, tz)
            item = QListWidgetItem(f"{when} — {info.counts()}")
            item.setData(Qt.ItemDataRole.UserRole, info)
            item.setToolTip(str(info.path))
            if not info.readable:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
        if backups:
            self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton(
            tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(bool(backups))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        text = (
            tr(
                "Choose the backup to go back to. The notebook as it is now is kept as a safety "
                "copy beside it."
            )
            if backups
            else tr("There are no backups of this notebook yet.")
        )
        layout.addWidget(plain_label(text))
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(560, 380)

    def chosen(self) -> BackupInfo | None:
        item = self.list.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, BackupInfo) and value.readable else None

    @classmethod
    def ask(
        cls, parent: QWidget | None, backups: tuple[BackupInfo, ...], tz: Any
    ) -> BackupInfo | None:
        dialog = cls(backups, tz, parent)
        try:
            return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class Restorer(QObject):
    """File › Restore from backup…: list (worker), choose, restore (worker), reload every view."""

    def __init__(self, window: Any, notebook: Any, location: str, worker: Worker) -> None:
        super().__init__(window)
        self.window = window
        self.notebook = notebook
        self.location = location
        self.worker = worker
        self.action = QAction(tr("&Restore from backup…"), window)
        self.action.setEnabled(not notebook.read_only)
        self.action.triggered.connect(self.start)

    def start(self) -> None:
        self.window.flush_pending()  # what is typed is in the notebook, hence in its safety copy
        self.worker.run(backups_of, self.location, done=self._choose, failed=self._failed)

    def _choose(self, backups: object) -> None:
        assert isinstance(backups, tuple)
        info = RestoreDialog.ask(self.window, backups, self.notebook.tz)
        if info is None:
            return
        self.window.show_status(tr("Restoring…"), 0)
        self.worker.run(
            restore_backup,
            self.location,
            info.path,
            self.notebook.now(),
            done=self._restored,
            failed=self._failed,
        )

    def _restored(self, result: object) -> None:
        assert isinstance(result, tuple)
        safety, changed = result
        self.notebook.broadcast(changed)
        said = (
            tr("Restored from the backup; the notebook as it was is kept in {path}").format(
                path=safety
            )
            if safety
            else tr("Restored from the backup")
        )
        self.window.show_status(said, 15000)

    def _failed(self, failure: Failure) -> None:
        self.window.show_status("")
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Restore from backup"), failure.text)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setParent(self.window, box.windowFlags())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


def install_backups(window: Any, notebook: Any, location: str) -> tuple[AutoBackups, Restorer]:
    """Automatic backups for the session, and File › Restore from backup… above Quit."""
    backups = AutoBackups(notebook, location, parent=window)
    restorer = Restorer(window, notebook, location, backups.worker)
    window.menus["file"].insertAction(window.action("quit"), restorer.action)
    window.menus["file"].insertSeparator(window.action("quit"))
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(backups.at_quit)
    return backups, restorer
