"""Backups, restore and "check database" for SQLite notebooks.

A live WAL database is never copied as a file (a plain copy misses what is still in ``-wal``):
backups go through SQLite's backup API on a connection of their own, so they are safe to run on a
worker thread while the app keeps writing. Every copy is created owner-only (0600) and verified.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ckbook.paths import data_dir
from ckbook.store.database import (
    HISTORY_TABLE,
    _check_sqlite_header,
    _prepare_sqlite_file,
    backup_sqlite,
    known_migrations,
    open_database,
)
from ckbook.store.errors import NotADatabaseError, SchemaTooNewError, StoreError


@dataclass(frozen=True)
class CheckReport:
    location: str
    integrity: tuple[str, ...]
    foreign_key_problems: int
    schema_steps: tuple[str, ...]
    pending_steps: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return self.integrity == ("ok",) and self.foreign_key_problems == 0

    def lines(self) -> list[str]:
        verdict = "ok" if self.ok else "PROBLEMS FOUND"
        lines = [f"{self.location}: {verdict}"]
        lines.append(f"integrity: {'; '.join(self.integrity)}")
        lines.append(f"rows pointing at missing rows: {self.foreign_key_problems}")
        lines.append(f"schema: {self.schema_steps[-1] if self.schema_steps else 'none'}")
        if self.pending_steps:
            lines.append(f"upgrade pending: {', '.join(self.pending_steps)}")
        return lines


def default_backup_path(now: datetime) -> Path:
    return data_dir() / "backups" / f"ckbook-{now.strftime('%Y%m%d-%H%M%S')}.sqlite3"


def _sqlite_path(location: str) -> Path:
    if "://" in location:
        raise StoreError("backup, restore and check work on SQLite notebooks only")
    return Path(location)


def _inspect(path: Path) -> CheckReport:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        try:
            integrity = tuple(row[0] for row in connection.execute("PRAGMA integrity_check"))
            problems = len(connection.execute("PRAGMA foreign_key_check").fetchall())
            has_history = connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (HISTORY_TABLE,)
            ).fetchone()
            steps: tuple[str, ...] = ()
            if has_history:
                steps = tuple(
                    sorted(r[0] for r in connection.execute(f'SELECT name FROM "{HISTORY_TABLE}"'))
                )
        except sqlite3.DatabaseError as exc:
            raise NotADatabaseError(f"{path} cannot be read as a ckbook database: {exc}") from exc
    connection.close()
    known = known_migrations()
    return CheckReport(
        location=str(path),
        integrity=integrity,
        foreign_key_problems=problems,
        schema_steps=steps,
        pending_steps=tuple(name for name in known if name not in steps),
    )


def check(location: str) -> CheckReport:
    """Integrity and foreign-key check of a notebook, read-only."""
    return _inspect(_sqlite_path(location))


def backup(location: str, target: Path) -> Path:
    """Copy the live notebook to ``target`` (0600) and verify the copy."""
    source = _sqlite_path(location)
    target = target.expanduser()
    if target.resolve() == source.resolve():
        raise StoreError("the backup cannot overwrite the notebook itself")
    if not target.parent.exists():
        target.parent.mkdir(parents=True, mode=0o700)
    try:
        backup_sqlite(source, target)
    except OSError as exc:
        raise StoreError(f"cannot write the backup to {target}: {exc.strerror}") from exc
    report = _inspect(target)
    if not report.ok:
        raise StoreError(f"the backup at {target} failed its check: {'; '.join(report.integrity)}")
    return target


def restore(backup_file: Path, location: str, now: datetime) -> tuple[Path | None, Path]:
    """Replace the notebook at ``location`` with ``backup_file``.

    The file is checked first (a ckbook database, intact, not from a newer ckbook); the current
    notebook is kept as a safety copy before anything changes. Returns (safety copy, notebook).
    """
    source = backup_file.expanduser()
    if not source.is_file():
        raise StoreError(f"{source} is not a file")
    _check_sqlite_header(source)
    report = _inspect(source)
    if not report.schema_steps:
        raise NotADatabaseError(f"{source} is not a ckbook notebook (no schema history)")
    if not report.ok:
        raise StoreError(f"{source} is damaged: {'; '.join(report.integrity)}")
    newer = sorted(set(report.schema_steps) - set(known_migrations()))
    if newer:
        raise SchemaTooNewError(
            f"{source} was written by a newer ckbook (schema step {newer[-1]}); update ckbook "
            "to restore it. Nothing was changed."
        )
    target = _sqlite_path(location)
    safety: Path | None = None
    if target.exists() and target.stat().st_size > 0:
        safety = Path(f"{target}.before-restore-{now.strftime('%Y%m%d-%H%M%S')}.bak")
        backup_sqlite(target, safety)
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
