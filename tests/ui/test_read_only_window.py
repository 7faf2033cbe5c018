"""A notebook whose filesystem is read-only opens in the window, shown as read-only, its cards
readable; a new notebook says it was created."""

from __future__ import annotations

import pytest

from ckbook.app import build
from ckbook.cli import main
from ckbook.store.database import close_database, open_database
from tests.store.test_team_rights import as_role, team

__all__ = ["team"]  # the fixture: two people with no rights yet on a server notebook


def test_a_read_only_notebook_opens_in_the_window_and_says_so(read_only_folder, clock, qtbot, qapp):  # type: ignore[no-untyped-def]
    opened = open_database(read_only_folder / "nb.sqlite3")
    try:
        window = build(opened, clock, qapp)
        qtbot.addWidget(window)
        window.show()
        assert window.windowTitle().endswith("(read-only)")
        assert window.read_only_label.isVisible()
        assert "nothing can be saved" in window.read_only_label.text()
    finally:
        close_database(opened)


def test_a_new_notebook_says_it_was_created(tmp_path, clock, qtbot, qapp):  # type: ignore[no-untyped-def]
    opened = open_database(tmp_path / "fresh.sqlite3")
    try:
        window = build(opened, clock, qapp)
        qtbot.addWidget(window)
        assert window.statusBar().currentMessage() == (
            f"Created a new notebook at {tmp_path / 'fresh.sqlite3'}"
        )
        assert not window.windowTitle().endswith("(read-only)")
    finally:
        close_database(opened)


@pytest.mark.postgresql
def test_a_read_only_role_on_a_server_opens_the_window_read_only(team, clock, qtbot, qapp, capsys):  # type: ignore[no-untyped-def]
    url, names = team
    assert (
        main(["team", "grant", names["reader"], "--as", "read-only", "--apply", "--db", url]) == 0
    )
    opened = open_database(as_role(url, names["reader"]))
    try:
        window = build(opened, clock, qapp)
        qtbot.addWidget(window)
        window.show()
        assert window.windowTitle().endswith("(read-only)")
        assert window.read_only_label.isVisible()
        assert window.read_only_label.text() == (
            "Read-only: your database role may read this notebook but not change it; "
            "nothing can be saved"
        )
        assert "postgresql://reader_" in window.windowTitle()
        # The client list loads on a worker (its own connection): done before the notebook
        # closes, as quitting the app waits for it.
        qtbot.waitUntil(lambda: not window.client_list.loading, timeout=10_000)
    finally:
        close_database(opened)
