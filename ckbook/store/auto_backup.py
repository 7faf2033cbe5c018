"""Automatic backups: when one is due, making it, and thinning the old ones.

The window makes a backup with SQLite's backup API on a worker (never a file copy of a live WAL
database): at start when the newest is older than a day, every 30 minutes while there are
changes, and at quit. Each is verified with ``PRAGMA quick_check`` and kept 0600 in the 0700
``backups/`` folder beside the notebook. Thinning follows Anki's idea — many recent copies,
fewer and fewer older ones — so a year of daily use costs a few dozen files:

- the newest ``KEEP_LATEST`` backups, whatever their age;
- the newest backup of each day for the last 7 days;
- the newest of each ISO week for the last 5 weeks;
- the newest of each month for the last 12 months;
- nothing older than a year.

Only automatic backups (``auto-YYYYMMDD-HHMMSSZ.sqlite3``, named in UTC so a daylight-saving
change never reorders them) are ever thinned: a copy the user made with ``ckbook backup`` and the
copies kept before an upgrade or a restore stay until the user removes them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ckbook.store.maintenance import (
    _make_backups_folder,
    auto_backup_stamp,
    backup,
    backups_folder,
)

KEEP_LATEST = 5
AT_START_IF_OLDER_THAN = timedelta(days=1)
WHILE_CHANGING_EVERY = timedelta(minutes=30)


@dataclass(frozen=True)
class AutoBackup:
    path: Path
    made_at: datetime  # UTC


@dataclass(frozen=True)
class AutoBackupResult:
    made: Path
    removed: tuple[Path, ...]


def auto_backup_name(now: datetime) -> str:
    return f"auto-{now.astimezone(UTC).strftime('%Y%m%d-%H%M%S')}Z.sqlite3"


def automatic_backups(location: str) -> list[AutoBackup]:
    """The notebook's automatic backups, oldest first."""
    found = []
    folder = backups_folder(location)
    if not folder.is_dir():
        return []
    for path in folder.iterdir():
        made_at = auto_backup_stamp(path)
        if made_at is not None and path.is_file():
            found.append(AutoBackup(path, made_at))
    return sorted(found, key=lambda b: (b.made_at, b.path.name))


def to_remove(backups: Sequence[AutoBackup], now: datetime) -> list[Path]:
    """Which automatic backups the thinning rule (module docstring) lets go."""
    newest_first = sorted(backups, key=lambda b: (b.made_at, b.path.name), reverse=True)
    keep: set[Path] = {b.path for b in newest_first[:KEEP_LATEST]}
    now = now.astimezone(UTC)
    periods = (
        (timedelta(days=7), lambda t: t.date()),
        (timedelta(weeks=5), lambda t: t.isocalendar()[:2]),
        (timedelta(days=365), lambda t: (t.year, t.month)),
    )
    for window, period_of in periods:
        seen: set[object] = set()
        for item in newest_first:
            if now - item.made_at > window:
                continue
            period = period_of(item.made_at)
            if period not in seen:
                seen.add(period)
                keep.add(item.path)
    return [b.path for b in newest_first if b.path not in keep]


def backup_due_at_start(backups: Iterable[AutoBackup], now: datetime) -> bool:
    """At start: when there is no automatic backup, or the newest is older than a day."""
    newest = max((b.made_at for b in backups), default=None)
    return newest is None or now.astimezone(UTC) - newest >= AT_START_IF_OLDER_THAN


def make_automatic_backup(location: str, now: datetime) -> AutoBackupResult:
    """Back up the notebook (verified with quick_check), then thin the automatic backups."""
    folder = backups_folder(location)
    _make_backups_folder(folder)
    made = backup(location, folder / auto_backup_name(now), unique=True, quick=True)
    removed = []
    for path in to_remove(automatic_backups(location), now):
        for file in (path, *(Path(f"{path}{suffix}") for suffix in ("-wal", "-shm"))):
            file.unlink(missing_ok=True)  # companions an older release's reader left
        removed.append(path)
    return AutoBackupResult(made, tuple(removed))
