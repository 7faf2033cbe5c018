"""Shared fixtures: a real SQLite notebook in tmp_path opened the way the app opens it, a pinned
clock in a fixed zone, and offscreen Qt for every UI test."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from ckbook.services.clock import FixedClock
from ckbook.store.database import OpenedDatabase, close_database, open_database

# Before any Qt import: UI tests run offscreen unless a test starts its own display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp")


@pytest.fixture(autouse=True, scope="session")
def _keep_tests_out_of_the_real_home(tmp_path_factory):  # type: ignore[no-untyped-def]
    """Window settings, autostart entries, default notebooks and the log go to a throwaway home."""
    home = tmp_path_factory.mktemp("home")
    names = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")
    saved = {key: os.environ.get(key) for key in names}
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    os.environ["XDG_DATA_HOME"] = str(home / "data")
    os.environ["XDG_STATE_HOME"] = str(home / "state")
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


TZ = ZoneInfo("Europe/Berlin")
#: Wednesday 18 November 2026, 10:00 in Berlin.
NOW = datetime(2026, 11, 18, 10, 0, tzinfo=TZ)
NOW_ARG = "2026-11-18T10:00"  # NOW, as a local --now value


@pytest.fixture
def tz() -> ZoneInfo:
    return TZ


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW, TZ)


@pytest.fixture
def now(clock: FixedClock) -> datetime:
    return clock.now()


@pytest.fixture
def db_path(tmp_path) -> str:  # type: ignore[no-untyped-def]
    folder = tmp_path / "notebook"
    folder.mkdir()  # ckbook creates no folder but its default data folder
    return str(folder / "ckbook.sqlite3")


@pytest.fixture
def db(db_path: str) -> Iterator[OpenedDatabase]:
    opened = open_database(db_path)
    try:
        yield opened
    finally:
        close_database(opened)


@pytest.fixture
def notebook(db: OpenedDatabase, clock: FixedClock, qapp):  # type: ignore[no-untyped-def]
    from ckbook.ui.notebook import Notebook

    book = Notebook(clock, db.location)
    yield book
    book.deleteLater()


@pytest.fixture
def read_only_folder(tmp_path, now) -> Iterator[Path]:  # type: ignore[no-untyped-def]
    """A folder on its own small tmpfs holding a notebook (nb.sqlite3) with one client, then
    remounted read-only: a real EROFS, which root cannot write either."""
    from tests.factories import make_client

    mount = tmp_path / "mnt"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        opened = open_database(mount / "nb.sqlite3")
        make_client(now, "Ada Lovelace")
        close_database(opened)
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)
