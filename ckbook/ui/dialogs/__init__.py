"""Dialogs that ask the user for something; each exposes ``@classmethod ask(cls, parent, ...)``
returning the answer (or None when cancelled), so tests can monkeypatch it."""

from __future__ import annotations


def split_list(text: str) -> tuple[str, ...]:
    """Split what a person types into a field of several values (commas, semicolons, lines)."""
    for separator in (";", "\n"):
        text = text.replace(separator, ",")
    return tuple(part.strip() for part in text.split(",") if part.strip())


def join_list(values: tuple[str, ...] | list[str]) -> str:
    return ", ".join(values)
