"""What the application menu runs: the Exec line ``ckbook --install-desktop`` writes from this
venv starts the window (offscreen here) on a notebook, and quits cleanly."""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import sys
import time
from configparser import ConfigParser
from pathlib import Path

from ckbook import APP_ID


def test_the_installed_launchers_exec_line_opens_the_window(tmp_path):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "ckbook", "--install-desktop"], env=env, capture_output=True
    )
    assert done.returncode == 0, done.stderr
    entry = ConfigParser(interpolation=None)
    entry.read(tmp_path / "data" / "applications" / f"{APP_ID}.desktop", encoding="utf-8")
    command = shlex.split(entry["Desktop Entry"]["Exec"])  # no field codes, simple quoting
    assert Path(command[0]).is_absolute() and os.access(command[0], os.X_OK)
    notebook = tmp_path / "notebook.sqlite3"
    made = subprocess.run(
        [sys.executable, "-m", "ckbook", "demo", "--db", str(notebook), "--clients", "5"],
        env=env,
        capture_output=True,
    )
    assert made.returncode == 0, made.stderr
    window = subprocess.Popen(
        [*command, "--db", str(notebook)], env=env, stderr=subprocess.PIPE, text=True
    )
    log_file = tmp_path / "state" / "ckbook" / "log" / "ckbook.log"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and window.poll() is None:
            if log_file.exists() and "window shown" in log_file.read_text(encoding="utf-8"):
                break
            time.sleep(0.2)
        assert window.poll() is None, window.communicate()[1][-3000:]
        window.send_signal(signal.SIGTERM)
        _out, err = window.communicate(timeout=30)
    finally:
        if window.poll() is None:
            window.kill()
            window.communicate()
    assert window.returncode == 0, err[-3000:]
    assert "window shown" in log_file.read_text(encoding="utf-8")
