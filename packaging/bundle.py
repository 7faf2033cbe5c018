"""Build ckbook as a PyInstaller one-folder bundle: a folder with a ``ckbook`` program that runs
without Python installed (the window, or any command: ``ckbook/ckbook demo``).

    .venv/bin/python packaging/bundle.py [--dist build/bundle]        (make bundle)

The bundle carries the whole ``ckbook`` package (its modules are imported lazily, so all are
collected), its package data (icons, launcher, metainfo, user guide: ``ckbook.resources``) and
the migration scripts, which ``playhouse.migrations`` reads as files. The result is
``<dist>/ckbook/``; its ``ckbook --install-desktop`` adds it to the application menu.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENTRY = Path(__file__).with_name("ckbook_entry.py")
#: Never needed at run time; excluding them keeps the bundle smaller and the build faster.
EXCLUDED = (
    "tkinter",
    "pytest",
    "_pytest",
    "hypothesis",
    "mypy",
    "ruff",
    "PyInstaller",
    "setuptools",
)


def arguments(dist: Path, work: Path) -> list[str]:
    migrations = ROOT / "ckbook" / "store" / "migrations"
    args = [
        str(ENTRY),
        "--noconfirm",
        "--onedir",
        "--name",
        "ckbook",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        "--specpath",
        str(work),
        "--log-level",
        "WARN",
        # From the checkout: an editable install's import hook is invisible to the analysis.
        "--paths",
        str(ROOT),
        "--collect-submodules",
        "ckbook",
        "--collect-data",
        "ckbook",
        # Read as .py files from their folder (Migration.load_directory), not imported.
        "--add-data",
        f"{migrations}{os.pathsep}ckbook/store/migrations",
    ]
    for module in EXCLUDED:
        args += ["--exclude-module", module]
    return args


def build(dist: Path, work: Path | None = None) -> Path:
    """Build the bundle into ``dist``; returns the path of its ``ckbook`` program."""
    import PyInstaller.__main__

    work = work or dist.parent / "bundle-work"
    PyInstaller.__main__.run(arguments(dist, work))
    program = dist / "ckbook" / ("ckbook.exe" if sys.platform == "win32" else "ckbook")
    if not program.is_file():
        raise SystemExit(f"no program at {program}: the build failed")
    return program


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "build" / "bundle")
    args = parser.parse_args(argv)
    started = time.monotonic()
    program = build(args.dist.resolve())
    print(f"{program} ({time.monotonic() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
