"""File › Import… and File › Export…: the same use-cases as ``ckbook import``/``ckbook export``,
run off the GUI thread.

Import: pick a vCard, CSV or JSON file; a dry run on the worker reads and matches every record;
the preview shows how the file was read (its encoding), how many clients are new, updated and
unchanged, each update field by field, and what would be skipped and why; on confirming, the real
import runs on the worker in one transaction. Export: pick a file and a format — the extension
typed wins when it names a format, with a warning when it contradicts the chosen type; the worker
takes one snapshot and writes the file (owner-only, atomically).

A job that takes longer than half a second shows a progress dialog with Cancel; a cancelled
import writes nothing (its transaction is rolled back), a cancelled export leaves no file.

Both run on a ``ui.worker.Worker`` (its own connection per job, RELIABILITY #6): the GUI thread
never waits on the write lock an import holds (#7); results come back as frozen values.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QWidget

from ckbook.i18n import tr
from ckbook.interop.csv_file import UnmappedColumnsError
from ckbook.interop.transfer import (
    EXPORT_FORMATS,
    SUFFIXES,
    ExportResult,
    export_file,
    format_for,
    import_file,
)
from ckbook.services.importing import Cancelled, ImportReport, Progress
from ckbook.store.open_files import is_open_notebook
from ckbook.ui.dialogs.column_map import ColumnMapDialog
from ckbook.ui.worker import Failure, Worker

log = logging.getLogger(__name__)

#: At most this many skipped records are listed in a message box; the rest are counted.
SHOWN_SKIPS = 12


@dataclass(frozen=True)
class ExportType:
    """One entry of the export dialog's types."""

    kind: str  # one of EXPORT_FORMATS
    as_events: bool = False
    vcard_version: str = "4.0"


def export_filters() -> dict[ExportType, str]:
    """The export dialog's types -> filter text (the first is the default)."""
    return {
        ExportType("vcard"): tr("vCard 4.0 — clients (*.vcf)"),
        ExportType("vcard", vcard_version="3.0"): tr(
            "vCard 3.0 — clients, for older programs (*.vcf)"
        ),
        ExportType("csv"): tr("CSV — clients with profile and money terms (*.csv)"),
        ExportType("ics"): tr("iCalendar — open promises and check-ins as to-dos (*.ics)"),
        ExportType("ics", as_events=True): tr(
            "iCalendar — promises and check-ins as events (*.ics)"
        ),
        ExportType("json"): tr("JSON — the whole notebook (*.json)"),
    }


def import_filter() -> str:
    return ";;".join(
        (
            tr("Contacts and exports (*.vcf *.vcard *.csv *.txt *.json)"),
            "vCard (*.vcf *.vcard)",
            "CSV (*.csv *.txt)",
            tr("ckbook JSON export (*.json)"),
        )
    )


#: Format names as the warning says them.
FORMAT_NAMES = {"vcard": "vCard", "csv": "CSV", "ics": "iCalendar", "json": "JSON"}
#: A job shows its progress dialog once it has taken this long.
PROGRESS_AFTER_MS = 500


@dataclass(frozen=True)
class ImportChoice:
    path: str
    kind: str  # "vcard", "csv" or "json"
    mapping: tuple[tuple[str, str], ...] = ()  # CSV: (field, column) the user chose


@dataclass(frozen=True)
class NeedsColumns:
    """The dry run found no column it knows: the file's columns, for the column chooser."""

    columns: tuple[str, ...]


@dataclass(frozen=True)
class ExportChoice:
    path: str
    kind: str  # one of EXPORT_FORMATS
    as_events: bool = False
    warning: str = ""  # the extension typed contradicted the chosen type
    vcard_version: str = "4.0"


def import_kind(path: str) -> str:
    """The import format for ``path``: its suffix, else a file that starts like a vCard is one."""
    kind = format_for(path, ("vcard", "csv", "json"))
    if kind is not None or is_open_notebook(path):
        return kind or "csv"  # the notebook itself is refused, unread, by the import
    with open(path, "rb") as file:
        head = file.read(64).lstrip(b"\xef\xbb\xbf \r\n\t").upper()
    return "vcard" if head.startswith(b"BEGIN:VCARD") else "csv"


def export_choice(path: str, chosen_filter: str) -> ExportChoice:
    """What to write where: the extension typed wins when it names a format (warning when it
    contradicts the chosen type); with no extension the chosen type's is added."""
    filters = export_filters()
    chosen = next((key for key, text in filters.items() if text == chosen_filter), None)
    chosen = chosen or ExportType("vcard")
    kind = chosen.kind
    if not Path(path).suffix:
        path += SUFFIXES[kind]
    typed = format_for(path, EXPORT_FORMATS)
    if typed is None or typed == kind:
        return ExportChoice(path, kind, chosen.as_events, "", chosen.vcard_version)
    warning = tr(
        "{file} is written as {typed}, as its name says, although the type chosen was {chosen}."
    ).format(file=Path(path).name, typed=FORMAT_NAMES[typed], chosen=FORMAT_NAMES[kind])
    return ExportChoice(path, typed, False, warning)


class ImportFileDialog:
    @classmethod
    def ask(cls, parent: QWidget | None) -> ImportChoice | None:
        path, _filter = QFileDialog.getOpenFileName(parent, tr("Import"), "", import_filter())
        if not path:
            return None
        return ImportChoice(path, import_kind(path))


class ExportFileDialog:
    @classmethod
    def ask(cls, parent: QWidget | None) -> ExportChoice | None:
        choices = export_filters()
        filters = ";;".join(choices.values())
        first = choices[ExportType("vcard")]
        path, chosen = QFileDialog.getSaveFileName(
            parent, tr("Export"), "ckbook" + SUFFIXES["vcard"], filters, first
        )
        if not path:
            return None
        return export_choice(path, chosen)


def skipped_lines(report: ImportReport) -> list[str]:
    """What the dry run found worth a look: records skipped, and those that may be someone
    already in the notebook (imported all the same; Client › Merge makes them one)."""
    skips = [*report.invalid, *report.duplicates, *report.resembling]
    lines = [s.describe() for s in skips[:SHOWN_SKIPS]]
    if len(skips) > SHOWN_SKIPS:
        more = len(skips) - SHOWN_SKIPS
        lines.append(tr("… and %n more", "", more))
    return lines


def _box(parent: QWidget | None, title: str, text: str, details: list[str]) -> QMessageBox:
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    if details:
        box.setInformativeText("\n".join(details))
    return box


def preview_text(report: ImportReport, file_name: str) -> tuple[str, list[str], str]:
    """The preview: the question, what is skipped (and how the file was read), and every update
    field by field (the box's details)."""
    if report.refused:
        refused = len(report.invalid)
        text = tr(
            "{file}: %n records cannot be imported. Import the others ({counts}) and skip these?",
            "",
            refused,
        ).format(file=file_name, counts=report.counts(with_invalid=False))
    else:
        text = tr("{file}: {counts}. Import?").format(file=file_name, counts=report.counts())
    informative = [report.source[:1].upper() + report.source[1:] + "."] if report.source else []
    informative += skipped_lines(report)
    details = []
    for item in report.updated:
        details.append(f"{item.name} ({item.where}):")
        details.extend(f"    {change.describe()}" for change in item.changes)
    new = report.new
    if new:
        names = ", ".join(i.name for i in new[:50])
        count = len(new)
        details.append(tr("New (%n): {names}", "", count).format(names=names))
        if len(new) > 50:
            more = len(new) - 50
            details[-1] += " " + tr("… and %n more", "", more)
    return text, informative, "\n".join(details)


class ImportConfirm:
    """Shows the dry run's result; True when the user says import."""

    @classmethod
    def ask(cls, parent: QWidget | None, report: ImportReport, file_name: str) -> bool:
        text, informative, details = preview_text(report, file_name)
        box = _box(parent, tr("Import"), text, informative)
        if details:
            box.setDetailedText(details)
        box.setIcon(QMessageBox.Icon.Question)
        label = tr("Import the others") if report.refused else tr("Import")
        go = box.addButton(label, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(go)
        try:
            box.exec()
            return box.clickedButton() is go
        finally:
            box.deleteLater()


class JobProgress(QObject):
    """A job's progress and Cancel, across threads: ``report`` (the job's Progress) runs on the
    worker and raises Cancelled once the user pressed Cancel; the dialog lives on the GUI
    thread and appears only when the job takes longer than ``PROGRESS_AFTER_MS``."""

    moved = Signal(int, int)  # done, total; from the worker, queued to the GUI thread

    def __init__(self, parent: QWidget | None, label: str) -> None:
        super().__init__(parent)
        self.cancelled = threading.Event()
        self.dialog = QProgressDialog(label, tr("Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle("ckbook")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(PROGRESS_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancelled.set)
        self.dialog.setValue(0)  # starts the minimum-duration clock
        self.moved.connect(self._on_moved)

    def report(self, done: int, total: int) -> None:
        if self.cancelled.is_set():
            raise Cancelled()
        self.moved.emit(done, total)

    def _on_moved(self, done: int, total: int) -> None:
        if self.dialog.maximum() != total:
            self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))

    def finish(self) -> None:
        # Closing emits canceled too; the job is over by now, so that changes nothing.
        self.dialog.close()
        self.dialog.deleteLater()
        self.deleteLater()


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
        self.progress: JobProgress | None = None  # the job under way's, for tests
        self.import_action = QAction(tr("&Import…"), window)
        self.import_action.setObjectName("action_import")
        self.import_action.setStatusTip(
            tr("Add or update clients from a vCard or CSV file, or restore a JSON export")
        )

        self.import_action.triggered.connect(self.start_import)
        self.export_action = QAction(tr("&Export…"), window)
        self.export_action.setObjectName("action_export")
        self.export_action.setStatusTip(tr("Write clients, to-dos or the whole notebook to a file"))
        self.export_action.triggered.connect(self.start_export)

    @property
    def busy(self) -> bool:
        return self.worker.busy

    def _run(
        self, job: Callable[[Progress], object], then: Callable[[object], None], status: str
    ) -> None:
        self.import_action.setEnabled(False)
        self.export_action.setEnabled(False)
        self.window.show_status(status, 0)
        progress = JobProgress(self.window, status)
        self.progress = progress

        def done(result: object) -> None:
            progress.finish()
            self._on_worker_done(then, result)

        def failed(failure: Failure) -> None:
            progress.finish()
            self._on_worker_failed(failure)

        self.worker.run(job, progress.report, done=done, failed=failed)

    def _idle(self) -> None:
        self.import_action.setEnabled(True)
        self.export_action.setEnabled(True)

    def _on_worker_done(self, then: Callable[[object], None], result: object) -> None:
        self._idle()
        then(result)
        self.finished.emit(result)

    def _on_worker_failed(self, failure: Failure) -> None:
        self._idle()
        text = failure.text if not failure.retry else tr("Not done: {why}").format(why=failure.text)
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
        self._check(choice)

    def _check(self, choice: ImportChoice) -> None:
        now = self.notebook.now()

        def check(progress: Progress) -> ImportReport | NeedsColumns:
            try:
                return import_file(
                    choice.kind,
                    choice.path,
                    now,
                    dry_run=True,
                    mapping=dict(choice.mapping),
                    progress=progress,
                )
            except UnmappedColumnsError as exc:
                return NeedsColumns(exc.columns)

        self._run(check, lambda report: self._confirm(choice, report), tr("Reading the file…"))

    def _confirm(self, choice: ImportChoice, report: object) -> None:
        name = Path(choice.path).name
        if isinstance(report, NeedsColumns):
            self.window.show_status("")
            mapping = ColumnMapDialog.ask(self.window, name, report.columns)
            if mapping:
                self._check(replace(choice, mapping=tuple(mapping.items())))
            return
        assert isinstance(report, ImportReport)
        if not report.writes and not report.refused:
            self.window.show_status("")
            text = tr("{file}: nothing to import ({counts}).").format(
                file=name, counts=report.counts()
            )
            box = _box(self.window, tr("Import"), text, skipped_lines(report))
            box.setIcon(QMessageBox.Icon.Information)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()  # window-modal, not blocking: the result is read, then closed
            return
        if not ImportConfirm.ask(self.window, report, name):
            self.window.show_status("")
            return
        now = self.notebook.now()
        skip = report.refused

        def write(progress: Progress) -> ImportReport:
            return import_file(
                choice.kind,
                choice.path,
                now,
                skip_invalid=skip,
                mapping=dict(choice.mapping),
                progress=progress,
            )

        self._run(write, self._imported, tr("Importing {file}…").format(file=name))

    def _imported(self, report: object) -> None:
        assert isinstance(report, ImportReport)
        self.window.show_status(report.summary())
        if report.writes:
            self.notebook.broadcast(report.changed)

    # -- export ----------------------------------------------------------------------------
    def start_export(self) -> None:
        if self.busy:
            return
        self.window.flush_pending()  # what is typed goes into the file
        choice = ExportFileDialog.ask(self.window)
        if choice is None:
            return
        if choice.warning:
            self.notebook.message.emit("warning", choice.warning)
        now, tz = self.notebook.now(), self.notebook.tz

        def write(progress: Progress) -> ExportResult:
            # The save dialog has asked before naming an existing file: replacing it is agreed.
            return export_file(
                choice.kind,
                choice.path,
                now,
                tz,
                overwrite=True,
                as_events=choice.as_events,
                progress=progress,
                vcard_version=choice.vcard_version,
            )

        self._run(
            write, self._exported, tr("Exporting to {file}…").format(file=Path(choice.path).name)
        )

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
