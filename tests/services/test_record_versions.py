"""No lost updates (team mode): two people editing one note, promise, incident, request or the
money terms, each through their own connection on their own thread. Different fields both keep
their change; the same field changed differently is one EditConflictError carrying both versions
and writes nothing; an edit of a record deleted meanwhile is reported, and so is a delete of a
record edited since it was seen."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, TypeVar

import pytest

from ckbook.services.base import ConflictError, worker_connection
from ckbook.services.capture import save_note_text
from ckbook.services.care import (
    acknowledge_request,
    add_incident,
    add_request,
    get_incident,
    record_incident_fix,
    requests,
    update_incident,
)
from ckbook.services.clients import delete_client
from ckbook.services.due import Due
from ckbook.services.money import MoneyTermsInput, current_money_terms, set_money_terms
from ckbook.services.notes import add_note, delete_note, get_note, update_note
from ckbook.services.promises import (
    add_promise,
    close_promise,
    get_promise,
    promises_for_client,
    promises_for_note,
    renegotiate_promise,
    update_promise,
)
from ckbook.services.versions import EditConflictError, EditedSinceError, RecordDeletedError
from tests.factories import make_client
from tests.rows import execute_elsewhere, select_rows

T = TypeVar("T")


def elsewhere(function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``function`` run by the other person: another thread, with a connection of its own."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            with worker_connection():
                outcome["value"] = function(*args, **kwargs)
        except BaseException as exc:  # handed back to the test's thread
            outcome["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(60)
    assert not thread.is_alive()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]  # type: ignore[no-any-return]


@pytest.fixture
def ada(db, now):  # type: ignore[no-untyped-def]
    return make_client(now, "Ada")


# --- notes ----------------------------------------------------------------------------------


def test_two_people_changing_different_fields_of_a_note_both_keep_theirs(db, ada, now):  # type: ignore[no-untyped-def]
    note = add_note(ada, now, body="Called about the roof").ids[0]
    mine = theirs = get_note(note)  # both open it
    assert mine.version == 1
    elsewhere(update_note, note, now, mood="frustrated", base=theirs)
    changed = update_note(note, now, body="Called about the roof; quote by Friday", base=mine)
    stored = get_note(note)
    assert (stored.body, stored.mood) == ("Called about the roof; quote by Friday", "frustrated")
    assert stored.version == 3 == changed.versions[0]


def test_the_same_note_field_changed_twice_is_refused_with_both_versions(db, ada, now):  # type: ignore[no-untyped-def]
    note = add_note(ada, now, body="first").ids[0]
    loaded = get_note(note)
    elsewhere(update_note, note, now, body="theirs", base=loaded)
    with pytest.raises(EditConflictError) as refused:
        update_note(note, now, body="mine", mood="content", base=loaded)
    conflict = refused.value.conflict
    assert conflict.clashes == ("body",)
    assert (conflict.mine["body"], conflict.theirs["body"]) == ("mine", "theirs")
    assert (conflict.base_version, conflict.version) == (1, 2)
    assert isinstance(refused.value, ConflictError)
    stored = get_note(note)
    assert (stored.body, stored.mood) == ("theirs", None)  # nothing of mine was written
    # choosing mine for the body, over the version now stored, saves both fields
    update_note(note, now, body="mine", mood="content", base=conflict.current)
    assert (get_note(note).body, get_note(note).mood) == ("mine", "content")


def test_editing_a_note_deleted_meanwhile_is_reported_with_the_text(db, ada, now):  # type: ignore[no-untyped-def]
    note = add_note(ada, now, body="first").ids[0]
    loaded = get_note(note)
    elsewhere(delete_note, note)
    with pytest.raises(RecordDeletedError, match="deleted by someone else") as refused:
        update_note(note, now, body="what I typed", base=loaded)
    assert refused.value.conflict.deleted
    assert refused.value.conflict.mine == {"body": "what I typed"}


def test_deleting_a_note_edited_since_it_was_seen_asks_first(db, ada, now):  # type: ignore[no-untyped-def]
    note = add_note(ada, now, body="first").ids[0]
    seen = get_note(note)
    elsewhere(update_note, note, now, body="they added a line", base=seen)
    with pytest.raises(EditedSinceError, match="not deleted") as refused:
        delete_note(note, seen.version)
    assert refused.value.conflict.theirs["body"] == "they added a line"
    assert get_note(note).body == "they added a line"
    delete_note(note, refused.value.conflict.version)  # "delete anyway" after seeing it
    assert select_rows_count(db, note) == 0


def select_rows_count(db, note_id: int) -> int:  # type: ignore[no-untyped-def]
    return len(select_rows(db.location, f"SELECT id FROM note WHERE id = {note_id}"))


def test_autosave_keeps_anothers_mood_and_never_overwrites_their_text(db, ada, now, tz):  # type: ignore[no-untyped-def]
    note = add_note(ada, now, body="Call started\n").ids[0]
    loaded = get_note(note)
    elsewhere(update_note, note, now, mood="delighted", base=loaded)
    # the call window's autosave, based on the note as it opened it: their mood stays
    save_note_text(note, "Call started\n+ send the quote by Friday\n", now, tz, base=loaded)
    stored = get_note(note)
    assert stored.mood == "delighted"
    assert stored.body.endswith("by Friday\n")
    assert [p.text for p in promises_for_note(note)] == ["send the quote by Friday"]
    # now they change the text while my window still holds the earlier version
    elsewhere(update_note, note, now, body="Their rewrite\n", base=stored)
    with pytest.raises(EditConflictError):
        save_note_text(note, stored.body + "+ call back Monday\n", now, tz, base=stored)
    assert get_note(note).body == "Their rewrite\n"
    assert [p.text for p in promises_for_note(note)] == ["send the quote by Friday"]


def test_a_change_committed_between_read_and_write_is_a_conflict_not_a_loss(db, ada, now):  # type: ignore[no-untyped-def]
    """The save is WHERE id = ? AND version = ?: a bump between this transaction's read and its
    write (what READ COMMITTED allows on the server) rolls back as a conflict."""
    from ckbook.services import notes

    note = add_note(ada, now, body="first").ids[0]
    real = notes.merge_note_edit

    def read_then_someone_saves(*args, **kwargs):  # type: ignore[no-untyped-def]
        write = real(*args, **kwargs)
        execute_elsewhere_in_transaction(note)
        return write

    notes.merge_note_edit = read_then_someone_saves  # type: ignore[assignment]
    try:
        with pytest.raises(ConflictError, match="at the same moment"):
            update_note(note, now, body="mine")
    finally:
        notes.merge_note_edit = real  # type: ignore[assignment]
    stored = get_note(note)
    assert (stored.body, stored.version) == ("first", 1)  # rolled back whole, mine not written


def execute_elsewhere_in_transaction(note_id: int) -> None:
    # Same connection, so no lock wait: it stands for a commit that landed in between.
    from ckbook.store.models import Note

    Note.update(body="theirs", version=Note.version + 1).where(Note.id == note_id).execute()


# --- promises --------------------------------------------------------------------------------


def test_promise_text_and_due_changed_by_two_people_both_stay(db, ada, now, tz):  # type: ignore[no-untyped-def]
    pid = add_promise(ada, "send the quote", now, tz).ids[0]
    loaded = get_promise(pid)
    friday = Due(date(2026, 11, 20))
    elsewhere(update_promise, pid, due=friday, base=loaded)
    update_promise(pid, text="send the revised quote", due=None, base=loaded)
    stored = get_promise(pid)
    assert (stored.text, stored.due) == ("send the revised quote", friday)
    with pytest.raises(EditConflictError) as refused:
        update_promise(pid, text="send nothing", base=loaded)  # still the old version
    assert refused.value.conflict.theirs["text"] == "send the revised quote"


def test_ticking_a_promise_someone_else_renegotiated_is_a_conflict(db, ada, now, tz):  # type: ignore[no-untyped-def]
    pid = add_promise(ada, "send the quote by Friday", now, tz).ids[0]
    seen = get_promise(pid)
    elsewhere(renegotiate_promise, pid, Due(date(2026, 11, 27)), now, base=seen)
    with pytest.raises(EditConflictError) as refused:
        close_promise(pid, "kept", now, base=seen)
    assert refused.value.conflict.theirs["status"] == "renegotiated"
    assert get_promise(pid).status == "renegotiated"


def test_ticking_a_promise_someone_just_ticked_the_same_is_quietly_done(db, ada, now, tz):  # type: ignore[no-untyped-def]
    pid = add_promise(ada, "send the quote by Friday", now, tz).ids[0]
    seen = get_promise(pid)
    elsewhere(close_promise, pid, "kept", now - timedelta(minutes=5), base=seen)
    close_promise(pid, "kept", now, base=seen)
    stored = get_promise(pid)
    assert (stored.status, stored.closed_at) == ("kept", now - timedelta(minutes=5))


def test_editing_a_promise_of_a_client_deleted_meanwhile_is_reported(db, ada, now, tz):  # type: ignore[no-untyped-def]
    pid = add_promise(ada, "send the quote", now, tz).ids[0]
    seen = get_promise(pid)
    elsewhere(delete_client, ada, now)
    with pytest.raises(RecordDeletedError):
        update_promise(pid, text="send the final quote", base=seen)
    assert [p.text for p in promises_for_client(ada)] == ["send the quote"]


# --- incidents -------------------------------------------------------------------------------


def test_incident_steps_recorded_by_two_people_both_stay_and_a_clash_is_refused(db, ada, now):  # type: ignore[no-untyped-def]
    iid = add_incident(ada, "Wrong invoice sent", now).ids[0]
    loaded = get_incident(iid)
    elsewhere(update_incident, iid, base=loaded, apology="Sorry, fixed today", apologised_at=now)
    update_incident(iid, base=loaded, root_cause="template mix-up")
    stored = get_incident(iid)
    assert (stored.apology, stored.root_cause, stored.version) == (
        "Sorry, fixed today",
        "template mix-up",
        3,
    )
    with pytest.raises(EditConflictError) as refused:
        update_incident(iid, base=loaded, apology="We apologise")
    assert refused.value.conflict.clashes == ("apology",)
    with pytest.raises(EditConflictError):
        record_incident_fix(iid, "resend", None, now, base=loaded.__class__(
            **{**loaded.__dict__, "fix": "old"}))  # fmt: skip
    assert get_incident(iid).apology == "Sorry, fixed today"


# --- requests --------------------------------------------------------------------------------


def test_acknowledging_a_request_deleted_or_already_acknowledged_is_reported(db, ada, now):  # type: ignore[no-untyped-def]
    rid = add_request(ada, "Where is my quote?", now).ids[0]
    seen = requests(ids=[rid])[0]
    elsewhere(acknowledge_request, rid, now - timedelta(minutes=3), base=seen)
    done = acknowledge_request(rid, now, base=seen)
    assert done.detail == "already acknowledged_at"
    assert requests(ids=[rid])[0].acknowledged_at == now - timedelta(minutes=3)
    execute_elsewhere(db.location, "DELETE FROM request WHERE id = ?", (rid,))
    with pytest.raises(RecordDeletedError, match="deleted by someone else"):
        acknowledge_request(rid, now, base=seen)


# --- money terms -----------------------------------------------------------------------------


def test_money_terms_changed_by_two_people_merge_field_by_field(db, ada, now):  # type: ignore[no-untyped-def]
    set_money_terms(ada, MoneyTermsInput("hourly", Decimal("90"), payment_terms_days=30), now)
    seen = current_money_terms(ada)
    assert seen is not None and seen.version == 1
    theirs = MoneyTermsInput("hourly", Decimal("95"), payment_terms_days=30)
    elsewhere(set_money_terms, ada, theirs, now, based_on_version=1)
    mine = MoneyTermsInput("hourly", Decimal("90"), payment_terms_days=14)
    set_money_terms(ada, mine, now, based_on_version=1)
    stored = current_money_terms(ada)
    assert stored is not None
    assert (stored.version, stored.amount, stored.payment_terms_days) == (3, Decimal("95"), 14)
    with pytest.raises(EditConflictError) as refused:
        set_money_terms(ada, MoneyTermsInput("hourly", Decimal("80")), now, based_on_version=1)
    assert (refused.value.conflict.mine["amount"], refused.value.conflict.theirs["amount"]) == (
        Decimal("80"),
        Decimal("95"),
    )
    assert current_money_terms(ada).version == 3  # type: ignore[union-attr]


@pytest.mark.postgresql
def test_on_the_server_a_save_waits_for_anothers_uncommitted_edit_and_merges_with_it(  # type: ignore[no-untyped-def]
    db, db_target, ada, now
):
    """READ COMMITTED: the row is locked (FOR UPDATE) while read, so the save waits for the
    other person's transaction and merges with what they committed."""
    import psycopg

    note = add_note(ada, now, body="first").ids[0]
    loaded = get_note(note)
    with psycopg.connect(db_target) as other:
        other.execute(
            "UPDATE note SET mood = 'angry', version = version + 1 WHERE id = %s", (note,)
        )
        committer = threading.Timer(0.3, other.commit)
        committer.start()
        try:
            update_note(note, now, body="mine", base=loaded)
        finally:
            committer.join()
    stored = get_note(note)
    assert (stored.body, stored.mood, stored.version) == ("mine", "angry", 3)


def test_every_save_of_a_versioned_record_moves_its_version(db, ada, now, tz):  # type: ignore[no-untyped-def]
    pid = add_promise(ada, "send the quote by Friday", now, tz).ids[0]
    close_promise(pid, "kept", now)
    rows = select_rows(db.location, f"SELECT version FROM promise WHERE id = {pid}")
    assert rows == [(2,)]
