"""The log file: what went wrong, kept where the platform keeps logs (platformdirs' user log
folder for app "ckbook", ``~/.local/state/ckbook/log`` on Linux), for the user to send us.

- ``start_logging()`` sends every record to standard error and to ``ckbook.log`` there, rotated
  at 1 MB with three old files kept, readable by the owner only.
- The file never holds what the user wrote: a record logged with ``extra=PRIVATE`` (a note's text
  kept as a last resort) goes to standard error only, and quoted text in messages and exception
  messages (how Python shows a value: a name, a phrase typed) is replaced by ``'…'``.
- ``start_fault_log()`` points ``faulthandler`` at ``faults.log`` beside it, so a hard crash
  (a segfault in Qt) leaves the threads' stacks; ``previous_faults()`` reads what the last run
  left there, once.

No Qt here; ``ckbook.app`` starts it for the window, and ``ckbook.ui.crash`` shows uncaught errors.
"""

from __future__ import annotations

import contextlib
import faulthandler
import io
import logging
import logging.handlers
import os
import platform
import re
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import IO

import platformdirs

from ckbook import APP_NAME, __version__

LOG_FILENAME = "ckbook.log"
FAULTS_FILENAME = "faults.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
#: ``log.error(..., extra=PRIVATE)``: the record may hold the user's words; standard error only.
PRIVATE = {"private": True}
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

# A quoted value: not an apostrophe inside a word ("can't"), escapes allowed inside.
_QUOTED = re.compile(r"""(?<!\w)'(?:[^'\\\n]|\\.)*'(?!\w)|"(?:[^"\\\n]|\\.)*\"""")
_FRAME = re.compile(r'^\s+File ".*", line \d+')  # a traceback's frame: a source file, no data
_fault_file: IO[str] | None = None
_level_before: int | None = None


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def scrub(text: str) -> str:
    """``text`` with every quoted part (Python's way of showing a value) replaced by ``'…'``."""
    return _QUOTED.sub("'…'", text)


class _PrivateFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not getattr(record, "private", False)


class _ScrubbingFormatter(logging.Formatter):
    """The file's format: the message and the exception's message without quoted values (the
    traceback's frames, which hold only our file names and lines, stay whole)."""

    def format(self, record: logging.LogRecord) -> str:
        return "\n".join(
            line if _FRAME.match(line) else scrub(line)
            for line in super().format(record).split("\n")
        )


class _OwnerOnlyRotatingHandler(logging.handlers.RotatingFileHandler):
    def _open(self) -> io.TextIOWrapper:
        # Created 0600 whatever the umask: the log names the notebook's path.
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.close(fd)
        return super()._open()


def _ours(handler: logging.Handler) -> bool:
    return getattr(handler, "ckbook_log", False) is True


def start_logging(folder: Path | None = None, level: int = logging.INFO) -> Path | None:
    """Log to standard error and to the log file in ``folder`` (default ``log_dir()``); returns
    the file's path, or None when the folder cannot be written (standard error only, said there).
    Calling it again replaces the handlers it added before."""
    global _level_before
    stop_logging()
    root = logging.getLogger()
    _level_before = root.level
    root.setLevel(level)
    console = logging.StreamHandler(sys.stderr)
    console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    handlers: list[logging.Handler] = [console]
    path: Path | None = (folder or log_dir()) / LOG_FILENAME
    assert path is not None
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        file_handler = _OwnerOnlyRotatingHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError as exc:
        path = None
        failure = f"no log file ({exc.strerror or exc}); logging to standard error only"
    else:
        file_handler.setFormatter(_ScrubbingFormatter(FORMAT))
        file_handler.addFilter(_PrivateFilter())
        handlers.append(file_handler)
        failure = ""
    for handler in handlers:
        handler.ckbook_log = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    if failure:
        logging.getLogger(__name__).warning("%s", failure)
    else:
        logging.getLogger(__name__).info(
            "%s %s started (%s)", APP_NAME, __version__, platform_line()
        )
    return path


def stop_logging() -> None:
    """Remove (and close) the handlers ``start_logging`` added; the level it set goes back."""
    global _level_before
    root = logging.getLogger()
    for handler in [h for h in root.handlers if _ours(h)]:
        root.removeHandler(handler)
        handler.close()
    if _level_before is not None:
        root.setLevel(_level_before)
        _level_before = None


def platform_line() -> str:
    return f"Python {platform.python_version()}, {platform.platform(terse=True)}"


def start_fault_log(folder: Path | None = None) -> Path | None:
    """A hard crash writes every thread's stack to ``faults.log`` (appended); None when it
    cannot be opened (faulthandler then stays as it was)."""
    global _fault_file
    path = (folder or log_dir()) / FAULTS_FILENAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle = open(  # noqa: SIM115  # kept open for the process: a crash writes into it
            os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "a", encoding="utf-8"
        )
    except OSError:
        return None
    stop_fault_log()
    _fault_file = handle
    faulthandler.enable(handle, all_threads=True)
    return path


def stop_fault_log() -> None:
    """Back to faulthandler on standard error (what Python and pytest set up)."""
    global _fault_file
    if _fault_file is None:
        return
    faulthandler.enable(sys.stderr, all_threads=True)
    with contextlib.suppress(OSError):
        _fault_file.close()
    _fault_file = None


def previous_faults(folder: Path | None = None) -> str:
    """What a hard crash of an earlier run left in ``faults.log`` (empty when none); the file is
    emptied, so each crash is told once. Call it before ``start_fault_log``."""
    path = (folder or log_dir()) / FAULTS_FILENAME
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
        if text.strip():
            os.truncate(path, 0)
    except OSError:
        return ""
    return text.strip()


def describe(
    kind: type[BaseException], value: BaseException, tb: TracebackType | None, extra: str = ""
) -> str:
    """The details of an uncaught error as the user copies them into a report: version,
    platform, and the traceback (whole: the user sees what they send)."""
    lines = [f"{APP_NAME} {__version__}", platform_line()]
    if extra:
        lines.append(extra)
    lines.append("")
    lines += traceback.format_exception(kind, value, tb)
    return "\n".join(line.rstrip("\n") for line in lines)
