"""Shared fixtures: a real notebook opened the way the app opens it, a pinned clock in a fixed
zone, and offscreen Qt for every UI test.

The notebook is a SQLite file in tmp_path; in the storage, services, CLI and interop suites every
test that uses it (``db``, ``db_target``, the CLI's ``run``) runs a second time against a real
PostgreSQL server (``tests/pg_server.py``): one server for the session, a fresh database per test
cloned from a migrated template. ``@pytest.mark.sqlite_only("why")`` keeps a test (or module) to
SQLite when what it tests is SQLite's by nature (WAL, file modes, the backup API, …). Without a
server the PostgreSQL runs are skipped, except in CI (``CI`` set), where they fail.
``@pytest.mark.postgresql`` on a test that opens the notebook runs it on the server only.
``CKBOOK_TEST_BACKENDS=sqlite`` runs SQLite only.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import settings

from ckbook import i18n
from ckbook.services.clock import FixedClock
from ckbook.store.database import OpenedDatabase, close_database, open_database
from ckbook.store.models import database_proxy
from tests.pg_server import NoServerError, Server, running_server

# No time limit per example: speed lives in tests/perf, and a shared CI machine under load made
# the default 200 ms deadline fail correct code (a capture example took 357 ms on PostgreSQL).
settings.register_profile("ckbook", deadline=None)
settings.load_profile("ckbook")

# Before any Qt import: UI tests run offscreen unless a test starts its own display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp")
# English whatever the developer's language: ckbook.i18n reads LANGUAGE, LC_ALL, LC_MESSAGES,
# LC_NUMERIC and LANG, the due phrases LC_TIME. Set in os.environ, so the CLI and window
# subprocesses a test starts read English too. C.UTF-8 exists wherever glibc does.
for _name in ("LANGUAGE", "LC_MESSAGES", "LC_NUMERIC", "LC_TIME"):
    os.environ.pop(_name, None)
os.environ["LC_ALL"] = "C.UTF-8"


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


@pytest.fixture
def german(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """German text and German numbers for one test, English again after it.

    The environment asks for German (what ``i18n.install()`` in the CLI, the window and a
    subprocess read: ``LANG`` rather than ``LC_ALL``, so a machine without the de_DE locale
    still starts Python and Qt in UTF-8) and the German catalogue is installed now."""
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    monkeypatch.setenv("LANGUAGE", "de")
    assert i18n.install("de") == "de"
    yield
    i18n.uninstall()


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


#: The suites that run against PostgreSQL too (the UI and end-to-end suites use SQLite only).
SERVER_SUITES = ("store", "services", "cli", "interop")
BACKENDS_ENV = "CKBOOK_TEST_BACKENDS"
TEMPLATE_DATABASE = "ckbook_template"
_database_numbers = itertools.count(1)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "postgresql: runs against the test PostgreSQL server")
    config.addinivalue_line(
        "markers", "sqlite_only(reason): tests what only a SQLite notebook has (say what)"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test of a server suite that opens the notebook runs on both backends."""
    if "backend" not in metafunc.fixturenames:
        return
    suite = Path(metafunc.definition.path).relative_to(Path(__file__).parent).parts[0]
    wanted = os.environ.get(BACKENDS_ENV, "sqlite,postgresql").split(",")
    backends: list[object] = ["sqlite"]
    if (
        suite in SERVER_SUITES
        and "postgresql" in wanted
        and metafunc.definition.get_closest_marker("sqlite_only") is None
    ):
        backends.append(pytest.param("postgresql", marks=pytest.mark.postgresql))
    if metafunc.definition.get_closest_marker("postgresql") is not None:
        backends = ["postgresql"]  # a test of what only the server does
    metafunc.parametrize("backend", backends, indirect=True)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """``CKBOOK_TEST_BACKENDS=sqlite``: the tests that need the server are left out too."""
    if "postgresql" in os.environ.get(BACKENDS_ENV, "sqlite,postgresql").split(","):
        return
    kept = [item for item in items if item.get_closest_marker("postgresql") is None]
    if len(kept) != len(items):
        config.hook.pytest_deselected(items=[i for i in items if i not in kept])
        items[:] = kept


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """``sqlite`` or ``postgresql``: which database the test's notebook is on."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Server]:
    """The session's PostgreSQL server, with a migrated template notebook to clone."""
    with contextlib.ExitStack() as stack:
        try:
            server = stack.enter_context(running_server())
        except NoServerError as exc:
            if os.environ.get("CI"):
                pytest.fail(f"CI runs the PostgreSQL tests, but: {exc}")
            pytest.skip(f"no PostgreSQL server for the tests: {exc}")
        server.admin(f"DROP DATABASE IF EXISTS {TEMPLATE_DATABASE}")
        server.admin(f"CREATE DATABASE {TEMPLATE_DATABASE}")
        close_database(open_database(server.url(TEMPLATE_DATABASE)))
        yield server


@pytest.fixture
def db_target(backend: str, db_path: str, request: pytest.FixtureRequest) -> Iterator[str]:
    """What ``--db`` names for this test: a SQLite file, or a fresh database on the server."""
    if backend == "sqlite":
        yield db_path
        return
    server: Server = request.getfixturevalue("pg_server")
    name = f"ckbook_test_{os.getpid()}_{next(_database_numbers)}"
    server.admin(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE_DATABASE}")
    try:
        yield server.url(name)
    finally:
        server.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def empty_server_database(pg_server: Server) -> Iterator[str]:
    """The URL of a new, empty database on the test server (no notebook in it yet)."""
    name = f"ckbook_empty_{os.getpid()}_{next(_database_numbers)}"
    pg_server.admin(f"CREATE DATABASE {name}")
    try:
        yield pg_server.url(name)
    finally:
        pg_server.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def db(db_target: str) -> Iterator[OpenedDatabase]:
    opened = open_database(db_target)
    try:
        yield opened
    finally:
        close_database(opened)
        # A CLI run inside the test opened (and rebound the models to) its own database; a
        # query after it reconnected that one: close it too (a server counts its connections).
        current = database_proxy.obj
        if current is not None and current is not opened.database:
            current.close()


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
