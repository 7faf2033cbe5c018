"""What another writer changed, in the words every view already hears: ``Changed`` values.

The change feed (``store.changes``) returns the journal rows another connection committed; this
turns them into one ``Changed`` per kind and scope, naming the rows and the clients they touch, so
each view refreshes just those (the same broadcast as a change made in the window). Rows this
process broadcast itself are left out by the caller (``seen``).
"""

from __future__ import annotations

from collections.abc import Iterable

from ckbook.services.base import Changed, Kind, Scope
from ckbook.store.changes import FeedNews

ELSEWHERE = "elsewhere"


def changes_from(news: FeedNews, seen: Iterable[tuple[str, int]] = ()) -> tuple[Changed, ...]:
    """One ``Changed`` per (kind, scope) in ``news``, without the (kind, row id) pairs in
    ``seen``. A gap (the journal was pruned past the last row read) is one change naming no
    client: every view reloads what it shows."""
    if news.gap:
        return (Changed(Kind.CLIENT, (), (), ELSEWHERE),)
    skip = set(seen)
    grouped: dict[tuple[str, str], tuple[dict[int, None], dict[int, None]]] = {}
    for entry in news.entries:
        if (entry.kind, entry.row_id) in skip:
            continue
        try:
            Kind(entry.kind)
        except ValueError:
            continue  # a kind a newer ckbook journals: nothing here shows it
        ids, clients = grouped.setdefault((entry.kind, entry.scope), ({}, {}))
        ids[entry.row_id] = None
        if entry.client_id is not None:
            clients[entry.client_id] = None
    return tuple(
        Changed(
            Kind(kind),
            tuple(ids),
            tuple(clients),
            ELSEWHERE,
            Scope.TEXT if scope == "text" else Scope.ROWS,
        )
        for (kind, scope), (ids, clients) in grouped.items()
    )
