"""Backups, restore and "check database" for SQLite notebooks.

A live WAL database is never copied as a file (a plain copy misses what is still in ``-wal``):
backups go through SQLite's backup API on a connection of their own, so they are safe to run on a
worker thread while the app keeps writing. Every copy is created owner-only (0600) and verified.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import Path

from ckbook.store.database import (
    HISTORY_TABLE,
    _check_sqlite_header,
    _prepare_sqlite_file,
    backup_sqlite,
    known_migrations,
    open_database,
    read_only_uri,
)
from ckbook.store.errors import (
    ForeignDatabaseError,
    NotADatabaseError,
    SchemaTooNewError,
    StoreError,
)


@dataclass(frozen=True)
class CheckReport:
    location: str
    integrity: tuple[str, ...]
    foreign_key_problems: int
    schema_steps: tuple[str, ...]
    pending_steps: tuple[str, ...]
    #: Schema steps this ckbook does not know: the file was written by a newer one.
    newer_steps: tuple[str, ...] = ()

    @property
    def intact(self) -> bool:
        return self.integrity == ("ok",) and self.foreign_key_problems == 0

    @property
    def ok(self) -> bool:
        """Intact, and from a ckbook no newer than this one (which can vouch for it)."""
        return self.intact and not self.newer_steps

    def problem(self) -> str | None:
        """What is wrong, in one line; None when nothing is."""
        found = []
        if self.integrity != ("ok",):
            found.append(f"integrity: {'; '.join(self.integrity)}")
        if self.foreign_key_problems:
            found.append(f"{self.foreign_key_problems} rows pointing at missing rows")
        if self.newer_steps:
            found.append(
                f"written by a newer ckbook (schema step {self.newer_steps[-1]}); update ckbook"
            )
        return "; ".join(found) if found else None

    def lines(self) -> list[str]:
        verdict = "ok" if self.ok else "PROBLEMS FOUND"
        lines = [f"{self.location}: {verdict}"]
        lines.append(f"integrity: {'; '.join(self.integrity)}")
        lines.append(f"rows pointing at missing rows: {self.foreign_key_problems}")
        lines.append(f"schema: {self.schema_steps[-1] if self.schema_steps else 'none'}")
        if self.pending_steps:
            lines.append(f"upgrade pending: {', '.join(self.pending_steps)}")
        if self.newer_steps:
            lines.append(f"written by a newer ckbook: {', '.join(self.newer_steps)}")
        return lines


BACKUPS_FOLDER = "backups"


def backups_folder(location: str) -> Path:
    """Where a notebook's backups live: ``backups/`` beside the notebook file."""
    return _sqlite_path(location).parent / BACKUPS_FOLDER


def default_backup_path(location: str, now: datetime) -> Path:
    """The name of a backup made at ``now`` (local): unique once written (``-2``, ``-3``, …)."""
    return backups_folder(location) / f"ckbook-{now.strftime('%Y%m%d-%H%M%S')}.sqlite3"


def _make_backups_folder(folder: Path) -> None:
    if not folder.exists():
        folder.mkdir(mode=0o700)
    os.chmod(folder, 0o700)  # mkdir's mode is masked by umask; an older folder is tightened


def _sqlite_path(location: str) -> Path:
    if "://" in location:
        raise StoreError("backup, restore and check work on SQLite notebooks only")
    return Path(location).expanduser()


def _existing_notebook(path: Path) -> Path:
    """``path`` when it is a file that could be a notebook; else StoreError saying what it is."""
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file")
    if not path.exists():
        raise StoreError(f"no notebook at {path}")
    _check_sqlite_header(path)
    return path


def _inspect(path: Path) -> CheckReport:
    with sqlite3.connect(read_only_uri(path), uri=True) as connection:
        try:
            integrity = tuple(row[0] for row in connection.execute("PRAGMA integrity_check"))
            problems = len(connection.execute("PRAGMA foreign_key_check").fetchall())
            listed = connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            tables = {row[0] for row in listed}
            has_history = HISTORY_TABLE in tables
            steps: tuple[str, ...] = ()
            if has_history:
                steps = tuple(
                    sorted(r[0] for r in connection.execute(f'SELECT name FROM "{HISTORY_TABLE}"'))
                )
        except sqlite3.DatabaseError as exc:
            raise NotADatabaseError(f"{path} cannot be read as a ckbook database: {exc}") from exc
    connection.close()
    if tables and not has_history:
        raise ForeignDatabaseError(
            f"{path} is a SQLite database of another program, not a ckbook notebook"
        )
    known = known_migrations()
    return CheckReport(
        location=str(path),
        integrity=integrity,
        foreign_key_problems=problems,
        schema_steps=steps,
        pending_steps=tuple(name for name in known if name not in steps),
        newer_steps=tuple(sorted(set(steps) - set(known))),
    )


def check(location: str) -> CheckReport:
    """Integrity and foreign-key check of a notebook, read-only; StoreError when there is no
    notebook file at ``location``."""
    return _inspect(_existing_notebook(_sqlite_path(location)))


def backup(
    location: str, target: Path | None, now: datetime | None = None, *, overwrite: bool = False
) -> Path:
    """Copy the live notebook (0600) and verify the copy; returns the file written.

    ``target`` None: a new, uniquely named file in the notebook's backups folder (0700), named
    for ``now``. A file the user named is never the notebook itself, a device, or an existing
    file unless ``overwrite``. A ``location`` with no notebook is refused (never created empty
    and backed up).
    """
    source = _existing_notebook(_sqlite_path(location))
    unique = target is None
    if target is None:
        if now is None:
            raise ValueError("a backup without a target needs the time it is made at")
        target = default_backup_path(location, now)
        _make_backups_folder(target.parent)
    try:
        written = backup_sqlite(source, target.expanduser(), overwrite=overwrite, unique=unique)
    except OSError as exc:
        raise StoreError(f"cannot write the backup to {target}: {exc.strerror}") from exc
    report = _inspect(written)
    if not report.intact:
        written.unlink()
        raise StoreError(f"the backup at {target} failed its check: {report.problem()}")
    return written


def restore(backup_file: Path, location: str, now: datetime) -> tuple[Path | None, Path]:
    """Replace the notebook at ``location`` with ``backup_file``.

    The file is checked first (a ckbook database, intact, not from a newer ckbook); the current
    notebook is kept as a safety copy before anything changes. Returns (safety copy, notebook).
    """
    source = backup_file.expanduser()
    if not source.is_file():
        raise StoreError(f"{source} is not a file")
    target = _sqlite_path(location)
    if target.is_dir():
        raise StoreError(f"{target} is a folder, not a database file")
    if target.exists() and os.path.samefile(source, target):
        raise StoreError(f"{source} is the notebook itself; restore a backup, not the notebook")
    _check_sqlite_header(source)
    report = _inspect(source)
    if not report.schema_steps:
        raise NotADatabaseError(f"{source} is not a ckbook notebook (no schema history)")
    if not report.intact:
        raise StoreError(f"{source} is damaged: {report.problem()}")
    if report.newer_steps:
        raise SchemaTooNewError(
            f"{source} was written by a newer ckbook (schema step {report.newer_steps[-1]}); "
            "update ckbook to restore it. Nothing was changed."
        )
    safety: Path | None = None
    if target.exists() and target.stat().st_size > 0:
        named = Path(f"{target}.before-restore-{now.strftime('%Y%m%d-%H%M%S')}.bak")
        safety = backup_sqlite(target, named, unique=True)
    else:
        _prepare_sqlite_file(target)
    with sqlite3.connect(os.fspath(source)) as src, sqlite3.connect(os.fspath(target)) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    # Upgrade a backup made by an older release, the one migration path as always.
    opened = open_database(os.fspath(target))
    opened.database.close()
    return safety, target


@dataclass(frozen=True)
class BackupInfo:
    """One backup of a notebook, as ``ckbook backup --list`` and "Restore from backup…" show it."""

    path: Path
    made_at: datetime  # UTC, when the file was written
    size: int
    clients: int | None  # None: the file cannot be read as a notebook
    notes: int | None
    promises: int | None

    @property
    def readable(self) -> bool:
        return self.clients is not None

    def counts(self) -> str:
        if not self.readable:
            return "cannot be read"
        return f"{self.clients} clients, {self.notes} notes, {self.promises} promises"

    def describe(self, tz: tzinfo) -> str:
        when = self.made_at.astimezone(tz).strftime("%Y-%m-%d %H:%M")
        return f"{when}  {self.counts()}  {self.path}"

    def to_json(self, tz: tzinfo) -> dict[str, object]:
        return {
            "file": str(self.path),
            "made_at": self.made_at.astimezone(tz).isoformat(timespec="seconds"),
            "bytes": self.size,
            "clients": self.clients,
            "notes": self.notes,
            "promises": self.promises,
        }


def _counts(path: Path) -> tuple[int, int, int] | None:
    try:
        with contextlib.closing(sqlite3.connect(read_only_uri(path), uri=True)) as connection:
            clients, notes, promises = (
                int(connection.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0])
                for table in ("client", "note", "promise")
            )
    except sqlite3.Error:
        return None
    return clients, notes, promises


def backup_files(location: str) -> list[Path]:
    """The notebook's backups: its backups folder, and the copies made before an upgrade or a
    restore beside it."""
    notebook = _sqlite_path(location)
    found = [p for p in backups_folder(location).glob("*.sqlite3") if p.is_file()]
    found += [p for p in notebook.parent.glob(f"{notebook.name}.before-*.bak") if p.is_file()]
    return found


def list_backups(location: str) -> list[BackupInfo]:
    """Every backup of the notebook at ``location``, newest first, with what it holds."""
    infos = []
    for path in backup_files(location):
        stat_result = path.stat()
        counts = _counts(path)
        clients, notes, promises = counts if counts else (None, None, None)
        made_at = datetime.fromtimestamp(stat_result.st_mtime, UTC)
        infos.append(BackupInfo(path, made_at, stat_result.st_size, clients, notes, promises))
    return sorted(infos, key=lambda info: (info.made_at, info.path.name), reverse=True)
