"""A keyring backend for the tests: ``keyring``'s own backend interface, holding passwords in
this process's memory, so a test never reads or writes the machine's real keyring (and works
where there is no desktop keyring at all). ``memory_keyring`` installs it for one test."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import keyring.backend
import keyring.errors
import pytest


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]  # a class attribute where keyring has a property

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("no such password")


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """The keyring ckbook uses during the test (the one it had is put back afterwards)."""
    before = keyring.get_keyring()
    store = MemoryKeyring()
    keyring.set_keyring(store)
    try:
        yield store
    finally:
        keyring.set_keyring(before)
