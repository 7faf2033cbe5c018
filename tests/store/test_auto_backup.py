"""Automatic backups over a simulated year with the clock pinned: made when due, verified,
owner-only, thinned to the last few, one a day for a week, one a week for a month, one a month
for a year; user copies are never thinned."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ckbook.store.auto_backup import (
    KEEP_LATEST,
    AutoBackup,
    automatic_backups,
    backup_due_at_start,
    make_automatic_backup,
    to_remove,
)
from ckbook.store.maintenance import backup, check, list_backups
from tests.factories import make_client

START = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)

pytestmark = pytest.mark.sqlite_only(
    "automatic backups are copies of the notebook file (a server is backed up by its own tools)"
)


def fake(days_ago: float, now: datetime) -> AutoBackup:
    return AutoBackup(Path(f"auto-{days_ago}.sqlite3"), now - timedelta(days=days_ago))


def test_thinning_keeps_the_latest_then_one_per_day_week_and_month():
    now = START + timedelta(days=400)
    # Two backups a day (09:00 and 17:00) for 400 days.
    items = [fake(d + h, now) for d in range(400) for h in (0.0, 8 / 24)]
    kept = {b.path for b in items} - set(to_remove(items, now))
    ages = sorted((now - b.made_at).days for b in items if b.path in kept)
    assert len(kept) <= KEEP_LATEST + 7 + 5 + 12
    assert all(age <= 365 for age in ages)  # nothing older than a year
    assert {(now - timedelta(days=d)).date() for d in range(7)} <= {
        b.made_at.date() for b in items if b.path in kept
    }
    months = {(b.made_at.year, b.made_at.month) for b in items if b.path in kept}
    assert len(months) >= 12


def test_at_start_a_backup_is_due_when_the_newest_is_a_day_old():
    now = START
    assert backup_due_at_start([], now)
    assert not backup_due_at_start([fake(0.5, now)], now)
    assert backup_due_at_start([fake(1.0, now), fake(3, now)], now)


def test_a_simulated_year_of_daily_backups_is_thinned_and_every_kept_one_is_good(db, now):  # type: ignore[no-untyped-def]
    make_client(now, "Ada Lovelace")
    user_copy = backup(db.location, None, now)  # made by the user: never thinned
    clock = START
    for day in range(365):
        # At start each day; in the last fortnight also after a working day of changes.
        for hour in (0, 8) if day >= 350 else (0,):
            result = make_automatic_backup(db.location, clock + timedelta(hours=hour))
            assert result.made.exists()
        clock += timedelta(days=1)
    kept = automatic_backups(db.location)
    assert 12 <= len(kept) <= KEEP_LATEST + 7 + 5 + 12
    assert kept[-1].made_at == clock - timedelta(days=1) + timedelta(hours=8)
    folder = Path(db.location).parent / "backups"
    assert folder.stat().st_mode & 0o077 == 0
    for item in kept:
        assert item.path.stat().st_mode & 0o077 == 0
        assert check(str(item.path)).ok
    assert user_copy.exists()
    listed = list_backups(db.location)
    assert len(listed) == len(kept) + 1
    assert all(info.clients == 1 for info in listed)
    assert check(db.location).ok


def test_two_automatic_backups_in_the_same_second_both_land(db, now):  # type: ignore[no-untyped-def]
    make_client(now, "Ada Lovelace")
    first = make_automatic_backup(db.location, START).made
    second = make_automatic_backup(db.location, START).made
    assert first != second and first.exists() and second.exists()


def test_a_backup_is_one_self_contained_file_even_after_it_is_read(db, now):  # type: ignore[no-untyped-def]
    make_client(now, "Ada Lovelace")
    made = make_automatic_backup(db.location, START).made
    assert check(str(made)).ok
    assert list_backups(db.location)[0].clients == 1
    assert sorted(p.name for p in made.parent.iterdir()) == [made.name]  # no -wal, no -shm
