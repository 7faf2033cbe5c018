"""The user's settings, stored in the notebook's Setting table (so they travel with the notebook
and its backups): default remind-before, quiet hours, which reminders stay on screen until seen,
close-to-tray, start at login, the end of business (what "EOD" and "COB" mean in a promise
line), the colour scheme (follow the system, light or dark), "Your name" (the author of what
is written on a notebook file) and, in team mode, whether to get everyone's reminders.

Declared once here with their defaults and checks; read as one frozen ``Settings`` value;
changed only through ``update_settings``, which validates everything first, writes in one
transaction and returns one ``Changed(Kind.SETTINGS)``. A stored value that cannot be read (edited
by hand, written by a newer ckbook) falls back to its default instead of stopping the app.

A server notebook's settings are the team's, except the personal ones (``PERSONAL``), which are
stored once per person (``settings.<name>@<person>``): one person's choice to see everyone's
reminders is not another's.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import time
from typing import Any

from ckbook.i18n import tr
from ckbook.services.base import Changed, InputError, Kind, write_transaction
from ckbook.services.due_phrases import END_OF_BUSINESS
from ckbook.services.limits import REMIND_BEFORE_MINUTES
from ckbook.services.reminder_rules import DEFAULT_REMIND_BEFORE_MINUTES, QuietHours, ReminderKind
from ckbook.store.models import Setting, database_proxy
from ckbook.store.people import MAX_NAME, resolve, sign_in, signed_in
from ckbook.store.rows import tuples

#: The colour schemes the window can use; "system" follows the desktop's light/dark setting.
COLOR_SCHEMES = ("system", "light", "dark")

#: Longest sensible default remind-before: one week (the same limit as a promise's own).
MAX_REMIND_BEFORE_MINUTES = REMIND_BEFORE_MINUTES.high


@dataclass(frozen=True)
class Settings:
    remind_before_minutes: int = DEFAULT_REMIND_BEFORE_MINUTES
    quiet_hours_enabled: bool = False
    quiet_start: time = time(22, 0)
    quiet_end: time = time(7, 0)
    close_to_tray: bool = True
    start_at_login: bool = False
    #: Whether the user was told once that closing the window keeps ckbook in the tray.
    tray_hint_shown: bool = False
    #: What "EOD", "COB", "close of business" and "end of play" mean in a promise line.
    end_of_business: time = END_OF_BUSINESS
    color_scheme: str = "system"
    #: Per kind of reminder: sent as resident and critical, so it stays on screen until the user
    #: acts on it (what is late by default; what is only coming up may expire like any pop-up).
    stay_promise_overdue: bool = True
    stay_request_overdue: bool = True
    stay_promise_coming_due: bool = False
    stay_checkin_overdue: bool = False
    #: Who writes on this notebook file ("": the operating system's user name); a server
    #: notebook knows its people by their database roles instead.
    your_name: str = ""
    #: Team mode: get the reminders of everyone's promises, not only of my own.
    everyones_reminders: bool = False

    def stays_until_seen(self, kind: ReminderKind) -> bool:
        """Whether a reminder of ``kind`` stays on screen until the user acts on it."""
        return {
            ReminderKind.PROMISE_OVERDUE: self.stay_promise_overdue,
            ReminderKind.REQUEST_OVERDUE: self.stay_request_overdue,
            ReminderKind.PROMISE_COMING_DUE: self.stay_promise_coming_due,
            ReminderKind.CHECKIN_OVERDUE: self.stay_checkin_overdue,
        }[kind]

    @property
    def quiet_hours(self) -> QuietHours | None:
        if not self.quiet_hours_enabled:
            return None
        return QuietHours(self.quiet_start, self.quiet_end)


def _write_bool(value: object) -> str:
    if not isinstance(value, bool):
        raise TypeError
    return "1" if value else "0"


def _read_bool(text: str) -> bool:
    if text not in ("0", "1"):
        raise ValueError(text)
    return text == "1"


def _write_minutes(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError
    if not 0 <= value <= MAX_REMIND_BEFORE_MINUTES:
        raise ValueError
    return str(value)


def _read_minutes(text: str) -> int:
    value = int(text)
    if not 0 <= value <= MAX_REMIND_BEFORE_MINUTES:
        raise ValueError(text)
    return value


def _write_time(value: object) -> str:
    if not isinstance(value, time):
        raise TypeError
    return value.strftime("%H:%M")


def _read_time(text: str) -> time:
    return time.fromisoformat(text).replace(second=0, microsecond=0)


def _write_name(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError
    name = " ".join(value.split())
    if len(name) > MAX_NAME:
        raise ValueError
    return name


def _read_name(text: str) -> str:
    return " ".join(text.split())[:MAX_NAME]


def _write_scheme(value: object) -> str:
    if value not in COLOR_SCHEMES:
        raise ValueError
    return str(value)


def _read_scheme(text: str) -> str:
    if text not in COLOR_SCHEMES:
        raise ValueError(text)
    return text


_CODECS: dict[str, tuple[Callable[[object], str], Callable[[str], Any], str]] = {
    "remind_before_minutes": (
        _write_minutes,
        _read_minutes,
        f"default remind-before must be whole minutes from 0 to {MAX_REMIND_BEFORE_MINUTES}",
    ),
    "quiet_hours_enabled": (_write_bool, _read_bool, "quiet hours on/off must be yes or no"),
    "quiet_start": (_write_time, _read_time, "quiet hours start must be a time of day"),
    "quiet_end": (_write_time, _read_time, "quiet hours end must be a time of day"),
    "close_to_tray": (_write_bool, _read_bool, "close to tray must be yes or no"),
    "start_at_login": (_write_bool, _read_bool, "start at login must be yes or no"),
    "tray_hint_shown": (_write_bool, _read_bool, "tray hint shown must be yes or no"),
    "stay_promise_overdue": (_write_bool, _read_bool, "keep overdue promises must be yes or no"),
    "stay_request_overdue": (_write_bool, _read_bool, "keep late replies must be yes or no"),
    "stay_promise_coming_due": (
        _write_bool,
        _read_bool,
        "keep promises coming due must be yes or no",
    ),
    "stay_checkin_overdue": (_write_bool, _read_bool, "keep check-ins must be yes or no"),
    "end_of_business": (_write_time, _read_time, "end of business must be a time of day"),
    "color_scheme": (
        _write_scheme,
        _read_scheme,
        "the colour scheme must be system, light or dark",
    ),
    "your_name": (_write_name, _read_name, f"your name must be at most {MAX_NAME} characters"),
    "everyones_reminders": (
        _write_bool,
        _read_bool,
        "everyone's reminders on/off must be yes or no",
    ),
}
_PREFIX = "settings."
#: Settings each person of a team keeps for themselves.
PERSONAL = frozenset({"everyones_reminders"})


def _key(name: str) -> str:
    if name in PERSONAL:
        return f"{_PREFIX}{name}@{signed_in().name}"
    return _PREFIX + name


def load_settings() -> Settings:
    """The stored settings; anything missing or unreadable is its default."""
    stored: dict[str, str] = dict(
        tuples(Setting.select(Setting.key, Setting.value).where(Setting.key.startswith(_PREFIX)))
    )
    values: dict[str, Any] = {}
    for name, (_write, read, _why) in _CODECS.items():
        text = stored.get(_key(name))
        if text is None:
            continue
        try:
            values[name] = read(text)
        except (TypeError, ValueError):
            continue  # a hand-edited or foreign value: keep the default
    return Settings(**values)


def update_settings(**changes: object) -> Changed:
    """Change some settings at once; InputError naming the first bad one, nothing written."""
    current = load_settings()
    encoded: dict[str, str] = {}
    for name, value in changes.items():
        codec = _CODECS.get(name)
        if codec is None:
            raise InputError(tr("there is no setting called {name!r}").format(name=name))
        write, _read, why = codec
        try:
            encoded[name] = write(value)
        except (TypeError, ValueError):
            raise InputError(f"{why}, not {value!r}") from None
    # Each value's type was checked by its codec above; mypy cannot see that through **changes.
    result = dataclasses.replace(current, **changes)  # type: ignore[arg-type]
    if result.quiet_hours_enabled and result.quiet_start == result.quiet_end:
        raise InputError(
            tr("quiet hours start and end are the same time; pick two different times")
        )
    with write_transaction():
        for name, text in encoded.items():
            Setting.insert(key=_key(name), value=text).on_conflict(
                conflict_target=[Setting.key], update={Setting.value: text}
            ).execute()
    if "your_name" in changes and not signed_in().team:
        sign_in(resolve(database_proxy.obj))  # what is written from now on is by the new name
    return Changed(Kind.SETTINGS, (), (), ",".join(sorted(changes)))


def end_of_business() -> time:
    """The stored end of business, for reading a due out of words (``due_phrases.read_due``)."""
    return load_settings().end_of_business


def save_settings(settings: Settings) -> Changed:
    """Store a whole ``Settings`` value (what the settings dialog returns)."""
    return update_settings(**dataclasses.asdict(settings))
