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


def default_backup_path(now: datetime) -> Path:
    return data_dir() / "backups" / f"ckbook-{now.strftime('%Y%m%d-%H%M%S')}.sqlite3"


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
        newer_steps=tuple(sorted(set(steps) - set(known))),
    )


def check(location: str) -> CheckReport:
    """Integrity and foreign-key check of a notebook, read-only; StoreError when there is no
    notebook file at ``location``."""
    return _inspect(_existing_notebook(_sqlite_path(location)))


def backup(location: str, target: Path) -> Path:
    """Copy the live notebook to ``target`` (0600) and verify the copy. A ``location`` with no
    notebook is refused (never created empty and backed up)."""
    source = _existing_notebook(_sqlite_path(location))
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
    if not report.intact:
        raise StoreError(f"the backup at {target} failed its check: {report.problem()}")
    return target


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
