"""Autosave: typing is saved soon, during continuous typing at most every max-wait, on a writer
thread; a failed save keeps the text, says why and retries."""

from __future__ import annotations

import logging
import sqlite3
import stat
import threading

import peewee
import pytest
from PySide6.QtCore import QTimer

from ckbook.services.notes import add_note, get_note
from ckbook.ui import autosave
from ckbook.ui.autosave import Autosaver, SaveJob, SaveWriter, note_text_saver, recovery_files
from tests.factories import make_client


class Recorder:
    """A save function standing in for the database: records jobs, can fail or block."""

    def __init__(self) -> None:
        self.jobs: list[SaveJob] = []
        self.fail_with: BaseException | None = None
        self.gate: threading.Event | None = None
        self.threads: set[str] = set()

    def __call__(self, job: SaveJob):
        self.threads.add(threading.current_thread().name)
        if self.gate is not None:
            self.gate.wait(10)
        if self.fail_with is not None:
            raise self.fail_with
        self.jobs.append(job)
        return ()


@pytest.fixture
def recorder():
    return Recorder()


@pytest.fixture
def recovery_dir(tmp_path):
    return tmp_path / "data" / "recovery"


@pytest.fixture
def writer(qapp, recorder, clock, recovery_dir):
    w = SaveWriter(
        recorder, clock=clock, retry_ms=50, recovery_dir=recovery_dir, location="/n/ckbook.sqlite3"
    )
    yield w
    if recorder.gate is not None:
        recorder.gate.set()
    w.stop()


def make_saver(qtbot, writer, tz, **timing) -> Autosaver:
    saver = Autosaver(writer, tz, **timing)
    saver.load(7, "")
    return saver


def disk_full() -> BaseException:
    """What peewee 4.5.3 raises when the disk fills inside atomic(): the real error is hidden in
    __context__ (RELIABILITY #2)."""
    try:
        try:
            raise sqlite3.OperationalError("database or disk is full")
        except sqlite3.OperationalError:
            raise peewee.OperationalError("cannot rollback - no transaction is active") from None
    except peewee.OperationalError as exc:
        exc.__context__ = sqlite3.OperationalError("database or disk is full")
        return exc


def test_text_is_saved_shortly_after_the_last_key_on_the_writer_thread(qtbot, writer, recorder, tz):
    saver = make_saver(qtbot, writer, tz, debounce_ms=50)
    saver.edited("Hello")
    assert saver.dirty
    with qtbot.waitSignal(saver.saved, timeout=2000):
        pass
    assert [(j.note_id, j.body) for j in recorder.jobs] == [(7, "Hello")]
    assert recorder.threads == {"ckbook-note-writer"}
    assert not saver.dirty
    assert saver.status == "Saved 10:00:00"  # the pinned clock, local time


def test_continuous_typing_is_saved_at_most_max_wait_apart(qtbot, writer, recorder, tz):
    saver = make_saver(qtbot, writer, tz, debounce_ms=400, max_wait_ms=150)
    typed: list[str] = []
    keys = QTimer()
    keys.setInterval(20)  # a key every 20 ms: the debounce never runs out

    def type_key() -> None:
        typed.append("x")
        saver.edited("".join(typed))

    keys.timeout.connect(type_key)
    keys.start()
    try:
        qtbot.waitUntil(lambda: len(recorder.jobs) >= 3, timeout=5000)
        assert keys.isActive()  # still typing: these saves came from the max wait
    finally:
        keys.stop()
    bodies = [len(j.body) for j in recorder.jobs]
    assert bodies == sorted(bodies) and bodies[0] > 0
    qtbot.waitUntil(lambda: not saver.dirty, timeout=3000)
    assert recorder.jobs[-1].body == "".join(typed)


def test_disk_full_keeps_the_text_says_so_and_retries(qtbot, writer, recorder, tz):
    saver = make_saver(qtbot, writer, tz, debounce_ms=10, retry_ms=50)
    recorder.fail_with = disk_full()
    statuses: list[str] = []
    saver.status_changed.connect(statuses.append)
    saver.edited("the client's words")
    qtbot.waitUntil(lambda: "Not saved — disk full; retrying" in statuses, timeout=3000)
    assert saver.dirty
    recorder.fail_with = None  # space freed
    with qtbot.waitSignal(saver.saved, timeout=3000):
        pass
    assert recorder.jobs[-1].body == "the client's words"
    assert not saver.dirty
    assert saver.status.startswith("Saved ")


def test_the_dirty_flag_stays_until_the_commit_returns_and_typing_is_never_blocked(
    qtbot, writer, recorder, tz
):
    saver = make_saver(qtbot, writer, tz, debounce_ms=10)
    recorder.gate = threading.Event()  # the disk is slow
    saver.edited("one")
    qtbot.waitUntil(lambda: saver.saving, timeout=2000)
    for n in range(50):  # typing goes on while the save hangs
        saver.edited(f"one two {n}")
    assert saver.dirty
    recorder.gate.set()
    qtbot.waitUntil(lambda: not saver.dirty, timeout=3000)
    assert recorder.jobs[-1].body == "one two 49"


def test_flush_and_wait_writes_everything_before_quitting(qtbot, writer, recorder, tz):
    first = make_saver(qtbot, writer, tz, debounce_ms=60_000, max_wait_ms=60_000)
    second = Autosaver(writer, tz, debounce_ms=60_000, max_wait_ms=60_000)
    second.load(8, "")
    first.edited("first note")
    second.edited("second note")
    assert writer.flush_all(timeout=5)
    assert {(j.note_id, j.body) for j in recorder.jobs} == {(7, "first note"), (8, "second note")}
    assert not first.dirty and not second.dirty


def test_switching_notes_saves_the_previous_one_first(qtbot, writer, recorder, tz):
    saver = make_saver(qtbot, writer, tz, debounce_ms=60_000, max_wait_ms=60_000)
    saver.edited("note seven")
    saver.load(9, "stored nine")
    assert (7, "note seven") in {(j.note_id, j.body) for j in recorder.jobs}
    assert not saver.dirty


def stored(recorder: Recorder) -> set[tuple[int, str]]:
    return {(j.note_id, j.body) for j in recorder.jobs}


def test_switching_notes_while_the_disk_is_full_keeps_both_texts_until_it_frees(
    qtbot, writer, recorder, tz
):
    saver = make_saver(qtbot, writer, tz, debounce_ms=60_000, max_wait_ms=60_000, retry_ms=50)
    recorder.fail_with = disk_full()
    saver.edited("note seven words")
    assert saver.load(9, "stored nine") == "stored nine"
    saver.edited("note nine words")
    saver.flush()
    qtbot.waitUntil(
        lambda: saver.status == "Not saved — disk full; retrying (2 notes)", timeout=3000
    )
    assert writer.pending().note_ids == (7,)
    assert saver.dirty
    recorder.fail_with = None  # space freed
    qtbot.waitUntil(
        lambda: {(7, "note seven words"), (9, "note nine words")} <= stored(recorder), timeout=5000
    )
    qtbot.waitUntil(lambda: not saver.dirty and not writer.pending().note_ids, timeout=3000)
    assert saver.status.startswith("Saved ")


def test_a_note_switched_away_from_is_retried_even_when_nothing_else_is_typed(
    qtbot, writer, recorder, tz
):
    saver = make_saver(qtbot, writer, tz, debounce_ms=60_000, max_wait_ms=60_000)
    recorder.fail_with = disk_full()
    saver.edited("note seven words")
    saver.load(9, "stored nine")
    assert not saver.dirty  # note nine is as stored
    qtbot.waitUntil(
        lambda: saver.status == "1 earlier note not saved — disk full; retrying", timeout=3000
    )
    recorder.fail_with = None
    qtbot.waitUntil(lambda: (7, "note seven words") in stored(recorder), timeout=5000)
    qtbot.waitUntil(lambda: saver.status == "", timeout=3000)


def test_opening_a_note_again_shows_its_unsaved_text_not_the_stored_one(
    qtbot, writer, recorder, tz
):
    saver = make_saver(qtbot, writer, tz, debounce_ms=60_000, max_wait_ms=60_000, retry_ms=50)
    recorder.fail_with = disk_full()
    saver.edited("note seven words")
    saver.load(9, "stored nine")
    assert saver.load(7, "stored seven, older") == "note seven words"
    assert saver.dirty
    assert writer.pending().note_ids == ()  # the editor saves it from now on
    recorder.fail_with = None
    qtbot.waitUntil(lambda: not saver.dirty, timeout=5000)
    assert recorder.jobs[-1].body == "note seven words"


def test_quitting_while_the_disk_is_full_keeps_the_text_in_a_private_recovery_file(
    qtbot, writer, recorder, tz, recovery_dir
):
    saver = make_saver(qtbot, writer, tz, debounce_ms=60_000, max_wait_ms=60_000)
    recorder.fail_with = disk_full()
    saver.edited("note seven words")
    saver.load(9, "stored nine")
    saver.edited("note nine words")
    saver.set_extras(mood="angry")
    rescue = writer.shutdown(timeout=5)  # aboutToQuit: one last attempt, then the file
    assert sorted(rescue.kept) == [7, 9] and rescue.saved == ()
    assert rescue.path is not None and rescue.path.parent == recovery_dir
    assert recovery_files(recovery_dir)[-1] == rescue.path
    assert stat.S_IMODE(rescue.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(recovery_dir.stat().st_mode) == 0o700
    text = rescue.path.read_text(encoding="utf-8")
    assert "Notebook: /n/ckbook.sqlite3" in text
    assert "===== note 7 (not saved: disk full) =====\nnote seven words\n" in text
    assert "===== note 9 (not saved: disk full; mood: angry) =====\nnote nine words\n" in text
    assert rescue.message() == (
        "The text of 2 notes could not be saved (disk full). It is kept in "
        f"{rescue.path} — copy it back into the note, then delete that file."
    )
    assert recorder.jobs == []


def test_quitting_once_the_disk_freed_writes_everything_and_no_recovery_file(
    qtbot, writer, recorder, tz, recovery_dir
):
    saver = make_saver(qtbot, writer, tz, debounce_ms=60_000, max_wait_ms=60_000)
    recorder.fail_with = disk_full()
    saver.edited("note seven words")
    saver.load(9, "stored nine")
    saver.edited("note nine words")
    recorder.fail_with = None
    rescue = writer.shutdown(timeout=5)
    assert rescue.kept == () and sorted(rescue.saved) == [7, 9]
    assert stored(recorder) >= {(7, "note seven words"), (9, "note nine words")}
    assert not recovery_dir.exists()


def test_when_no_recovery_file_can_be_written_the_text_goes_to_the_log(
    qtbot, writer, recorder, tz, recovery_dir, tmp_path, monkeypatch, caplog
):
    recovery_dir.parent.mkdir(parents=True)
    recovery_dir.write_text("a file where the folder should be")
    blocked = tmp_path / "tmp-blocked"
    blocked.write_text("")
    monkeypatch.setattr(autosave, "_fallback_recovery_dir", lambda: blocked)
    saver = make_saver(qtbot, writer, tz, debounce_ms=60_000, max_wait_ms=60_000)
    recorder.fail_with = disk_full()
    saver.edited("the client's last words")
    with caplog.at_level(logging.ERROR, logger="ckbook.ui.autosave"):
        rescue = writer.shutdown(timeout=5)
    assert rescue.kept == (7,) and rescue.path is None
    assert "no recovery file could be written" in rescue.message()
    assert "the client's last words" in caplog.text


def test_a_deleted_note_is_reported_without_retrying(qtbot, db, clock, tz):
    writer = SaveWriter(note_text_saver(clock), clock, own_connection=True)
    try:
        saver = Autosaver(writer, tz, debounce_ms=10, retry_ms=20)
        saver.load(12345, "")
        with qtbot.waitSignal(saver.status_changed, timeout=3000) as blocker:
            saver.edited("text")
        assert blocker.args == ["Not saved — no note with id 12345 (was it deleted?)"]
        assert saver.dirty
    finally:
        writer.stop()


def test_the_real_save_stores_the_note_from_the_writer_thread(qtbot, db, clock, now, tz):
    note_id = add_note(make_client(now), now).ids[0]
    writer = SaveWriter(note_text_saver(clock), clock, own_connection=True)
    try:
        saver = Autosaver(writer, tz, debounce_ms=10)
        saver.load(note_id, "")
        saver.edited("Called about the roof\n+ send the quote by Friday\n")
        with qtbot.waitSignal(saver.saved, timeout=3000) as blocker:
            pass
        kinds = [c.kind for c in blocker.args[0]]
        assert kinds == ["note", "promise"]
        assert get_note(note_id).body.startswith("Called about the roof")
    finally:
        writer.stop()


def test_a_save_after_the_writer_stopped_still_happens(qtbot, writer, recorder, tz):
    saver = make_saver(qtbot, writer, tz, debounce_ms=60_000, max_wait_ms=60_000)
    writer.stop()  # the app is quitting
    saver.edited("last words")
    assert saver.flush_and_wait(5)
    assert recorder.jobs[-1].body == "last words"
