"""Signing in to a server notebook: each person's password lives in the system keyring, never
in a file, a URL that is shown, or a log.

``ckbook team login postgresql://ada@host/db`` asks for the password once, checks it with the
server and keeps it in the keyring (the desktop's Secret Service, macOS Keychain, Windows
Credential Locker: whatever the ``keyring`` package finds) under the service ``ckbook`` and the
key ``ada@host:5432/db``. Opening ``--db postgresql://ada@host/db`` with no password in the URL
asks the keyring only when the server asks for a password (a server that trusts the machine, or
a ``~/.pgpass`` libpq reads itself, never touches the keyring). ``team logout`` takes it out.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

from ckbook.i18n import tr
from ckbook.store.errors import StoreError
from ckbook.store.people import os_user

#: The keyring's service name for every ckbook password.
SERVICE = "ckbook"
DEFAULT_PORT = 5432


class KeyringUnavailableError(StoreError):
    """No system keyring can be used (none installed, none running, or it refused)."""


def keyring_key(url: str) -> str:
    """Where ``url``'s password is kept: ``user@host:port/dbname`` (what the URL leaves out
    filled in as libpq does: ``PGUSER``/``PGHOST``/``PGPORT``, else the operating system's user,
    localhost, port 5432), so one notebook has one key however its URL is written."""
    parts = urlsplit(url)
    user = unquote(parts.username or "") or os.environ.get("PGUSER") or os_user()
    host = (parts.hostname or os.environ.get("PGHOST") or "localhost").lower()
    try:
        port = parts.port or int(os.environ.get("PGPORT") or DEFAULT_PORT)
    except ValueError:
        raise StoreError(tr("the URL's port is not a number")) from None
    name = unquote(parts.path.lstrip("/"))
    return f"{user}@{host}:{port}/{name}"


def _keyring() -> Any:
    try:
        import keyring
    except ImportError:
        raise KeyringUnavailableError(
            tr(
                "the keyring package is not installed; install ckbook's team extra: {command}"
            ).format(command='pip install "ckbook[team]"')
        ) from None
    return keyring


def _unavailable(exc: Exception) -> KeyringUnavailableError:
    reason = " ".join(str(exc).split()) or type(exc).__name__
    return KeyringUnavailableError(
        tr("the system keyring cannot be used: {reason}").format(reason=reason)
    )


@dataclass(frozen=True)
class Lookup:
    """What the keyring holds for a notebook: the password (None: none is kept), or why the
    keyring could not be asked (``unavailable``)."""

    password: str | None
    unavailable: str = ""


def stored_password(url: str) -> Lookup:
    """The password kept for ``url``'s notebook (never raises: a missing keyring is said where
    the sign-in fails)."""
    try:
        keyring = _keyring()
        found = keyring.get_password(SERVICE, keyring_key(url))
    except KeyringUnavailableError as exc:
        return Lookup(None, str(exc))
    except Exception as exc:  # keyring's errors (no backend, locked, D-Bus gone) vary by backend
        return Lookup(None, str(_unavailable(exc)))
    return Lookup(found)


def store_password(url: str, password: str) -> None:
    """Keep ``password`` for ``url``'s notebook in the system keyring (replacing one kept)."""
    keyring = _keyring()
    try:
        keyring.set_password(SERVICE, keyring_key(url), password)
    except Exception as exc:
        raise _unavailable(exc) from None


def forget_password(url: str) -> bool:
    """Take ``url``'s password out of the keyring; False when none was kept."""
    keyring = _keyring()
    try:
        if keyring.get_password(SERVICE, keyring_key(url)) is None:
            return False
        keyring.delete_password(SERVICE, keyring_key(url))
    except Exception as exc:
        raise _unavailable(exc) from None
    return True


def asks_for_password(reason: str) -> bool:
    """Whether libpq's words for a failed connection mean the server wants a password that was
    not given."""
    return "no password supplied" in reason


def refused_password(reason: str) -> bool:
    """Whether libpq's words mean the server refused the password given."""
    return "password authentication failed" in reason
