"""The PyInstaller one-folder bundle builds with one command, carries its migrations, icons and
guide, runs its command line on a demo notebook, and starts the window offscreen on it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ckbook import APP_ID, __version__
from tests.ui.test_screenshot_scripts import load

pytestmark = pytest.mark.bundle

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def program(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    pytest.importorskip("PyInstaller", reason="pip install -e '.[test]' brings PyInstaller")
    dist = tmp_path_factory.mktemp("bundle")
    # The build in its own process, as `make bundle` runs it.
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "bundle.py"), "--dist", str(dist / "dist")],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    found = dist / "dist" / "ckbook" / "ckbook"
    assert found.is_file()
    return found


@pytest.fixture
def home(tmp_path) -> dict[str, str]:  # type: ignore[no-untyped-def]
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "VIRTUAL_ENV", "CKBOOK"))  # nothing of this venv
    }
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_STATE_HOME=str(tmp_path / "state"),
    )
    return env


def run(program: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(program), *args], capture_output=True, text=True, env=env, timeout=120, cwd="/"
    )


def test_the_bundle_carries_migrations_icons_and_the_guide(program):
    internal = program.parent / "_internal" / "ckbook"
    shipped = {p.name for p in (ROOT / "ckbook" / "store" / "migrations").glob("0*.py")}
    assert shipped and shipped <= {p.name for p in (internal / "store" / "migrations").iterdir()}
    resources = internal / "resources"
    assert (resources / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (resources / "icons" / "call.svg").is_file()
    assert (resources / "guide.md").is_file()
    assert (resources / "guide_de.md").is_file()
    assert (resources / "translations" / "ckbook_de.qm").is_file()
    assert (resources / "translations" / "en_plurals.json").is_file()
    # Qt's own German (standard buttons), which PyInstaller's Qt hooks collect.
    qt_translations = program.parent / "_internal" / "PySide6" / "Qt" / "translations"
    assert (qt_translations / "qtbase_de.qm").is_file()


def test_the_bundled_command_line_makes_and_reads_a_demo_notebook(program, home, tmp_path):
    assert run(program, home, "--version").stdout.strip() == f"ckbook {__version__}"
    notebook = str(tmp_path / "demo.sqlite3")
    made = run(program, home, "demo", "--db", notebook, "--clients", "12")
    assert made.returncode == 0, made.stderr
    listed = run(program, home, "clients", "--db", notebook, "--json")
    assert listed.returncode == 0 and listed.stdout.count('"name"') == 12, listed.stderr
    due = run(program, home, "due", "--db", notebook, "--now", "2026-11-18T10:00")
    assert due.returncode == 0 and "as of Wed 18 Nov 2026 10:00" in due.stdout, due.stderr
    installed = run(program, home, "--install-desktop")
    assert installed.returncode == 0, installed.stderr
    launcher = Path(home["XDG_DATA_HOME"]) / "applications" / f"{APP_ID}.desktop"
    assert f"Exec={program}\n" in launcher.read_text(encoding="utf-8")  # the bundle starts itself


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_bundled_window_starts_offscreen_on_the_demo_notebook(
    program, home, tmp_path, language
):
    if language == "de":  # a German desktop: ckbook's and Qt's German found in the bundle
        home.pop("LC_ALL", None)
        home.update(LANG="de_DE.UTF-8", LANGUAGE="de")
    notebook = str(tmp_path / "demo.sqlite3")
    assert run(program, home, "demo", "--db", notebook, "--clients", "12").returncode == 0
    window = subprocess.Popen(
        [str(program), "--db", notebook, "--now", "2026-11-18T10:00"],
        env=home,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    log_file = Path(home["XDG_STATE_HOME"]) / "ckbook" / "log" / "ckbook.log"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and window.poll() is None:
            if log_file.exists() and "window shown" in log_file.read_text(encoding="utf-8"):
                break
            time.sleep(0.2)
        assert window.poll() is None, window.communicate()[1][-3000:]  # still running
        window.send_signal(signal.SIGTERM)  # quits cleanly, saving what is pending
        _out, err = window.communicate(timeout=30)
    finally:
        if window.poll() is None:
            window.kill()
            window.communicate()
    assert window.returncode == 0, err[-3000:]
    text = log_file.read_text(encoding="utf-8")
    assert "window shown" in text and "page today" in text, text
    if language == "de":
        assert "language de, Qt's own text too" in text, text
    assert "Traceback" not in text and "ModuleNotFoundError" not in err, err[-3000:]


def test_the_build_script_collects_the_whole_package():
    arguments = load("bundle").arguments(Path("/dist"), Path("/work"))
    assert arguments[arguments.index("--collect-submodules") + 1] == "ckbook"
    assert any(a.endswith(f"{os.pathsep}ckbook/store/migrations") for a in arguments)
