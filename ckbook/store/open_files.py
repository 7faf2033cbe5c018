"""Which notebook files this process has open through SQLite, and the one way to read the head
of a file that may be one.

A notebook open through SQLite must never be opened any other way, not even to read its header:
closing any other descriptor of a file drops every POSIX lock the process holds on it, SQLite's
included, and another process may then checkpoint and truncate the WAL under our connections —
a corrupt notebook. Measured here: after one ``open(path).read(100)`` a second process got an
EXCLUSIVE lock while this one was still connected.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"

#: Every notebook file this process has open through SQLite, by real path (opens minus closes).
_live_notebooks: Counter[str] = Counter()


def opened(path: str | os.PathLike[str]) -> None:
    _live_notebooks[os.path.realpath(path)] += 1


def closed(path: str | os.PathLike[str]) -> None:
    key = os.path.realpath(path)
    if _live_notebooks[key] > 0:
        _live_notebooks[key] -= 1


def is_open_notebook(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a notebook file this process has open through SQLite."""
    return _live_notebooks[os.path.realpath(path)] > 0


def read_head(path: Path, size: int) -> bytes | None:
    """The first ``size`` bytes of ``path``; None for a notebook this process has open, which
    is never read past SQLite. OSError as ``open`` raises it."""
    if is_open_notebook(path):
        return None
    with path.open("rb") as handle:
        return handle.read(size)


def is_sqlite_file(path: Path) -> bool:
    """Whether ``path`` starts like a SQLite database (an open notebook is one, unread)."""
    try:
        head = read_head(path, len(SQLITE_HEADER))
    except OSError:
        return False
    return head is None or head == SQLITE_HEADER
