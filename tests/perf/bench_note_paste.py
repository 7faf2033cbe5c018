"""How long a 1 MB paste holds up the GUI thread: before (a bare QPlainTextEdit, as the note editor
used) and after (``ckbook.ui.note_text.NoteTextEdit``, alone and inside the note editor with its
autosave and promise capture on a real notebook).

A 2 ms timer ticks while the paste goes in, is laid out and painted; the longest gap between two
ticks is the longest the window could not answer (a frame is ~16 ms). Then one key press after
the paste, with its relayout and paint.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/perf/bench_note_paste.py [--before]
(``--before`` adds the bare editor: ~50 s for the line without spaces, ~20 s a keystroke).
Not collected by pytest.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchkit import NOW, TZ
from PySide6.QtCore import QEventLoop, QMimeData, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget

from ckbook.services.clients import ClientInput, add_client
from ckbook.services.clock import FixedClock
from ckbook.services.notes import add_note
from ckbook.store.database import close_database, open_database
from ckbook.ui.autosave import SaveWriter, note_text_saver
from ckbook.ui.note_editor import NoteEditor
from ckbook.ui.note_text import NoteTextEdit
from ckbook.ui.notebook import Notebook

#: Just under the note limit (1,000,000 characters), leaving room for the line breaks a paste
#: gets where a line has no space.
SIZE = 990_000
SHAPES = {
    "1 MB of words on one line": "lorem ipsum dolor sit amet " * (SIZE // 27),
    "1 MB on one line, no space": "x" * SIZE,
    "1 MB in 80-character lines": ("lorem ipsum dolor sit amet " * 3 + "\n") * (SIZE // 82),
}


class Stalls:
    """The longest gap between the ticks of a 2 ms timer."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(2)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> float:
        self._tick()
        self._timer.stop()
        return self.longest


def _settle(app: QApplication, seconds: float = 0.1) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def measure(
    app: QApplication, widget: QWidget, editor: QPlainTextEdit, text: str
) -> tuple[float, float, float]:
    """(longest stall, whole paste until painted, one key press) in seconds."""
    widget.resize(800, 600)
    widget.show()
    _settle(app)
    mime = QMimeData()
    mime.setText(text)
    stalls = Stalls()
    stalls.start()
    start = time.perf_counter()
    editor.insertFromMimeData(mime)
    while isinstance(editor, NoteTextEdit) and editor.pasting:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    editor.repaint()
    app.processEvents()
    whole = time.perf_counter() - start
    _settle(app)
    longest = stalls.stop()
    assert editor.toPlainText().replace("\n", "").replace(" ", "") == text.replace(
        "\n", ""
    ).replace(" ", "")
    start = time.perf_counter()
    QTest.keyClick(editor, Qt.Key.Key_A)
    editor.repaint()
    app.processEvents()
    key = time.perf_counter() - start
    widget.close()
    return longest, whole, key


def main() -> None:
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp())
    opened = open_database(str(folder / "bench.sqlite3"), create=True)
    clock = FixedClock(NOW, TZ)
    client_id = add_client(ClientInput("Ada"), clock.now()).ids[0]
    notebook = Notebook(clock, opened.location)
    writer = SaveWriter(note_text_saver(clock), clock, own_connection=True)

    def note_editor() -> tuple[QWidget, QPlainTextEdit]:
        editor = NoteEditor(notebook, writer)
        editor.load(add_note(client_id, clock.now()).ids[0], "")
        return editor, editor.editor

    def alone(editor_class: type[QPlainTextEdit]) -> Callable[[], tuple[QWidget, QPlainTextEdit]]:
        def make() -> tuple[QWidget, QPlainTextEdit]:
            editor = editor_class()
            return editor, editor

        return make

    editors: list[tuple[str, Callable[[], tuple[QWidget, QPlainTextEdit]]]] = [
        ("NoteTextEdit", alone(NoteTextEdit)),
        ("NoteEditor (saves, captures)", note_editor),
    ]
    if "--before" in sys.argv:
        editors.insert(0, ("QPlainTextEdit (before)", alone(QPlainTextEdit)))
    try:
        for shape, text in SHAPES.items():
            for name, make in editors:
                widget, editor = make()
                longest, whole, key = measure(app, widget, editor, text)
                print(
                    f"{shape:28s} {name:30s} longest stall {longest * 1000:7.0f} ms"
                    f"   paste {whole * 1000:7.0f} ms   key {key * 1000:6.0f} ms"
                )
        # A note stored with a 1 MB line (an earlier release let it in), opened in the editor.
        for shape in ("1 MB of words on one line", "1 MB on one line, no space"):
            editor = NoteEditor(notebook, writer)
            note_id = add_note(client_id, clock.now(), body=SHAPES[shape]).ids[0]
            editor.resize(800, 600)
            editor.show()
            _settle(app)
            start = time.perf_counter()
            editor.load(note_id, SHAPES[shape])
            editor.repaint()
            app.processEvents()
            print(f"{shape:28s} {'NoteEditor: open stored note':30s} "
                  f"{(time.perf_counter() - start) * 1000:7.0f} ms")  # fmt: skip
            editor.close()
    finally:
        writer.stop()
        close_database(opened)


if __name__ == "__main__":
    main()
