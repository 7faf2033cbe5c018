"""Backups, restore and "check database" for SQLite notebooks.

A live WAL database is never copied as a file (a plain copy misses what is still in ``-wal``):
backups go through SQLite's backup API on a connection of their own, so they are safe to run on a
worker thread while the app keeps writing. Every copy is created owner-only (0600) and verified.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import Path

from ckbook.i18n import tr
from ckbook.store.database import (
    HISTORY_TABLE,
    _check_sqlite_header,
    _prepare_sqlite_file,
    backup_sqlite,
    known_migrations,
    open_database,
    read_only_uri,
    without_password,
)
from ckbook.store.errors import (
    DamagedError,
    ForeignDatabaseError,
    NotADatabaseError,
    SchemaTooNewError,
    StoreError,
)
from ckbook.store.output import unique_variant


@dataclass(frozen=True)
class CheckReport:
    location: str
    integrity: tuple[str, ...]
    foreign_key_problems: int
    schema_steps: tuple[str, ...]
    pending_steps: tuple[str, ...]
    #: Schema steps this ckbook does not know: the file was written by a newer one.
    newer_steps: tuple[str, ...] = ()
    #: Search indexes (FTS tables) found out of step with what they index.
    damaged_indexes: tuple[str, ...] = ()
    #: Those indexes were rebuilt from the notebook's own rows (``check`` repairs them).
    indexes_repaired: bool = False

    @property
    def intact(self) -> bool:
        return self.integrity == ("ok",) and self.foreign_key_problems == 0

    @property
    def ok(self) -> bool:
        """Intact, its search index in step (or repaired), and from a ckbook no newer than
        this one (which can vouch for it)."""
        index_ok = not self.damaged_indexes or self.indexes_repaired
        return self.intact and index_ok and not self.newer_steps

    def problem(self) -> str | None:
        """What is wrong, in one line; None when nothing is."""
        found = []
        if self.integrity != ("ok",):
            found.append(tr("integrity: {found}").format(found="; ".join(self.integrity)))
        if self.foreign_key_problems:
            rows = self.foreign_key_problems
            found.append(tr("%n rows pointing at missing rows", "", rows))
        if self.newer_steps:
            found.append(
                tr("written by a newer ckbook (schema step {step}); update ckbook").format(
                    step=self.newer_steps[-1]
                )
            )
        if self.damaged_indexes and not self.indexes_repaired:
            found.append(
                tr("search index out of step: {indexes}").format(
                    indexes=", ".join(self.damaged_indexes)
                )
            )
        if not self.intact:
            found.append(restore_advice())
        return "; ".join(found) if found else None

    def lines(self) -> list[str]:
        """The check's report, a line per thing checked (SQLite's own integrity words as it
        says them)."""
        verdict = tr("ok", "check") if self.ok else tr("PROBLEMS FOUND")
        lines = [f"{self.location}: {verdict}"]
        integrity = "; ".join(self.integrity)
        if self.integrity == ("ok",):
            integrity = tr("ok", "check")
        lines.append(tr("integrity: {found}").format(found=integrity))
        lines.append(
            tr("rows pointing at missing rows: {count}").format(count=self.foreign_key_problems)
        )
        step = self.schema_steps[-1] if self.schema_steps else tr("none", "schema")
        lines.append(tr("schema: {step}").format(step=step))
        if self.pending_steps:
            steps = ", ".join(self.pending_steps)
            lines.append(tr("upgrade pending: {steps}").format(steps=steps))
        if self.newer_steps:
            steps = ", ".join(self.newer_steps)
            lines.append(tr("written by a newer ckbook: {steps}").format(steps=steps))
        if not self.damaged_indexes:
            lines.append(tr("search index: ok"))
        else:
            indexes = ", ".join(self.damaged_indexes)
            if self.indexes_repaired:
                said = tr("search index: out of step in {indexes}; rebuilt")
            else:
                said = tr("search index: out of step in {indexes}; not repaired (read-only)")
            lines.append(said.format(indexes=indexes))
        if not self.intact:
            lines.append(restore_advice())
        return lines


def restore_advice() -> str:
    return tr(
        "the notebook's data is damaged: restore a backup (ckbook backup --list, then ckbook "
        "restore FILE); the damaged file is kept as a safety copy"
    )


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
        raise StoreError(
            tr(
                "backup and restore work on notebook files; back a server up with its "
                "own tools (pg_dump), or copy it to a file with ckbook migrate-to FILE"
            )
        )
    return Path(location).expanduser()


def _existing_notebook(path: Path) -> Path:
    """``path`` when it is a file that could be a notebook; else StoreError saying what it is."""
    if path.is_dir():
        raise StoreError(tr("{file} is a folder, not a database file").format(file=path))
    if not path.exists():
        raise StoreError(tr("no notebook at {file}").format(file=path))
    _check_sqlite_header(path)
    return path


def _inspect(path: Path, quick: bool = False) -> CheckReport:
    check_pragma = "quick_check" if quick else "integrity_check"
    with sqlite3.connect(read_only_uri(path), uri=True) as connection:
        try:
            integrity = tuple(row[0] for row in connection.execute(f"PRAGMA {check_pragma}"))
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
            raise NotADatabaseError(
                tr("{file} cannot be read as a ckbook database: {why}").format(file=path, why=exc)
            ) from exc
    connection.close()
    if tables and not has_history:
        raise ForeignDatabaseError(
            tr("{file} is a SQLite database of another program, not a ckbook notebook").format(
                file=path
            )
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


def check(location: str, *, repair: bool = True) -> CheckReport:
    """Integrity, foreign-key and search-index check of a notebook; StoreError when there is no
    notebook file at ``location``. Only the search index is ever changed: with ``repair``, an
    index out of step with its rows is rebuilt from them (derived data, nothing of the user's)."""
    if "://" in location:
        return _check_server(location, repair)
    path = _existing_notebook(_sqlite_path(location))
    report = _inspect(path)
    if not report.intact or not report.schema_steps or report.newer_steps:
        return report
    damaged = _damaged_search_indexes(path)
    repaired = False
    if damaged and repair and os.access(path, os.W_OK) and os.access(path.parent, os.W_OK):
        _rebuild_search_indexes(path, damaged)
        repaired = not _damaged_search_indexes(path)
    return dataclasses.replace(report, damaged_indexes=damaged, indexes_repaired=repaired)


def _check_server(url: str, repair: bool) -> CheckReport:
    """``check`` on a PostgreSQL notebook (team mode); see ``store.server.inspect_server``."""
    from ckbook.store.server import inspect_server

    integrity, links, steps, damaged, repaired = inspect_server(url, repair=repair)
    if integrity != ("ok",) and not steps:
        raise NotADatabaseError(tr("{notebook} holds no ckbook notebook").format(notebook=url))
    known = known_migrations()
    return CheckReport(
        location=without_password(url),
        integrity=integrity,
        foreign_key_problems=links,
        schema_steps=steps,
        pending_steps=tuple(name for name in known if name not in steps),
        newer_steps=tuple(sorted(set(steps) - set(known))),
        damaged_indexes=damaged,
        indexes_repaired=repaired,
    )


def _fts_tables(connection: sqlite3.Connection) -> list[str]:
    rows = connection.execute(
        "SELECT name FROM sqlite_master "
        "WHERE type='table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'"
    )
    return sorted(row[0] for row in rows)


def _damaged_search_indexes(path: Path) -> tuple[str, ...]:
    """FTS5's own integrity check against the content table. It is written as an INSERT, so it
    needs a writable connection; it changes nothing (and is rolled back regardless)."""
    if not os.access(path.parent, os.W_OK):
        return ()
    damaged = []
    with contextlib.closing(sqlite3.connect(os.fspath(path), isolation_level=None)) as connection:
        connection.execute("PRAGMA busy_timeout = 5000")
        for table in _fts_tables(connection):
            try:
                connection.execute(
                    f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)"
                )
            except sqlite3.DatabaseError as exc:
                if getattr(exc, "sqlite_errorname", "").startswith("SQLITE_CORRUPT"):
                    damaged.append(table)
                else:
                    raise
    return tuple(damaged)


def _rebuild_search_indexes(path: Path, tables: tuple[str, ...]) -> None:
    with contextlib.closing(sqlite3.connect(os.fspath(path), isolation_level=None)) as connection:
        connection.execute("PRAGMA busy_timeout = 5000")
        connection.execute("BEGIN IMMEDIATE")
        for table in tables:
            connection.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
        connection.execute("COMMIT")


def backup(
    location: str,
    target: Path | None,
    now: datetime | None = None,
    *,
    overwrite: bool = False,
    unique: bool = False,
    quick: bool = False,
) -> Path:
    """Copy the live notebook (0600) and verify the copy; returns the file written.

    ``target`` None: a new, uniquely named file in the notebook's backups folder (0700), named
    for ``now``. A file the user named is never the notebook itself, a device, or an existing
    file unless ``overwrite``; with ``unique`` a taken name becomes ``name-2``. The copy is
    verified with ``PRAGMA integrity_check`` (``quick``: ``quick_check``, for automatic backups
    of a large notebook). A ``location`` with no notebook is refused (never created empty and
    backed up).
    """
    source = _existing_notebook(_sqlite_path(location))
    unique = unique or target is None
    if target is None:
        if now is None:
            raise ValueError("a backup without a target needs the time it is made at")
        target = default_backup_path(location, now)
        _make_backups_folder(target.parent)
    try:
        written = backup_sqlite(source, target.expanduser(), overwrite=overwrite, unique=unique)
    except OSError as exc:
        raise StoreError(
            tr("cannot write the backup to {file}: {why}").format(file=target, why=exc.strerror)
        ) from exc
    report = _inspect(written, quick=quick)
    if not report.intact:
        written.unlink()
        raise StoreError(
            tr("the backup at {file} failed its check: {problem}").format(
                file=target, problem=report.problem()
            )
        )
    return written


def restore(backup_file: Path, location: str, now: datetime) -> tuple[Path | None, Path]:
    """Replace the notebook at ``location`` with ``backup_file``.

    The file is checked first (a ckbook database, intact, not from a newer ckbook); the current
    notebook is kept as a safety copy before anything changes. Returns (safety copy, notebook).
    """
    source = backup_file.expanduser()
    if not source.is_file():
        raise StoreError(tr("{file} is not a file").format(file=source))
    target = _sqlite_path(location)
    if target.is_dir():
        raise StoreError(tr("{file} is a folder, not a database file").format(file=target))
    if target.exists() and os.path.samefile(source, target):
        raise StoreError(
            tr("{file} is the notebook itself; restore a backup, not the notebook").format(
                file=source
            )
        )
    _check_sqlite_header(source)
    report = _inspect(source)
    if not report.schema_steps:
        raise NotADatabaseError(
            tr("{file} is not a ckbook notebook (no schema history)").format(file=source)
        )
    if not report.intact:
        raise StoreError(
            tr("{file} is damaged: {problem}").format(file=source, problem=report.problem())
        )
    if report.newer_steps:
        raise SchemaTooNewError(
            tr(
                "{file} was written by a newer ckbook (schema step {step}); update "
                "ckbook to restore it. Nothing was changed."
            ).format(file=source, step=report.newer_steps[-1])
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
            return tr("cannot be read")
        clients, notes, promises = self.clients or 0, self.notes or 0, self.promises or 0
        return ", ".join(
            (
                tr("1 client") if clients == 1 else tr("%n clients", "", clients),
                tr("1 note") if notes == 1 else tr("%n notes", "", notes),
                tr("1 promise") if promises == 1 else tr("%n promises", "", promises),
            )
        )

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


_AUTO_NAME = re.compile(r"^auto-(\d{8}-\d{6})Z(?:-\d+)?\.sqlite3$")


def auto_backup_stamp(path: Path) -> datetime | None:
    """When an automatic backup was made, from its name (``auto-YYYYMMDD-HHMMSSZ…``, UTC);
    None for any other file."""
    match = _AUTO_NAME.match(path.name)
    if match is None:
        return None
    return datetime.strptime(match.group(1), "%Y%m%d-%H%M%S").replace(tzinfo=UTC)


def list_backups(location: str) -> list[BackupInfo]:
    """Every backup of the notebook at ``location``, newest first, with what it holds."""
    infos = []
    for path in backup_files(location):
        stat_result = path.stat()
        counts = _counts(path)
        clients, notes, promises = counts if counts else (None, None, None)
        made_at = auto_backup_stamp(path) or datetime.fromtimestamp(stat_result.st_mtime, UTC)
        infos.append(BackupInfo(path, made_at, stat_result.st_size, clients, notes, promises))
    return sorted(infos, key=lambda info: (info.made_at, info.path.name), reverse=True)


class Trouble(enum.Enum):
    """Why a notebook file cannot be opened, as the start window explains it."""

    NOT_SQLITE = "not a SQLite file"
    FOREIGN = "another program's database"
    NEWER = "written by a newer ckbook"
    DAMAGED = "damaged"
    UNREADABLE = "cannot be read"


def trouble_words(trouble: Trouble) -> tuple[str, bool]:
    """What a trouble means, in plain words, and whether a backup is the way out."""
    words = {
        Trouble.NOT_SQLITE: (
            tr(
                "This file is not a ckbook notebook (it is not even a database). Check that the "
                "path is the one you meant."
            ),
            False,
        ),
        Trouble.FOREIGN: (
            tr(
                "This file is a database of another program, not a ckbook notebook. ckbook did "
                "not change it. Check that the path is the one you meant."
            ),
            False,
        ),
        Trouble.NEWER: (
            tr(
                "This notebook was written by a newer version of ckbook. Update ckbook to open "
                "it; the file was not changed."
            ),
            False,
        ),
        Trouble.DAMAGED: (
            tr(
                "This notebook file is damaged (it may have been cut short or overwritten). "
                "ckbook did not change it. You can restore the newest good backup; the damaged "
                "file is kept beside it."
            ),
            True,
        ),
        Trouble.UNREADABLE: (
            tr(
                "This notebook file cannot be read (its permissions or the disk refuse it). "
                "ckbook did not change it. Fix the permissions, or restore the newest good "
                "backup; the unreadable file is kept beside it."
            ),
            True,
        ),
    }
    return words[trouble]


def diagnose(location: str) -> Trouble | None:
    """What is wrong with the notebook file at ``location`` (None: nothing found), read-only."""
    path = _sqlite_path(location)
    if not path.exists():
        return None
    if not os.access(path, os.R_OK):
        return Trouble.UNREADABLE
    try:
        _check_sqlite_header(path)
    except DamagedError:
        return Trouble.DAMAGED
    except NotADatabaseError:
        return Trouble.NOT_SQLITE
    except OSError:
        return Trouble.UNREADABLE
    try:
        report = _inspect(path, quick=True)
    except ForeignDatabaseError:
        return Trouble.FOREIGN
    except (NotADatabaseError, sqlite3.Error):
        return Trouble.DAMAGED
    if report.newer_steps:
        return Trouble.NEWER
    if not report.intact:
        return Trouble.DAMAGED
    return None


def newest_good_backup(location: str) -> BackupInfo | None:
    """The newest backup that passes its check and that this ckbook can open."""
    for info in list_backups(location):
        if not info.readable:
            continue
        try:
            report = _inspect(info.path, quick=True)
        except StoreError:
            continue
        if report.intact and report.schema_steps and not report.newer_steps:
            return info
    return None


def restore_over_unusable(location: str, backup_file: Path, now: datetime) -> Path:
    """Move the unusable notebook (and its -wal/-shm) aside, never deleting it, then restore
    ``backup_file`` in its place. Returns where the unusable file now is."""
    notebook = _sqlite_path(location)
    stamp = now.astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    aside = notebook.with_name(f"{notebook.name}.unusable-{stamp}")
    attempt = 1
    while any(Path(f"{unique_variant(aside, attempt)}{s}").exists() for s in ("", "-wal", "-shm")):
        attempt += 1
    aside = unique_variant(aside, attempt)
    for suffix in ("-wal", "-shm", ""):  # the main file last: until then the notebook is whole
        companion = Path(f"{notebook}{suffix}")
        if companion.exists():
            os.rename(companion, Path(f"{aside}{suffix}"))
    restore(backup_file, location, now)
    return aside
