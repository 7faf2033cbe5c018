"""The log file: in the platform's log folder, rotated, owner-only, and never holding what the
user wrote; a hard crash leaves the threads' stacks beside it, read once at the next start."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ckbook import logs

log = logging.getLogger("ckbook.test")


@pytest.fixture
def log_file(tmp_path) -> Iterator[Path]:  # type: ignore[no-untyped-def]
    path = logs.start_logging(tmp_path / "log")
    assert path is not None
    yield path
    logs.stop_logging()


def test_the_default_folder_is_the_platforms_log_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert logs.log_dir() == tmp_path / "state" / "ckbook" / "log"


def test_records_reach_the_file_readable_by_the_owner_only(log_file):
    log.warning("backup written to %s", "/home/me/backups")
    text = log_file.read_text(encoding="utf-8")
    assert "ckbook 0.1.0 started" in text or "started" in text
    assert "WARNING ckbook.test: backup written to /home/me/backups" in text
    assert stat.S_IMODE(os.stat(log_file).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(log_file.parent).st_mode) == 0o700


def test_what_the_user_wrote_never_reaches_the_file(capfd, log_file):
    log.error(
        "note text could not be saved:\n%s", "Dear Ada, the quote is 8500", extra=logs.PRIVATE
    )
    try:
        raise KeyError("Müller GmbH")
    except KeyError:
        log.exception("lookup of %r failed", "Ada Lovelace")
    text = log_file.read_text(encoding="utf-8")
    assert "Dear Ada" not in text and "Müller" not in text and "Ada Lovelace" not in text
    assert "KeyError: '…'" in text and "lookup of '…' failed" in text
    assert "Traceback" in text and "test_logs.py" in text  # the frames stay: they are ours
    assert "Dear Ada, the quote is 8500" in capfd.readouterr().err  # the last place it can go


def test_the_file_rotates_and_keeps_three_old_ones(tmp_path, monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    path = logs.start_logging(tmp_path)
    assert path is not None
    try:
        for number in range(400):
            log.info("line %d of a long session", number)
    finally:
        logs.stop_logging()
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == ["ckbook.log", "ckbook.log.1", "ckbook.log.2", "ckbook.log.3"]
    assert all(p.stat().st_size <= 2_100 for p in tmp_path.iterdir())
    assert "line 399" in path.read_text(encoding="utf-8")


def test_a_folder_that_cannot_be_written_leaves_standard_error_only(tmp_path, capfd):
    blocker = tmp_path / "file"
    blocker.write_text("")
    try:
        assert logs.start_logging(blocker / "log") is None
        log.warning("still said")
    finally:
        logs.stop_logging()
    err = capfd.readouterr().err
    assert "no log file" in err and "still said" in err


def test_starting_twice_adds_no_second_handler_and_stopping_restores_the_level(tmp_path):
    root = logging.getLogger()
    before = (len(root.handlers), root.level)
    logs.start_logging(tmp_path)
    logs.start_logging(tmp_path)
    assert len(root.handlers) == before[0] + 2  # standard error and the file, once
    logs.stop_logging()
    assert (len(root.handlers), root.level) == before


def test_a_hard_crash_leaves_the_stacks_read_once_at_the_next_start(tmp_path):
    crash = (
        "import ctypes, sys; from pathlib import Path; from ckbook import logs;"
        "logs.start_fault_log(Path(sys.argv[1])); ctypes.string_at(0)"
    )
    done = subprocess.run([sys.executable, "-c", crash, str(tmp_path)], capture_output=True)
    assert done.returncode != 0  # a real segmentation fault
    faults = logs.previous_faults(tmp_path)
    assert "Segmentation fault" in faults and "Current thread" in faults
    assert logs.previous_faults(tmp_path) == ""  # told once
