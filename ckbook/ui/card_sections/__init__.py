"""The sections of a client card: profile & attention, money terms, promises, timeline.

Each section shows one client (``show_client``), refreshes itself from the services, and writes
through ``notebook.run`` (one use-case, one transaction, broadcast on success).
"""

from __future__ import annotations

from collections.abc import Callable

#: How a section offers an undo to the window: (what it undoes, how to undo it).
RecordUndo = Callable[[str, Callable[[], object]], None]


def no_undo(_description: str, _undo: Callable[[], object]) -> None:
    """Default when nobody keeps an undo stack."""
