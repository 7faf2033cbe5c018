"""One window per notebook: the lock, the hand-over to the running window, stale locks after a
crash, and the window answering a second launch (come forward, open the card it asked for)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from ckbook.ui.main_window import MainWindow
from ckbook.ui.single_instance import LaunchRequest, SingleInstance, notebook_key
from tests.factories import make_client

REPO_ROOT = Path(__file__).resolve().parents[2]

#: A second launch, as its own process (the hand-over blocks, as it does in a real second start).
SECOND_LAUNCH = r"""
import json, sys
from PySide6.QtCore import QCoreApplication
from ckbook.ui.single_instance import LaunchRequest, SingleInstance, hand_over
app = QCoreApplication([])
location, folder, client = sys.argv[1], sys.argv[2], sys.argv[3]
from pathlib import Path
instance = SingleInstance(location, Path(folder))
won = instance.acquire()
handed = False
if not won:
    handed = hand_over(instance.server_name, LaunchRequest(open_client=int(client)), 3.0)
print(json.dumps({"won": won, "handed": handed}), flush=True)
"""

#: Takes the lock and waits to be killed (a crashed window's lock).
HOLD_LOCK = r"""
import sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from ckbook.ui.single_instance import SingleInstance
app = QCoreApplication([])
instance = SingleInstance(sys.argv[1], Path(sys.argv[2]))
print("locked" if instance.acquire() else "refused", flush=True)
time.sleep(60)
"""


def _python(script: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_one_notebook_one_key_whatever_the_spelling(tmp_path) -> None:  # type: ignore[no-untyped-def]
    book = tmp_path / "a" / "ckbook.sqlite3"
    book.parent.mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "a")
    assert notebook_key(str(book)) == notebook_key(str(tmp_path / "link" / "ckbook.sqlite3"))
    assert notebook_key(str(book)) == notebook_key(str(tmp_path / "a" / ".." / "a" / book.name))
    assert notebook_key(str(book)) != notebook_key(str(tmp_path / "b" / "ckbook.sqlite3"))


def test_a_second_launch_hands_its_request_to_the_first(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    book = str(tmp_path / "ckbook.sqlite3")
    first = SingleInstance(book, tmp_path)
    assert first.acquire()
    try:
        with qtbot.waitSignal(first.requested, timeout=10_000) as heard:
            second = _python(SECOND_LAUNCH, book, str(tmp_path), "12")
        out, err = second.communicate(timeout=10)
        assert json.loads(out) == {"won": False, "handed": True}, err
        assert heard.args == [LaunchRequest(open_client=12)]
    finally:
        first.release()


def test_another_notebook_runs_beside(tmp_path) -> None:  # type: ignore[no-untyped-def]
    first = SingleInstance(str(tmp_path / "one.sqlite3"), tmp_path)
    assert first.acquire()
    try:
        other = _python(SECOND_LAUNCH, str(tmp_path / "two.sqlite3"), str(tmp_path), "1")
        out, err = other.communicate(timeout=10)
        assert json.loads(out)["won"] is True, err
    finally:
        first.release()


def test_a_crashed_windows_lock_is_taken_over(tmp_path, qapp) -> None:  # type: ignore[no-untyped-def]
    book = str(tmp_path / "ckbook.sqlite3")
    holder = _python(HOLD_LOCK, book, str(tmp_path))
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        alive = SingleInstance(book, tmp_path)
        assert not alive.acquire()  # held by a live process: refused
        holder.send_signal(signal.SIGKILL)  # a crash: no unlock, the lock file stays
        holder.wait(timeout=5)
        assert alive.lock_path.exists()
        after_crash = SingleInstance(book, tmp_path)
        assert after_crash.acquire()
        after_crash.release()
    finally:
        if holder.poll() is None:
            holder.kill()
        holder.communicate(timeout=5)


@pytest.mark.parametrize("line", [b"", b"nonsense\n", b"[1]\n", b'{"open_client": "x"}\n'])
def test_a_stray_line_is_not_a_request(line: bytes) -> None:
    request = LaunchRequest.from_line(line)
    assert request is None or request.open_client is None


def test_the_window_comes_forward_and_opens_the_card(qtbot, notebook, tmp_path, now) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    ada = make_client(now, "Ada Lovelace")
    settings = QSettings(str(tmp_path / "ckbook.ini"), QSettings.Format.IniFormat)
    window = MainWindow(notebook, settings=settings)
    qtbot.addWidget(window)
    window.show()
    window.showMinimized()
    window.answer_launch(LaunchRequest(open_client=ada))
    assert not window.isMinimized()
    assert window.isVisible()
    assert window.card.client_id == ada

    window.hide()  # in the tray
    window.answer_launch(LaunchRequest(background=True))  # a start at login: stays there
    assert not window.isVisible()
    window.answer_launch(LaunchRequest())
    assert window.isVisible()
