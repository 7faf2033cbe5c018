"""Interop tests use the command line's ``run`` fixture too."""

from tests.cli.conftest import Result, run

__all__ = ["Result", "run"]
