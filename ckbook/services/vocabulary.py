"""The stored vocabulary (client statuses, attention levels, channels, note kinds, moods,
severities, the kinds of things Today lists, an incident's next step) in the user's language,
for every place that shows one of these words to a person."""

from __future__ import annotations

from ckbook.i18n import tr


def word(value: str) -> str:
    """A stored vocabulary word (a status, a channel, a mood, a kind…) as a person reads it,
    in the user's language; what is stored, command-line choices and --json keep the English
    word. A word this table does not know is returned as it is."""
    words = {
        "lead": tr("lead", "client status"),
        "active": tr("active", "client status"),
        "paused": tr("paused", "client status"),
        "former": tr("former", "client status"),
        "light": tr("light", "attention level"),
        "standard": tr("standard", "attention level"),
        "high-touch": tr("high-touch", "attention level"),
        "call": tr("call", "channel"),
        "email": tr("email", "channel"),
        "message": tr("message", "channel"),
        "in person": tr("in person", "channel"),
        "meeting": tr("meeting", "note kind"),
        "other": tr("other", "note kind"),
        "delighted": tr("delighted", "mood"),
        "content": tr("content", "mood"),
        "neutral": tr("neutral", "mood"),
        "frustrated": tr("frustrated", "mood"),
        "angry": tr("angry", "mood"),
        "minor": tr("minor", "severity"),
        "major": tr("major", "severity"),
        "critical": tr("critical", "severity"),
        "promise": tr("promise", "kind"),
        "note": tr("note", "kind"),
        "client": tr("client", "kind"),
        "request": tr("request", "kind"),
        "incident": tr("incident", "kind"),
        "checkin": tr("check-in", "kind"),
        "apologise": tr("apologise", "next step"),
        "fix": tr("fix", "next step"),
        "root cause": tr("root cause", "next step"),
        "prevention": tr("prevention", "next step"),
        "goodwill": tr("goodwill", "next step"),
        "resolve": tr("resolve", "next step"),
        "done": tr("done", "next step"),
    }
    return words.get(value, value)


def note_kind_word(value: str) -> str:
    """A note's kind: a note "call" is a conversation (Gespräch), a channel "call" a phone
    call (Anruf)."""
    return tr("call", "note kind") if value == "call" else word(value)
