"""Notes: every interaction with a client (call, meeting, email, message, other).

A call note is created when the call starts and its body saved as it is typed; ending the call
stores the duration. Any note resets the client's check-in cadence (its ``started_at`` is the last
contact).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from ckbook.i18n import tr
from ckbook.services.base import (
    MAX_ID,
    Changed,
    InputError,
    Kind,
    NotFoundError,
    Scope,
    get_row,
    locking,
    require_choice,
    write_transaction,
)
from ckbook.services.clients import _get_live
from ckbook.services.limits import NOTE_DURATION_SECONDS
from ckbook.services.text import clean_block
from ckbook.services.versions import (
    HasVersion,
    changed_fields,
    deleted_meanwhile,
    edited_since,
    merge_fields,
)
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
    version: int = 1


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


def note_labels() -> dict[str, str]:
    """A note's editable fields as the conflict chooser names them."""
    return {
        "body": tr("Text"),
        "mood": tr("Mood"),
        "kind": tr("Kind"),
        "duration_seconds": tr("Duration"),
        "started_at": tr("Started"),
    }


def describe_note(row: HasVersion) -> tuple[Kind, int, str]:
    """(kind, client id, the note in a few words) for a conflict about ``row`` (a NoteRow)."""
    assert isinstance(row, NoteRow)
    return Kind.NOTE, row.client_id, _what(row)


def _what(row: NoteRow) -> str:
    return tr("The note with {client}").format(client=row.client_name)


def locked_note(note_id: int, base: NoteRow | None, changes: Mapping[str, object]) -> Note:
    """The note row, locked for this transaction; with ``base``, a note deleted meanwhile is
    RecordDeletedError carrying ``changes`` (the text is never lost)."""
    note: Note | None = None
    if 0 < note_id <= MAX_ID:
        note = locking(Note.select().where(Note.id == note_id)).first()
    if note is None:
        if base is not None:
            raise deleted_meanwhile(base, changes, Kind.NOTE, base.client_id, _what(base),
                                    note_labels())  # fmt: skip
        raise NotFoundError(
            tr("no note with id {id}").format(id=note_id) + tr(" (was it deleted?)")
        )
    return note


def merge_note_edit(
    note: Note, base: NoteRow | None, changes: dict[str, object]
) -> dict[str, object]:
    """Of ``changes``, what to write over the stored ``note`` (three ways per field against
    ``base``; EditConflictError when someone else changed the same field differently)."""
    if base is None:
        return dict(changes)
    base = replace(base, body=clean_block(base.body, tr("note")))  # as the stored text is compared
    if note.version == base.version:  # the common case (every keystroke's save): no query
        return changed_fields(base, changes)
    current = _rows([note], note.client.name)[0]
    return merge_fields(base, current, changes, describe_note, note_labels())


def update_note(
    note_id: int,
    now: datetime,
    *,
    body: str | None = None,
    mood: str | None = None,
    kind: str | None = None,
    duration_seconds: int | None = None,
    started_at: datetime | None = None,
    base: NoteRow | None = None,
) -> Changed:
    """Change the given fields only (an autosave sends just the body: a ``Scope.TEXT`` change,
    which no list, Today row or reminder shows). With ``base`` (the note as the editor loaded
    it) a field someone else changed meanwhile is merged or refused (``services.versions``)."""
    if body is not None:
        body = clean_block(body, tr("note"))
    given: dict[str, object] = {
        "body": body,
        "mood": mood,
        "kind": kind,
        "duration_seconds": duration_seconds,
        "started_at": started_at,
    }
    changes = {name: value for name, value in given.items() if value is not None}
    with write_transaction():
        note = locked_note(note_id, base, changes)
        changes = merge_note_edit(note, base, changes)
        body, mood, kind = (changes.get(n) for n in ("body", "mood", "kind"))  # type: ignore[assignment]
        duration_seconds = changes.get("duration_seconds")  # type: ignore[assignment]
        started_at = changes.get("started_at")  # type: ignore[assignment]
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
        (note.version,),
    )


def delete_note(note_id: int, base_version: int | None = None) -> Changed:
    """Delete a note. With ``base_version`` (the version the user saw) a note someone changed
    since is not deleted: EditedSinceError says so (delete again with its new version to
    delete it anyway)."""
    with write_transaction():
        note = get_row(Note, note_id)
        if base_version is not None and note.version != base_version:
            current = _rows([note], note.client.name)[0]
            raise edited_since(base_version, current, Kind.NOTE, note.client_id, _what(current),
                               ("body", "mood", "kind"), note_labels())  # fmt: skip
        client_id = note.client_id
        note.delete_instance()
    return Changed(Kind.NOTE, (note_id,), (client_id,), "deleted")


def _rows(query, client_name: str | None = None) -> list[NoteRow]:  # type: ignore[no-untyped-def]
    return [
        NoteRow(
            id=n.id,
            client_id=n.client_id,
            client_name=n.client.name if client_name is None else client_name,
            kind=n.kind,
            started_at=n.started_at,
            duration_seconds=n.duration_seconds,
            mood=n.mood,
            body=n.body,
            updated_at=n.updated_at,
            author=n.author,
            version=n.version,
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


def restore_note(row: NoteRow, now: datetime, **mine: object) -> Changed:
    """Put back a note someone else deleted while it was open here ("restore my version"):
    the same id, client, kind and start, with this editor's text and fields (``mine``: body,
    mood, …). Its promises and requests stay as the delete left them. InputError when the note
    exists again or its client is gone."""
    unknown = set(mine) - set(note_labels())
    if unknown:
        raise InputError(
            tr("unknown note field(s): {names}").format(names=", ".join(sorted(unknown)))
        )
    fields: dict[str, object] = {
        "kind": row.kind,
        "started_at": row.started_at,
        "duration_seconds": row.duration_seconds,
        "mood": row.mood,
        "body": row.body,
        **mine,
    }
    body = clean_block(str(fields["body"]), tr("note"))
    _check(str(fields["kind"]), fields["mood"], body)  # type: ignore[arg-type]
    with write_transaction():
        _get_live(row.client_id)
        if Note.select().where(Note.id == row.id).exists():
            raise InputError(tr("That note is in the notebook again; nothing was restored"))
        Note.create(
            id=row.id,
            client=row.client_id,
            created_at=now,
            updated_at=now,
            **{**fields, "body": body},
        )
    return Changed(Kind.NOTE, (row.id,), (row.client_id,), "restored", versions=(1,))
