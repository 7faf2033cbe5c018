"""The app in a child process on a real PostgreSQL server, for the team e2e tests
(``test_team_live_e2e``, ``test_team_conflicts_e2e``): the child script (the real
``ckbook.app.main`` under offscreen Qt, reporting what its windows show as JSON lines and taking
commands on stdin), ``Window`` that runs and talks to it, the CLI as a process, and the fixtures
(a cluster of the importing module's own, a notebook on it holding one client, windows that are
quit at the end). A test module imports the fixtures it uses by name.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ckbook.services.clock import SystemClock
from ckbook.store.database import close_database, open_database
from tests.factories import make_client
from tests.pg_server import Cluster, NoServerError, own_cluster

REPO_ROOT = Path(__file__).resolve().parents[2]

#: The real app in a child process. It prints what the window shows as JSON lines whenever it
#: changes (the client list, the open card's promises — their count and each one's id, text and
#: due —, the offline state, the save state of the call or note being typed and whether it met a
#: conflict, and every dialog that opens: its kind, title, text and buttons) and takes commands on
#: stdin: "call ID" (open the client, start a call note), "type TEXT" (JSON: typed key by key into
#: the call or note), "add NAME" (add a client from the window), "open ID" (open the client's
#: card), "base PID" (the promise as the card shows it now: what the edit dialog would be based
#: on when opened now), "edit PID JSON" (save {"text", "due"} for the promise as the card's edit
#: dialog does, over that base), "note NID CLIENT" (open the note as the card's timeline does),
#: "end" (end the call), "close" (close the note's window), "click TEXT" (click the button of
#: that text in the dialog open now). Commands that may open a modal dialog run from a timer of
#: their own: Qt does not fire a timer again while its own slot waits in a nested event loop.
WINDOW_CHILD = r"""
import json, os, queue, sys, threading, time
from datetime import date
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel, QMessageBox
from shiboken6 import isValid
from ckbook import app as ckbook_app
from ckbook.services.due import Due

qt = QApplication(sys.argv[:1])
commands = queue.Queue()
threading.Thread(target=lambda: [commands.put(l.strip()) for l in sys.stdin], daemon=True).start()
shown = {}
typing = []
state = {"call": None, "editing": None, "bases": {}}

def say(**event):
    event["t"] = time.monotonic()
    print(json.dumps(event), flush=True)

def window():
    for widget in QApplication.topLevelWidgets():
        if type(widget).__name__ == "MainWindow" and widget.isVisible():
            return widget

def open_dialog():
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            return widget

def describe(dialog):
    if isinstance(dialog, QMessageBox):
        text = [dialog.text(), dialog.informativeText()]
    else:
        text = [label.text() for label in dialog.findChildren(QLabel)
                if label.isVisible() and label.text()]
    buttons = [b.text().replace("&", "") for b in dialog.findChildren(QAbstractButton)
               if b.isVisible()]
    return {"type": type(dialog).__name__, "title": dialog.windowTitle(), "text": text,
            "buttons": buttons}

def click(text):
    dialog = open_dialog()
    if dialog is not None:
        for button in dialog.findChildren(QAbstractButton):
            if button.isVisible() and button.text().replace("&", "") == text:
                button.click()
                return True
    return False

def editing():
    widget = state["editing"]
    return widget if widget is not None and isValid(widget) else None

def later(job):
    QTimer.singleShot(0, job)

def edit(main, pid, wanted):
    due = Due(date.fromisoformat(wanted["due"])) if wanted["due"] else None
    base = state["bases"].pop(pid, None)
    done = main.card.promises.apply_edit(pid, wanted["text"], due, base)
    say(edited=[pid, wanted["text"], done])

def end_call():
    call, state["call"], state["editing"] = state["call"], None, None
    call.end_call()
    say(ended=call.note_id)

def close_note():
    note = editing()
    note.close()
    say(closed=[note.note_id, not note.isVisible()])

def report():
    main = window()
    if main is None:
        return
    promises = main.card.promises.model
    rows = [promises.promise(row) for row in range(promises.rowCount())]
    now = {
        "clients": sorted(main.client_list.visible_client_ids()),
        "promises": promises.rowCount(),
        "promise_rows": [[p.id, p.text, p.due.date.isoformat() if p.due else None] for p in rows],
        "offline": not main.offline_label.isHidden(),
    }
    if editing() is not None:
        saver = editing().editor.autosaver
        now["save"] = saver.status
        now["conflict"] = None if saver.conflict is None else (
            "deleted" if saver.conflict.deleted else "changed")
    for key, value in now.items():
        if shown.get(key) != value:
            shown[key] = value
            say(**{key: value})
    dialog = open_dialog()
    if dialog is not None and not dialog.property("e2e_reported"):
        dialog.setProperty("e2e_reported", True)
        say(dialog=describe(dialog))
    if typing and editing() is not None:
        ch = typing.pop(0)
        editor = editing().editor.editor
        if ch == "\n":
            QTest.keyClick(editor, Qt.Key.Key_Return)
        else:
            QTest.keyClicks(editor, ch)
        if not typing:
            say(typed=editor.toPlainText())
    while not commands.empty():
        verb, _, rest = commands.get().partition(" ")
        if verb == "call":
            main.open_client(int(rest))
            main.trigger("call_note")
            tops = QApplication.topLevelWidgets()
            (call,) = [w for w in tops if type(w).__name__ == "CallWindow"]
            state["call"] = state["editing"] = call
            say(call=call.note_id)
        elif verb == "type":
            typing.extend(json.loads(rest))
        elif verb == "add":
            from ckbook.services.clients import ClientInput, add_client
            main.notebook.message.connect(lambda level, text: say(message=[level, text]))
            done = main.notebook.run(add_client, ClientInput(name=rest), main.notebook.now())
            say(added=done is not None)
        elif verb == "open":
            main.open_client(int(rest))
            say(opened=main.card.client_id)
        elif verb == "base":
            pid = int(rest)
            base = promises.promise(promises.row_of(pid))
            state["bases"][pid] = base
            say(base=[pid, base.version])
        elif verb == "edit":
            pid, _, wanted = rest.partition(" ")
            later(lambda pid=int(pid), wanted=json.loads(wanted): edit(main, pid, wanted))
        elif verb == "note":
            note_id, client_id = (int(part) for part in rest.split())
            state["editing"] = main.note_opener(note_id, client_id, "call")
            say(note=state["editing"].note_id)
        elif verb == "end":
            later(end_call)
        elif verb == "close":
            later(close_note)
        elif verb == "click":
            say(clicked=[rest, click(rest)])

timer = QTimer()
timer.timeout.connect(report)
timer.start(20)
sys.exit(ckbook_app.main(["--db", sys.argv[1]]))
"""


def _env(home: Path, runtime: Path | None = None) -> dict[str, str]:
    """A child's environment: offscreen Qt, folders of its own under ``home``, and a window's
    own runtime folder, so two windows on one notebook are two people's (the single-instance
    guard lives there: sharing it, the second launch would hand over to the first)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    if runtime is not None:
        env["XDG_RUNTIME_DIR"] = str(runtime)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        PYTHONPATH=os.pathsep.join(p for p in (str(REPO_ROOT), env.get("PYTHONPATH", "")) if p),
    )
    return env


class Window:
    """The app in a child process: its events, and commands to it."""

    def __init__(self, url: str, home: Path) -> None:
        self.err = home / "window.err"
        # Short, under /tmp: a local socket's path has a length limit tmp_path may pass.
        self.runtime = Path(tempfile.mkdtemp(prefix="ckbook-rt-"))
        with self.err.open("w") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-u", "-c", WINDOW_CHILD, url],
                env=_env(home, self.runtime),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=err,
                text=True,
            )
        self._events: queue.Queue[dict[str, Any] | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        #: The last event read that reported each key.
        self.latest: dict[str, dict[str, Any]] = {}

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            try:
                event = json.loads(line)
            except ValueError:
                continue
            if isinstance(event, dict):
                self._events.put(event)
        self._events.put(None)
        self.proc.stdout.close()

    def send(self, command: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()

    def wait_for(self, key: str, want: Any = None, timeout: float = 20.0) -> dict[str, Any]:
        """The event that says the window shows ``key`` with the value ``want`` (or a value
        ``want`` says yes to when it is a function; any value when None): the last one read if
        it does (events of two keys may come in either order), else the next one that does."""

        def matches(event: dict[str, Any]) -> bool:
            value = event[key]
            return want is None or bool(want(value) if callable(want) else value == want)

        latest = self.latest.get(key)
        if latest is not None and matches(latest):
            return latest
        deadline = time.monotonic() + timeout
        while True:
            try:
                event = self._events.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                last = self.latest.get(key, {}).get(key)
                pytest.fail(
                    f"the window never reported {key}={want!r} (last: {last!r}); log:\n{self.log()}"
                )
            if event is None:
                pytest.fail(f"the window exited ({self.proc.wait()}); log:\n{self.log()}")
            for name in event:
                self.latest[name] = event
            if key in event and matches(event):
                return event

    def log(self) -> str:
        return self.err.read_text()[-4000:]

    def quit(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                # Hung: SIGABRT makes faulthandler write every thread's stack to the log folder.
                self.proc.send_signal(signal.SIGABRT)
                try:
                    self.proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait(timeout=10)
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        shutil.rmtree(self.runtime, ignore_errors=True)
        return int(self.proc.returncode)


def cli(url: str, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ckbook", "--db", url, *args],
        env=_env(home),
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    try:
        with own_cluster() as own:
            yield own
    except NoServerError as exc:
        if os.environ.get("CI"):
            pytest.fail(f"CI runs the PostgreSQL tests, but: {exc}")
        pytest.skip(f"no PostgreSQL cluster of our own: {exc}")


_numbers = iter(range(1, 1000))


@pytest.fixture
def notebook_url(cluster: Cluster) -> Iterator[tuple[str, int]]:
    """A server notebook holding one client (Ada); (its URL, Ada's id)."""
    name = f"live_e2e_{next(_numbers)}"
    cluster.server.admin(f"CREATE DATABASE {name}")
    url = cluster.server.url(name)
    opened = open_database(url)
    try:
        ada = make_client(SystemClock().now(), "Ada Lovelace")
    finally:
        close_database(opened)
    try:
        yield url, ada
    finally:
        cluster.start_if_stopped()
        cluster.server.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def open_window(tmp_path: Path) -> Iterator[Any]:
    windows: list[Window] = []

    def start(url: str) -> Window:
        home = tmp_path / f"home{len(windows)}"
        home.mkdir()
        window = Window(url, home)
        windows.append(window)
        return window

    yield start
    for window in windows:
        window.quit()


def saved(status: str) -> bool:
    return status.startswith("Saved")
