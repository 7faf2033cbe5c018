"""Settings in the notebook: defaults, typed changes with checks, one Changed, bad stored values."""

from __future__ import annotations

from datetime import time

import pytest

from ckbook.services.base import InputError
from ckbook.services.reminder_rules import QuietHours
from ckbook.services.settings import Settings, load_settings, save_settings, update_settings
from ckbook.store.models import Setting


def test_defaults_when_nothing_is_stored(db):
    settings = load_settings()
    assert settings == Settings()
    assert settings.remind_before_minutes == 60
    assert settings.quiet_hours is None  # quiet hours are off by default
    assert settings.close_to_tray is True
    assert settings.start_at_login is False


def test_changes_are_stored_and_reported_once(db):
    changed = update_settings(
        remind_before_minutes=30, quiet_hours_enabled=True, quiet_start=time(21, 30)
    )
    assert changed.kind == "settings"
    settings = load_settings()
    assert settings.remind_before_minutes == 30
    assert settings.quiet_hours == QuietHours(time(21, 30), time(7, 0))
    save_settings(Settings(start_at_login=True))
    assert load_settings() == Settings(start_at_login=True)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"remind_before_minutes": -5}, "whole minutes from 0"),
        ({"remind_before_minutes": 10_081}, "whole minutes from 0"),
        ({"remind_before_minutes": "60"}, "whole minutes from 0"),
        ({"remind_before_minutes": True}, "whole minutes from 0"),
        ({"close_to_tray": "yes"}, "close to tray must be yes or no"),
        ({"quiet_start": "22:00"}, "quiet hours start must be a time"),
        ({"colour": "red"}, "no setting called 'colour'"),
        (
            {"quiet_hours_enabled": True, "quiet_start": time(8), "quiet_end": time(8)},
            "start and end are the same",
        ),
    ],
)
def test_bad_values_are_refused_and_nothing_is_written(db, changes, message):
    update_settings(remind_before_minutes=15)
    with pytest.raises(InputError, match=message):
        update_settings(start_at_login=True, **changes)
    assert load_settings() == Settings(remind_before_minutes=15)


def test_an_unreadable_stored_value_falls_back_to_its_default(db):
    update_settings(remind_before_minutes=15, close_to_tray=False)
    Setting.update(value="soon").where(Setting.key == "settings.remind_before_minutes").execute()
    Setting.create(key="settings.quiet_start", value="25:99")
    Setting.create(key="other.thing", value="kept")  # someone else's key is left alone
    settings = load_settings()
    assert settings.remind_before_minutes == 60
    assert settings.quiet_start == time(22)
    assert settings.close_to_tray is False


def test_end_of_business_is_stored_and_read_into_promise_lines(db, now, tz):
    from ckbook.services.promises import add_promise, get_promise
    from tests.factories import make_client

    assert load_settings().end_of_business == time(17, 0)
    update_settings(end_of_business=time(18, 30))
    assert load_settings().end_of_business == time(18, 30)
    with pytest.raises(InputError, match="end of business must be a time"):
        update_settings(end_of_business="18:30")
    client = make_client(now, "Ada Lovelace")
    promise = get_promise(add_promise(client, "send the quote by COB", now, tz).ids[0])
    assert promise.due is not None and promise.due.to_json() == "2026-11-18T18:30"
