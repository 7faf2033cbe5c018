"""Who is signed in ("me"), resolved once when the notebook opens and held beside it.

On a server notebook (team mode) a person is the PostgreSQL role they signed in as: the server's
``current_user``, which nobody can claim to be without the role's password. On a notebook file
there is one person, named by the "Your name" setting (``settings.your_name``) or else by the
operating system's user name; a file is its owner's alone, so nothing there tells authors apart.

``open_database`` binds the person with the database (``sign_in``), as it binds the models; the
use-cases that make notes, promises, incidents, requests and reminder records write
``signed_in().name`` as their author, and the team's views compare authors with it. Nothing else
decides who "me" is.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass

import peewee

#: The Setting key of the "Your name" setting (written by ``services.settings``).
YOUR_NAME_KEY = "settings.your_name"
#: As long as migration 0008's ``author`` columns (longer names are cut there).
MAX_NAME = 200


@dataclass(frozen=True)
class Person:
    """The person using ckbook: ``name`` is what their rows carry as author; ``team`` is whether
    the notebook is on a server, where rows of several people are told apart."""

    name: str
    team: bool = False

    def is_me(self, author: str | None) -> bool:
        """Whether a row with ``author`` is this person's (a row of unknown author, made before
        authors were kept, belongs to nobody in particular: it is everyone's, so also mine)."""
        return author is None or author == self.name

    def others(self, author: str | None) -> str | None:
        """``author`` when it is someone else's row in team mode (what the card names), else
        None: on a notebook file everything is mine."""
        if not self.team or self.is_me(author):
            return None
        return author


def os_user() -> str:
    """The operating system's name for the person running ckbook ("" when it has none)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry and no LOGNAME/USER (a bare container)
        return ""


def resolve(database: peewee.Database) -> Person:
    """Who is signed in on ``database`` (connected): the server's role, or on a file the "Your
    name" setting, else the operating system's user."""
    if isinstance(database, peewee.PostgresqlDatabase):
        row = database.execute_sql("SELECT current_user").fetchone()
        return Person(str(row[0]), team=True)
    name = ""
    if database.table_exists("setting"):
        row = database.execute_sql(
            "SELECT value FROM setting WHERE key = ?", (YOUR_NAME_KEY,)
        ).fetchone()
        name = " ".join(str(row[0]).split())[:MAX_NAME] if row else ""
    return Person(name or os_user()[:MAX_NAME] or "me", team=False)


_signed_in: Person | None = None


def sign_in(person: Person) -> None:
    """Make ``person`` the author of what this process writes from now on (at open time, and
    when the "Your name" setting changes)."""
    global _signed_in
    _signed_in = person


def signed_in() -> Person:
    """The person bound with the open notebook (the operating system's user before one is)."""
    if _signed_in is None:
        return Person(os_user() or "me")
    return _signed_in
