"""Where ckbook keeps its files by default (platformdirs' per-user folders for app "ckbook")."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from ckbook import APP_NAME

DB_ENV = "CKBOOK_DB"
DB_FILENAME = "ckbook.sqlite3"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def resolve_db_target(explicit: str | os.PathLike[str] | None) -> str:
    """The database to open: ``--db`` first, then ``CKBOOK_DB``, then the default file."""
    if explicit:
        return os.fspath(explicit)
    from_env = os.environ.get(DB_ENV, "").strip()
    if from_env:
        return from_env
    return os.fspath(default_db_path())
