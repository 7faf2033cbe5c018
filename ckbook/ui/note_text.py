"""The text field notes are typed in (the note editor and the call window): a plain-text editor
that stays responsive whatever is pasted into it.

Measured offscreen on this stack (RELIABILITY #19): Qt's default wrap mode (at word boundaries,
or anywhere in a word longer than the line) lays out a 1 MB line without spaces in ~50 s and
then ~20 s per keystroke, because it searches the whole line for a break; and any 1 MB line is
laid out again, whole, on every keystroke (~0.2 s). So:

- text loaded with a line longer than ``LONG_LINE`` (stored by an earlier release, or typed so)
  wraps at word boundaries only (a run with no space scrolls sideways): ~0.4 s for 1 MB;
- a paste goes through the text rule (``services.text.clean_block``) on its way in, so the note
  shows what it will store (no control characters, no direction overrides);
- a paste longer than the note can hold (``services.notes.MAX_BODY``) is refused with a message
  before it reaches the document;
- a pasted line longer than ``LONG_LINE`` characters is broken into lines of at most that length,
  at its last space where it has one (a single line break is a space in the Markdown preview), so
  no block the editor lays out again on a keystroke is longer than that;
- a paste longer than ``PASTE_CHUNK`` goes in a piece per turn of the event loop (one undo step,
  the field read-only meanwhile, ``textChanged`` once at the end), so the window keeps painting
  and answering; ``finish_paste`` puts the rest in at once (before a save, a switch, a close).
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QTimer, Signal
from PySide6.QtGui import QTextCursor, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QWidget
from typing_extensions import override

from ckbook.i18n import format_number, tr
from ckbook.services.base import InputError
from ckbook.services.notes import MAX_BODY
from ckbook.services.text import clean_block

#: The longest line a paste puts into the document, in characters.
LONG_LINE = 4000
#: The most a paste puts into the document in one turn of the event loop, in characters.
PASTE_CHUNK = 32_000


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
    """Why a paste of ``pasted`` characters (``wrapped`` once its long lines are broken) does
    not fit the ``room`` left in the note."""
    if pasted > room:
        text = tr(
            "Not pasted: %n characters is more than this note has room for ({room} of {limit})."
            " Paste a shorter part.",
            "",
            pasted,
        )
    else:
        text = tr(
            "Not pasted: %n characters once its long lines are broken is more than this note has"
            " room for ({room} of {limit}). Paste a shorter part.",
            "",
            wrapped,
        )
    return text.format(room=format_number(room), limit=format_number(MAX_BODY))


class NoteTextEdit(QPlainTextEdit):
    """A QPlainTextEdit whose pastes (and drops) are checked against the note limit, whose long
    pasted lines are wrapped and whose large pastes go in piece by piece (see the module
    docstring)."""

    #: A paste was refused; the message says why (for the save-status line).
    paste_refused = Signal(str)
    #: A paste put in piece by piece is all in.
    paste_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pieces: list[str] = []  # what is still to go in, last piece first
        self._paste_cursor: QTextCursor | None = None
        self._paste_timer = QTimer(self)
        self._paste_timer.setSingleShot(True)
        self._paste_timer.setInterval(0)
        self._paste_timer.timeout.connect(self._on_paste_timer_timeout)

    @property
    def pasting(self) -> bool:
        """Whether a paste is still going in."""
        return self._paste_cursor is not None

    def room(self) -> int:
        """How many characters a paste may add now (what is selected is replaced)."""
        selected = len(self.textCursor().selectedText())
        return max(0, MAX_BODY - (self.document().characterCount() - 1) + selected)

    def set_text(self, text: str) -> None:
        """Show ``text`` (a note loaded), in the wrap mode its longest line can afford."""
        self.finish_paste()
        longest = max((len(line) for line in text.split("\n")), default=0)
        self.setWordWrapMode(
            QTextOption.WrapMode.WordWrap
            if longest > LONG_LINE
            else QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
        )
        self.setPlainText(text)

    def finish_paste(self) -> None:
        """Put the rest of a paste in now (nothing when none is going in)."""
        while self.pasting:
            self._insert_next_piece()

    @override
    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        if source.hasText() and len(wrap_long_lines(source.text())) > self.room():
            return False  # a drop beyond the limit is not accepted
        return super().canInsertFromMimeData(source)

    @override
    def insertFromMimeData(self, source: QMimeData) -> None:
        if not source.hasText():
            return
        self.finish_paste()  # one paste at a time, in order
        try:  # what the note will store, shown as such (services.text)
            text = clean_block(source.text(), tr("the pasted text"))
        except InputError as exc:
            self.paste_refused.emit(tr("Not pasted: {problem}").format(problem=exc))
            return
        wrapped = wrap_long_lines(text)  # a break inside a run with no space adds a character
        room = self.room()
        if len(wrapped) > room:
            self.paste_refused.emit(too_long_message(len(text), len(wrapped), room))
            return
        if len(wrapped) <= PASTE_CHUNK:
            self.insertPlainText(wrapped)
            self.ensureCursorVisible()
            return
        pieces = [wrapped[i : i + PASTE_CHUNK] for i in range(0, len(wrapped), PASTE_CHUNK)]
        self._pieces = pieces[::-1]
        cursor = self.textCursor()
        cursor.beginEditBlock()  # the pieces join this block: one undo step for the paste
        cursor.removeSelectedText()
        cursor.endEditBlock()
        self._paste_cursor = cursor
        self.setReadOnly(True)  # typing waits for the paste, which takes a fraction of a second
        self._insert_next_piece()

    def _on_paste_timer_timeout(self) -> None:
        if self.pasting:
            self._insert_next_piece()

    def _insert_next_piece(self) -> None:
        cursor = self._paste_cursor
        assert cursor is not None
        cursor.joinPreviousEditBlock()
        self.blockSignals(True)  # textChanged once, at the end: its handlers read the whole note
        try:
            cursor.insertText(self._pieces.pop())
        finally:
            self.blockSignals(False)
            cursor.endEditBlock()
        if self._pieces:
            self._paste_timer.start()
            return
        self._paste_cursor = None
        self.setReadOnly(False)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.textChanged.emit()
        self.paste_finished.emit()
