"""End-to-end: one window per notebook, on a real X server with a window manager (openbox).

The real app (``python -m ckbook``) opens notebook A; a second app on notebook B runs beside it and
takes the focus; then ``ckbook --db A --open-client ID`` exits 0 at once, and A's window is the
active one again, showing that client's card. Nothing of A starts twice (one process on A).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from ckbook.services.clock import SystemClock
from ckbook.store.database import close_database, open_database
from tests.e2e.conftest import stop_app
from tests.factories import make_client

pytestmark = pytest.mark.e2e


def _notebook(path: Path, name: str) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    opened = open_database(str(path))
    try:
        return make_client(SystemClock().now(), name)
    finally:
        close_database(opened)


def _xdotool(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        ["xdotool", *args], env=env, capture_output=True, text=True, timeout=5, check=False
    )
    return done.stdout.strip()


def _active_title(env: dict[str, str]) -> str:
    return _xdotool(env, "getactivewindow", "getwindowname")


def _wait(what: str, check, timeout: float = 15.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.1)


class App:
    def __init__(self, env: dict[str, str], log: Path, *args: str) -> None:
        self.log_path = log
        self._log = log.open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "ckbook", *args],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self) -> int:
        code = stop_app(self.proc)
        self._log.close()
        return code


def test_a_second_launch_brings_the_first_window_forward_and_exits(desktop, tmp_path) -> None:  # type: ignore[no-untyped-def]
    book_a = tmp_path / "a" / "ckbook.sqlite3"
    book_b = tmp_path / "b" / "ckbook.sqlite3"
    ada = _notebook(book_a, "Ada Lovelace")
    _notebook(book_b, "Grace Hopper")
    env = {**desktop.env, "XDG_CONFIG_HOME": str(tmp_path / "config"), "PYTHONFAULTHANDLER": "1"}
    title_a = f"ckbook — {book_a}"
    title_b = f"ckbook — {book_b}"

    first = App(env, tmp_path / "a.log", "--db", str(book_a))
    beside = None
    try:
        _wait("A's window to be active", lambda: _active_title(env) == title_a)
        # Another notebook runs beside it (its own window, which takes the focus).
        beside = App(env, tmp_path / "b.log", "--db", str(book_b))
        _wait("B's window to be active", lambda: _active_title(env) == title_b)
        assert beside.proc.poll() is None, beside.log()

        started = time.monotonic()
        second = subprocess.run(
            [sys.executable, "-m", "ckbook", "--db", str(book_a), "--open-client", str(ada)],
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
        )
        handed_over_s = time.monotonic() - started
        assert second.returncode == 0, second.stderr
        assert "brought its window forward" in second.stderr
        _wait("A's window to come forward", lambda: _active_title(env) == title_a)
        assert _wait("A to open the client's card", lambda: f"opened client {ada}" in first.log())
        # Still one window per notebook: the second launch never opened one.
        assert len(_xdotool(env, "search", "--name", f"^{title_a}$").split()) == 1
        assert first.proc.poll() is None and beside.proc.poll() is None
        print(f"second launch handed over and exited in {handed_over_s:.2f} s")
    finally:
        codes = [first.stop()] + ([beside.stop()] if beside else [])
    assert codes == [0] * len(codes), first.log()
    assert "Traceback" not in first.log(), first.log()
