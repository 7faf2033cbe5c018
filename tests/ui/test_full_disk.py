"""A really full disk (a small tmpfs filled to the last byte) while a call note autosaves: the
user is told in plain words, the text stays in the editor's keeping, and saving resumes by itself
once space is freed. Ends with an integrity check and the stored note."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from ckbook.services.notes import add_note, get_note
from ckbook.store.database import close_database, open_database
from ckbook.store.maintenance import check
from ckbook.ui.autosave import Autosaver, SaveWriter, note_text_saver
from tests.factories import make_client


@pytest.fixture
def small_filesystem(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder: Path) -> Path:
    """Write until the filesystem refuses a single byte more."""
    filler = folder / "filler.bin"
    with filler.open("wb", buffering=0) as handle:
        for chunk in (65536, 4096, 512, 1):
            try:
                while True:
                    handle.write(b"\0" * chunk)
            except OSError:
                continue
    return filler


def test_a_full_disk_keeps_the_text_says_so_and_saving_resumes(  # type: ignore[no-untyped-def]
    small_filesystem, clock, tz, qtbot, tmp_path
):
    opened = open_database(small_filesystem / "nb.sqlite3")
    writer = SaveWriter(
        note_text_saver(clock),
        clock,
        own_connection=True,
        retry_ms=100,
        recovery_dir=tmp_path / "recovery",
        location=opened.location,
    )
    try:
        client = make_client(clock.now(), "Ada Lovelace")
        note_id = add_note(client, clock.now(), kind="call").ids[0]
        saver = Autosaver(writer, tz, debounce_ms=10, retry_ms=100)
        saver.load(note_id, "")
        statuses: list[str] = []
        saver.status_changed.connect(statuses.append)
        filler = fill(small_filesystem)
        words = "She wants the venue moved to the 14th. " * 2000  # ~80 KB: needs new pages
        saver.edited(words)
        qtbot.waitUntil(lambda: any("disk full" in s for s in statuses), timeout=10000)
        assert saver.dirty  # the text is kept, not dropped
        assert get_note(note_id).body == ""
        filler.unlink()  # space freed
        qtbot.waitUntil(lambda: not saver.dirty, timeout=10000)
        assert get_note(note_id).body == words
        assert saver.status.startswith("Saved ")
    finally:
        writer.stop()
        close_database(opened)
    assert check(str(small_filesystem / "nb.sqlite3")).ok
