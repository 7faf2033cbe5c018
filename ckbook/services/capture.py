"""Capture while typing: promise lines (``+ …``) and request lines (``? …``) in a note's body.

Reading a body is pure (``captured_lines``): each line whose first non-blank characters are ``+ ``
is a promise, its due read from the line by ``due_phrases.read_due``; each ``? `` line is a client
request (the incidents/requests side turns those into requests). Lines inside a fenced Markdown
code block (between ``` or ~~~ fences; an unclosed fence runs to the end) are quoted text, a diff
or a snippet, and are never captured. A line is *complete* once a newline
follows it, or when the note is saved for the last time (``final``, e.g. the call ended); only
complete promise lines become promises, so a half-typed "+ send the quo" never does.

How lines map to promises (``sync_captured_promises``): the body stored in the database is the
previous state, and the new body's complete ``+`` lines are compared with the stored body's complete
``+`` lines (a line diff, in order):

- an unchanged line changes nothing;
- a changed line (a line replaced by another at the same place) updates the promise that carries
  the old line's text: its text becomes the new line's text, and its due is read again from the new
  text -- unless the user corrected the due (the stored due differs from what the old text reads
  as), in which case the correction sticks;
- a new line becomes a new promise linked to the note, unless the note already has a promise with
  exactly that text (so a retried or repeated save never makes a duplicate);
- a deleted line leaves its promise as it is (a promise is the record of what was said; close or
  cancel it on the card).

Dues are read relative to the moment the promise was made, so "by Friday" keeps meaning the Friday
after the call. The body is stored in the same transaction as the promises, because the stored body
is what the next save compares against; a crash between the two cannot happen.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, time, tzinfo

from ckbook.i18n import tr
from ckbook.services.base import Changed, Kind, write_transaction
from ckbook.services.care import sync_note_requests
from ckbook.services.due import Due
from ckbook.services.due_phrases import END_OF_BUSINESS, read_due
from ckbook.services.notes import NoteRow, locked_note, merge_note_edit, update_note
from ckbook.services.promises import _due_of, insert_promise
from ckbook.services.settings import end_of_business
from ckbook.services.text import clean_block
from ckbook.store.models import Note, Promise

PROMISE_MARK = "+"
REQUEST_MARK = "?"
MAX_PROMISE_TEXT = 2000


@dataclass(frozen=True)
class CapturedLine:
    kind: str
    """``promise`` or ``request``."""
    line: int
    """0-based line number in the body."""
    text: str
    """The line without its mark, whitespace tidied: the promise's or request's text."""
    complete: bool
    """A newline follows it (or the note was saved for the last time)."""
    due: Due | None = None
    """For a promise: the due read from its text, None when it names no date."""
    phrase: str | None = None
    """The words that were read as the due, e.g. ``"by Friday 3pm"``."""
    recurrence: str | None = None
    """For a repeating promise ("every Monday at 10"), its RRULE value."""
    note: str | None = None
    """How an ambiguous due was read ("5/6 read as 5 June: day first, ...")."""


def _marked(line: str) -> tuple[str, str] | None:
    stripped = line.lstrip()
    if len(stripped) < 2 or stripped[0] not in (PROMISE_MARK, REQUEST_MARK):
        return None
    if not stripped[1].isspace():
        return None
    text = " ".join(stripped[1:].split())
    if not text:
        return None
    return ("promise" if stripped[0] == PROMISE_MARK else "request"), text


def _fence(line: str) -> tuple[str, int] | None:
    """A Markdown code fence line (up to three spaces, then three or more ` or ~): its character
    and length, or None."""
    indent = len(line) - len(line.lstrip(" "))
    stripped = line.lstrip(" ")
    if indent > 3 or stripped[:3] not in ("```", "~~~"):
        return None
    char = stripped[0]
    length = len(stripped) - len(stripped.lstrip(char))
    if char == "`" and "`" in stripped[length:]:
        return None  # a backtick after the opening run: an inline code span, not a fence
    return char, length


def _marked_lines(body: str, final: bool) -> Iterator[tuple[int, str, str, bool]]:
    """(line number, kind, text, complete) of each marked line outside fenced code blocks."""
    lines = body.split("\n")
    fence: tuple[str, int] | None = None  # the open fence's character and length
    for number, raw in enumerate(lines):
        line = raw.rstrip("\r")
        found = _fence(line)
        if fence is None and found is not None:
            fence = found
            continue
        if fence is not None:
            # Closed by a fence of the same character, at least as long, with nothing after it.
            closes = (
                found is not None
                and found[0] == fence[0]
                and found[1] >= fence[1]
                and not line.strip().lstrip(fence[0])
            )
            if closes:
                fence = None
            continue
        marked = _marked(line)
        if marked is not None:
            yield number, marked[0], marked[1], final or number < len(lines) - 1


def captured_lines(
    body: str,
    now: datetime,
    tz: tzinfo,
    final: bool = False,
    end_of_business: time = END_OF_BUSINESS,
) -> list[CapturedLine]:
    """Every promise and request line of ``body``, in order; promise dues read relative to now."""
    found: list[CapturedLine] = []
    for number, kind, text, complete in _marked_lines(body, final):
        if kind == "promise":
            reading = read_due(text, now, tz, end_of_business=end_of_business)
            found.append(
                CapturedLine(
                    kind,
                    number,
                    text,
                    complete,
                    reading.due,
                    reading.phrase,
                    reading.recurrence,
                    reading.note,
                )
            )
        else:
            found.append(CapturedLine(kind, number, text, complete))
    return found


def promise_lines(
    body: str,
    now: datetime,
    tz: tzinfo,
    final: bool = False,
    end_of_business: time = END_OF_BUSINESS,
) -> list[CapturedLine]:
    lines = captured_lines(body, now, tz, final, end_of_business)
    return [c for c in lines if c.kind == "promise"]


def request_lines(body: str, final: bool = False) -> list[CapturedLine]:
    """The ``? `` lines: requests the client made during the interaction."""
    return [
        CapturedLine("request", number, text, complete)
        for number, kind, text, complete in _marked_lines(body, final)
        if kind == "request"
    ]


def _complete_promise_texts(body: str, final: bool) -> list[str]:
    return [
        text[:MAX_PROMISE_TEXT]
        for _number, kind, text, complete in _marked_lines(body, final)
        if kind == "promise" and complete
    ]


@dataclass(frozen=True)
class SyncPlan:
    updates: tuple[tuple[str, str], ...]
    """(old line text, new line text)"""
    additions: tuple[str, ...]


def plan_sync(old_body: str, new_body: str, final: bool = False) -> SyncPlan:
    """Which complete lines were edited (old text -> new text) and which are new (pure): a line
    diff between the stored body and the new one. The stored side is read as non-final; a last
    line captured by a final save is still found, by its exact text."""
    old = _complete_promise_texts(old_body, final=False)
    new = _complete_promise_texts(new_body, final=final)
    updates: list[tuple[str, str]] = []
    additions: list[str] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if op in ("insert", "replace"):
            paired = min(i2 - i1, j2 - j1) if op == "replace" else 0
            updates.extend(zip(old[i1 : i1 + paired], new[j1 : j1 + paired], strict=True))
            additions.extend(new[j1 + paired : j2])
    return SyncPlan(tuple(updates), tuple(additions))


def _pick(candidates: list[Promise], text: str, taken: set[int]) -> Promise | None:
    """The promise carrying ``text``: open ones first, then the newest."""
    matching = [p for p in candidates if p.text == text and p.id not in taken]
    matching.sort(key=lambda p: (p.status != "open", -p.id))
    return matching[0] if matching else None


def _sync(note: Note, body: str, now: datetime, tz: tzinfo, final: bool) -> list[int]:
    lines = _complete_promise_texts(body, final)
    if not lines:
        return []
    candidates = list(Promise.select().where(Promise.note == note.id).order_by(Promise.id))
    taken: set[int] = set()
    # 1. A line whose text a promise of the note already carries owns that promise.
    unowned: list[str] = []
    for text in lines:
        owner = _pick(candidates, text, taken)
        if owner is None:
            unowned.append(text)
        else:
            taken.add(owner.id)
    if not unowned:
        return []
    # 2. The others are edits of a stored line (update its promise) or new lines (a new promise).
    eob = end_of_business()
    edited_from = {new: old for old, new in plan_sync(note.body or "", body, final).updates}
    touched: list[int] = []
    for text in unowned:
        old_text = edited_from.get(text)
        promise = _pick(candidates, old_text, taken) if old_text is not None else None
        if promise is not None:
            stored_due = _due_of(promise)
            read_then = read_due(promise.text, promise.made_at, tz, end_of_business=eob).due
            promise.text = text
            if stored_due == read_then:  # the user did not correct it: follow the words
                reading = read_due(text, promise.made_at, tz, end_of_business=eob)
                due = reading.due
                promise.due_date = due.date if due else None
                promise.due_time = due.time if due else None
                promise.recurrence = reading.recurrence if due else None
            promise.save()
        else:
            reading = read_due(text, now, tz, end_of_business=eob)
            promise = insert_promise(
                note.client_id, text, reading.due, now, note.id, recurrence=reading.recurrence
            )
            candidates.append(promise)
        taken.add(promise.id)
        touched.append(promise.id)
    return touched


def sync_captured_promises(
    note_id: int, body: str, now: datetime, tz: tzinfo, final: bool = False
) -> Changed:
    """Store ``body`` and make its complete ``+`` lines promises of the note, exactly once.

    Returns the promises made or updated (kind ``promise``; ``ids`` empty when none changed)."""
    changes = save_note_text(note_id, body, now, tz, final=final)
    found = [c for c in changes if c.kind is Kind.PROMISE]
    return found[0] if found else Changed(Kind.PROMISE, (), changes[0].client_ids, "captured")


def save_note_text(
    note_id: int,
    body: str,
    now: datetime,
    tz: tzinfo,
    *,
    final: bool = False,
    mood: str | None = None,
    duration_seconds: int | None = None,
    base: NoteRow | None = None,
) -> tuple[Changed, ...]:
    """The autosave use-case: the body (and mood/duration when given) and the captured promises
    and requests, in one transaction. Returns what changed in the note (``Scope.TEXT`` when only
    its body did), then, only when there are any, the promises and the requests made or updated:
    a keystroke's save that adds no line touches no list row.

    With ``base`` (the note as this editor last loaded or saved it) the save never overwrites
    another person's change: a field they changed meanwhile is kept when this save leaves it
    alone, and is an EditConflictError (nothing written) when this save changes it too; a note
    deleted meanwhile is RecordDeletedError carrying the text (``services.versions``)."""
    body = clean_block(body, tr("note"))  # before its lines become promises and requests
    given: dict[str, object] = {"body": body, "mood": mood, "duration_seconds": duration_seconds}
    given = {name: value for name, value in given.items() if value is not None}
    with write_transaction():
        note = locked_note(note_id, base, given)
        write = merge_note_edit(note, base, given)
        client_id = note.client_id
        touched: list[int] = []
        requests_touched: list[int] = []
        if "body" in write or note.body == body:  # a final save captures the last line too
            touched = _sync(note, body, now, tz, final)
            # "? " lines become the client's requests awaiting reply (ckbook.services.care).
            requests_touched = sync_note_requests(
                note_id,
                [line.text for line in request_lines(note.body or "") if line.complete],
                [line.text for line in request_lines(body, final) if line.complete],
                now,
            )
        note_changed = update_note(
            note_id,
            now,
            body=write.get("body"),  # type: ignore[arg-type]
            mood=write.get("mood"),  # type: ignore[arg-type]
            duration_seconds=write.get("duration_seconds"),  # type: ignore[arg-type]
        )
    changes = [note_changed]
    if touched:
        changes.append(Changed(Kind.PROMISE, tuple(touched), (client_id,), "captured"))
    if requests_touched:
        changes.append(Changed(Kind.REQUEST, tuple(requests_touched), (client_id,), "captured"))
    return tuple(changes)
