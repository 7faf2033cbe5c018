"""A real, private desktop session for end-to-end tests: Xvfb + window manager (openbox) + session
bus + tray host + dunst.

`desktop` (per test) gives a test:
  .env                    full environment for a subprocess (os.environ plus DISPLAY,
                          DBUS_SESSION_BUS_ADDRESS, QT_QPA_PLATFORM=xcb, ...); it overrides an
                          inherited QT_QPA_PLATFORM=offscreen
  .display, .bus_address  the raw values
  .notifications()        what dunst received during this test, parsed from `dunst -print`
  .wait_for_notifications(n)  the same, waiting until at least n arrived
  .invoke_action(action, notification_id=None)
                          press an action of a shown notification (dunstctl context + dmenu stub)
  .displayed_count()      how many notifications are on screen now
  .dunst_errors()         dunst's stderr during this test (e.g. markup it could not parse)
  .spawn_python(script)   a `python -c` child on this desktop; .next_event() reads its JSON lines

`spare_bus` gives a second, private bus with its own dunst that a test may kill (.kill_bus()).

The processes are started once per session (about a second) and shared; each test starts with no
notification on screen and sees only what was printed after it began.

Needs Xvfb, dbus-daemon, trayer, dunst, dunstctl, dbus-send (`.ci/install-system-deps`). A missing
one skips the test locally but fails it in CI (CI=true), so CI cannot go green by testing nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import json
import os
import queue
import re
import selectors
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pytest
from jeepney import message_bus
from jeepney.io.blocking import open_dbus_connection

REPO_ROOT = Path(__file__).resolve().parents[2]
REQUIRED_BINARIES = ("Xvfb", "openbox", "dbus-daemon", "dbus-send", "trayer", "dunst", "dunstctl")
START_TIMEOUT_S = 10.0
SETPRIV = shutil.which("setpriv")  # util-linux, essential on Debian/Ubuntu

# A bus of our own with no service directories: nothing gets auto-activated (Debian's dunst ships
# an activation file that would start a second, unconfigured dunst on the wrong display).
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={dir}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""

# dunst runs `dmenu` with one line per action, like "#Done (Promise due) [2,done]", and invokes the
# line printed back. This stand-in prints the first line containing the text in dmenu-want.txt
# (",done]" or "[7,done]"), and records what it was offered, for the failure message.
DMENU_SCRIPT = """#!/bin/sh
dir='{dir}'
offers=$(cat)
printf '%s\\n' "$offers" > "$dir/dmenu-offered.txt"
want=$(cat "$dir/dmenu-want.txt")
picked=$(printf '%s\\n' "$offers" | grep -F -- "$want" | head -n 1)
printf '%s\\n' "$picked" > "$dir/dmenu-picked.tmp"
mv "$dir/dmenu-picked.tmp" "$dir/dmenu-picked.txt"
printf '%s\\n' "$picked"
"""

DUNSTRC = """[global]
    dmenu = {dmenu}
    # No mouse in Xvfb, and nothing should disappear before a test presses its action.
    mouse_left_click = none
    mouse_middle_click = none
    mouse_right_click = none
[urgency_low]
    timeout = 0
[urgency_normal]
    timeout = 0
[urgency_critical]
    timeout = 0
"""


def _missing(what: str) -> None:
    """Skip locally, fail in CI: CI must never pass by silently not running the e2e tests."""
    message = f"e2e desktop unavailable: {what}. Install with: sudo .ci/install-system-deps"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def _terminate(proc: subprocess.Popen[Any]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=3)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=3)


def stop_app(app: subprocess.Popen[Any]) -> int:
    """End a ckbook under test as a logout would (SIGTERM: pending saves are written) and return
    its exit status; one that hangs gets SIGABRT, so faulthandler writes every thread's stack to
    its log, then SIGKILL."""
    if app.poll() is None:
        app.terminate()
        try:
            app.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app.send_signal(signal.SIGABRT)
            try:
                app.wait(timeout=5)
            except subprocess.TimeoutExpired:
                app.kill()
                app.wait(timeout=5)
    return int(app.returncode)


def _wait_until(what: str, check: Any, procs: dict[str, subprocess.Popen[Any]], logs: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if check():
            return
        for name, proc in procs.items():
            if proc.poll() is not None:
                raise RuntimeError(
                    f"{name} exited with {proc.returncode} while waiting for {what}; "
                    f"see {logs}/{name}.err"
                )
        time.sleep(0.02)
    raise RuntimeError(f"timed out waiting for {what}; logs in {logs}")


@functools.cache
def _x11() -> ctypes.CDLL:
    # ctypes on libX11 rather than a helper binary: no xprop/xdotool query reports selection owners.
    lib = ctypes.util.find_library("X11")  # runs ldconfig: once, not per poll
    if lib is None:
        raise RuntimeError("libX11 not found (apt-get install libx11-6)")
    x11 = ctypes.CDLL(lib)
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x11.XGetSelectionOwner.restype = ctypes.c_ulong
    x11.XGetSelectionOwner.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    return x11


def _selection_owned(display: str, selection: bytes) -> bool:
    """True once someone owns ``selection`` on ``display``."""
    x11 = _x11()
    dpy = x11.XOpenDisplay(display.encode())
    if not dpy:
        return False
    try:
        atom = x11.XInternAtom(dpy, selection, 0)
        return x11.XGetSelectionOwner(dpy, atom) != 0
    finally:
        x11.XCloseDisplay(dpy)


def _tray_owned(display: str) -> bool:
    """True once a tray host owns the _NET_SYSTEM_TRAY_S0 selection (what Qt checks)."""
    return _selection_owned(display, b"_NET_SYSTEM_TRAY_S0")


def _window_manager_running(display: str) -> bool:
    """True once a window manager owns WM_S0 (ICCCM: the manager of screen 0)."""
    return _selection_owned(display, b"WM_S0")


def _name_owned(bus_address: str, name: str) -> bool:
    try:
        with open_dbus_connection(bus=bus_address, auth_timeout=1.0) as conn:
            reply = conn.send_and_get_reply(message_bus.NameHasOwner(name), timeout=1.0)
    except (OSError, TimeoutError):
        return False
    return bool(reply.body[0])


def parse_dunst_print(text: str) -> list[dict[str, Any]]:
    """Parse `dunst -print` output (dunst 1.9) into one dict per notification.

    Each notification is a `{ ... }` block of tab-indented `key: value` lines; strings are quoted
    with '...' and may span lines (a multi-line body); `actions` is a nested `{ "k": "v" }` block.
    """
    notifications: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    last_key: str | None = None
    in_actions = False
    for line in text.split("\n"):
        if current is None:
            if line == "{":
                current, last_key, in_actions = {}, None, False
            continue
        if in_actions:
            if line.strip() == "}":
                in_actions = False
            elif m := re.fullmatch(r'\t\t"(.*)": "(.*)"', line):
                current["actions"][m.group(1)] = m.group(2)
            continue
        if line == "}":
            for key, value in current.items():
                if isinstance(value, str) and len(value) >= 2 and value[0] == value[-1] == "'":
                    current[key] = value[1:-1]
            notifications.append(current)
            current = None
            continue
        if line == "\tactions: {":
            current["actions"] = {}
            in_actions = True
        elif m := re.fullmatch(r"\t([a-z_][a-z_ ]*): ?(.*)", line):
            last_key = m.group(1)
            current[last_key] = m.group(2)
        elif last_key is not None:
            current[last_key] += "\n" + line  # continuation of a multi-line value
    return notifications


@dataclass
class DesktopSession:
    """The shared processes; tests use the per-test `Desktop` view below."""

    root: Path
    display: str
    bus_address: str
    env: dict[str, str]
    dunst_out: Path
    dunst_err: Path
    procs: dict[str, subprocess.Popen[Any]] = field(default_factory=dict)

    def check_alive(self) -> None:
        for name, proc in self.procs.items():
            if proc.poll() is not None:
                pytest.fail(f"{name} died (exit {proc.returncode}); logs in {self.root}")


class PythonChild:
    """A `python -c` child in the desktop's environment that reports events as JSON lines."""

    def __init__(self, script: str, env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-u", "-c", script],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self._lines: queue.Queue[str | None] = queue.Queue()
        # A reader thread, so a test can wait for the next line with a timeout.
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self._lines.put(line.rstrip("\n"))
        self._lines.put(None)

    def next_event(self, timeout: float = 5.0) -> dict[str, Any]:
        """The next JSON object the child printed; fails the test on timeout or exit."""
        deadline = time.monotonic() + timeout
        while True:
            timed_out = False
            try:
                line = self._lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                line, timed_out = None, True
            # Failing outside the except block keeps queue.Empty out of the report.
            if timed_out:
                pytest.fail(f"child printed nothing within {timeout}s; stderr:\n{self.stderr()}")
            if line is None:
                pytest.fail(f"child exited ({self.proc.wait()}) early; stderr:\n{self.stderr()}")
            try:
                event = json.loads(line)
            except ValueError:
                continue  # stray output (e.g. a library's print) is not an event
            if isinstance(event, dict):
                return event

    def stderr(self) -> str:
        """The child's stderr, after ending it if it still runs."""
        self.close()
        assert self.proc.stderr is not None
        return self.proc.stderr.read() if not self.proc.stderr.closed else ""

    def wait(self, timeout: float = 5.0) -> int:
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            pytest.fail(f"child still running after {timeout}s; stderr:\n{self.stderr()}")

    def close(self) -> None:
        _terminate(self.proc)
        self._reader.join(timeout=3)


class Desktop:
    """One test's view of the shared desktop: output read from where this test began."""

    def __init__(self, session: DesktopSession) -> None:
        self._s = session
        self._children: list[PythonChild] = []
        self.env = dict(session.env)
        self.display = session.display
        self.bus_address = session.bus_address
        self.root = session.root
        self._out_start = session.dunst_out.stat().st_size
        self._err_start = session.dunst_err.stat().st_size

    def _read_from(self, path: Path, start: int) -> str:
        with path.open("rb") as f:
            f.seek(start)
            return f.read().decode("utf-8", "replace")

    def notifications(self) -> list[dict[str, Any]]:
        """Notifications dunst received since this test began: dicts with appname, summary,
        body (as sent, i.e. markup-escaped), id (str), actions ({action_key: label}), ..."""
        return parse_dunst_print(self._read_from(self._s.dunst_out, self._out_start))

    def wait_for_notifications(self, count: int, timeout: float = 5.0) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while True:
            found = self.notifications()
            if len(found) >= count or time.monotonic() > deadline:
                return found
            time.sleep(0.02)

    def spawn_python(self, script: str) -> PythonChild:
        """Run `script` in a fresh interpreter on this desktop (ended after the test)."""
        child = PythonChild(script, self.env)
        self._children.append(child)
        return child

    def cleanup(self) -> None:
        for child in self._children:
            child.close()
            for pipe in (child.proc.stdout, child.proc.stderr):
                if pipe is not None:
                    pipe.close()

    def displayed_count(self) -> int:
        """How many notifications dunst shows right now."""
        out = subprocess.run(
            ["dunstctl", "count", "displayed"],
            env=self.env,
            check=True,
            timeout=5,
            capture_output=True,
            text=True,
        )
        return int(out.stdout.strip())

    def dunst_errors(self) -> str:
        return self._read_from(self._s.dunst_err, self._err_start)

    def invoke_action(self, action: str, notification_id: int | None = None) -> str:
        """Press `action` (its key, e.g. "done") on a shown notification, as a user would.

        With several notifications offering the same action, pass `notification_id` to choose.
        Returns the dmenu line that was picked; fails the test when no shown notification offers it.
        """
        want = f"[{notification_id},{action}]" if notification_id is not None else f",{action}]"
        (self.root / "dmenu-want.txt").write_text(want)
        picked_file = self.root / "dmenu-picked.txt"
        picked_file.unlink(missing_ok=True)
        subprocess.run(
            ["dunstctl", "context"], env=self.env, check=True, timeout=5, capture_output=True
        )
        # dunst may run dmenu after dunstctl returned; wait for the script to have answered.
        deadline = time.monotonic() + 5
        while not picked_file.exists():
            if time.monotonic() > deadline:
                pytest.fail("dunst never ran the dmenu script (no notification shown?)")
            time.sleep(0.02)
        picked = picked_file.read_text().strip()
        if not picked:
            offered_file = self.root / "dmenu-offered.txt"
            offered = offered_file.read_text() if offered_file.exists() else ""
            pytest.fail(f"no shown notification offers action {want!r}; dunst offered:\n{offered}")
        return picked


def _start(
    name: str,
    args: list[str],
    env: dict[str, str],
    root: Path,
    stdout: IO[bytes] | int | None = None,
    pass_fds: tuple[int, ...] = (),
) -> subprocess.Popen[bytes]:
    err = (root / f"{name}.err").open("wb")
    if SETPRIV:
        # If pytest dies without teardown (killed, crashed), the helpers get SIGTERM instead of
        # living on as orphans holding a display and a bus.
        args = [SETPRIV, "--pdeathsig", "TERM", "--", *args]
    try:
        return subprocess.Popen(
            args,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=stdout if stdout is not None else err,
            stderr=err,
            pass_fds=pass_fds,
            # Own process group: a Ctrl+C on pytest does not hit the helpers mid-teardown.
            start_new_session=True,
        )
    finally:
        err.close()  # the child holds its own copy


def _read_line(fd: int, what: str, proc: subprocess.Popen[Any]) -> str:
    """Read one line from a pipe the child writes to, with a deadline."""
    data = b""
    with selectors.DefaultSelector() as sel:
        sel.register(fd, selectors.EVENT_READ)
        deadline = time.monotonic() + START_TIMEOUT_S
        while not data.endswith(b"\n"):
            remaining = deadline - time.monotonic()
            if remaining <= 0 or (proc.poll() is not None and not sel.select(0)):
                raise RuntimeError(f"{what}: no answer (exit {proc.poll()})")
            if sel.select(min(remaining, 0.1)):
                chunk = os.read(fd, 256)
                if not chunk:
                    raise RuntimeError(f"{what}: closed its pipe (exit {proc.poll()})")
                data += chunk
    return data.decode().strip()


def _start_bus(root: Path, env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str]:
    """Start a private session bus whose socket lives in `root`; return it and its address."""
    bus_conf = root / "bus.conf"
    bus_conf.write_text(BUS_CONFIG.format(dir=root))
    r, w = os.pipe()
    try:
        # --nofork (not --fork): the daemon stays our child, so teardown can always end it.
        bus = _start(
            "dbus-daemon",
            ["dbus-daemon", f"--config-file={bus_conf}", "--nofork", f"--print-address={w}"],
            env,
            root,
            pass_fds=(w,),
        )
        os.close(w)
        w = -1
        try:
            return bus, _read_line(r, "dbus-daemon --print-address", bus)
        except RuntimeError:
            _terminate(bus)
            raise
    finally:
        os.close(r)
        if w >= 0:
            os.close(w)


@pytest.fixture(scope="session")
def desktop_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DesktopSession]:
    missing = [b for b in REQUIRED_BINARIES if shutil.which(b) is None]
    if missing:
        _missing(f"missing {', '.join(missing)}")
    if ctypes.util.find_library("X11") is None:
        _missing("missing libX11")

    # Short path: the bus socket lives here and unix socket paths are limited to 107 bytes.
    root = tmp_path_factory.mktemp("desktop")
    runtime = root / "xdg-runtime"
    runtime.mkdir(mode=0o700)
    base_env = {
        k: v
        for k, v in os.environ.items()
        # Anything that could point a child at the developer's real desktop.
        if k not in ("WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "XAUTHORITY")
        and not k.startswith("QT_")
    }
    base_env["XDG_RUNTIME_DIR"] = str(runtime)
    base_env["NO_AT_BRIDGE"] = "1"  # trayer (GTK2) would look for an accessibility bus
    procs: list[tuple[str, subprocess.Popen[Any]]] = []
    try:
        # Xvfb picks a free display itself and writes its number to -displayfd: no guessing.
        r, w = os.pipe()
        try:
            xvfb = _start(
                "Xvfb",
                # -noreset: without it the server resets whenever its last client disconnects
                # (our readiness probe, for one), dropping anyone who connects meanwhile.
                [
                    "Xvfb",
                    "-displayfd",
                    str(w),
                    "-screen",
                    "0",
                    "1280x800x24",
                    "-nolisten",
                    "tcp",
                    "-noreset",
                ],
                base_env,
                root,
                pass_fds=(w,),
            )
            procs.append(("Xvfb", xvfb))
            os.close(w)
            w = -1
            display = ":" + _read_line(r, "Xvfb -displayfd", xvfb)
        finally:
            os.close(r)
            if w >= 0:
                os.close(w)

        bus, bus_address = _start_bus(root, base_env)
        procs.append(("dbus-daemon", bus))

        env = {
            **base_env,
            "DISPLAY": display,
            "DBUS_SESSION_BUS_ADDRESS": bus_address,
            "QT_QPA_PLATFORM": "xcb",
            "XDG_SESSION_TYPE": "x11",
            "PYTHONPATH": os.pathsep.join(
                p for p in (str(REPO_ROOT), base_env.get("PYTHONPATH", "")) if p
            ),
        }

        # A window manager: without one, X focus falls back to the root window when a popup
        # closes, and nothing brings a window forward (RELIABILITY, "Running the real window").
        procs.append(("openbox", _start("openbox", ["openbox", "--sm-disable"], env, root)))
        _wait_until(
            "the window manager", lambda: _window_manager_running(display), dict(procs), root
        )
        procs.append(("trayer", _start("trayer", ["trayer", "--expand", "false"], env, root)))

        dmenu = root / "dmenu.sh"
        dmenu.write_text(DMENU_SCRIPT.format(dir=root))
        dmenu.chmod(0o755)
        (root / "dmenu-want.txt").write_text("")
        dunstrc = root / "dunstrc"
        dunstrc.write_text(DUNSTRC.format(dmenu=dmenu))
        dunst_out = root / "dunst.out"
        with dunst_out.open("wb") as out:
            dunst = _start("dunst", ["dunst", "-config", str(dunstrc), "-print"], env, root, out)
        procs.append(("dunst", dunst))

        all_procs = dict(procs)
        _wait_until("the tray host", lambda: _tray_owned(display), all_procs, root)
        _wait_until(
            "dunst on the bus",
            lambda: _name_owned(bus_address, "org.freedesktop.Notifications"),
            all_procs,
            root,
        )
        session = DesktopSession(
            root=root,
            display=display,
            bus_address=bus_address,
            env=env,
            dunst_out=dunst_out,
            dunst_err=root / "dunst.err",
            procs=dict(procs),
        )
        yield session
    except RuntimeError as exc:
        pytest.fail(f"could not start the e2e desktop: {exc}", pytrace=False)
    finally:
        for _, proc in reversed(procs):
            _terminate(proc)


@pytest.fixture
def desktop(desktop_session: DesktopSession) -> Iterator[Desktop]:
    desktop_session.check_alive()
    # A clean screen: what an earlier test left shown must not answer this test's actions.
    subprocess.run(
        ["dunstctl", "close-all"],
        env=desktop_session.env,
        check=True,
        timeout=5,
        capture_output=True,
    )
    view = Desktop(desktop_session)
    try:
        yield view
    finally:
        view.cleanup()


@dataclass
class SpareBus:
    """A second session bus with its own dunst, for tests that take the bus away."""

    address: str
    bus: subprocess.Popen[bytes]
    dunst: subprocess.Popen[bytes]

    def kill_bus(self) -> None:
        """End the bus daemon abruptly, as when a desktop session dies under the app."""
        self.bus.kill()
        self.bus.wait(timeout=3)


@pytest.fixture
def spare_bus(
    desktop_session: DesktopSession, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SpareBus]:
    root = tmp_path_factory.mktemp("bus")
    bus, address = _start_bus(root, desktop_session.env)
    env = {**desktop_session.env, "DBUS_SESSION_BUS_ADDRESS": address}
    dunstrc = root / "dunstrc"
    dunstrc.write_text(DUNSTRC.format(dmenu="/bin/false"))
    dunst = _start("dunst", ["dunst", "-config", str(dunstrc)], env, root)
    try:
        try:
            _wait_until(
                "the spare dunst on its bus",
                lambda: _name_owned(address, "org.freedesktop.Notifications"),
                {"dbus-daemon": bus, "dunst": dunst},
                root,
            )
        except RuntimeError as exc:
            pytest.fail(str(exc), pytrace=False)
        yield SpareBus(address=address, bus=bus, dunst=dunst)
    finally:
        _terminate(dunst)
        _terminate(bus)
