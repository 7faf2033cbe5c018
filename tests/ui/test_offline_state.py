"""A server notebook whose server went away: the window says "Offline — retrying" until it is
back, and text whose save failed meanwhile is written the moment it is (not at its next, ever
longer pause)."""

from __future__ import annotations

import psycopg
import pytest
from PySide6.QtCore import QSettings

from ckbook.ui.autosave import Autosaver, SaveJob, SaveWriter
from ckbook.ui.main_window import MainWindow
from tests.pg_server import _free_port


def server_gone() -> BaseException:
    """What the driver raises for a server that is not there (connection refused)."""
    try:
        psycopg.connect(host="127.0.0.1", port=_free_port(), dbname="x", connect_timeout=2)
    except psycopg.OperationalError as exc:
        return exc
    raise AssertionError("a closed port accepted a connection")


def test_the_window_says_offline_until_the_server_is_back(qtbot, notebook, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(
        notebook, settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    window.show()
    assert not window.offline_label.isVisible()
    window.show_connection(False, "Connection refused")
    assert window.offline_label.isVisible()
    assert window.offline_label.text() == "Offline — retrying"
    assert "Connection refused" in window.offline_label.toolTip()
    window.show_connection(True, "")
    assert not window.offline_label.isVisible()
    assert "Back online" in window.statusBar().currentMessage()


class FlakyServer:
    """A save function standing in for the notebook on a server that is away until ``back``."""

    def __init__(self) -> None:
        self.back = False
        self.saved: list[str] = []

    def __call__(self, job: SaveJob):  # type: ignore[no-untyped-def]
        if not self.back:
            raise server_gone()
        self.saved.append(job.body)
        return ()


@pytest.mark.parametrize("switched_away", [False, True], ids=["open", "kept"])
def test_unsaved_text_is_written_as_soon_as_the_server_is_back(
    qtbot, clock, tz, tmp_path, switched_away
) -> None:  # type: ignore[no-untyped-def]
    server = FlakyServer()
    # A long retry pause: only retry_now can write within the test's wait.
    writer = SaveWriter(server, clock=clock, retry_ms=60_000, recovery_dir=tmp_path / "r")
    try:
        saver = Autosaver(writer, tz, debounce_ms=10, max_wait_ms=50, retry_ms=60_000)
        saver.load(7, "")
        saver.edited("typed while the server was away")
        qtbot.waitUntil(lambda: saver.status.startswith("Not saved"), timeout=5000)
        assert "server unreachable" in saver.status and "retrying" in saver.status
        if switched_away:  # the editor moved on to another note: the writer keeps the text
            saver.load(8, "")
            qtbot.waitUntil(lambda: writer.pending().note_ids == (7,), timeout=5000)
        server.back = True
        writer.retry_now()
        qtbot.waitUntil(lambda: server.saved == ["typed while the server was away"], timeout=3000)
        if not switched_away:
            qtbot.waitUntil(lambda: not saver.dirty, timeout=3000)
            assert saver.status.startswith("Saved")
        else:
            qtbot.waitUntil(lambda: not writer.pending().note_ids, timeout=3000)
    finally:
        writer.stop()
