"""Reading an import file and writing an export file.

Exports hold everything about every client, so they are written like the database is kept:
readable by the owner only (0600, RELIABILITY #5), and atomically through ``store.output`` — into
a temporary file in the same folder, flushed to disk, then published — so a crash or a full disk
never leaves half a file where a good one was, and nothing that is not ours is ever replaced.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from ckbook.services.base import InputError
from ckbook.store.database import open_notebook_path
from ckbook.store.output import atomic_output, check_target

#: Larger import files are refused before reading (a contacts export is a few MB at most).
MAX_IMPORT_BYTES = 200 * 1024 * 1024


def read_text(path: str | os.PathLike[str]) -> str:
    """The file's text, UTF-8 with or without a byte-order mark; InputError names the problem."""
    file = Path(path)
    try:
        size = file.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise InputError(f"{file} is too large to import ({size // (1024 * 1024)} MB)")
        data = file.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {file}: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{file} is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save it as UTF-8 and import again"
        ) from None


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
