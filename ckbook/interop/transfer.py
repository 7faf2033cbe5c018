"""Import and export as the command line and the window ask for them: a format, a file, now.

``import_file`` reads and checks the whole file before the database is touched, then hands the
records to the import use-case (one transaction, or nothing). ``export_file`` takes one snapshot
(one short read transaction), then writes the file owner-only and atomically.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import TextIO

from ckbook.interop import files, snapshot
from ckbook.services.base import InputError
from ckbook.services.importing import ImportItem, ImportReport, ImportSkip, import_clients

IMPORT_FORMATS = ("vcard", "csv")
EXPORT_FORMATS = ("vcard", "csv", "ics", "json")
#: File-name suffixes, for file pickers and for guessing a format from a name.
SUFFIXES = {"vcard": ".vcf", "csv": ".csv", "ics": ".ics", "json": ".json"}
_PARTS = {
    "vcard": ("contacts", "tags"),
    "csv": ("contacts", "tags", "money"),
    "ics": ("promises", "last_contact"),
    "json": ("contacts", "tags", "money", "notes", "promises", "incidents", "requests"),
}


def format_for(path: str | os.PathLike[str], choices: tuple[str, ...]) -> str | None:
    """The format a file's suffix suggests (``.vcf``/``.vcard``, ``.csv``, ``.ics``, ``.json``)."""
    suffix = Path(path).suffix.lower()
    if suffix == ".vcard":
        suffix = ".vcf"
    for kind in choices:
        if SUFFIXES[kind] == suffix:
            return kind
    return None


def read_records(
    kind: str, path: str | os.PathLike[str]
) -> tuple[list[ImportItem], list[ImportSkip]]:
    """The records of an import file (no database needed); InputError for an unusable file."""
    # The format modules (vobject, icalendar: ~0.5 s) load on first use, not with the window.
    from ckbook.interop.csv_file import read_csv
    from ckbook.interop.vcard import read_vcards

    readers = {"vcard": read_vcards, "csv": read_csv}
    if kind not in readers:
        raise InputError(f"cannot import {kind!r}: choose one of {', '.join(IMPORT_FORMATS)}")
    text = files.read_text(path)
    try:
        return readers[kind](text)
    except InputError as exc:
        raise InputError(f"{path}: {exc}") from None


def import_file(
    kind: str,
    path: str | os.PathLike[str],
    now: datetime,
    *,
    dry_run: bool = False,
    skip_invalid: bool = False,
) -> ImportReport:
    """Import the clients in ``path``; see ``import_clients`` for what is checked and skipped."""
    items, unreadable = read_records(kind, path)
    return import_clients(
        items, now, skip_invalid=skip_invalid, dry_run=dry_run, unreadable=unreadable
    )


@dataclass(frozen=True)
class ExportResult:
    kind: str
    path: Path
    count: int  # clients written (to-dos for ics)
    size: int  # bytes
    read_seconds: float  # how long the read transaction was open
    seconds: float  # the whole export

    def describe(self) -> str:
        what = "to-do" if self.kind == "ics" else "client"
        plural = "" if self.count == 1 else "s"
        return f"Exported {self.count} {what}{plural} to {self.path} ({_size(self.size)})"


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def export_file(
    kind: str,
    path: str | os.PathLike[str],
    now: datetime,
    tz: tzinfo,
    *,
    remind_before_minutes: int | None = None,
    overwrite: bool = False,
) -> ExportResult:
    """Write the notebook's clients (or open promises and check-ins, for ics) to ``path``.

    An existing file is replaced only with ``overwrite`` (the user agreed); the notebook itself,
    a device or any SQLite file never (``store.output``)."""
    if kind not in EXPORT_FORMATS:
        raise InputError(f"cannot export {kind!r}: choose one of {', '.join(EXPORT_FORMATS)}")
    target = Path(path)
    files.check_export_target(target, overwrite=overwrite)
    started = time.perf_counter()
    if kind == "ics" and remind_before_minutes is None:
        from ckbook.services.settings import load_settings

        remind_before_minutes = load_settings().remind_before_minutes
    from ckbook.interop.csv_file import write_csv
    from ckbook.interop.ics import write_ics
    from ckbook.interop.json_export import write_json
    from ckbook.interop.vcard import write_vcards

    picture = snapshot.take(now.astimezone(UTC), _PARTS[kind])
    writers: dict[str, Callable[[TextIO], int]] = {
        "vcard": lambda stream: write_vcards(picture, stream),
        "csv": lambda stream: write_csv(picture, stream),
        "ics": lambda stream: write_ics(picture, stream, tz, remind_before_minutes or 0),
        "json": lambda stream: write_json(picture, stream),
    }
    try:
        # newline="": vCard, CSV and iCalendar lines end in CRLF, written as such.
        with files.private_file(target, newline="", overwrite=overwrite) as stream:
            count = writers[kind](stream)
        size = target.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot write {target}: {exc.strerror or exc}") from None
    seconds = time.perf_counter() - started
    return ExportResult(kind, target, count, size, picture.read_seconds, seconds)
