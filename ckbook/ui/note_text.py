"""The text field notes are typed in (the note editor and the call window): a plain-text editor
that stays responsive whatever is pasted into it.

Measured offscreen on this stack (RELIABILITY #19): Qt's default wrap mode lays out a 1 MB line
without spaces in ~40 s and then ~20 s per keystroke, because it searches every position of the
line for a break; and any 1 MB line is laid out again, whole, on every keystroke (~0.2 s). So:

- lines wrap at word boundaries only (a run with no space scrolls sideways instead);
- a paste longer than the note can hold (``services.notes.MAX_BODY``) is refused with a message
  before it reaches the document;
- a pasted line longer than ``LONG_LINE`` characters is broken into lines of at most that length,
  at its last space where it has one (a single line break is a space in the Markdown preview), so
  no block the editor lays out again on a keystroke is longer than that.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Signal
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QWidget
from typing_extensions import override

from ckbook.services.notes import MAX_BODY

#: The longest line a paste puts into the document, in characters.
LONG_LINE = 4000


def wrap_long_lines(text: str, width: int = LONG_LINE) -> str:
    """``text`` with every line longer than ``width`` broken into lines of at most ``width``
    characters: at the last space of each piece (which the break replaces), or at ``width``
    where the piece has no space. Shorter lines are left alone."""
    if len(text) <= width or all(len(line) <= width for line in text.split("\n")):
        return text
    out: list[str] = []
    for line in text.split("\n"):
        while len(line) > width:
            cut = line.rfind(" ", 1, width + 1)
            if cut <= 0:
                out.append(line[:width])
                line = line[width:]
            else:
                out.append(line[:cut])
                line = line[cut + 1 :]
        out.append(line)
    return "\n".join(out)


def too_long_message(pasted: int, wrapped: int, room: int) -> str:
    broken = f" ({wrapped:,} with its long lines broken)" if wrapped != pasted else ""
    return (
        f"Not pasted: {pasted:,} characters{broken} is more than this note has room for "
        f"({room:,} of {MAX_BODY:,}). Paste a shorter part."
    )


class NoteTextEdit(QPlainTextEdit):
    """A QPlainTextEdit whose pastes (and drops) are checked against the note limit and whose
    long pasted lines are wrapped (see the module docstring)."""

    #: A paste was refused; the message says why (for the save-status line).
    paste_refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)

    def room(self) -> int:
        """How many characters a paste may add now (what is selected is replaced)."""
        selected = len(self.textCursor().selectedText())
        return max(0, MAX_BODY - (self.document().characterCount() - 1) + selected)

    @override
    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        if source.hasText() and len(wrap_long_lines(source.text())) > self.room():
            return False  # a drop beyond the limit is not accepted
        return super().canInsertFromMimeData(source)

    @override
    def insertFromMimeData(self, source: QMimeData) -> None:
        if not source.hasText():
            return
        text = source.text()
        wrapped = wrap_long_lines(text)  # a break inside a run with no space adds a character
        room = self.room()
        if len(wrapped) > room:
            self.paste_refused.emit(too_long_message(len(text), len(wrapped), room))
            return
        self.insertPlainText(wrapped)
        self.ensureCursorVisible()
