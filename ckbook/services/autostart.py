"""Start at login on Linux desktops: an XDG autostart entry
(``$XDG_CONFIG_HOME/autostart/ckbook.desktop``, ``~/.config`` when unset).

Writing the entry turns it on, removing it turns it off; only the file ckbook wrote is touched.
The entry is written whole to a temporary file and renamed into place (a crash never leaves half
an entry), readable by all (0644, as desktop sessions expect), and its Exec line is quoted by the
Desktop Entry rules so a notebook path with spaces or quotes still works.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from ckbook import APP_ID

ENTRY_NAME = "ckbook.desktop"
#: Added to the command so a login start goes straight to the tray (when there is one).
BACKGROUND_FLAG = "--background"
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def autostart_dir(environ: Mapping[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    config = env.get("XDG_CONFIG_HOME", "")
    # The spec: a relative XDG_CONFIG_HOME is invalid and must be ignored.
    base = Path(config) if config and os.path.isabs(config) else Path.home() / ".config"
    return base / "autostart"


def autostart_file(environ: Mapping[str, str] | None = None) -> Path:
    return autostart_dir(environ) / ENTRY_NAME


def quote_exec_argument(argument: str) -> str:
    """One argument of an Exec line, by the Desktop Entry Specification."""
    if "\n" in argument or "\r" in argument:
        raise ValueError("an autostart command cannot contain a line break")
    text = argument.replace("%", "%%")
    if argument and not _RESERVED.intersection(argument):
        return text
    inner = "".join("\\" + c if c in '"`$\\' else c for c in text)
    quoted = f'"{inner}"'
    # The value is read as a string first, which turns "\\" into "\": double every backslash.
    return quoted.replace("\\", "\\\\")


def desktop_entry(command: Sequence[str]) -> str:
    exec_line = " ".join(quote_exec_argument(arg) for arg in command)
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=ckbook\n"
        "Comment=Client relationship notebook: reminders for promises and check-ins\n"
        f"Exec={exec_line}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def gui_command(which: Callable[[str], str | None] = shutil.which) -> list[str]:
    """How a desktop session starts this ckbook's window: the bundle's own program when frozen
    (PyInstaller), else the installed ``ckbook-gui``, else this interpreter."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    launcher = which("ckbook-gui")
    return [launcher] if launcher else [sys.executable, "-m", "ckbook.app"]


def ckbook_command() -> list[str]:
    """How to run this ckbook's command line (and, with no command, its window) in a new
    process: the bundle's own program when frozen, else this interpreter."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "ckbook"]


def launch_command(
    db: str | None = None, which: Callable[[str], str | None] = shutil.which
) -> list[str]:
    """How a login session starts this ckbook (``gui_command``), the notebook named explicitly
    when one was chosen with ``--db``."""
    command = gui_command(which)
    if db:
        command += ["--db", db if "://" in db else os.path.abspath(db)]
    return [*command, BACKGROUND_FLAG]


def autostart_enabled(environ: Mapping[str, str] | None = None) -> bool:
    return autostart_file(environ).is_file()


def set_autostart(
    enabled: bool, command: Sequence[str], environ: Mapping[str, str] | None = None
) -> Path:
    """Write (on) or remove (off) the autostart entry; returns its path. OSError on failure."""
    path = autostart_file(environ)
    if not enabled:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        return path
    text = desktop_entry(command)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=".ckbook-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    return path
