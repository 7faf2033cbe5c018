"""A throwaway PostgreSQL server for the tests: an unprivileged cluster in a temporary folder,
listening on loopback only, started once per test session and removed at its end.

``CKBOOK_TEST_PG`` names an existing server instead (an admin URL such as
``postgresql://postgres@127.0.0.1:5432/postgres``); the tests make and drop their own databases
there. Otherwise the cluster is made with Debian's ``initdb``/``pg_ctl`` (``postgresql`` package),
run as the ``postgres`` system user when the tests run as root (the server refuses root). The
cluster trades durability for speed (fsync off): it holds nothing but test data.

``own_cluster`` gives a test a cluster of its own (``Cluster``: ``stop``, ``start``) to take away
and bring back, as a team's server restarts, without disturbing the session's shared server.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SERVER_ENV = "CKBOOK_TEST_PG"
SUPERUSER = "ckbook_admin"


class NoServerError(RuntimeError):
    """No PostgreSQL server can be had here (no binaries, no driver, or it did not start)."""


@dataclass(frozen=True)
class Server:
    host: str
    port: int
    user: str

    def url(self, database: str, user: str | None = None) -> str:
        return f"postgresql://{user or self.user}@{self.host}:{self.port}/{database}"

    def admin(self, sql: str, database: str = "postgres") -> None:
        """Run one statement outside a transaction (CREATE/DROP DATABASE need that)."""
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as connection:
            connection.execute(sql)  # type: ignore[arg-type]


def _bindir() -> Path:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    versions = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
        key=lambda p: int(Path(p).parent.parent.name),
    )
    if not versions:
        raise NoServerError(
            "PostgreSQL's server programs are not installed (Debian: apt-get install postgresql)"
        )
    return Path(versions[-1]).parent


def _free_port() -> int:
    with contextlib.closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Cluster:
    """A cluster of our own in a temporary folder, which a test may stop and start again (the
    same port and data): a server restart, as a team's server has now and then."""

    def __init__(self, folder: Path, bindir: Path, as_user: list[str], port: int) -> None:
        self.folder = folder
        self.data = folder / "data"
        self.log = folder / "server.log"
        self._bindir = bindir
        self._as_user = as_user
        self.server = Server("127.0.0.1", port, SUPERUSER)
        self.running = False

    def _run(self, *command: str) -> None:
        done = subprocess.run([*self._as_user, *command], capture_output=True, text=True)
        if done.returncode != 0:
            raise NoServerError(f"{Path(command[0]).name} failed: {done.stderr.strip()[-500:]}")

    def init(self) -> None:
        self._run(
            str(self._bindir / "initdb"),
            "-D",
            str(self.data),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )

    def start(self) -> None:
        """Start the server and wait until it accepts connections."""
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.server.port} -k {self.folder} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c max_connections=50 -c shared_buffers=64MB"
        )
        pg_ctl = str(self._bindir / "pg_ctl")
        self._run(pg_ctl, "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")
        self.running = True

    def start_if_stopped(self) -> None:
        if not self.running:
            self.start()

    def stop(self, mode: str = "fast") -> None:
        """Stop the server: ``fast`` ends every session (as a restart does), ``immediate``
        as a crash would."""
        pg_ctl = str(self._bindir / "pg_ctl")
        subprocess.run(
            [*self._as_user, pg_ctl, "-D", str(self.data), "-m", mode, "-w", "stop"],
            capture_output=True,
        )
        self.running = False


def _as_server_user() -> tuple[list[str], pwd.struct_passwd | None]:
    """The command prefix that runs the server's programs as an unprivileged user (the server
    refuses root), and that user; nothing when the tests do not run as root."""
    if os.geteuid() != 0:
        return [], None
    try:
        owner = pwd.getpwnam("postgres")
    except KeyError as exc:
        raise NoServerError("running as root and there is no 'postgres' user") from exc
    runuser = shutil.which("runuser") or next(
        (p for p in ("/usr/sbin/runuser", "/sbin/runuser") if os.path.exists(p)), None
    )
    if runuser is None:
        raise NoServerError("running as root and there is no runuser to start it as postgres")
    return [runuser, "-u", "postgres", "--"], owner


def _require_driver() -> None:
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise NoServerError(
            'the psycopg driver is missing (pip install -e ".[team,test]")'
        ) from exc


@contextlib.contextmanager
def own_cluster() -> Iterator[Cluster]:
    """A fresh cluster of the test's own (never the session's shared server, which other tests
    use), started; stopped and removed afterwards."""
    _require_driver()
    bindir = _bindir()
    as_user, owner = _as_server_user()
    folder = Path(tempfile.mkdtemp(prefix="ckbook-pg-"))
    try:
        if owner is not None:
            os.chown(folder, owner.pw_uid, owner.pw_gid)
        cluster = Cluster(folder, bindir, as_user, _free_port())
        cluster.init()
        cluster.start()
        try:
            yield cluster
        finally:
            cluster.stop("immediate")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def running_server() -> Iterator[Server]:
    """The server named by CKBOOK_TEST_PG, or a fresh cluster stopped and removed afterwards."""
    _require_driver()
    given = os.environ.get(SERVER_ENV, "").strip()
    if given:
        from urllib.parse import urlparse

        parsed = urlparse(given)
        yield Server(parsed.hostname or "127.0.0.1", parsed.port or 5432, parsed.username or "")
        return
    with own_cluster() as cluster:
        yield cluster.server
