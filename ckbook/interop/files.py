"""Reading an import file and writing an export file.

Exports hold everything about every client, so they are written like the database is kept:
readable by the owner only (0600, RELIABILITY #5), and atomically — into a temporary file in the
same folder, flushed to disk, then renamed over the target — so a crash or a full disk never
leaves half a file where a good one was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from ckbook.services.base import InputError

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
def private_file(path: str | os.PathLike[str], newline: str | None = None) -> Iterator[TextIO]:
    """Write ``path`` as UTF-8 text, owner-only (0600), replacing it only once fully written.

    ``newline=""`` leaves line endings to the writer (the csv module writes CRLF itself).
    """
    target = Path(path)
    folder = target.parent
    try:
        # mkstemp creates the file 0600 whatever the umask.
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise InputError(f"cannot write {target}: {exc.strerror or exc}") from None
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; some filesystems cannot open a folder (ignore those)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
