"""How long a 1 MB paste blocks the note's text field, before (a bare QPlainTextEdit, as the note
editor used) and after (``ckbook.ui.note_text.NoteTextEdit``), and how long one keystroke
takes afterwards. Each step is one uninterrupted stretch of the GUI thread: the paste, then the
layout and paint of the visible part, then a key press with its relayout and paint.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/perf/bench_note_paste.py [--before]
(``--before`` includes the bare editor: ~40 s for the line without spaces, ~20 s a keystroke).
Not collected by pytest.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from ckbook.ui.note_text import NoteTextEdit

#: Just under the note limit (1,000,000 characters), leaving room for the line breaks a paste
#: gets where a line has no space.
SIZE = 990_000
SHAPES = {
    "1 MB of words on one line": "lorem ipsum dolor sit amet " * (SIZE // 27),
    "1 MB on one line, no space": "x" * SIZE,
    "1 MB in 80-character lines": ("lorem ipsum dolor sit amet " * 3 + "\n") * (SIZE // 82),
}


def _stretch(app: QApplication, editor: QPlainTextEdit, act: object) -> float:
    start = time.perf_counter()
    act()  # type: ignore[operator]
    editor.repaint()
    app.processEvents()
    return time.perf_counter() - start


def measure(app: QApplication, editor: QPlainTextEdit, text: str) -> tuple[float, float]:
    editor.resize(800, 600)
    editor.show()
    app.processEvents()
    mime = QMimeData()
    mime.setText(text)
    paste = _stretch(app, editor, lambda: editor.insertFromMimeData(mime))
    assert editor.toPlainText().replace("\n", "").replace(" ", "") == text.replace(
        "\n", ""
    ).replace(" ", "")
    key = _stretch(app, editor, lambda: QTest.keyClick(editor, Qt.Key.Key_A))
    editor.close()
    return paste, key


def main() -> None:
    app = QApplication(sys.argv[:1])
    editors: list[tuple[str, type[QPlainTextEdit]]] = [("NoteTextEdit", NoteTextEdit)]
    if "--before" in sys.argv:
        editors.insert(0, ("QPlainTextEdit (before)", QPlainTextEdit))
    for shape, text in SHAPES.items():
        for name, editor_class in editors:
            paste, key = measure(app, editor_class(), text)
            print(f"{shape:28s} {name:24s} paste {paste * 1000:8.0f} ms   key {key * 1000:7.0f} ms")


if __name__ == "__main__":
    main()
