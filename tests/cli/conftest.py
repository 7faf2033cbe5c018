"""The command line run in-process against the test's notebook (a SQLite file, or a database on
the test PostgreSQL server): the ``run`` fixture."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

import pytest
from peewee import Database

from ckbook.cli import main
from ckbook.services import clock
from ckbook.store import people
from ckbook.store.models import database_proxy
from tests.conftest import TZ


class Result(NamedTuple):
    code: int
    out: str
    err: str

    def json(self) -> Any:
        assert self.code == 0, self.err
        return json.loads(self.out)


@pytest.fixture
def run(
    db_target: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[..., Result]]:
    """Run `ckbook --db <the test's notebook> ARGS...` in-process, in Berlin time.

    The command opens (and closes) its own connection and binds the models to it; afterwards
    the models are bound again to what the test had open, so the test's own queries go on there
    and no connection is left behind (a server counts them)."""
    monkeypatch.setattr(clock, "local_zone", lambda: TZ)
    # A test that forgot --db must never touch the real notebook.
    monkeypatch.setenv("CKBOOK_DB", db_target)
    opened_by_commands: list[Database] = []

    def run(*args: str) -> Result:
        capsys.readouterr()
        before, person = database_proxy.obj, people.signed_in()
        try:
            code = main(["--db", db_target, *args])
        finally:
            after = database_proxy.obj
            if after is not None and after is not before:
                opened_by_commands.append(after)
                if before is not None and not before.is_closed():  # the test's own `db`
                    database_proxy.initialize(before)
                    people.sign_in(person)  # and who the test is signed in as
        out, err = capsys.readouterr()
        return Result(code, out, err)

    yield run
    for database in opened_by_commands:
        database.close()
