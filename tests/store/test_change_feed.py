"""The change feed: another connection's commits are seen through data_version and read from the
change journal (triggers), once each; a note's text alone is scope "text"; a merge names the card
a row left; a reader behind the pruned journal is told of the gap."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ckbook.services.base import Kind, Scope
from ckbook.services.clients import ClientInput, add_client, update_client
from ckbook.services.due import Due
from ckbook.services.live import changes_from
from ckbook.services.merging import merge_clients
from ckbook.services.notes import add_note, update_note
from ckbook.services.promises import add_promise
from ckbook.store.changes import ChangeFeed, JournalEntry, prune
from tests.factories import make_client

pytestmark = pytest.mark.sqlite_only(
    "the change journal's triggers and PRAGMA data_version are SQLite's "
    "(on PostgreSQL others' changes are not fed yet)"
)


def test_commits_by_others_are_seen_once_each(db, now, tz) -> None:  # type: ignore[no-untyped-def]
    feed = ChangeFeed(Path(db.location))
    feed.start()
    assert feed.poll() is None  # nothing committed since
    ada = make_client(now, "Ada Lovelace", emails=("ada@example.com",))  # another connection
    promise = add_promise(ada, "send the deck", now, tz, due=Due(date(2026, 11, 20))).ids[0]
    news = feed.poll()
    assert news is not None and not news.gap
    kinds = {(e.kind, e.row_id, e.client_id) for e in news.entries}
    assert ("client", ada, ada) in kinds and ("promise", promise, ada) in kinds
    assert feed.poll() is None  # seen once
    changed = {c.kind: c for c in changes_from(news)}
    assert changed[Kind.PROMISE].ids == (promise,) and changed[Kind.PROMISE].client_ids == (ada,)
    assert changed[Kind.CLIENT].client_ids == (ada,)
    feed.close()


def test_a_notes_text_alone_is_text_scope(db, now) -> None:  # type: ignore[no-untyped-def]
    ada = make_client(now, "Ada Lovelace")
    note = add_note(ada, now, kind="call", body="first words").ids[0]
    feed = ChangeFeed(Path(db.location))
    feed.start()
    update_note(note, now, body="first words and more")  # what an autosave writes
    news = feed.poll()
    assert news is not None
    (changed,) = changes_from(news)
    assert changed.kind is Kind.NOTE and changed.scope is Scope.TEXT and changed.ids == (note,)
    feed.close()


def test_own_rows_are_left_out_and_a_merge_names_both_cards(db, now) -> None:  # type: ignore[no-untyped-def]
    keep = add_client(ClientInput(name="Ada"), now).ids[0]
    other = add_client(ClientInput(name="Ada L"), now).ids[0]
    add_note(other, now, kind="call", body="hello")
    feed = ChangeFeed(Path(db.location))
    feed.start()
    merge_clients(keep, other, now)
    news = feed.poll()
    assert news is not None
    note_change = next(c for c in changes_from(news) if c.kind is Kind.NOTE)
    assert set(note_change.client_ids) == {keep, other}
    update_client(keep, now, name="Ada Lovelace")
    news = feed.poll()
    assert news is not None
    assert changes_from(news, seen={("client", keep)}) == ()
    feed.close()


def test_a_reader_behind_the_pruned_journal_reloads_everything(db, now) -> None:  # type: ignore[no-untyped-def]
    feed = ChangeFeed(Path(db.location))
    feed.start()
    make_client(now, "Ada")
    assert feed.poll() is not None
    for i in range(6):
        make_client(now, f"Client {i}")
    assert prune(keep=2) > 0
    news = feed.poll()
    assert news is not None and news.gap
    (changed,) = changes_from(news)
    assert changed.client_ids == ()  # no client named: every view reloads what it shows
    assert JournalEntry("client", 1, 1, "rows").kind == "client"
    feed.close()
