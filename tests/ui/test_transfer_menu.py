"""File › Import… and File › Export…: the file is read and written on a worker thread, the user
confirms what the dry run found, and what is stored is what the command line would store."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from ckbook.interop.transfer import ExportResult
from ckbook.services.clients import client_summaries
from ckbook.services.importing import ImportReport
from ckbook.ui.main_window import MainWindow
from ckbook.ui.transfer import (
    ExportChoice,
    ExportFileDialog,
    ImportChoice,
    ImportConfirm,
    ImportFileDialog,
    install_transfer,
)
from tests.factories import make_client

CSV = "Name,Email,Tags\nAda,ada@example.com,vip\nBea,not an email,\nCyd,cyd@example.com,\n"


@pytest.fixture
def window(qtbot, notebook, tmp_path):  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "ckbook.ini"), QSettings.Format.IniFormat)
    win = MainWindow(notebook, settings=settings)
    qtbot.addWidget(win)
    return win


@pytest.fixture
def transfer(window, notebook):  # type: ignore[no-untyped-def]
    installed = install_transfer(window, notebook)
    yield installed
    installed.worker.wait()


def test_file_menu_offers_import_and_export_above_quit(window, transfer) -> None:  # type: ignore[no-untyped-def]
    texts = [a.text() for a in window.menus["file"].actions()]
    assert texts[-4:] == ["&Import…", "&Export…", "", "&Quit"]


def test_import_asks_with_what_the_dry_run_found_then_imports(  # type: ignore[no-untyped-def]
    qtbot, window, transfer, notebook, tmp_path, monkeypatch, now, tz
) -> None:
    path = tmp_path / "people.csv"
    path.write_text(CSV)
    monkeypatch.setattr(
        ImportFileDialog, "ask", classmethod(lambda cls, parent: ImportChoice(str(path), "csv"))
    )
    asked: list[ImportReport] = []

    def confirm(cls, parent, report, name):  # type: ignore[no-untyped-def]
        asked.append(report)
        assert name == "people.csv"
        return True

    monkeypatch.setattr(ImportConfirm, "ask", classmethod(confirm))
    with qtbot.waitSignal(notebook.changed, timeout=10_000) as changed:
        transfer.import_action.trigger()
        assert not transfer.import_action.isEnabled()  # one job at a time
    (dry,) = asked
    assert dry.dry_run and dry.refused and [s.name for s in dry.invalid] == ["Bea"]
    assert changed.args[0].kind == "client" and len(changed.args[0].ids) == 2
    assert [(r.name, r.tags) for r in client_summaries(now, tz)] == [("Ada", ("vip",)), ("Cyd", ())]
    qtbot.waitUntil(lambda: transfer.import_action.isEnabled())
    assert window.statusBar().currentMessage() == "Imported 2 clients; 1 invalid record skipped"


def test_cancelling_the_confirmation_writes_nothing(  # type: ignore[no-untyped-def]
    qtbot, window, transfer, tmp_path, monkeypatch, now, tz
) -> None:
    path = tmp_path / "people.vcf"
    path.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Ada\nEND:VCARD\n")
    monkeypatch.setattr(
        ImportFileDialog, "ask", classmethod(lambda cls, parent: ImportChoice(str(path), "vcard"))
    )
    monkeypatch.setattr(ImportConfirm, "ask", classmethod(lambda cls, parent, report, name: False))
    with qtbot.waitSignal(transfer.finished, timeout=10_000) as finished:
        transfer.import_action.trigger()
    assert finished.args[0].dry_run
    assert client_summaries(now, tz) == []


def test_an_unreadable_file_is_reported_not_raised(  # type: ignore[no-untyped-def]
    qtbot, window, transfer, notebook, tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(
        ImportFileDialog, "ask",
        classmethod(lambda cls, parent: ImportChoice(str(tmp_path / "gone.csv"), "csv")),
    )  # fmt: skip
    with qtbot.waitSignal(notebook.message, timeout=10_000) as message:
        transfer.import_action.trigger()
    level, text = message.args
    assert level == "warning" and text.startswith("cannot read")
    qtbot.waitUntil(lambda: transfer.export_action.isEnabled())


def test_export_writes_the_chosen_format_owner_only(  # type: ignore[no-untyped-def]
    qtbot, window, transfer, tmp_path, monkeypatch, now
) -> None:
    make_client(now, "Ada", emails=("ada@example.com",))
    target = tmp_path / "out.csv"
    monkeypatch.setattr(
        ExportFileDialog, "ask", classmethod(lambda cls, parent: ExportChoice(str(target), "csv"))
    )
    with qtbot.waitSignal(transfer.finished, timeout=10_000) as finished:
        transfer.export_action.trigger()
    result = finished.args[0]
    assert isinstance(result, ExportResult) and result.count == 1
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "ada@example.com" in Path(target).read_text(encoding="utf-8-sig")
    assert window.statusBar().currentMessage().startswith("Exported 1 client to ")


def test_cancelled_file_dialogs_do_nothing(window, transfer, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ImportFileDialog, "ask", classmethod(lambda cls, parent: None))
    monkeypatch.setattr(ExportFileDialog, "ask", classmethod(lambda cls, parent: None))
    transfer.import_action.trigger()
    transfer.export_action.trigger()
    assert not transfer.busy and transfer.import_action.isEnabled()


def test_the_import_question_names_who_may_already_be_here(
    qtbot, window, transfer, notebook, tmp_path, monkeypatch, now
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    make_client(now, "Ada Lovelace")
    path = tmp_path / "people.vcf"
    path.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Ada Lovelace\nEND:VCARD\n")
    monkeypatch.setattr(
        ImportFileDialog, "ask", classmethod(lambda cls, parent: ImportChoice(str(path), "vcard"))
    )
    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.informativeText())
        return 0  # closed: nothing imported

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    with qtbot.waitSignal(transfer.finished, timeout=10_000):
        transfer.import_action.trigger()
    assert shown and "may be client 1, Ada Lovelace: same name" in shown[0]
