"""Backups as the window uses them: the automatic ones it owes the notebook, the list it offers
to restore from, and a restore into the open notebook.

The rules and the files live in ``store`` (``auto_backup``, ``maintenance``); this module gives
the window plain values and ``Changed`` so it never reaches below services.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ckbook.services.base import Changed, Kind
from ckbook.store import auto_backup, maintenance
from ckbook.store.maintenance import BackupInfo

__all__ = ["BackupInfo", "automatic_backup", "backups_of", "restore_backup"]


def automatic_backup(location: str, now: datetime, *, only_if_stale: bool = False) -> Path | None:
    """Make an automatic backup (verified, old ones thinned); with ``only_if_stale``, only when
    the newest is a day old or there is none (at start). Returns the file made, or None."""
    if only_if_stale and not auto_backup.backup_due_at_start(
        auto_backup.automatic_backups(location), now
    ):
        return None
    return auto_backup.make_automatic_backup(location, now).made


def backups_of(location: str) -> tuple[BackupInfo, ...]:
    """Every backup of the notebook, newest first, with the counts each holds."""
    return tuple(maintenance.list_backups(location))


def restore_backup(location: str, backup_file: Path, now: datetime) -> tuple[Path | None, Changed]:
    """Replace the open notebook's content with ``backup_file`` (checked first; the notebook as
    it was kept as a safety copy). Every view must reload: the change names no client."""
    safety, _target = maintenance.restore(backup_file, location, now)
    return safety, Changed(Kind.CLIENT, detail="restored from a backup")
