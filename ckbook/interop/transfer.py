"""Import and export as the command line and the window ask for them: a format, a file, now.

``import_file`` reads the whole file (in whatever encoding it is: ``text_files``) and checks every
record before the database is touched, then hands the records to the import use-case, which
matches and updates or adds them in one transaction, or nothing; a JSON export is restored whole
(``json_import``). ``export_file`` takes one snapshot (one short read transaction), then writes
the file owner-only and atomically. Both take a ``progress`` that may cancel them.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, tzinfo
from decimal import Decimal
from pathlib import Path
from typing import TextIO

from ckbook.i18n import format_number, tr
from ckbook.interop import files, snapshot
from ckbook.services.base import InputError
from ckbook.services.importing import (
    ImportItem,
    ImportReport,
    ImportSkip,
    Progress,
    import_clients,
)

IMPORT_FORMATS = ("vcard", "csv", "json")
EXPORT_FORMATS = ("vcard", "csv", "ics", "json")
#: File-name suffixes, for file pickers and for guessing a format from a name.
SUFFIXES = {"vcard": ".vcf", "csv": ".csv", "ics": ".ics", "json": ".json"}
_PARTS = {
    "vcard": ("contacts", "tags"),
    "csv": ("contacts", "tags", "money"),
    "ics": ("promises", "last_contact"),
    "json": ("contacts", "tags", "money", "notes", "promises", "incidents", "requests", "notebook"),
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


@dataclass(frozen=True)
class ImportFile:
    """An import file read and parsed: its records, what could not be read, how it was read."""

    items: list[ImportItem]
    unreadable: list[ImportSkip]
    source: str  # "read as Windows-1252 (detected)"; "" for plain UTF-8


def parse_mapping(text: str) -> dict[str, str]:
    """``--map name=Kunde,emails=Mail`` as {field: column}; InputError names a bad pair."""
    mapping: dict[str, str] = {}
    for pair in (p for p in text.split(",") if p.strip()):
        field, sep, column = pair.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise InputError(tr("--map: {pair!r} is not FIELD=COLUMN").format(pair=pair.strip()))
        mapping[field.strip().lower()] = column.strip()
    return mapping


def read_records(
    kind: str, path: str | os.PathLike[str], mapping: str | dict[str, str] = ""
) -> ImportFile:
    """The records of an import file (no database needed); InputError for an unusable file."""
    # The format modules (vobject, icalendar, charset detection: ~0.5 s) load on first use,
    # not with the window.
    from ckbook.interop.csv_file import UnmappedColumnsError, read_csv
    from ckbook.interop.text_files import read_import_text
    from ckbook.interop.vcard import read_vcards

    if kind not in ("vcard", "csv"):
        raise InputError(
            tr("cannot import {kind!r}: choose one of {formats}").format(
                kind=kind, formats=", ".join(IMPORT_FORMATS)
            )
        )
    columns = parse_mapping(mapping) if isinstance(mapping, str) else mapping
    if columns and kind != "csv":
        raise InputError(tr("--map applies to csv files only"))
    decoded = read_import_text(path, declared_ok=kind == "vcard")
    try:
        if kind == "vcard":
            items, skips = read_vcards(decoded.text)
        else:
            items, skips = read_csv(decoded.text, columns)
    except UnmappedColumnsError as exc:  # the mapping step needs its columns
        raise UnmappedColumnsError(exc.columns, str(path)) from None
    except InputError as exc:
        raise InputError(tr("{file}: {why}").format(file=path, why=exc)) from None
    return ImportFile(items, skips, decoded.describe())


def import_file(
    kind: str,
    path: str | os.PathLike[str],
    now: datetime,
    *,
    dry_run: bool = False,
    skip_invalid: bool = False,
    mapping: str | dict[str, str] = "",
    progress: Progress | None = None,
) -> ImportReport:
    """Import the clients in ``path``; see ``import_clients`` for what is matched and skipped.

    ``json`` restores a whole-notebook export into an empty notebook (``json_import``)."""
    if kind == "json":
        from ckbook.interop.json_import import restore_file

        return restore_file(path, now, dry_run=dry_run, progress=progress)
    read = read_records(kind, path, mapping)
    report = import_clients(
        read.items,
        now,
        skip_invalid=skip_invalid,
        dry_run=dry_run,
        unreadable=read.unreadable,
        progress=progress,
    )
    return replace(report, source=read.source)


@dataclass(frozen=True)
class ExportResult:
    kind: str
    path: Path
    count: int  # clients written (to-dos for ics)
    size: int  # bytes
    read_seconds: float  # how long the read transaction was open
    seconds: float  # the whole export
    what: str = "client"  # what count counts: client, to-do, event

    def describe(self) -> str:
        count = self.count
        if self.what == "to-do":
            said = tr("Exported 1 to-do to {file} ({size})") if count == 1 else None
            said = said or tr("Exported %n to-dos to {file} ({size})", "", count)
        elif self.what == "event":
            said = tr("Exported 1 event to {file} ({size})") if count == 1 else None
            said = said or tr("Exported %n events to {file} ({size})", "", count)
        else:
            said = tr("Exported 1 client to {file} ({size})") if count == 1 else None
            said = said or tr("Exported %n clients to {file} ({size})", "", count)
        return said.format(file=self.path, size=_size(self.size))


def _size(size: int) -> str:
    if size < 1024:
        return tr("%n bytes", "", size)
    if size < 1024 * 1024:
        return tr("{size} KB").format(size=format_number(Decimal(size) / 1024, places=1))
    return tr("{size} MB").format(size=format_number(Decimal(size) / (1024 * 1024), places=1))


def export_file(
    kind: str,
    path: str | os.PathLike[str],
    now: datetime,
    tz: tzinfo,
    *,
    remind_before_minutes: int | None = None,
    as_events: bool = False,
    overwrite: bool = False,
    progress: Progress | None = None,
    vcard_version: str = "4.0",
) -> ExportResult:
    """Write the notebook's clients (or open promises and check-ins, for ics) to ``path``.

    An existing file is replaced only with ``overwrite`` (the user agreed); the notebook itself,
    a device or any SQLite file never (``store.output``). ``progress`` may raise Cancelled: the
    file is then not written at all."""
    if kind not in EXPORT_FORMATS:
        raise InputError(
            tr("cannot export {kind!r}: choose one of {formats}").format(
                kind=kind, formats=", ".join(EXPORT_FORMATS)
            )
        )
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
        "vcard": lambda stream: write_vcards(picture, stream, progress, vcard_version),
        "csv": lambda stream: write_csv(picture, stream, progress),
        "ics": lambda stream: write_ics(picture, stream, tz, remind_before_minutes or 0, as_events),
        "json": lambda stream: write_json(picture, stream, progress),
    }
    try:
        # newline="": vCard, CSV and iCalendar lines end in CRLF, written as such.
        with files.private_file(target, newline="", overwrite=overwrite) as stream:
            count = writers[kind](stream)
            if progress is not None:
                progress(count, count)  # the last chance to cancel before the file is published
        size = target.stat().st_size
    except OSError as exc:
        raise InputError(
            tr("cannot write {file}: {why}").format(file=target, why=exc.strerror or exc)
        ) from None
    seconds = time.perf_counter() - started
    what = ("event" if as_events else "to-do") if kind == "ics" else "client"
    return ExportResult(kind, target, count, size, picture.read_seconds, seconds, what)
