"""Who "me" is, for the views: the person signed in when the notebook opened
(``store.people``), and how a row's author is shown beside it."""

from __future__ import annotations

from ckbook.store.people import Person, os_user, signed_in

__all__ = ["Person", "me", "os_user"]


def me() -> Person:
    """The person signed in: the server's role in team mode, else this notebook file's owner."""
    return signed_in()
