"""End-to-end on a real PostgreSQL server: two windows (the real app, ``ckbook.app.main``, each in
a process of its own, ``tests/e2e/team_harness.py``) with the same client's card open, editing the
same records as two people on a team would (issue 15):

- one changes a promise's words, the other its due: both are kept, and each window shows both
  once the other's change has arrived live;
- both change its words: the second save meets the side-by-side chooser (the real
  ``ConflictDialog``, its buttons clicked), and what was chosen is stored and shown in both;
- one deletes a call note (ended empty) while the other has it open and types into it: the other
  is told (``DeletedDialog``), nothing is written over the delete until that person chooses, and
  "Restore my version" brings the note back with what they typed.

The edit dialog of a promise is based on the promise as the card showed it when it opened; the
``base`` command takes that moment, so the other window's save lands while "the dialog is open"
(a live refresh meanwhile must not move the base on). Every wait is for an event the window
reports, with generous timeouts; nothing here is timed.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import date
from typing import Any

import psycopg
import pytest

from ckbook.services.clock import SystemClock
from ckbook.services.due import Due
from ckbook.services.promises import add_promise
from ckbook.store.database import close_database, open_database
from tests.e2e import team_harness
from tests.e2e.team_harness import Window

pytestmark = pytest.mark.postgresql  # CKBOOK_TEST_BACKENDS=sqlite leaves them out

# The fixtures, used by name: a cluster of this module's own, a notebook on it, windows.
cluster = team_harness.cluster
notebook_url = team_harness.notebook_url
open_window = team_harness.open_window

FIRST_DUE = date(2027, 3, 1)


def _promise(url: str, client_id: int, text: str) -> int:
    """A promise of the client's, due ``FIRST_DUE``, written before the windows start."""
    clock = SystemClock()
    opened = open_database(url)
    try:
        changed = add_promise(
            client_id, text, clock.now(), clock.tz, due=Due(FIRST_DUE), read_due_from_text=False
        )
    finally:
        close_database(opened)
    return changed.ids[0]


def _stored_promise(url: str, promise_id: int) -> tuple[str, str | None, int]:
    with psycopg.connect(url, autocommit=True) as connection:
        row = connection.execute(
            "SELECT text, due_date, version FROM promise WHERE id = %s", (promise_id,)
        ).fetchone()
    assert row is not None
    return str(row[0]), row[1].isoformat() if row[1] else None, int(row[2])


def _stored_note(url: str, note_id: int) -> str | None:
    with psycopg.connect(url, autocommit=True) as connection:
        row = connection.execute("SELECT body FROM note WHERE id = %s", (note_id,)).fetchone()
    return str(row[0]) if row else None


def _shows(promise_id: int, text: str, due: date) -> Callable[[list[list[Any]]], bool]:
    """The card's promise rows hold this promise with these words and due."""
    return lambda rows: [promise_id, text, due.isoformat()] in rows


def _two_windows_on(open_window, url: str, client_id: int, promise_id: int) -> list[Window]:  # type: ignore[no-untyped-def]
    """Two windows with the client's card open, each showing the promise as first written."""
    windows = [open_window(url), open_window(url)]
    for window in windows:
        window.wait_for("clients", [client_id], timeout=60)
        window.send(f"open {client_id}")
        window.wait_for("opened", client_id)
    return windows


def _edit(window: Window, promise_id: int, text: str, due: date) -> None:
    window.send(f"edit {promise_id} " + json.dumps({"text": text, "due": due.isoformat()}))


def _based(window: Window, promise_id: int, version: int) -> None:
    """The edit dialog opens now: based on the promise at ``version``, as the card shows it."""
    window.send(f"base {promise_id}")
    window.wait_for("base", [promise_id, version])


def test_one_changes_a_promises_words_the_other_its_due_and_both_are_kept(
    notebook_url, open_window
) -> None:  # type: ignore[no-untyped-def]
    url, ada = notebook_url
    pid = _promise(url, ada, "send the quote")
    a, b = _two_windows_on(open_window, url, ada, pid)
    for window in (a, b):
        window.wait_for("promise_rows", _shows(pid, "send the quote", FIRST_DUE))
        _based(window, pid, 1)

    _edit(a, pid, "send the revised quote", FIRST_DUE)
    assert a.wait_for("edited", lambda e: e[1] == "send the revised quote")["edited"][2] is True
    b.wait_for("promise_rows", _shows(pid, "send the revised quote", FIRST_DUE))  # live
    new_due = date(2027, 3, 8)
    _edit(b, pid, "send the quote", new_due)  # the words as B's dialog showed them, unchanged
    assert b.wait_for("edited", lambda e: e[1] == "send the quote")["edited"][2] is True

    for window in (a, b):
        window.wait_for("promise_rows", _shows(pid, "send the revised quote", new_due))
        assert "dialog" not in window.latest, window.latest["dialog"]  # merged without asking
    assert _stored_promise(url, pid) == ("send the revised quote", new_due.isoformat(), 3)


def test_both_change_a_promises_words_and_the_second_chooses_side_by_side(
    notebook_url, open_window
) -> None:  # type: ignore[no-untyped-def]
    url, ada = notebook_url
    pid = _promise(url, ada, "send the quote")
    a, b = _two_windows_on(open_window, url, ada, pid)
    for window in (a, b):
        window.wait_for("promise_rows", _shows(pid, "send the quote", FIRST_DUE))

    # Round one: B keeps all of B's own.
    for window in (a, b):
        _based(window, pid, 1)
    _edit(a, pid, "send A's quote", FIRST_DUE)
    assert a.wait_for("edited", lambda e: e[1] == "send A's quote")["edited"][2] is True
    b.wait_for("promise_rows", _shows(pid, "send A's quote", FIRST_DUE))
    _edit(b, pid, "send B's quote", FIRST_DUE)
    chooser = b.wait_for("dialog", lambda d: d["type"] == "ConflictDialog")["dialog"]
    print(f"B was asked: {chooser}")
    assert chooser["title"] == "Changed by someone else"
    assert {"send A's quote", "send B's quote"} <= set(chooser["text"])  # side by side
    assert {"Yours", "Theirs", "Keep all mine", "Keep all theirs"} <= set(chooser["buttons"])
    # Asked, nothing written over A's words until B chooses.
    assert _stored_promise(url, pid)[0] == "send A's quote"
    b.send("click Keep all mine")
    assert b.wait_for("clicked", ["Keep all mine", True])
    assert b.wait_for("edited", lambda e: e[1] == "send B's quote")["edited"][2] is True
    for window in (a, b):
        window.wait_for("promise_rows", _shows(pid, "send B's quote", FIRST_DUE))
    assert _stored_promise(url, pid) == ("send B's quote", FIRST_DUE.isoformat(), 3)

    # Round two: B takes theirs, field by field ("Theirs", then "Save").
    for window in (a, b):
        _based(window, pid, 3)
    _edit(a, pid, "send A's final quote", FIRST_DUE)
    assert a.wait_for("edited", lambda e: e[1] == "send A's final quote")["edited"][2] is True
    b.wait_for("promise_rows", _shows(pid, "send A's final quote", FIRST_DUE))
    _edit(b, pid, "send B's final quote", FIRST_DUE)
    chooser = b.wait_for(
        "dialog", lambda d: d["type"] == "ConflictDialog" and "send B's final quote" in d["text"]
    )["dialog"]
    assert "send A's final quote" in chooser["text"]
    b.send("click Theirs")
    b.wait_for("clicked", ["Theirs", True])
    b.send("click Save")
    b.wait_for("clicked", ["Save", True])
    done = b.wait_for("edited", lambda e: e[1] == "send B's final quote")["edited"]
    assert done[2] is False  # nothing of B's saved: theirs was chosen
    for window in (a, b):
        window.wait_for("promise_rows", _shows(pid, "send A's final quote", FIRST_DUE))
    assert _stored_promise(url, pid) == ("send A's final quote", FIRST_DUE.isoformat(), 4)


def test_a_call_note_deleted_while_another_types_in_it_is_reported_not_silently_won(
    notebook_url, open_window
) -> None:  # type: ignore[no-untyped-def]
    url, ada = notebook_url
    a, b = open_window(url), open_window(url)
    for window in (a, b):
        window.wait_for("clients", [ada], timeout=60)
    a.send(f"call {ada}")  # A starts a call note...
    note = a.wait_for("call")["call"]
    b.send(f"note {note} {ada}")  # ...B opens it from the card...
    assert b.wait_for("note")["note"] == note
    b.wait_for("save")

    a.send("end")  # ...and A ends the call with nothing typed: the empty note is deleted
    assert a.wait_for("ended")["ended"] == note
    deadline = time.monotonic() + 30
    while _stored_note(url, note) is not None:
        assert time.monotonic() < deadline, "A's empty call note was never deleted"
        time.sleep(0.1)

    typed = "Ada wants the quote before Friday."
    b.send("type " + json.dumps(typed))
    b.wait_for("typed", typed)
    b.wait_for("conflict", "deleted")  # B's save met the delete: nothing written
    assert _stored_note(url, note) is None
    b.send("close")
    told = b.wait_for("dialog", lambda d: d["type"] == "QMessageBox")["dialog"]
    print(f"B was told: {told}")
    assert told["title"] == "Deleted by someone else"
    assert "was deleted by someone else while you were editing it" in told["text"][0]
    assert "Your change was not saved." in told["text"][1]
    assert {"Restore my version", "Let it go"} <= set(told["buttons"])
    assert _stored_note(url, note) is None  # told, and still nothing written over the delete

    b.send("click Restore my version")
    b.wait_for("clicked", ["Restore my version", True])
    assert b.wait_for("closed")["closed"] == [note, True]
    assert _stored_note(url, note) == typed  # B chose: the note is back with what B typed
