"""A throwaway PostgreSQL server for the tests: an unprivileged cluster in a temporary folder,
listening on loopback only, started once per test session and removed at its end.

``CKBOOK_TEST_PG`` names an existing server instead (an admin URL such as
``postgresql://postgres@127.0.0.1:5432/postgres``); the tests make and drop their own databases
there. Otherwise the cluster is made with Debian's ``initdb``/``pg_ctl`` (``postgresql`` package),
run as the ``postgres`` system user when the tests run as root (the server refuses root). The
cluster trades durability for speed (fsync off): it holds nothing but test data.
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


@contextlib.contextmanager
def running_server() -> Iterator[Server]:
    """The server named by CKBOOK_TEST_PG, or a fresh cluster stopped and removed afterwards."""
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise NoServerError(
            'the psycopg driver is missing (pip install -e ".[team,test]")'
        ) from exc
    given = os.environ.get(SERVER_ENV, "").strip()
    if given:
        from urllib.parse import urlparse

        parsed = urlparse(given)
        yield Server(parsed.hostname or "127.0.0.1", parsed.port or 5432, parsed.username or "")
        return
    bindir = _bindir()
    as_user: list[str] = []
    owner = None
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError as exc:
            raise NoServerError("running as root and there is no 'postgres' user") from exc
        runuser = shutil.which("runuser") or next(
            (p for p in ("/usr/sbin/runuser", "/sbin/runuser") if os.path.exists(p)), None
        )
        if runuser is None:
            raise NoServerError("running as root and there is no runuser to start it as postgres")
        as_user = [runuser, "-u", "postgres", "--"]
    folder = Path(tempfile.mkdtemp(prefix="ckbook-pg-"))
    data = folder / "data"
    if owner is not None:
        os.chown(folder, owner.pw_uid, owner.pw_gid)
    port = _free_port()
    log = folder / "server.log"

    def run(*command: str) -> None:
        done = subprocess.run([*as_user, *command], capture_output=True, text=True)
        if done.returncode != 0:
            raise NoServerError(f"{Path(command[0]).name} failed: {done.stderr.strip()[-500:]}")

    try:
        run(
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={port} -k {folder} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c max_connections=50 -c shared_buffers=64MB"
        )
        run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "start")
        try:
            yield Server("127.0.0.1", port, SUPERUSER)
        finally:
            subprocess.run(
                [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                capture_output=True,
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
