"""A save updates only the rows it touched: the views hear what changed (kinds and ids) and a
call-note autosave that changes only the text touches no list row, no Today row and no reminder;
a change to one client moves that client's row alone (no reset, no re-sort of every row)."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt

from ckbook.services.base import Kind, Scope
from ckbook.services.capture import save_note_text
from ckbook.services.clients import client_summaries
from ckbook.services.notes import add_note
from ckbook.services.promises import add_promise
from ckbook.ui.client_card import ClientCard
from ckbook.ui.client_list import ClientListModel, ClientListView, Column
from ckbook.ui.today_page import TodayPage
from tests.factories import contact, make_client

SIGNALS = (
    "modelReset",
    "layoutChanged",
    "dataChanged",
    "rowsInserted",
    "rowsRemoved",
    "rowsMoved",
)


def count_signals(model: QAbstractItemModel) -> Counter[str]:
    """How often each structural or data signal of ``model`` fires from now on."""
    seen: Counter[str] = Counter()
    for name in SIGNALS:
        getattr(model, name).connect(lambda *_args, n=name: seen.update([n]))
    return seen


@pytest.fixture
def clients(db, now):  # type: ignore[no-untyped-def]
    """Forty clients, each contacted a different number of days ago."""
    ids = [make_client(now, f"Client {n:02d}", checkin_days=30) for n in range(40)]
    for n, client_id in enumerate(ids):
        contact(client_id, now, days_ago=n + 1, body=f"talked {n}")
    return ids


def _list(qtbot, notebook, qtmodeltester) -> ClientListView:  # type: ignore[no-untyped-def]
    view = ClientListView(notebook)
    qtbot.addWidget(view)
    qtmodeltester.check(view.model)  # and it keeps watching every change below
    return view


def test_a_text_only_autosave_says_so_and_names_only_its_note(db, clients, now, tz) -> None:  # type: ignore[no-untyped-def]
    note_id = add_note(clients[3], now, kind="call").ids[0]
    changes = save_note_text(note_id, "Talked about the venue", now, tz)
    assert [(c.kind, c.ids, c.client_ids, c.scope) for c in changes] == [
        (Kind.NOTE, (note_id,), (clients[3],), Scope.TEXT)
    ]
    # A line that makes a promise, and one that logs a request, are named too (and nothing else).
    changes = save_note_text(note_id, "Talked\n+ send the plan\n? can we move it\n", now, tz)
    assert [c.kind for c in changes] == [Kind.NOTE, Kind.PROMISE, Kind.REQUEST]
    assert all(c.client_ids == (clients[3],) for c in changes)


def test_a_text_only_autosave_touches_no_list_row_no_today_row(  # type: ignore[no-untyped-def]
    qtbot, qtmodeltester, notebook, clients, now, tz
):
    view = _list(qtbot, notebook, qtmodeltester)
    today = TodayPage(notebook)
    qtbot.addWidget(today)
    qtbot.waitUntil(lambda: not today.pending, timeout=10_000)
    with qtbot.waitSignal(today.refreshed, timeout=10_000):
        started = notebook.run(add_note, clients[5], now, kind="call")  # the call begins
    assert started is not None
    note_id = started.ids[0]
    listed, shown = count_signals(view.model), count_signals(today.model)

    for text in ("Talked", "Talked about the venue", "Talked about the venue and the menu"):
        for change in save_note_text(note_id, text, now, tz):
            notebook.broadcast(change)  # what the note editor does with each save
    qtbot.wait(50)  # Today coalesces changes on a zero-timer: give it the chance to misbehave

    assert listed == Counter()
    assert not today.pending and shown == Counter()


def test_a_promise_refreshes_that_clients_row_alone(
    qtbot, qtmodeltester, notebook, clients, now, tz
):  # type: ignore[no-untyped-def]
    view = _list(qtbot, notebook, qtmodeltester)
    seen = count_signals(view.model)
    changed_rows: list[int] = []
    view.model.dataChanged.connect(lambda first, _last, *_: changed_rows.append(first.row()))

    notebook.run(add_promise, clients[7], "send the deck", now, tz)

    assert seen == Counter({"dataChanged": 1})  # sorted by name: the row stays where it is
    assert [view.model.summary(r).id for r in changed_rows] == [clients[7]]
    assert view.model.summary(changed_rows[0]).open_promises == 1


def test_a_row_whose_sort_key_moved_moves_alone_to_where_a_full_sort_puts_it(  # type: ignore[no-untyped-def]
    qtbot, qtmodeltester, notebook, clients, now, tz
):
    view = _list(qtbot, notebook, qtmodeltester)
    sorts = (
        (Column.LAST_CONTACT, Qt.SortOrder.AscendingOrder),
        (Column.LAST_CONTACT, Qt.SortOrder.DescendingOrder),
        (Column.NEXT_DUE, Qt.SortOrder.AscendingOrder),
    )
    for minutes, (column, order) in enumerate(sorts, start=1):
        view.table.sortByColumn(column, order)
        seen = count_signals(view.model)
        # The longest-unheard client is contacted now: it moves from one end to the other.
        notebook.run(add_note, clients[-1], now, started_at=now - timedelta(minutes=10 - minutes))
        notebook.run(add_promise, clients[20], "call back", now, tz)

        assert seen["modelReset"] == seen["layoutChanged"] == 0
        assert seen["dataChanged"] == 2 and seen["rowsMoved"] <= 2
        reference = ClientListModel(lambda: now, tz)
        reference.set_rows(client_summaries(now, tz))
        reference.sort(column, order)
        assert [view.model.summary(r).id for r in range(view.model.rowCount())] == [
            reference.summary(r).id for r in range(reference.rowCount())
        ]


def test_new_and_deleted_clients_are_inserted_and_removed_in_place(  # type: ignore[no-untyped-def]
    qtbot, qtmodeltester, notebook, clients, now
):
    from ckbook.services.clients import ClientInput, add_client, delete_client

    view = _list(qtbot, notebook, qtmodeltester)
    seen = count_signals(view.model)
    added = notebook.run(add_client, ClientInput(name="Client 10b"), now)
    assert added is not None
    row = view.model.row_of(added.ids[0])
    assert row is not None and view.model.summary(row - 1).name == "Client 10"
    notebook.run(delete_client, clients[0], now)
    assert view.model.row_of(clients[0]) is None
    assert seen == Counter({"rowsInserted": 1, "rowsRemoved": 1})


def test_the_card_shows_an_autosaved_text_by_changing_that_notes_row(  # type: ignore[no-untyped-def]
    qtbot, qtmodeltester, notebook, clients, now, tz
):
    card = ClientCard(notebook)
    qtbot.addWidget(card)
    card.show_client(clients[2])
    timeline = card.timeline.model
    qtmodeltester.check(timeline)
    note_id = timeline.note(0).id
    seen = count_signals(timeline)

    for change in save_note_text(note_id, "talked about **the venue**", now, tz):
        notebook.broadcast(change)

    assert seen == Counter({"dataChanged": 1})
    assert timeline.note(0).body == "talked about **the venue**"


def test_today_changes_only_the_rows_a_change_moves(
    qtbot, qtmodeltester, notebook, clients, now, tz
):  # type: ignore[no-untyped-def]
    from datetime import date

    from ckbook.services.due import Due
    from ckbook.services.promises import close_promise
    from ckbook.services.today import Section

    overdue = [
        add_promise(clients[n], f"promise {n}", now, tz, due=Due(date(2026, 11, 10 + n))).ids[0]
        for n in range(5)
    ]
    today = TodayPage(notebook)
    qtbot.addWidget(today)
    qtmodeltester.check(today.model)
    qtbot.waitUntil(lambda: not today.pending, timeout=10_000)
    seen = count_signals(today.model)

    with qtbot.waitSignal(today.refreshed, timeout=10_000):
        notebook.run(close_promise, overdue[2], "kept", now)  # one row leaves
    with qtbot.waitSignal(today.refreshed, timeout=10_000):
        notebook.run(add_promise, clients[9], "a new one", now, tz, due=Due(date(2026, 11, 12)))
    with qtbot.waitSignal(today.refreshed, timeout=10_000):
        today.refresh()  # the minute's look again: nothing moved, nothing changes

    assert seen["modelReset"] == seen["layoutChanged"] == 0
    assert (seen["rowsRemoved"], seen["rowsInserted"]) == (1, 1)
    rows = [row.text for row in today.report.rows(Section.OVERDUE)] if today.report else []
    overdue_parent = today.model.section_index(Section.OVERDUE)
    shown = [
        today.model.index(r, 0, overdue_parent).data()
        for r in range(today.model.rowCount(overdue_parent))
    ]
    assert shown == rows and "promise 2" not in rows and "a new one" in rows


def test_today_behind_another_page_builds_its_report_when_shown_again(  # type: ignore[no-untyped-def]
    qtbot, notebook, clients, now, tz, tmp_path
):
    from PySide6.QtCore import QSettings

    from ckbook.ui.main_window import MainWindow

    window = MainWindow(notebook, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.IniFormat))
    qtbot.addWidget(window)
    today = TodayPage(notebook)
    window.add_page("today", "Today", today)
    window.show()
    qtbot.waitUntil(lambda: not today.pending, timeout=10_000)
    window.show_page("clients")
    asked: list[int] = []
    today.loader.loaded.connect(lambda generation, _report: asked.append(generation))

    for n in range(3):  # saves while a call is typed with Clients on screen
        notebook.run(add_promise, clients[n], f"promise {n}", now, tz)
    qtbot.wait(100)
    assert asked == [] and not today.pending

    with qtbot.waitSignal(today.refreshed, timeout=10_000):
        window.show_page("today")
    assert len(asked) == 1
