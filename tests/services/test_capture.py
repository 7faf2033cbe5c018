"""Capture while typing: `+ ` lines become promises of the note once, `? ` lines requests."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ckbook.services.base import NotFoundError
from ckbook.services.capture import (
    captured_lines,
    plan_sync,
    request_lines,
    save_note_text,
    sync_captured_promises,
)
from ckbook.services.due import Due
from ckbook.services.notes import add_note, delete_note, get_note
from ckbook.services.promises import promises_for_note, update_promise
from tests.factories import make_client

FRIDAY_3PM = Due(date(2026, 11, 20), time(15, 0))


# --- reading a body (pure) -------------------------------------------------------------------


def test_promise_and_request_lines_are_found_with_line_numbers_and_dues(now, tz):
    body = (
        "Talked about the roof.\n"
        "+ send the revised quote by Friday 3pm\n"
        "  ? client asks for a site visit\n"
        "+  call   back tomorrow morning\n"
        "+ unfinished by Mon"
    )
    found = captured_lines(body, now, tz)
    assert [(c.kind, c.line, c.text, c.complete) for c in found] == [
        ("promise", 1, "send the revised quote by Friday 3pm", True),
        ("request", 2, "client asks for a site visit", True),
        ("promise", 3, "call back tomorrow morning", True),
        ("promise", 4, "unfinished by Mon", False),
    ]
    assert found[0].due == FRIDAY_3PM
    assert found[0].phrase == "by Friday 3pm"
    assert found[2].due == Due(date(2026, 11, 19), time(9, 0))
    assert [r.text for r in request_lines(body)] == ["client asks for a site visit"]


@pytest.mark.parametrize(
    "line",
    ["+", "+ ", "+x no space", "plus + in the middle", "++ double", "?", "?? what", "- + list"],
)
def test_lines_that_are_not_captures(now, tz, line):
    assert captured_lines(line + "\n", now, tz) == []


@pytest.mark.parametrize(
    ("body", "captured"),
    [
        # Inside a fence: quoted text, a diff, a snippet — never a promise or a request.
        ("```\n+ send the quote by Friday\n? can you call\n```\n", []),
        ("```diff\n+ added line\n- removed line\n```\n", []),
        ("~~~\n+ in a tilde fence\n~~~\n", []),
        ("   ```\n+ fence indented three spaces\n```\n", []),
        # An unclosed fence runs to the end of the note.
        ("```\n+ still quoted\n\n? and this\n", []),
        # Only a matching fence closes: ~~~ inside ```, or a shorter run, does not.
        ("```\n~~~\n+ still quoted\n```\n", []),
        ("````\n```\n+ still quoted\n````\n", []),
        # After the fence closes, lines count again; before it too.
        (
            "+ before\n```\n+ inside\n```\n+ after\n? asked after\n",
            [("promise", 0, "before"), ("promise", 4, "after"), ("request", 5, "asked after")],
        ),
        # Not fences: four spaces in, inline code, two backticks, a closing line with words.
        ("    ```\n+ counts\n", [("promise", 1, "counts")]),
        ("``` a `code` span\n+ counts\n", [("promise", 1, "counts")]),
        ("``\n+ counts\n", [("promise", 1, "counts")]),
        ("```\n``` not a close\n+ inside\n```\n+ out\n", [("promise", 4, "out")]),
    ],
)
def test_fenced_code_blocks_are_not_captured(now, tz, body, captured):
    found = captured_lines(body, now, tz)
    assert [(c.kind, c.line, c.text) for c in found] == captured
    assert [r.text for r in request_lines(body)] == [t for k, _n, t in captured if k == "request"]


def test_lines_in_a_code_block_make_no_promise_or_request(note_id, now, tz):
    from ckbook.services.care import requests

    body = "Their spec:\n```\n+ send the quote by Friday 3pm\n? can you call\n```\n+ call back\n"
    sync_captured_promises(note_id, body, now, tz)
    assert [p.text for p in promises_for_note(note_id)] == ["call back"]
    assert requests() == []
    # Fencing a line afterwards leaves its promise as it is (deleting a line never deletes one),
    # and makes no new one.
    sync_captured_promises(note_id, "```\n+ call back\n```\n", now, tz, final=True)
    assert [p.text for p in promises_for_note(note_id)] == ["call back"]


def test_the_last_line_is_complete_only_when_final(now, tz):
    assert not captured_lines("+ call back", now, tz)[0].complete
    assert captured_lines("+ call back", now, tz, final=True)[0].complete


def test_plan_pairs_an_edited_line_with_its_old_text():
    plan = plan_sync("+ a\n+ send quote\n+ c\n", "+ a\n+ send the quote by Friday\n+ c\n+ d\n")
    assert plan.updates == (("send quote", "send the quote by Friday"),)
    assert plan.additions == ("d",)


# --- storing (use-case) ------------------------------------------------------------------------


@pytest.fixture
def note_id(db, now):
    client = make_client(now)
    return add_note(client, now, kind="call").ids[0]


def _promises(note_id):
    return [(p.text, p.due) for p in promises_for_note(note_id)]


def test_complete_lines_become_promises_of_the_note_once(note_id, now, tz):
    body = "Intro\n+ send the revised quote by Friday 3pm\n+ call back"
    changed = sync_captured_promises(note_id, body, now, tz)
    assert changed.kind == "promise" and len(changed.ids) == 1
    assert _promises(note_id) == [("send the revised quote by Friday 3pm", FRIDAY_3PM)]
    assert get_note(note_id).body == body

    again = sync_captured_promises(note_id, body, now, tz)
    assert again.ids == ()
    body += " tomorrow\n"
    sync_captured_promises(note_id, body, now, tz)
    sync_captured_promises(note_id, body, now, tz)
    assert [t for t, _ in _promises(note_id)] == [
        "send the revised quote by Friday 3pm",
        "call back tomorrow",
    ]
    assert promises_for_note(note_id)[1].client_id == get_note(note_id).client_id


def test_ending_the_call_captures_the_last_line(note_id, now, tz):
    save_note_text(note_id, "+ call back", now, tz)
    assert _promises(note_id) == []
    note, promises = save_note_text(
        note_id, "+ call back", now, tz, final=True, mood="content", duration_seconds=300
    )
    assert _promises(note_id) == [("call back", None)]
    stored = get_note(note_id)
    assert (stored.mood, stored.duration_seconds) == ("content", 300)
    assert note.kind == "note" and promises.kind == "promise"
    # Reopened and saved again, the final line still has its one promise.
    save_note_text(note_id, "+ call back", now, tz)
    save_note_text(note_id, "+ call back\nmore", now, tz)
    assert len(promises_for_note(note_id)) == 1


def test_editing_a_line_updates_its_promise_and_due(note_id, now, tz):
    sync_captured_promises(note_id, "+ send the quote by Friday\n", now, tz)
    (first,) = promises_for_note(note_id)
    later = now + timedelta(days=3)  # Saturday: "Friday" still means the Friday after the call
    sync_captured_promises(note_id, "+ send the revised quote by Friday 3pm\n", later, tz)
    (edited,) = promises_for_note(note_id)
    assert edited.id == first.id
    assert (edited.text, edited.due) == ("send the revised quote by Friday 3pm", FRIDAY_3PM)


def test_a_corrected_due_sticks_when_the_line_is_edited(note_id, now, tz):
    sync_captured_promises(note_id, "+ call back at 07:30\n", now, tz)
    (promise,) = promises_for_note(note_id)
    assert promise.due == Due(date(2026, 11, 19), time(7, 30))  # 07:30 has passed: tomorrow
    corrected = Due(date(2026, 11, 18), time(19, 30))  # the user meant this evening
    update_promise(promise.id, due=corrected)
    sync_captured_promises(note_id, "+ call back about the roof at 07:30\n", now, tz)
    (after,) = promises_for_note(note_id)
    assert after.text == "call back about the roof at 07:30"
    assert after.due == corrected


def test_deleting_a_line_keeps_its_promise_and_reinserting_does_not_duplicate(note_id, now, tz):
    sync_captured_promises(note_id, "+ one\n+ two\n", now, tz)
    sync_captured_promises(note_id, "+ two\n", now, tz)
    sync_captured_promises(note_id, "+ one\n+ two\n", now, tz)
    assert sorted(t for t, _ in _promises(note_id)) == ["one", "two"]


def test_inserting_a_line_above_does_not_rewrite_the_others(note_id, now, tz):
    sync_captured_promises(note_id, "+ alpha\n+ beta\n", now, tz)
    sync_captured_promises(note_id, "+ new first\n+ alpha\n+ beta\n", now, tz)
    assert sorted(t for t, _ in _promises(note_id)) == ["alpha", "beta", "new first"]


def test_a_deleted_note_is_reported_not_crashed(note_id, now, tz):
    delete_note(note_id)
    with pytest.raises(NotFoundError):
        save_note_text(note_id, "text", now, tz)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    edits=st.lists(
        st.lists(st.sampled_from(["+ a", "+ b by Friday", "+ c", "text", "? ask", ""]), max_size=5),
        min_size=1,
        max_size=5,
    )
)
def test_any_sequence_of_saves_gives_each_complete_line_a_promise(db, now, tz, edits):
    client = make_client(now)
    note = add_note(client, now).ids[0]
    for lines in edits:
        body = "\n".join(lines) + "\n"
        save_note_text(note, body, now, tz)
        texts = [p.text for p in promises_for_note(note)]
        for line in lines:
            if line.startswith("+ "):
                assert line[2:] in texts
        # Never more promises than distinct lines ever typed.
        assert len(texts) <= sum(len(v) for v in edits)
