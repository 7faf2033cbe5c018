"""`ckbook search TEXT [--json]`: the same hits as the window, for scripts and terminals."""

from __future__ import annotations

import json

import pytest

from ckbook.services.notes import add_note
from ckbook.services.promises import add_promise
from tests.conftest import NOW, TZ
from tests.factories import make_client


@pytest.fixture
def filled(db):
    ada = make_client(NOW, "Ada Lovelace")
    note = add_note(ada, NOW, body="Talked through the engine proposal.").ids[0]
    promise = add_promise(ada, "send the proposal by Friday", NOW, TZ).ids[0]
    return ada, note, promise


def test_search_prints_each_hit_with_its_client_and_marked_words(run, filled):
    code, out, err = run("search", "propos*")
    assert (code, err) == (0, "")
    assert "Ada Lovelace" in out
    assert "send the [proposal] by Friday" in out
    assert "Talked through the engine [proposal]." in out


def test_search_json_is_an_array_of_hits(run, filled):
    ada, note, promise = filled
    code, out, _ = run("search", "proposal", "--json")
    hits = json.loads(out)
    assert code == 0
    assert {(h["kind"], h["id"]) for h in hits} == {("note", note), ("promise", promise)}
    note_hit = next(h for h in hits if h["kind"] == "note")
    assert note_hit["client"] == "Ada Lovelace" and note_hit["client_id"] == ada
    start, end = note_hit["highlights"][0]
    assert note_hit["snippet"][start:end] == "proposal"
    assert note_hit["when"] == "2026-11-18T10:00+01:00"


@pytest.mark.parametrize("text", ['"unclosed', "AND", "(", "*", ""])
def test_any_text_is_a_search_not_an_error(run, filled, text):
    code, out, err = run("search", text, "--json")
    assert (code, err) == (0, "")
    assert isinstance(json.loads(out), list)


def test_a_bad_limit_exits_2_with_one_line(run, filled):
    code, _out, err = run("search", "x", "--limit", "0")
    assert code == 2
    assert len(err.strip().splitlines()) == 1
