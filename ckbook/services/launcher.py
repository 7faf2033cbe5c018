"""Installing ckbook into the current user's desktop (``ckbook --install-desktop``; undone by
``--uninstall-desktop``): the launcher
in the application menu and the application icon in the hicolor theme, under the XDG data home
(``~/.local/share`` when unset), copied from the files shipped in the package.

Only files ckbook wrote are ever replaced: each installed file's SHA-256 is recorded in
``desktop-install.json`` in ckbook's data folder. A file already at a target that matches neither
that record nor what would be written is someone else's; it is left alone and named in the
report. The launcher's Exec and TryExec name this very ckbook (a venv's interpreter or a bundle's
program), so the menu entry works without the venv on PATH and hides itself once that ckbook is
gone.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ckbook import resources
from ckbook.i18n import tr
from ckbook.paths import data_dir
from ckbook.services.autostart import gui_command, quote_exec_argument
from ckbook.store.output import atomic_output

RECORD_NAME = "desktop-install.json"


@dataclass(frozen=True)
class InstallReport:
    """What ``install_desktop`` did with each target."""

    written: tuple[Path, ...]
    unchanged: tuple[Path, ...]
    refused: tuple[Path, ...]  # someone else's file: left as it was

    def lines(self, *, removed: bool = False) -> list[str]:
        """One line per file: written (``removed`` when uninstalling), up to date, left alone."""
        done = tr("removed {file}") if removed else tr("installed {file}")
        said = [done.format(file=path) for path in self.written]
        said += [tr("up to date {file}").format(file=path) for path in self.unchanged]
        left = tr("left alone {file} (not written by ckbook; remove it to install ours)")
        said += [left.format(file=path) for path in self.refused]
        return said


def data_home(environ: Mapping[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    value = env.get("XDG_DATA_HOME", "")
    # The spec: a relative value is invalid and must be ignored.
    return Path(value) if value and os.path.isabs(value) else Path.home() / ".local" / "share"


def launcher_text(command: Sequence[str]) -> str:
    """The shipped launcher with its Exec (and TryExec) naming ``command``."""
    shipped = resources.resource(resources.LAUNCHER).read_text(encoding="utf-8")
    exec_line = " ".join(quote_exec_argument(argument) for argument in command)
    lines = []
    for line in shipped.splitlines():
        if line.startswith("TryExec="):
            continue
        if line.startswith("Exec="):
            lines.append(f"TryExec={quote_exec_argument(command[0])}")
            line = f"Exec={exec_line}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def planned_files(command: Sequence[str]) -> dict[str, bytes]:
    """Relative target (under the data home) → content: the launcher and every icon size."""
    files = {f"applications/{resources.LAUNCHER}": launcher_text(command).encode("utf-8")}
    icons = [resources.APP_ICON_SVG, *map(resources.app_icon_png, resources.APP_ICON_SIZES)]
    for relative in icons:
        files[f"icons/{relative}"] = resources.resource(relative).read_bytes()
    return files


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _read_record(path: Path) -> dict[str, str]:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(value, dict):
        return {}
    return {str(k): str(v) for k, v in value.items()}


def install_desktop(
    environ: Mapping[str, str] | None = None,
    command: Sequence[str] | None = None,
    record_dir: Path | None = None,
) -> InstallReport:
    """Install the launcher and icons for the current user; OSError when a folder cannot be
    made or a file written (what was written before stays, and is recorded)."""
    root = data_home(environ)
    record_path = (record_dir or data_dir()) / RECORD_NAME
    record = _read_record(record_path)
    written: list[Path] = []
    unchanged: list[Path] = []
    refused: list[Path] = []
    try:
        for relative, content in planned_files(command or gui_command()).items():
            target = root / relative
            wanted = _digest(content)
            try:
                present = _digest(target.read_bytes())
            except FileNotFoundError:
                present = None
            if present == wanted:
                unchanged.append(target)
                record[str(target)] = wanted
                continue
            if present is not None and record.get(str(target)) != present:
                refused.append(target)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with atomic_output(target, overwrite=present is not None) as out:
                out.temp.write_bytes(content)
                os.chmod(out.temp, 0o644)  # as desktop sessions expect
            record[str(target)] = wanted
            written.append(target)
    finally:
        record_path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_output(record_path, overwrite=record_path.exists()) as out:
            out.temp.write_text(json.dumps(record, indent=1, sort_keys=True), encoding="utf-8")
    if written:
        _tell_the_desktop(root)
    return InstallReport(tuple(written), tuple(unchanged), tuple(refused))


def uninstall_desktop(
    environ: Mapping[str, str] | None = None, record_dir: Path | None = None
) -> InstallReport:
    """Remove what ``install_desktop`` wrote and is still as it wrote it (``written`` lists the
    removed files); a file changed since is someone's now: left, and named in ``refused``."""
    record_path = (record_dir or data_dir()) / RECORD_NAME
    record = _read_record(record_path)
    removed: list[Path] = []
    refused: list[Path] = []
    for name, digest in sorted(record.items()):
        target = Path(name)
        try:
            present = _digest(target.read_bytes())
        except FileNotFoundError:
            continue
        if present != digest:
            refused.append(target)
            continue
        target.unlink()
        removed.append(target)
    with contextlib.suppress(FileNotFoundError):
        record_path.unlink()
    if removed:
        _tell_the_desktop(data_home(environ))
    return InstallReport(tuple(removed), (), tuple(refused))


def _tell_the_desktop(root: Path) -> None:
    """Menus notice a new launcher by themselves; refreshing the caches makes it immediate where
    the tools exist (a missing tool or a failure changes nothing that was installed)."""
    tool = shutil.which("update-desktop-database")
    if tool is not None:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            subprocess.run(
                [tool, "-q", str(root / "applications")],
                check=False,
                timeout=20,
                capture_output=True,
            )
    with contextlib.suppress(OSError):
        os.utime(root / "icons" / "hicolor")  # icon caches compare this folder's time
