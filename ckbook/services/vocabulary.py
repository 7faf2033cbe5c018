"""The stored vocabulary (client statuses, attention levels, channels, note kinds, moods,
severities, promise statuses, the kinds of things Today lists, an incident's next step) in the
user's language, for every place that shows one of these words to a person: the one table.

What is stored, command-line choices and --json keep the English word.
"""

from __future__ import annotations

from ckbook.i18n import tr


def _lists() -> dict[str, dict[str, str]]:
    # Written out so that pyside6-lupdate finds every word; the disambiguation tells a
    # translator which list a word belongs to ("call" the channel is not "call" the note). Read
    # at call time, so it follows the installed language.
    return {
        "status": {
            "lead": tr("lead", "client status"),
            "active": tr("active", "client status"),
            "paused": tr("paused", "client status"),
            "former": tr("former", "client status"),
        },
        "attention": {
            "light": tr("light", "attention level"),
            "standard": tr("standard", "attention level"),
            "high-touch": tr("high-touch", "attention level"),
        },
        "channel": {
            "call": tr("call", "channel"),
            "email": tr("email", "channel"),
            "message": tr("message", "channel"),
            "in person": tr("in person", "channel"),
        },
        "note kind": {
            "call": tr("call", "note kind"),
            "meeting": tr("meeting", "note kind"),
            "email": tr("email", "note kind"),
            "message": tr("message", "note kind"),
            "other": tr("other", "note kind"),
        },
        "mood": {
            "delighted": tr("delighted", "mood"),
            "content": tr("content", "mood"),
            "neutral": tr("neutral", "mood"),
            "frustrated": tr("frustrated", "mood"),
            "angry": tr("angry", "mood"),
        },
        "severity": {
            "minor": tr("minor", "severity"),
            "major": tr("major", "severity"),
            "critical": tr("critical", "severity"),
        },
        "promise": {
            "open": tr("open", "promise status"),
            "kept": tr("kept", "promise status"),
            "broken": tr("broken", "promise status"),
            "renegotiated": tr("renegotiated", "promise status"),
            "cancelled": tr("cancelled", "promise status"),
        },
        "kind": {
            "promise": tr("promise", "kind"),
            "note": tr("note", "kind"),
            "client": tr("client", "kind"),
            "request": tr("request", "kind"),
            "incident": tr("incident", "kind"),
            "checkin": tr("check-in", "kind"),
        },
        "next step": {
            "apologise": tr("apologise", "next step"),
            "fix": tr("fix", "next step"),
            "root cause": tr("root cause", "next step"),
            "prevention": tr("prevention", "next step"),
            "goodwill": tr("goodwill", "next step"),
            "resolve": tr("resolve", "next step"),
            "done": tr("done", "next step"),
        },
    }


def words(kind: str) -> dict[str, str]:
    """The list ``kind`` ("status", "attention", "channel", "note kind", "mood", "severity",
    "promise", "kind", "next step"): stored word -> shown word."""
    lists = _lists()
    if kind not in lists:
        raise ValueError(f"no word list {kind!r}")
    return lists[kind]


def label(kind: str, value: str) -> str:
    """``value`` (a stored word of the list ``kind``) as shown; a word the list does not know
    (stored by a newer release) as it is."""
    return words(kind).get(value, value)


#: The lists :func:`word` looks a word up in, first match wins: a bare "call" is the channel.
_WORD_LISTS = ("status", "attention", "channel", "note kind", "mood", "severity", "kind",
               "next step")  # fmt: skip


def word(value: str) -> str:
    """A stored vocabulary word whose list the caller does not name (a status, a channel, a
    mood, a kind…) as a person reads it; a word no list knows is returned as it is."""
    lists = _lists()
    for kind in _WORD_LISTS:
        if value in lists[kind]:
            return lists[kind][value]
    return value


def note_kind_word(value: str) -> str:
    """A note's kind: a note "call" is a conversation (Gespräch), a channel "call" a phone
    call (Anruf)."""
    return label("note kind", value)
