"""Ctrl+F search page: results as you type, matches in bold, Enter opens the hit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ckbook.services.notes import add_note
from ckbook.services.promises import add_promise
from ckbook.services.search import SearchHit
from ckbook.ui.search_panel import SearchPanel, SearchResultsModel, SearchWorker, hit_title
from tests.factories import make_client


@pytest.fixture
def worker(db, qapp):
    w = SearchWorker()
    yield w
    w.stop()


@pytest.fixture
def panel(qtbot, worker, tz):
    p = SearchPanel(worker, tz=tz, debounce_ms=10)
    qtbot.addWidget(p)
    p.show()
    return p


@pytest.fixture
def filled(db, now, tz):
    ada = make_client(now, "Ada Lovelace")
    bob = make_client(now, "Bob Builder", organisation="Proposal Partners")
    note = add_note(ada, now, body="Talked through the engine proposal and the budget.").ids[0]
    promise = add_promise(ada, "send the proposal by Friday", now, tz).ids[0]
    return {"ada": ada, "bob": bob, "note": note, "promise": promise}


def wait_answered(qtbot, panel):
    qtbot.waitUntil(lambda: not panel.pending, timeout=5000)


def test_results_come_as_you_type_with_the_client_named(qtbot, panel, filled):
    qtbot.keyClicks(panel.field, "propo")  # an unfinished word is a prefix
    wait_answered(qtbot, panel)
    found = {(h.kind, h.id): h for h in panel.hits()}
    assert set(found) == {
        ("note", filled["note"]),
        ("promise", filled["promise"]),
        ("client", filled["bob"]),
    }
    assert found[("note", filled["note"])].client_name == "Ada Lovelace"
    assert panel.status.text() == "3 found"
    title = panel.model.data(panel.model.index(0), Qt.ItemDataRole.AccessibleTextRole)
    assert title


def test_matching_words_are_marked_for_bold(qtbot, panel, filled):
    qtbot.keyClicks(panel.field, "engine budget")
    wait_answered(qtbot, panel)
    (hit,) = panel.hits()
    assert [hit.snippet[a:b] for a, b in hit.highlights] == ["engine", "budget"]


def test_enter_opens_the_best_hit_and_a_click_opens_any(qtbot, panel, filled):
    qtbot.keyClicks(panel.field, '"engine proposal"')
    wait_answered(qtbot, panel)
    with qtbot.waitSignal(panel.opened) as blocker:
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    hit = blocker.args[0]
    assert (hit.kind, hit.id, hit.client_id) == ("note", filled["note"], filled["ada"])

    panel.field.setText("proposal")
    wait_answered(qtbot, panel)
    rect = panel.results.visualRect(panel.model.index(1))
    with qtbot.waitSignal(panel.opened) as blocker:
        qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args[0] == panel.model.hit(1)


def test_enter_before_the_answer_opens_the_answer(qtbot, worker, tz, filled):
    panel = SearchPanel(worker, tz=tz, debounce_ms=200)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.opened, timeout=5000) as blocker:
        qtbot.keyClicks(panel.field, "budget")
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert blocker.args[0].id == filled["note"]


@pytest.mark.parametrize("text", ['"', "(", "AND OR NOT", "*", "a:b", '"unclosed', "NEAR(x y"])
def test_query_syntax_is_never_an_error(qtbot, panel, filled, text):
    qtbot.keyClicks(panel.field, text)
    wait_answered(qtbot, panel)
    assert panel.status.text() in ("Nothing found", "") or panel.status.text().endswith("found")


def test_clearing_the_field_clears_the_results(qtbot, panel, filled):
    qtbot.keyClicks(panel.field, "proposal")
    wait_answered(qtbot, panel)
    panel.field.clear()
    wait_answered(qtbot, panel)
    assert panel.hits() == []


def test_results_model(qtmodeltester, now):
    model = SearchResultsModel()
    qtmodeltester.check(model)
    model.set_rows(
        [
            SearchHit("note", 1, 2, "Ada", "the engine", ((4, 10),), -1.0, now, "call"),
            SearchHit("client", 2, 2, "Ada", "Ada", ((0, 3),), -2.0),
        ]
    )
    qtmodeltester.check(model)
    assert model.rowCount() == 2


def test_hit_title_names_kind_client_and_date(now, tz):
    hit = SearchHit("note", 1, 2, "Ada Lovelace", "x", (), -1.0, now, "call")
    assert hit_title(hit, tz) == "Note · Ada Lovelace · call · 18 Nov 2026"
