"""File › Import… and File › Export…: the same use-cases as ``ckbook import``/``ckbook export``,
run off the GUI thread.

Import: pick a vCard or CSV file; a dry run on the worker reads and checks every record; the
user sees what would be imported (and what would be skipped, and why) and confirms; then the real
import runs on the worker in one transaction. Export: pick a file and a format; the worker takes
one snapshot and writes the file (owner-only, atomically).

Both run on a ``ui.worker.Worker`` (its own connection per job, RELIABILITY #6): the GUI thread
never waits on the write lock an import holds (#7); results come back as frozen values.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from ckbook.interop.transfer import (
    EXPORT_FORMATS,
    SUFFIXES,
    ExportResult,
    export_file,
    format_for,
    import_file,
)
from ckbook.services.importing import ImportReport
from ckbook.ui.worker import Failure, Worker

log = logging.getLogger(__name__)

#: At most this many skipped records are listed in a message box; the rest are counted.
SHOWN_SKIPS = 12
EXPORT_FILTERS = {
    "vcard": "vCard 4.0 — clients (*.vcf)",
    "csv": "CSV — clients with profile and money terms (*.csv)",
    "ics": "iCalendar — open promises and check-ins as to-dos (*.ics)",
    "json": "JSON — the whole notebook (*.json)",
}
IMPORT_FILTER = "Contacts (*.vcf *.vcard *.csv);;vCard (*.vcf *.vcard);;CSV (*.csv)"


@dataclass(frozen=True)
class ImportChoice:
    path: str
    kind: str  # "vcard" or "csv"


@dataclass(frozen=True)
class ExportChoice:
    path: str
    kind: str  # one of EXPORT_FORMATS


class ImportFileDialog:
    @classmethod
    def ask(cls, parent: QWidget | None) -> ImportChoice | None:
        path, _filter = QFileDialog.getOpenFileName(parent, "Import clients", "", IMPORT_FILTER)
        if not path:
            return None
        kind = format_for(path, ("vcard", "csv"))
        if kind is None:  # no telling suffix: a file that starts like a vCard is one
            with open(path, "rb") as file:
                head = file.read(64).lstrip(b"\xef\xbb\xbf \r\n\t").upper()
            kind = "vcard" if head.startswith(b"BEGIN:VCARD") else "csv"
        return ImportChoice(path, kind)


class ExportFileDialog:
    @classmethod
    def ask(cls, parent: QWidget | None) -> ExportChoice | None:
        filters = ";;".join(EXPORT_FILTERS[kind] for kind in EXPORT_FORMATS)
        path, chosen = QFileDialog.getSaveFileName(
            parent, "Export", "ckbook" + SUFFIXES["vcard"], filters, EXPORT_FILTERS["vcard"]
        )
        if not path:
            return None
        kind = next((k for k, text in EXPORT_FILTERS.items() if text == chosen), None)
        kind = kind or format_for(path, EXPORT_FORMATS) or "json"
        if not Path(path).suffix:
            path += SUFFIXES[kind]
        return ExportChoice(path, kind)


def skipped_lines(report: ImportReport) -> list[str]:
    """What the dry run found worth a look: records skipped, and those that may be someone
    already in the notebook (imported all the same; Client › Merge makes them one)."""
    skips = [*report.invalid, *report.duplicates, *report.resembling]
    lines = [s.describe() for s in skips[:SHOWN_SKIPS]]
    if len(skips) > SHOWN_SKIPS:
        lines.append(f"… and {len(skips) - SHOWN_SKIPS} more")
    return lines


def _box(parent: QWidget | None, title: str, text: str, details: list[str]) -> QMessageBox:
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    if details:
        box.setInformativeText("\n".join(details))
    return box


class ImportConfirm:
    """Shows the dry run's result; True when the user says import."""

    @classmethod
    def ask(cls, parent: QWidget | None, report: ImportReport, file_name: str) -> bool:
        if report.refused:
            text = (
                f"{file_name}: {len(report.invalid)} record(s) cannot be imported. Import the "
                f"{len(report.imported)} valid client(s) and skip the others?"
            )
        else:
            text = f"{file_name}: import {len(report.imported)} client(s)?"
        box = _box(parent, "Import clients", text, skipped_lines(report))
        box.setIcon(QMessageBox.Icon.Question)
        label = "Import valid ones" if report.refused else "Import"
        go = box.addButton(label, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(go)
        try:
            box.exec()
            return box.clickedButton() is go
        finally:
            box.deleteLater()


class Transfer(QObject):
    """The File menu's Import… and Export…, and what happens after each."""

    #: The finished job's result (ImportReport or ExportResult); also emitted for a dry run.
    finished = Signal(object)
    #: What went wrong, once a job failed.
    problem = Signal(str)

    def __init__(self, window: Any, notebook: Any) -> None:
        super().__init__(window)
        self.window = window
        self.notebook = notebook
        self.worker = Worker("transfer", self)
        self.import_action = QAction("&Import…", window)
        self.import_action.setObjectName("action_import")
        self.import_action.setStatusTip("Add clients from a vCard or CSV file")
        self.import_action.triggered.connect(self.start_import)
        self.export_action = QAction("&Export…", window)
        self.export_action.setObjectName("action_export")
        self.export_action.setStatusTip("Write clients, to-dos or the whole notebook to a file")
        self.export_action.triggered.connect(self.start_export)

    @property
    def busy(self) -> bool:
        return self.worker.busy

    def _run(self, job: Callable[[], object], then: Callable[[object], None], status: str) -> None:
        self.import_action.setEnabled(False)
        self.export_action.setEnabled(False)
        self.window.show_status(status, 0)
        self.worker.run(
            job,
            done=lambda result: self._on_worker_done(then, result),
            failed=self._on_worker_failed,
        )

    def _idle(self) -> None:
        self.import_action.setEnabled(True)
        self.export_action.setEnabled(True)

    def _on_worker_done(self, then: Callable[[object], None], result: object) -> None:
        self._idle()
        then(result)
        self.finished.emit(result)

    def _on_worker_failed(self, failure: Failure) -> None:
        self._idle()
        text = failure.text if not failure.retry else f"Not done: {failure.text}"
        self.window.show_status("")
        self.notebook.message.emit("warning", text)
        self.problem.emit(text)

    # -- import ----------------------------------------------------------------------------
    def start_import(self) -> None:
        if self.busy:
            return
        choice = ImportFileDialog.ask(self.window)
        if choice is None:
            return
        now = self.notebook.now()

        def check() -> ImportReport:
            return import_file(choice.kind, choice.path, now, dry_run=True)

        self._run(check, lambda report: self._confirm(choice, report), "Reading the file…")

    def _confirm(self, choice: ImportChoice, report: object) -> None:
        assert isinstance(report, ImportReport)
        name = Path(choice.path).name
        if not report.imported:
            self.window.show_status("")
            box = _box(self.window, "Import clients", f"{name}: nothing to import.",
                       skipped_lines(report))  # fmt: skip
            box.setIcon(QMessageBox.Icon.Information)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()  # window-modal, not blocking: the result is read, then closed
            return
        if not ImportConfirm.ask(self.window, report, name):
            self.window.show_status("")
            return
        now = self.notebook.now()
        skip = report.refused

        def write() -> ImportReport:
            return import_file(choice.kind, choice.path, now, skip_invalid=skip)

        self._run(write, self._imported, f"Importing {len(report.imported)} clients…")

    def _imported(self, report: object) -> None:
        assert isinstance(report, ImportReport)
        self.window.show_status(report.summary())
        if report.imported:
            self.notebook.broadcast(report.changed)

    # -- export ----------------------------------------------------------------------------
    def start_export(self) -> None:
        if self.busy:
            return
        self.window.flush_pending()  # what is typed goes into the file
        choice = ExportFileDialog.ask(self.window)
        if choice is None:
            return
        now, tz = self.notebook.now(), self.notebook.tz

        def write() -> ExportResult:
            # The save dialog has asked before naming an existing file: replacing it is agreed.
            return export_file(choice.kind, choice.path, now, tz, overwrite=True)

        self._run(write, self._exported, f"Exporting to {Path(choice.path).name}…")

    def _exported(self, result: object) -> None:
        assert isinstance(result, ExportResult)
        self.window.show_status(result.describe())


def install_transfer(window: Any, notebook: Any) -> Transfer:
    """Add Import… and Export… to the File menu, above Quit."""
    transfer = Transfer(window, notebook)
    menu = window.menus["file"]
    quit_action = window.action("quit")
    menu.insertAction(quit_action, transfer.import_action)
    menu.insertAction(quit_action, transfer.export_action)
    menu.insertSeparator(quit_action)
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(transfer.worker.wait)  # an import commits or rolls back first
    return transfer
