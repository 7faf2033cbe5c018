"""An incident drafted from the note of the conversation it came up in: what happened (the note's
own words, without the lines that recorded promises or requests), when (the conversation's
start), and for whom. The user corrects it; nothing is stored until they save."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from ckbook.i18n import tr
from ckbook.services.notes import NoteRow
from ckbook.services.vocabulary import note_kind_word, word

#: Longest "what happened" taken from a note (the dialog's field is a few lines high).
MAX_WHAT = 400
#: Lines of a note that recorded a promise ("+ ") or a request ("? "): not what went wrong.
_CAPTURE_LINE = re.compile(r"^\s*[+?]\s")


@dataclass(frozen=True)
class IncidentDraft:
    client_id: int
    client_name: str
    what: str
    happened_at: datetime


def incident_draft(note: NoteRow) -> IncidentDraft:
    lines = [
        line.strip()
        for line in note.body.splitlines()
        if line.strip() and not _CAPTURE_LINE.match(line)
    ]
    what = " ".join(lines)
    if len(what) > MAX_WHAT:
        cut = what[:MAX_WHAT].rsplit(" ", 1)[0]
        what = cut + "…"
    if not what:
        kind = note_kind_word(note.kind)
        if note.mood:
            said = tr("{client} sounded {mood} during the {kind}")
        else:
            said = tr("{client} was unhappy during the {kind}")
        what = said.format(client=note.client_name, mood=word(note.mood or ""), kind=kind)
    return IncidentDraft(note.client_id, note.client_name, what, note.started_at)
