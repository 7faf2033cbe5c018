"""Writing an export file (reading an import file is ``text_files``).

Exports hold everything about every client, so they are written like the database is kept:
readable by the owner only (0600, RELIABILITY #5), and atomically through ``store.output`` — into
a temporary file in the same folder, flushed to disk, then published — so a crash or a full disk
never leaves half a file where a good one was, and nothing that is not ours is ever replaced.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import Any, TextIO

from ckbook.store.database import open_notebook_path
from ckbook.store.output import atomic_output, check_target


@contextlib.contextmanager
def private_file(
    path: str | os.PathLike[str], newline: str | None = None, *, overwrite: bool = False
) -> Iterator[TextIO]:
    """Write ``path`` as UTF-8 text, owner-only (0600), published only once fully written.

    Never over the open notebook, its companions, any SQLite file, a device, or an existing
    file unless ``overwrite`` (``store.output``). ``newline=""`` leaves line endings to the
    writer (the csv module writes CRLF itself).
    """
    with (
        atomic_output(path, **_guard(overwrite)) as out,
        out.temp.open("w", encoding="utf-8", newline=newline) as stream,
    ):
        yield stream
        stream.flush()


def check_export_target(path: str | os.PathLike[str], *, overwrite: bool = False) -> None:
    """Refuse a target ``private_file`` would refuse, before any work is done for it."""
    check_target(path, **_guard(overwrite))


def _guard(overwrite: bool) -> dict[str, Any]:
    notebook = open_notebook_path()
    return {
        "overwrite": overwrite,
        "protected": (notebook,) if notebook else (),
        "keep_databases": True,
    }
