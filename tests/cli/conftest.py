"""The command line run in-process against the test's SQLite file: the ``run`` fixture."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, NamedTuple

import pytest

from ckbook.cli import main
from ckbook.services import clock
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
    db_path: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., Result]:
    """Run `ckbook --db <tmp file> ARGS...` in-process, in Berlin time."""
    monkeypatch.setattr(clock, "local_zone", lambda: TZ)
    # A test that forgot --db must never touch the real notebook.
    monkeypatch.setenv("CKBOOK_DB", db_path)

    def run(*args: str) -> Result:
        capsys.readouterr()
        code = main(["--db", db_path, *args])
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return run
