"""Notes: every interaction with a client (call, meeting, email, message, other).

A call note is created when the call starts and its body saved as it is typed; ending the call
stores the duration. Any note resets the client's check-in cadence (its ``started_at`` is the last
contact).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ckbook.i18n import tr
from ckbook.services.base import (
    Changed,
    InputError,
    Kind,
    NotFoundError,
    Scope,
    get_row,
    require_choice,
    write_transaction,
)
from ckbook.services.clients import _get_live
from ckbook.services.limits import NOTE_DURATION_SECONDS
from ckbook.services.text import clean_block
from ckbook.store.models import MOODS, NOTE_KINDS, Client, Note
from ckbook.store.people import signed_in

#: The longest note body, in characters (after cleaning): the editor refuses a paste beyond it.
MAX_BODY = 1_000_000


@dataclass(frozen=True)
class NoteRow:
    id: int
    client_id: int
    client_name: str
    kind: str
    started_at: datetime
    duration_seconds: int | None
    mood: str | None
    body: str
    updated_at: datetime
    #: Who wrote it (None: written before authors were kept).
    author: str | None = None


def _check(kind: str, mood: str | None, body: str) -> None:
    require_choice(kind, NOTE_KINDS, "note kind")
    if mood is not None:
        require_choice(mood, MOODS, "mood")
    if len(body) > MAX_BODY:
        raise InputError(
            tr("note is too long ({length} characters; at most {most})").format(
                length=len(body), most=MAX_BODY
            )
        )


def add_note(
    client_id: int,
    now: datetime,
    kind: str = "call",
    body: str = "",
    mood: str | None = None,
    started_at: datetime | None = None,
    duration_seconds: int | None = None,
) -> Changed:
    body = clean_block(body, tr("note"))
    _check(kind, mood, body)
    NOTE_DURATION_SECONDS.check_optional(duration_seconds)
    with write_transaction():
        _get_live(client_id)
        note = Note.create(
            client=client_id,
            kind=kind,
            started_at=started_at or now,
            duration_seconds=duration_seconds,
            mood=mood,
            body=body,
            created_at=now,
            updated_at=now,
            author=signed_in().name,
        )
    return Changed(Kind.NOTE, (note.id,), (client_id,), "added")


def update_note(
    note_id: int,
    now: datetime,
    *,
    body: str | None = None,
    mood: str | None = None,
    kind: str | None = None,
    duration_seconds: int | None = None,
    started_at: datetime | None = None,
) -> Changed:
    """Change the given fields only (an autosave sends just the body: a ``Scope.TEXT`` change,
    which no list, Today row or reminder shows)."""
    if body is not None:
        body = clean_block(body, tr("note"))
    with write_transaction():
        note = get_row(Note, note_id)
        _check(kind or note.kind, mood, body if body is not None else "")
        if body is not None:
            note.body = body
        if mood is not None:
            note.mood = mood
        if kind is not None:
            note.kind = kind
        if duration_seconds is not None:
            note.duration_seconds = NOTE_DURATION_SECONDS.check(duration_seconds)
        if started_at is not None:
            note.started_at = started_at
        note.updated_at = now
        note.save()
    text_only = mood is None and kind is None and duration_seconds is None and started_at is None
    return Changed(
        Kind.NOTE,
        (note_id,),
        (note.client_id,),
        "updated",
        Scope.TEXT if text_only else Scope.ROWS,
    )


def delete_note(note_id: int) -> Changed:
    with write_transaction():
        note = get_row(Note, note_id)
        client_id = note.client_id
        note.delete_instance()
    return Changed(Kind.NOTE, (note_id,), (client_id,), "deleted")


def _rows(query) -> list[NoteRow]:  # type: ignore[no-untyped-def]
    return [
        NoteRow(
            id=n.id,
            client_id=n.client_id,
            client_name=n.client.name,
            kind=n.kind,
            started_at=n.started_at,
            duration_seconds=n.duration_seconds,
            mood=n.mood,
            body=n.body,
            updated_at=n.updated_at,
            author=n.author,
        )
        for n in query
    ]


def notes_for_client(client_id: int, limit: int | None = None) -> list[NoteRow]:
    """A client's notes, newest first."""
    query = (
        Note.select(Note, Client.id, Client.name)
        .join(Client)
        .where(Note.client == client_id)
        .order_by(Note.started_at.desc(), Note.id.desc())
    )
    if limit is not None:
        query = query.limit(limit)
    return _rows(query)


def get_note(note_id: int) -> NoteRow:
    rows = _rows(Note.select(Note, Client.id, Client.name).join(Client).where(Note.id == note_id))
    if not rows:
        raise NotFoundError(tr("no note with id {id}").format(id=note_id))
    return rows[0]
