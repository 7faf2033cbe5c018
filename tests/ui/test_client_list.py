"""The client list: columns, sorting, filtering as you type, and refreshing what changed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt

from ckbook.services.clients import client_summaries, update_client
from ckbook.services.due import Due
from ckbook.services.promises import add_promise
from ckbook.services.rules import Health
from ckbook.ui.client_list import ClientListModel, ClientListView, Column, Role
from tests.factories import contact, make_client


@pytest.fixture
def clients(db, now, tz):  # type: ignore[no-untyped-def]
    """Three clients: Ada (overdue check-in, a promise due today), Bob (fresh), Cleo (paused)."""
    ada = make_client(
        now, "Ada Lovelace", organisation="Analytical Engines", tags=("vip",), checkin_days=7
    )
    bob = make_client(now, "bob Builder", organisation="", emails=("bob@build.example",))
    cleo = make_client(now, "Cleo", organisation="Zeta", status="paused", tags=("vip", "art"))
    contact(ada, now, days_ago=12)
    contact(bob, now, days_ago=1)
    add_promise(ada, "send the deck", now, tz, due=Due(now.astimezone(tz).date()))
    add_promise(bob, "call back", now, tz, due=Due(now.astimezone(tz).date() + timedelta(days=3)))
    add_promise(bob, "quote", now, tz)
    return {"ada": ada, "bob": bob, "cleo": cleo}


def test_model_passes_qt_model_tests_empty_and_populated(qtmodeltester, db, now, tz) -> None:  # type: ignore[no-untyped-def]
    model = ClientListModel(lambda: now, tz)
    qtmodeltester.check(model)
    make_client(now, "Ada")
    make_client(now, "Bob", organisation="Builders")
    model.set_rows(client_summaries(now, tz))
    qtmodeltester.check(model)
    model.sort(Column.ORGANISATION, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def _view(qtbot, notebook) -> ClientListView:  # type: ignore[no-untyped-def]
    view = ClientListView(notebook)
    qtbot.addWidget(view)
    view.resize(900, 500)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    return view


def _names(view: ClientListView) -> list[str]:
    return [view.proxy.index(r, Column.NAME).data() for r in range(view.proxy.rowCount())]


def test_columns_show_health_last_contact_next_due_and_open_promises(
    qtbot, notebook, clients
) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, notebook)
    assert _names(view) == ["Ada Lovelace", "bob Builder", "Cleo"]
    ada = view.proxy.index(0, 0)
    row = ada.data(Role.SUMMARY)
    assert row.health == Health.RED
    cells = [view.proxy.index(0, c).data() for c in Column]
    assert cells == [
        "Ada Lovelace",
        "Analytical Engines",
        "overdue",
        "6 Nov",  # 12 days ago: the day (services.dates)
        "today",  # an open promise due today, no time of day
        "1",
    ]
    assert view.proxy.index(0, Column.HEALTH).data(Qt.ItemDataRole.DecorationRole) is not None
    assert view.proxy.index(0, Column.NEXT_DUE).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert view.proxy.index(2, Column.LAST_CONTACT).data() == "never"
    assert view.count_label.text() == "3 clients"


def test_sorting_by_a_column_header_click(qtbot, notebook, clients) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, notebook)
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(Column.OPEN_PROMISES) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    first_order = _names(view)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    second_order = _names(view)
    assert {tuple(first_order), tuple(second_order)} == {
        ("Cleo", "Ada Lovelace", "bob Builder"),
        ("bob Builder", "Ada Lovelace", "Cleo"),
    }
    view.table.sortByColumn(Column.HEALTH, Qt.SortOrder.AscendingOrder)
    assert _names(view)[0] == "Ada Lovelace"  # worst check-in first
    view.table.sortByColumn(Column.LAST_CONTACT, Qt.SortOrder.DescendingOrder)
    assert _names(view) == ["bob Builder", "Ada Lovelace", "Cleo"]


def test_filter_as_you_type_matches_every_word_anywhere(qtbot, notebook, clients) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, notebook)
    qtbot.keyClicks(view.filter_edit, "build.exa")  # part of an email
    assert _names(view) == ["bob Builder"]
    view.filter_edit.clear()
    qtbot.keyClicks(view.filter_edit, "VIP ze")  # a tag and part of an organisation
    assert _names(view) == ["Cleo"]
    assert view.count_label.text() == "1 of 3 clients"
    view.filter_edit.clear()
    assert len(_names(view)) == 3


def test_status_and_tag_filters(qtbot, notebook, clients) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, notebook)
    view.status_combo.setCurrentIndex(view.status_combo.findData("active"))
    assert _names(view) == ["Ada Lovelace", "bob Builder"]
    view.tag_combo.setCurrentIndex(view.tag_combo.findData("vip"))
    assert _names(view) == ["Ada Lovelace"]
    view.status_combo.setCurrentIndex(0)
    assert _names(view) == ["Ada Lovelace", "Cleo"]
    assert [view.tag_combo.itemText(i) for i in range(view.tag_combo.count())] == [
        "All tags",
        "art",
        "vip",
    ]


def test_enter_in_the_filter_opens_the_first_match(qtbot, notebook, clients) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, notebook)
    qtbot.keyClicks(view.filter_edit, "cle")
    with qtbot.waitSignal(view.clientActivated) as opened:
        qtbot.keyClick(view.filter_edit, Qt.Key.Key_Return)
    assert opened.args == [clients["cleo"]]
    view.filter_edit.clear()
    qtbot.keyClick(view.filter_edit, Qt.Key.Key_Down)
    assert view.table.hasFocus()
    with qtbot.waitSignal(view.clientSelected) as chosen:
        qtbot.keyClick(view.table, Qt.Key.Key_Up)  # from Cleo, opened above, up to Bob
    assert chosen.args == [clients["bob"]]


def test_a_change_refreshes_only_the_named_rows_and_keeps_the_selection(
    qtbot, notebook, clients, now, tz
) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, notebook)
    view.select_client(clients["bob"])
    notebook.run(update_client, clients["bob"], now, name="Bob Builder", tags=["new"])
    assert _names(view) == ["Ada Lovelace", "Bob Builder", "Cleo"]
    assert view.current_client_id() == clients["bob"]
    assert view.tag_combo.findData("new") > 0
    notebook.run(add_promise, clients["cleo"], "sketch", now, tz)
    cleo_row = view.model.row_of(clients["cleo"])
    assert view.model.summary(cleo_row).open_promises == 1
    added = make_client(now, "Aaron")
    from ckbook.services.base import Changed

    notebook.broadcast(Changed("client", (added,), (added,), "added"))
    assert _names(view)[0] == "Aaron"
    from ckbook.services.clients import delete_client

    notebook.run(delete_client, clients["ada"], now)
    assert "Ada Lovelace" not in _names(view)
    assert view.current_client_id() == clients["bob"]


def test_in_the_background_every_row_is_built_off_the_gui_thread_and_lands_at_once(  # type: ignore[no-untyped-def]
    qtbot, qtmodeltester, notebook, clients, monkeypatch
):
    import threading

    import ckbook.ui.client_list as client_list

    built_on: list[threading.Thread] = []

    def recording(*args, **kwargs):  # type: ignore[no-untyped-def]
        built_on.append(threading.current_thread())
        return client_summaries(*args, **kwargs)

    monkeypatch.setattr(client_list, "client_summaries", recording)
    view = ClientListView(notebook, background=True)
    qtbot.addWidget(view)
    qtmodeltester.check(view.model)
    view.select_client(clients["bob"])  # chosen before the rows are there
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        pass
    assert sorted(_names(view), key=str.casefold) == _names(view)
    assert len(_names(view)) == 3 and view.current_client_id() == clients["bob"]
    assert built_on and threading.main_thread() not in built_on
