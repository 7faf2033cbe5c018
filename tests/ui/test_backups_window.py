"""The window's automatic backups (a little after start when the newest is a day old, on a timer
while the notebook changes, at quit) and File › Restore from backup…, on a real notebook."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox

from ckbook.services.base import Changed, Kind
from ckbook.store.auto_backup import automatic_backups, make_automatic_backup
from ckbook.store.maintenance import check
from ckbook.ui.backups import AutoBackups, RestoreDialog, Restorer
from ckbook.ui.main_window import MainWindow
from tests.factories import make_client


def clients_in(path: str | Path) -> int:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        return int(connection.execute("SELECT COUNT(*) FROM client").fetchone()[0])


def test_a_backup_is_made_at_start_when_there_is_none(notebook, db, qtbot, now):  # type: ignore[no-untyped-def]
    make_client(now, "Ada Lovelace")
    backups = AutoBackups(notebook, db.location, start_delay_ms=10, every_ms=60_000)
    qtbot.waitUntil(lambda: len(backups.made) == 1, timeout=5000)
    assert check(str(backups.made[0])).ok and clients_in(backups.made[0]) == 1


def test_no_backup_at_start_when_the_newest_is_recent(notebook, db, qtbot, now):  # type: ignore[no-untyped-def]
    make_automatic_backup(db.location, now - timedelta(hours=2))
    backups = AutoBackups(notebook, db.location, start_delay_ms=10, every_ms=60_000)
    qtbot.wait(300)
    backups.worker.wait()
    assert backups.made == [] and len(automatic_backups(db.location)) == 1


def test_changes_are_backed_up_on_the_timer_and_at_quit(notebook, db, qtbot, now):  # type: ignore[no-untyped-def]
    make_automatic_backup(db.location, now - timedelta(hours=2))
    backups = AutoBackups(notebook, db.location, start_delay_ms=60_000, every_ms=100)
    qtbot.wait(300)
    assert backups.made == []  # nothing changed: no backup on the timer
    make_client(now, "Ada Lovelace")
    notebook.broadcast(Changed(Kind.CLIENT, (1,), (1,)))
    qtbot.waitUntil(lambda: len(backups.made) == 1, timeout=5000)
    assert clients_in(backups.made[0]) == 1
    make_client(now, "Bea Okafor")
    notebook.broadcast(Changed(Kind.CLIENT, (2,), (2,)))
    backups._timer.stop()
    backups.at_quit()
    qtbot.waitUntil(lambda: len(backups.made) == 2, timeout=5000)
    assert clients_in(backups.made[-1]) == 2


def test_restore_from_backup_brings_the_notebook_back_and_keeps_a_safety_copy(  # type: ignore[no-untyped-def]
    notebook, db, qtbot, now, monkeypatch
):
    make_client(now, "Ada Lovelace")
    made = make_automatic_backup(db.location, now).made
    make_client(now, "Mistake Person")
    window = MainWindow(notebook)
    qtbot.addWidget(window)
    backups = AutoBackups(notebook, db.location, parent=window, start_delay_ms=60_000)
    restorer = Restorer(window, notebook, db.location, backups.worker)
    offered: list[tuple[str, ...]] = []

    def choose(_parent, infos, _tz):  # type: ignore[no-untyped-def]
        offered.append(tuple(str(i.path) for i in infos))
        return infos[0]

    monkeypatch.setattr(RestoreDialog, "ask", classmethod(lambda cls, *a: choose(*a)))
    with qtbot.waitSignal(notebook.changed, timeout=5000) as heard:
        restorer.action.trigger()
    assert heard.args[0].client_ids == ()  # every view reloads
    assert offered == [(str(made),)]
    assert clients_in(db.location) == 1
    safety = list(Path(db.location).parent.glob("ckbook.sqlite3.before-restore-*"))
    assert len(safety) == 1 and clients_in(safety[0]) == 2
    assert "Restored from the backup" in window.statusBar().currentMessage()
    assert check(db.location).ok


def test_the_restore_dialog_lists_backups_with_what_they_hold(db, qtbot, now, tz):  # type: ignore[no-untyped-def]
    from ckbook.services.backups import backups_of

    make_client(now, "Ada Lovelace")
    make_automatic_backup(db.location, now)
    dialog = RestoreDialog(backups_of(db.location), tz, None)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1
    assert "1 client, 0 notes, 0 promises" in dialog.list.item(0).text()
    assert dialog.chosen() is not None
    empty = RestoreDialog((), tz, None)
    qtbot.addWidget(empty)
    assert not empty.restore_button.isEnabled()
    assert isinstance(empty.restore_button.parent(), QDialogButtonBox)
