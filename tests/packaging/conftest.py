"""Helpers for the packaging tests: a system tool they need (skipped locally when missing, a
failure in CI, where .ci/install-system-deps installs it)."""

from __future__ import annotations

import os
import shutil

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def need_tool(name: str, package: str) -> str:
    """The path of the program ``name``; skips (fails in CI) when it is not installed."""
    found = shutil.which(name)
    if found is None:
        message = f"{name} is not installed (Debian package {package})"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    return found
