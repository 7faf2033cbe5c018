"""The quick switcher: fuzzy matching, keyboard choice, and the reusable ClientPicker."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from ckbook.services.clients import ClientName
from ckbook.ui.quick_switcher import (
    ClientPicker,
    MatchModel,
    QuickSwitcher,
    SwitcherIndex,
    fuzzy_rank,
)
from tests.factories import make_client

PEOPLE = [
    ClientName(1, "John Smith", "Smithy Joinery"),
    ClientName(2, "Joanna Smyth", ""),
    ClientName(3, "Ada Lovelace", "Analytical Engines"),
    ClientName(4, "Bob Adams", "Harbour Ltd"),
]


@pytest.mark.parametrize(
    ("query", "best"),
    [
        ("", [1, 2, 3, 4]),
        ("ada", [3, 4]),  # a name that starts with it beats a word inside another name
        ("jsm", [1, 2]),  # letters in order: the tighter abbreviation first
        ("smith", [1]),
        ("harb", [4]),  # organisation
        ("jo sm", [1, 2]),
        ("ANALYTICAL", [3]),
        ("zzz", []),
    ],
)
def test_fuzzy_rank(query: str, best: list[int]) -> None:
    assert [PEOPLE[i].id for i in fuzzy_rank(query, PEOPLE)] == best


@given(st.lists(st.sampled_from(["j", "o", "a", "s", "m", " ", "h", "d", "\b"]), max_size=12))
def test_typing_on_ranks_as_a_fresh_search_would(keys: list[str]) -> None:
    """The index narrows from the last query's matches while typing goes on; whatever is
    typed or erased, it ranks exactly as a fresh index would."""
    index = SwitcherIndex(PEOPLE)
    query = ""
    for key in keys:
        query = query[:-1] if key == "\b" else query + key
        assert index.rank(query) == SwitcherIndex(PEOPLE).rank(query)


def test_match_model_passes_qt_model_tests(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = MatchModel()
    qtmodeltester.check(model)
    model.set_rows(PEOPLE)
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "John Smith — Smithy Joinery"


def test_typing_narrows_and_arrows_choose(qtbot) -> None:  # type: ignore[no-untyped-def]
    switcher = QuickSwitcher(PEOPLE)
    qtbot.addWidget(switcher)
    switcher.show()
    qtbot.keyClicks(switcher.query, "sm")
    assert switcher.model.rowCount() == 2
    qtbot.keyClick(switcher.query, Qt.Key.Key_Down)
    qtbot.keyClick(switcher.query, Qt.Key.Key_Return)
    assert switcher.chosen == 2
    assert switcher.result() == QuickSwitcher.DialogCode.Accepted


def test_enter_with_no_match_keeps_the_switcher_open(qtbot) -> None:  # type: ignore[no-untyped-def]
    switcher = QuickSwitcher(PEOPLE)
    qtbot.addWidget(switcher)
    switcher.show()
    qtbot.keyClicks(switcher.query, "nobody")
    qtbot.keyClick(switcher.query, Qt.Key.Key_Return)
    assert switcher.isVisible() and switcher.chosen is None
    assert switcher.hint.text() == "No client matches."


def _answer(text: str, key: Qt.Key = Qt.Key.Key_Return) -> None:
    """Type into the switcher once it is up, then press ``key`` (as a user would)."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QuickSwitcher):
            QTimer.singleShot(10, act)
            return
        from PySide6.QtTest import QTest

        QTest.keyClicks(dialog.query, text)
        QTest.keyClick(dialog.query, key)

    QTimer.singleShot(0, act)


def test_client_picker_asks_which_client(qtbot, notebook, now) -> None:  # type: ignore[no-untyped-def]
    make_client(now, "Ada Lovelace")
    grace = make_client(now, "Grace Hopper", organisation="Navy")
    _answer("navy")
    assert ClientPicker.ask(None, notebook) == grace
    _answer("gr", Qt.Key.Key_Escape)
    assert ClientPicker.ask(None, notebook) is None
