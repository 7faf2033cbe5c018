"""The note editor shared by call notes and every other kind, and the window for non-call notes.

``NoteEditor`` is a plain-text Markdown editor with autosave (``ui.autosave``) and inline promise
capture: for every ``+ `` line, the panel beside the text shows the due understood from it as it is
typed ("→ Fri 20 Nov 15:00"), so "7:30" versus "19:30" is visible before anyone relies on it.
Once the line is complete (Enter) it is saved at once and becomes a promise on the card; its due
can then be corrected with a click (``parse_due``), and the correction sticks when the line is
edited later. A Preview toggle shows the body as Markdown through the safe viewer.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QKeySequence,
    QPalette,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from ckbook.i18n import tr
from ckbook.services import dates
from ckbook.services.base import Changed
from ckbook.services.capture import CapturedLine, promise_lines
from ckbook.services.due import Due
from ckbook.services.due_phrases import due_in_words, parse_due, restate_due
from ckbook.services.notes import NoteRow, delete_note, get_note, restore_note, update_note
from ckbook.services.promises import PromiseRow, promises_for_note, update_promise
from ckbook.services.recurrence import describe as describe_rule
from ckbook.store.models import MOODS, NOTE_KINDS
from ckbook.ui import theme
from ckbook.ui.autosave import DEBOUNCE_MS, MAX_WAIT_MS, Autosaver, SaveWriter
from ckbook.ui.dialogs.choices import (
    choice,
    choice_box,
    label,
    note_kind_title,
    set_choice,
)
from ckbook.ui.dialogs.conflict import (
    ConflictDialog,
    DeletedDialog,
    delete_with_check,
    save_with_choice,
)
from ckbook.ui.due_chip import due_chip
from ckbook.ui.note_text import NoteTextEdit
from ckbook.ui.notebook import Notebook
from ckbook.ui.safe_text import SafeTextBrowser, heading_label, plain_label, plain_tooltip


def describe_due(due: Due | None, today: date | None = None) -> str:
    """Short due text for the capture panel: ``Fri 20 Nov 15:00`` (year only when not this one)."""
    if due is None:
        return tr("no date")
    return dates.due_words(due, today if today is not None else due.date)


@dataclass(frozen=True)
class CaptureView:
    """One ``+`` line as the panel shows it."""

    line: int
    text: str
    due: Due | None
    complete: bool
    promise_id: int | None
    """The promise made from the line, once it is saved."""
    phrase: str | None
    recurrence: str | None = None
    note: str | None = None
    """How an ambiguous due was read, shown so the user sees it."""
    words: str = ""
    """The due in words the reader reads back ("Thu 19 Nov 17:00"): the correction box starts
    with them."""

    @property
    def label(self) -> str:
        repeats = f" ↻ {describe_rule(self.recurrence)}" if self.recurrence else ""
        return f"→ {describe_due(self.due)}{repeats}"


class CaptureRow(QWidget):
    """A line's text and, beside it, its due as a chip; click the chip to correct the due in
    words. After a correction the row offers to change the words in the line that named the old
    due, so the note never contradicts the promise."""

    correction_requested = Signal(int, str)  # promise id, typed due
    #: (line number, new text of the line): the user took the offer to restate the due.
    reword_requested = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: CaptureView | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 6)
        layout.setSpacing(2)
        self.text_label = plain_label(wrap=True)
        parts = due_chip()
        self.due_button, self.due_field, self.reword_button = parts.chip, parts.field, parts.reword
        self.due_button.clicked.connect(self._on_due_button_clicked)
        self.due_field.returnPressed.connect(self._on_due_field_return_pressed)
        self.reword_button.clicked.connect(self._on_reword_button_clicked)
        self._reword: tuple[int, int, str] | None = None  # promise id, line, new text
        chip = QHBoxLayout()  # the chip as wide as its text, under the line's words
        chip.setContentsMargins(0, 0, 0, 0)
        chip.addWidget(self.due_button)
        chip.addStretch(1)
        layout.addWidget(self.text_label)
        layout.addLayout(chip)
        layout.addWidget(self.due_field)
        layout.addWidget(self.reword_button)

    def show_view(self, view: CaptureView) -> None:
        self.view = view
        if self._reword is not None and self._reword[0] != view.promise_id:
            self._reword = None  # the offer was for another line
            self.reword_button.hide()
        elided = view.text if len(view.text) <= 120 else view.text[:119] + "…"
        self.text_label.setText(f"+ {elided}")
        self.text_label.setToolTip(plain_tooltip(view.text))
        self.due_button.setText(view.label)
        self.due_button.setAccessibleName(
            tr("Due of “{promise}”: {due}").format(promise=view.text, due=describe_due(view.due))
        )
        self.due_button.setEnabled(view.promise_id is not None)
        if view.promise_id is None:
            hint = tr("Press Enter to finish the line; then the due can be corrected.")
        else:
            hint = tr("Click to correct the due.")
        read = tr("Read from “{phrase}”.").format(phrase=view.phrase) + " " if view.phrase else ""
        note = f"{view.note}. " if view.note else ""
        self.due_button.setToolTip(plain_tooltip(read + note + hint))

    def offer_reword(self, line: int, old_phrase: str, new_text: str, new_words: str) -> None:
        """Offer to change the words of the line that named the old due."""
        if self.view is None or self.view.promise_id is None:
            return
        self._reword = (self.view.promise_id, line, new_text)
        self.reword_button.setText(tr("Say “{words}” in the line").format(words=new_words))
        self.reword_button.setToolTip(
            plain_tooltip(
                tr("The line still says “{phrase}”; it would become: + {text}").format(
                    phrase=old_phrase, text=new_text
                )
            )
        )
        self.reword_button.show()

    def _on_reword_button_clicked(self) -> None:
        if self._reword is not None:
            self.reword_requested.emit(self._reword[1], self._reword[2])
        self._reword = None
        self.reword_button.hide()

    def start_correction(self) -> None:
        if self.view is None or self.view.promise_id is None:
            return
        self.due_field.setText(self.view.words)
        self.due_button.hide()
        self.due_field.show()
        self.due_field.setFocus()
        self.due_field.selectAll()

    def end_correction(self) -> None:
        self.due_field.hide()
        self.due_button.show()

    def _on_due_button_clicked(self) -> None:
        self.start_correction()

    def _on_due_field_return_pressed(self) -> None:
        if self.view is not None and self.view.promise_id is not None:
            self.correction_requested.emit(self.view.promise_id, self.due_field.text())


class CapturePanel(QWidget):
    """The ``+`` lines of the note with their dues, beside the editor."""

    correction_requested = Signal(int, str)
    reword_requested = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.views: list[CaptureView] = []
        self._rows: list[CaptureRow] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.title = plain_label(tr("Promises in this note"))
        self.hint = plain_label(tr("Start a line with “+ ” to make it a promise."), wrap=True)
        self.hint.setEnabled(False)
        outer.addWidget(self.title)
        outer.addWidget(self.hint)
        self._list = QWidget()
        self._list_layout = QVBoxLayout(self._list)
        self._list_layout.setContentsMargins(0, 0, 0, 0)
        self._list_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._list)
        outer.addWidget(scroll, 1)

    def show_views(self, views: list[CaptureView]) -> None:
        self.views = views
        while len(self._rows) < len(views):
            row = CaptureRow()
            row.correction_requested.connect(self.correction_requested)
            row.reword_requested.connect(self.reword_requested)
            self._list_layout.insertWidget(len(self._rows), row)
            self._rows.append(row)
        for row, view in zip(self._rows, views, strict=False):
            if row.view != view:
                row.show_view(view)
            row.show()
        for row in self._rows[len(views) :]:
            row.hide()
        self.hint.setVisible(not views)

    def row(self, index: int) -> CaptureRow:
        return self._rows[index]


class NoteEditor(QWidget):
    """Text + capture panel + preview + save status for one note at a time."""

    #: Every save that went through: what changed (tuple of Changed), already broadcast.
    saved = Signal(object)

    def __init__(
        self,
        notebook: Notebook,
        writer: SaveWriter,
        parent: QWidget | None = None,
        *,
        debounce_ms: int = DEBOUNCE_MS,
        max_wait_ms: int = MAX_WAIT_MS,
    ) -> None:
        super().__init__(parent)
        self.notebook = notebook
        self.autosaver = Autosaver(
            writer, notebook.tz, debounce_ms=debounce_ms, max_wait_ms=max_wait_ms, parent=self
        )
        self.autosaver.saved.connect(self._on_autosaver_saved)
        self.autosaver.status_changed.connect(self._on_autosaver_status_changed)
        self.autosaver.conflicted.connect(self._on_autosaver_conflicted)
        self._note_id: int | None = None
        self._loading = False
        self._complete_count = 0
        self._promises: list[PromiseRow] = []

        self.editor = NoteTextEdit()
        self.editor.setAccessibleName(tr("Note text"))
        # The example stays English: the due is read by an English grammar.
        self.editor.setPlaceholderText(
            tr("Type the note. A line starting with “+ ” is a promise, e.g.\n{example}").format(
                example="+ send the revised quote by Friday 3pm"
            )
        )
        self.editor.setTabChangesFocus(True)
        self.editor.textChanged.connect(self._on_editor_text_changed)
        self.editor.paste_refused.connect(self._on_editor_paste_refused)
        self.preview = SafeTextBrowser()
        self.preview.setAccessibleName(tr("Note preview"))
        self.pages = QStackedWidget()
        self.pages.addWidget(self.editor)
        self.pages.addWidget(self.preview)

        self.captures = CapturePanel()
        self.captures.correction_requested.connect(self._on_captures_correction_requested)
        self.captures.reword_requested.connect(self._on_captures_reword_requested)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.pages)
        split.addWidget(self.captures)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        self.preview_button = QToolButton()
        self.preview_button.setText(tr("Preview"))
        self.preview_button.setCheckable(True)
        self.preview_button.setToolTip(tr("Show the note as formatted Markdown"))
        self.preview_button.toggled.connect(self._on_preview_button_toggled)
        self.status = plain_label()
        self.status.setAccessibleName(tr("Save status"))
        # Stays until the next edit: a save finishing a moment later must not hide it.
        self.paste_notice = plain_label(wrap=True)
        self.paste_notice.setAccessibleName(tr("Paste refused"))
        self.paste_notice.hide()
        # Someone else changed (or deleted) this note while it was open here: the typed text is
        # kept, and this offers the side-by-side choice (so does the next Ctrl+S).
        self.resolve_button = QPushButton(tr("Compare…"))
        self.resolve_button.setToolTip(tr("Choose between your text and theirs"))
        self.resolve_button.clicked.connect(self.resolve_conflict)
        self.resolve_button.hide()
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.resolve_button)
        bottom.addWidget(self.preview_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split, 1)
        layout.addWidget(self.paste_notice)
        layout.addLayout(bottom)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_now)

    # --- API ----------------------------------------------------------------------------------

    @property
    def note_id(self) -> int | None:
        return self._note_id

    def text(self) -> str:
        self.editor.finish_paste()
        return self.editor.toPlainText()

    def load(self, note_id: int, body: str, base: NoteRow | None = None) -> None:
        """Show ``note_id`` (its stored body, or its text still waiting to be saved after a
        failed save); loading is not an edit. ``base`` (the note as read) is the version saves
        are based on: another person's change since is merged or offered, never overwritten."""
        self.editor.finish_paste()  # a paste going in belongs to the note shown until now
        self.resolve_button.hide()
        body = self.autosaver.load(note_id, body, base)
        self._note_id = note_id
        self._loading = True
        try:
            self.editor.set_text(body)
        finally:
            self._loading = False
        cursor = self.editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.editor.setTextCursor(cursor)
        self._reload_promises()
        self._complete_count = self._count_complete(body)
        self._refresh_captures()

    def focus_editor(self) -> None:
        self.pages.setCurrentWidget(self.editor)
        self.preview_button.setChecked(False)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def flush(self, **extras: object) -> None:
        self.editor.finish_paste()  # the whole paste is saved, never part of it
        self.autosaver.flush(**extras)

    def save_now(self) -> bool:
        """Ctrl+S: save now; after a conflict, first the choice between the two versions.
        False when a conflict is still waiting (the text stays here)."""
        if not self.resolve_conflict():
            return False
        self.flush()
        return True

    def resolve_conflict(self) -> bool:
        """Offer the choice for a conflict waiting here (none: True at once). A note someone
        else changed: their version and the typed one side by side, field by field; deleted:
        "Restore my version". False when the user cancelled (the text stays, unsaved)."""
        conflict = self.autosaver.conflict
        if conflict is None:
            return True
        self.editor.finish_paste()
        typed = self.text()
        if conflict.deleted:
            base = self.autosaver.base
            if base is None or not DeletedDialog.ask(self, conflict, True):
                return False
            mine = {k: v for k, v in conflict.mine.items() if k != "body"}
            restored = self.notebook.run(
                restore_note, base, self.notebook.now(), **{**mine, "body": typed}
            )
            if restored is None:
                return False
            fresh = self.notebook.attempt(get_note, base.id)
            self.autosaver.resolve(fresh)
            self.resolve_button.hide()
            return True
        # What is typed now is "mine" (the failed save may hold an older text).
        shown = replace(conflict, mine={**conflict.mine, "body": typed})
        chosen = ConflictDialog.ask(self, shown, self.notebook.tz)
        if chosen is None:
            return False
        current = conflict.current
        assert isinstance(current, NoteRow)
        keep_typed = "body" not in conflict.clashes or "body" in chosen
        extras = {
            name: conflict.mine[name]
            for name in ("mood", "duration_seconds")
            if name in conflict.mine and (name not in conflict.clashes or name in chosen)
        }
        if not keep_typed:
            self._show_text(current.body)
        self.autosaver.resolve(current, typed if keep_typed else current.body, **extras)
        self.resolve_button.hide()
        return True

    def _show_text(self, body: str) -> None:
        """Show ``body`` as stored (not an edit)."""
        self._loading = True
        try:
            self.editor.set_text(body)
        finally:
            self._loading = False
        self._complete_count = self._count_complete(body)
        self._refresh_captures()

    def flush_and_wait(self, timeout: float = 10.0) -> bool:
        self.editor.finish_paste()
        return self.autosaver.flush_and_wait(timeout)

    def capture_views(self) -> list[CaptureView]:
        return list(self.captures.views)

    # --- slots --------------------------------------------------------------------------------

    def _on_editor_text_changed(self) -> None:
        if self._loading or self._note_id is None:
            return
        self.paste_notice.hide()
        body = self.editor.toPlainText()
        self.autosaver.edited(body)
        # Read once per change: on a 1 MB note each reading of every line costs ~12 ms.
        lines = self._read_lines(body)
        complete = sum(1 for line in lines if line.complete)
        if complete > self._complete_count:
            # A promise line was just finished: save now, so it is on the card at once.
            self.autosaver.flush()
        self._complete_count = complete
        self._refresh_captures(lines)

    def _on_editor_paste_refused(self, message: str) -> None:
        self.paste_notice.setStyleSheet(f"color: {theme.colors().error};")  # the scheme now
        self.paste_notice.setText(message)
        self.paste_notice.show()

    def _on_autosaver_saved(self, changes: object) -> None:
        for change in changes or ():  # type: ignore[attr-defined]
            self.notebook.broadcast(change)
        if any(c.kind == "promise" and c.ids for c in changes or ()):  # type: ignore[attr-defined]
            self._reload_promises()
            self._refresh_captures()
        self.saved.emit(changes)

    def _on_autosaver_status_changed(self, text: str) -> None:
        self.status.setText(text)

    def _on_autosaver_conflicted(self, _conflict: object) -> None:
        self.resolve_button.show()

    def _on_preview_button_toggled(self, on: bool) -> None:
        if on:
            self.preview.set_markdown(self.editor.toPlainText())
            self.pages.setCurrentWidget(self.preview)
        else:
            self.pages.setCurrentWidget(self.editor)

    def _on_captures_correction_requested(self, promise_id: int, typed: str) -> None:
        typed = typed.strip()
        if typed:
            try:
                due = parse_due(
                    typed,
                    self.notebook.now(),
                    self.notebook.tz,
                    end_of_business=self.notebook.end_of_business(),
                )
            except ValueError as exc:
                self.status.setText(str(exc))
                return
            result = self.notebook.run(update_promise, promise_id, due=due)
        else:
            result = self.notebook.run(update_promise, promise_id, clear_due=True)
        if result is None:
            return
        self._reload_promises()
        self._refresh_captures()
        for index, view in enumerate(self.captures.views):
            if view.promise_id == promise_id:
                row = self.captures.row(index)
                row.end_correction()
                if typed and view.phrase and view.due is not None:
                    self._offer_reword(row, view, view.due)
        self.editor.setFocus()

    def _offer_reword(self, row: CaptureRow, view: CaptureView, due: Due) -> None:
        """The line still names the due it was read as; offer words for the corrected one."""
        assert view.phrase is not None
        new_text = restate_due(
            view.text,
            due,
            self.notebook.now(),
            self.notebook.tz,
            end_of_business=self.notebook.end_of_business(),
        )
        at = view.text.find(view.phrase)
        if new_text is None or new_text == view.text or at < 0:
            return
        tail = len(view.text) - at - len(view.phrase)
        row.offer_reword(view.line, view.phrase, new_text, new_text[at : len(new_text) - tail])

    def _on_captures_reword_requested(self, line: int, new_text: str) -> None:
        """Rewrite the line's words (after its "+ " mark); the note saves and the promise's text
        follows, its corrected due kept."""
        block = self.editor.document().findBlockByNumber(line)
        if not block.isValid():
            return
        current = block.text()
        mark = current.find("+ ")
        if mark < 0:
            return
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + mark + 2)
        cursor.setPosition(block.position() + len(current), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(new_text)
        self.editor.setFocus()

    # --- helpers ------------------------------------------------------------------------------

    def _read_lines(self, body: str) -> list[CapturedLine]:
        return promise_lines(
            body,
            self.notebook.now(),
            self.notebook.tz,
            end_of_business=self.notebook.end_of_business(),
        )

    def _count_complete(self, body: str) -> int:
        return sum(1 for line in self._read_lines(body) if line.complete)

    def _reload_promises(self) -> None:
        if self._note_id is None:
            self._promises = []
            return
        found = self.notebook.attempt(promises_for_note, self._note_id)
        self._promises = found or []

    def _view(self, line: CapturedLine, taken: set[int], today: date) -> CaptureView:
        if line.complete:
            candidates = [p for p in self._promises if p.text == line.text and p.id not in taken]
            candidates.sort(key=lambda p: (p.status != "open", -p.id))
            if candidates:
                promise = candidates[0]
                taken.add(promise.id)
                words = due_in_words(promise.due, today) if promise.due else ""
                return CaptureView(
                    line.line,
                    line.text,
                    promise.due,
                    True,
                    promise.id,
                    line.phrase,
                    promise.recurrence,
                    line.note,
                    words,
                )
        words = due_in_words(line.due, today) if line.due else ""
        return CaptureView(
            line.line,
            line.text,
            line.due,
            line.complete,
            None,
            line.phrase,
            line.recurrence,
            line.note,
            words,
        )

    def _refresh_captures(self, lines: list[CapturedLine] | None = None) -> None:
        now = self.notebook.now()
        if lines is None:
            lines = self._read_lines(self.editor.toPlainText())
        taken: set[int] = set()
        today = now.astimezone(self.notebook.tz).date()
        self.captures.show_views([self._view(line, taken, today) for line in lines])
        self._underline_phrases(lines)

    def _underline_phrases(self, lines: list[CapturedLine]) -> None:
        """Underline, in the note itself, the words each ``+`` line's due was read from."""
        document = self.editor.document()
        selections: list[QTextEdit.ExtraSelection] = []
        for line in lines:
            if not line.phrase:
                continue
            block = document.findBlockByNumber(line.line)
            text = block.text()
            mark = text.find("+ ")
            at = text.find(line.phrase, mark + 2) if mark >= 0 else -1
            if at < 0:
                continue  # typed with extra spaces inside the phrase: nothing to point at
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(block)
            cursor.setPosition(block.position() + at)
            cursor.setPosition(
                block.position() + at + len(line.phrase), QTextCursor.MoveMode.KeepAnchor
            )
            selection.cursor = cursor
            style = QTextCharFormat()
            style.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            style.setUnderlineColor(self.palette().color(QPalette.ColorRole.Highlight))
            selection.format = style
            selections.append(selection)
        self.editor.setExtraSelections(selections)

    def underlined(self) -> list[str]:
        """The words underlined as dues, in order (what the user sees pointed at)."""
        return [s.cursor.selectedText() for s in self.editor.extraSelections()]


class NoteWindow(QWidget):
    """A meeting, email, message or other note (or a past call) in its own window."""

    closed = Signal(int)  # note id

    def __init__(
        self,
        notebook: Notebook,
        writer: SaveWriter,
        note: NoteRow,
        *,
        is_new: bool = False,
        parent: QWidget | None = None,
        debounce_ms: int = DEBOUNCE_MS,
        max_wait_ms: int = MAX_WAIT_MS,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.notebook = notebook
        self.note_id = note.id
        self.client_id = note.client_id
        self._is_new = is_new
        self.setWindowTitle(f"{note_kind_title(note.kind)} — {note.client_name} — ckbook")

        self.client_label = heading_label(note.client_name)
        self.when_label = plain_label(dates.absolute_moment(note.started_at, notebook.tz))
        self.kind_box = choice_box("note kind", NOTE_KINDS)
        self.kind_box.setAccessibleName(tr("Kind of note"))
        set_choice(self.kind_box, note.kind)
        self.kind_box.currentIndexChanged.connect(self._on_kind_box_changed)
        self.mood_box = mood_box()
        if note.mood:
            set_choice(self.mood_box, note.mood)
        self.mood_box.currentIndexChanged.connect(self._on_mood_box_changed)
        self.close_button = QPushButton(tr("Close"))
        self.close_button.clicked.connect(self.close)

        header = QHBoxLayout()
        header.addWidget(self.client_label)
        header.addWidget(self.when_label)
        header.addStretch(1)
        header.addWidget(self.kind_box)
        header.addWidget(self.mood_box)

        self.editor = NoteEditor(
            notebook, writer, self, debounce_ms=debounce_ms, max_wait_ms=max_wait_ms
        )
        self.editor.load(note.id, note.body, note)
        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.editor, 1)
        layout.addLayout(footer)
        self.resize(760, 520)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)

    def _on_kind_box_changed(self, _index: int) -> None:
        kind = choice(self.kind_box)
        self.editor.flush()
        note_id, now, base = self.note_id, self.notebook.now(), self.editor.autosaver.base

        def save(at: NoteRow | None, changes: dict[str, object]) -> Changed:
            return update_note(note_id, now, kind=str(changes["kind"]), base=at)

        if base is None:
            self.notebook.run(save, None, {"kind": kind})
            return
        done = save_with_choice(self.notebook, self, save, base, {"kind": kind})
        if done is not None and done.versions:
            self.editor.autosaver.advance(replace(base, kind=kind, version=done.versions[0]))

    def _on_mood_box_changed(self, _index: int) -> None:
        mood = selected_mood(self.mood_box)
        if mood is not None:
            self.editor.flush(mood=mood)

    @override
    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        self.editor.focus_editor()

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        if self._is_new and not self.editor.text().strip():
            # Opened by mistake and left empty: no note, and no false "last contact".
            self.editor.flush_and_wait(5.0)
            delete_own_note(self.notebook, self, self.note_id, self.editor.autosaver.base)
        elif not self.editor.resolve_conflict() or not self.editor.flush_and_wait(10.0):
            self.editor.status.setText(
                tr("{status} — the text is kept; close again once it is saved.").format(
                    status=self.editor.autosaver.status or tr("Not saved yet")
                )
            )
            event.ignore()
            return
        self.closed.emit(self.note_id)
        event.accept()


def delete_own_note(
    notebook: Notebook, parent: QWidget, note_id: int, base: NoteRow | None
) -> Changed | None:
    """Delete a note opened here and left empty; one someone else changed since is shown
    first, and deleted only when the user says so."""
    if base is None:
        return notebook.run(delete_note, note_id)
    return delete_with_check(
        notebook, parent, lambda version: delete_note(note_id, version), base.version
    )


def mood_box() -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(tr("Mood"))
    box.setToolTip(tr("How the client seemed"))
    box.addItem(tr("Mood…"), None)
    for mood in MOODS:
        box.addItem(label("mood", mood), mood)
    return box


def selected_mood(box: QComboBox) -> str | None:
    data = box.currentData()
    return data if isinstance(data, str) else None
