"""File › Import… and File › Export…: the file is read and written on a worker thread, the user
confirms what the dry run found, and what is stored is what the command line would store."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QPushButton

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
    assert window.statusBar().currentMessage() == (
        "Imported: 2 new, 0 updated, 0 unchanged, 1 skipped (line 3: email 'not an email' is not "
        "an email address)"
    )


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

    make_client(now, "Ada Lovelace", phones=("+44 20 7946 0000",))
    path = tmp_path / "people.vcf"
    path.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:A. Lovelace\nTEL:020 7946 0000\nEND:VCARD\n")
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
    assert shown and "may be client 1, Ada Lovelace: same phone" in shown[0]


@pytest.mark.parametrize(
    ("typed", "chosen", "expected"),
    [
        ("x.ics", ("vcard", False), ("x.ics", "ics", False, True)),  # the name wins, with a warning
        ("x", ("csv", False), ("x.csv", "csv", False, False)),
        ("x.ics", ("ics", True), ("x.ics", "ics", True, False)),
        ("x", ("ics", True), ("x.ics", "ics", True, False)),
        ("x.vcard", ("json", False), ("x.vcard", "vcard", False, True)),
        ("notes.txt", ("json", False), ("notes.txt", "json", False, False)),  # unknown: the type
        ("x.vcf", ("vcard", "3.0"), ("x.vcf", "vcard", False, False)),
    ],
)
def test_export_uses_the_extension_typed_and_warns_when_it_contradicts(  # type: ignore[no-untyped-def]
    typed, chosen, expected
) -> None:
    from ckbook.ui.transfer import ExportType, export_choice, export_filters

    kind, option = chosen
    key = ExportType(kind, vcard_version=option) if option == "3.0" else ExportType(kind, option)
    choice = export_choice(typed, export_filters()[key])
    if option == "3.0":
        assert choice.vcard_version == "3.0"
    assert (choice.path, choice.kind, choice.as_events, bool(choice.warning)) == expected
    if choice.warning:
        assert choice.warning.startswith(f"{typed} is written as ")


def test_export_warning_reaches_the_user_and_the_file_has_the_named_format(  # type: ignore[no-untyped-def]
    qtbot, window, transfer, notebook, tmp_path, monkeypatch, now
) -> None:
    from ckbook.ui.transfer import ExportType, export_choice, export_filters

    make_client(now, "Ada", emails=("ada@example.com",))
    target = tmp_path / "x.ics"
    choice = export_choice(str(target), export_filters()[ExportType("vcard")])
    monkeypatch.setattr(ExportFileDialog, "ask", classmethod(lambda cls, parent: choice))
    messages: list[tuple[str, str]] = []
    notebook.message.connect(lambda level, text: messages.append((level, text)))
    with qtbot.waitSignal(transfer.finished, timeout=10_000):
        transfer.export_action.trigger()
    assert messages == [("warning", "x.ics is written as iCalendar, as its name says, although "
                                    "the type chosen was vCard.")]  # fmt: skip
    assert target.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


def test_preview_shows_new_updated_unchanged_and_each_change(  # type: ignore[no-untyped-def]
    qtbot, window, transfer, notebook, tmp_path, monkeypatch, now, tz
) -> None:
    from ckbook.ui.transfer import preview_text

    make_client(now, "Ada", emails=("ada@example.com",))
    make_client(now, "Cyd", emails=("cyd@example.com",))
    path = tmp_path / "people.csv"
    path.write_bytes(
        "Name,Email,Company\nAda,ada@example.com,Engines\nBea,bea@example.com,\n"
        "Cyd,cyd@example.com,\n".encode("cp1252")
    )
    monkeypatch.setattr(
        ImportFileDialog, "ask", classmethod(lambda cls, parent: ImportChoice(str(path), "csv"))
    )
    previews: list[tuple[str, list[str], str]] = []

    def confirm(cls, parent, report, name):  # type: ignore[no-untyped-def]
        previews.append(preview_text(report, name))
        return True

    monkeypatch.setattr(ImportConfirm, "ask", classmethod(confirm))
    with qtbot.waitSignal(notebook.changed, timeout=10_000):
        transfer.import_action.trigger()
    ((text, informative, details),) = previews
    assert text == "people.csv: 1 new, 1 updated, 1 unchanged. Import?"
    assert details.splitlines() == ["Ada (line 2):", "    organisation: + Engines", "New (1): Bea"]
    assert informative == []  # plain ASCII is plain UTF-8: nothing to say about the encoding
    assert [r.organisation for r in client_summaries(now, tz)] == ["Engines", "", ""]


def test_the_preview_says_how_the_file_was_read(tmp_path, db, now) -> None:  # type: ignore[no-untyped-def]
    from ckbook.interop.transfer import import_file
    from ckbook.ui.transfer import preview_text

    path = tmp_path / "people.csv"
    path.write_bytes("Name,Notes\nJürgen Weiß,Grüße – €\n".encode("cp1252"))
    _text, informative, _details = preview_text(import_file("csv", path, now, dry_run=True), "x")
    assert informative == ["Read as Windows-1252 (detected)."]


def test_cancel_stops_an_import_and_nothing_is_written(  # type: ignore[no-untyped-def]
    qtbot, window, transfer, notebook, tmp_path, monkeypatch, now, tz
) -> None:
    from ckbook.ui import transfer as transfer_module

    path = tmp_path / "many.csv"
    path.write_text("Name,Email\n" + "".join(f"C{n},c{n}@example.com\n" for n in range(2000)))
    monkeypatch.setattr(
        ImportFileDialog, "ask", classmethod(lambda cls, parent: ImportChoice(str(path), "csv"))
    )
    monkeypatch.setattr(ImportConfirm, "ask", classmethod(lambda cls, parent, report, name: True))
    made: list[transfer_module.JobProgress] = []
    real_init = transfer_module.JobProgress.__init__

    def init(self, parent, label):  # type: ignore[no-untyped-def]
        real_init(self, parent, label)
        made.append(self)
        assert self.dialog.minimumDuration() == 500  # shown only for a job that takes a while
        if label.startswith("Importing"):  # the user presses Cancel as the import starts
            self.dialog.findChild(QPushButton).click()

    monkeypatch.setattr(transfer_module.JobProgress, "__init__", init)
    with qtbot.waitSignal(notebook.message, timeout=20_000) as message:
        transfer.import_action.trigger()
    assert message.args == ["warning", "cancelled: nothing was written"]
    assert len(made) == 2  # the dry run's, then the import's
    assert client_summaries(now, tz) == []
    qtbot.waitUntil(lambda: transfer.import_action.isEnabled())


def test_unknown_columns_ask_which_holds_what_then_import(  # type: ignore[no-untyped-def]
    qtbot, window, transfer, notebook, tmp_path, monkeypatch, now, tz
) -> None:
    from ckbook.ui.dialogs.column_map import ColumnMapDialog

    path = tmp_path / "crm.csv"
    path.write_text("Kunde,Mail,Handy\nOla Nordmann,ola@example.no,+47 912 34 567\n")
    monkeypatch.setattr(
        ImportFileDialog, "ask", classmethod(lambda cls, parent: ImportChoice(str(path), "csv"))
    )
    offered: list[tuple[str, ...]] = []

    def choose(cls, parent, name, columns):  # type: ignore[no-untyped-def]
        offered.append(columns)
        return {"name": "Kunde", "emails": "Mail", "phones": "Handy"}

    monkeypatch.setattr(ColumnMapDialog, "ask", classmethod(choose))
    monkeypatch.setattr(ImportConfirm, "ask", classmethod(lambda cls, parent, report, name: True))
    said: list[str] = []
    notebook.message.connect(lambda level, text: said.append(text))
    with qtbot.waitSignal(notebook.changed, timeout=10_000):
        transfer.import_action.trigger()
    assert said == []
    assert offered == [("Kunde", "Mail", "Handy")]
    (ola,) = client_summaries(now, tz)
    assert (ola.name, ola.emails, ola.phones) == ("Ola Nordmann", ("ola@example.no",),
                                                  ("+47 912 34 567",))  # fmt: skip


def test_the_column_chooser_needs_a_name_an_organisation_or_an_email(qtbot) -> None:  # type: ignore[no-untyped-def]
    from ckbook.ui.dialogs.column_map import ColumnMapDialog

    dialog = ColumnMapDialog("crm.csv", ("Kunde", "Mail", "Handy"))
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.choices["phones"].setCurrentText("Handy")
    assert not dialog.ok_button.isEnabled()  # a phone alone is no one
    dialog.choices["emails"].setCurrentText("Mail")
    assert dialog.ok_button.isEnabled()
    assert dialog.mapping() == {"emails": "Mail", "phones": "Handy"}


def test_a_json_export_restores_from_the_window_into_an_empty_notebook(  # type: ignore[no-untyped-def]
    qtbot, window, transfer, notebook, monkeypatch, now, tz
) -> None:
    from ckbook.ui.transfer import import_kind

    fixture = Path(__file__).parents[1] / "interop" / "fixtures" / "ckbook-0.1-export.json"
    assert import_kind(str(fixture)) == "json"
    monkeypatch.setattr(
        ImportFileDialog, "ask", classmethod(lambda cls, parent: ImportChoice(str(fixture), "json"))
    )
    asked: list[ImportReport] = []
    monkeypatch.setattr(
        ImportConfirm, "ask",
        classmethod(lambda cls, parent, report, name: asked.append(report) or True),
    )  # fmt: skip
    with qtbot.waitSignal(notebook.changed, timeout=10_000):
        transfer.import_action.trigger()
    assert asked[0].counts() == "2 new, 0 updated, 0 unchanged"
    assert [r.name for r in client_summaries(now, tz)] == ["Ada Lovelace", "Béatrice Ørsted"]
    messages: list[str] = []
    notebook.message.connect(lambda level, text: messages.append(text))
    qtbot.waitUntil(lambda: transfer.import_action.isEnabled())
    with qtbot.waitSignal(notebook.message, timeout=10_000):
        transfer.import_action.trigger()  # again: the notebook is no longer empty
    assert (
        "already has 2 clients; a full export restores only into an empty notebook" in (messages[0])
    )
