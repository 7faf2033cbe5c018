"""Call mode: the compact call window, and the controller that opens notes of every kind.

``CallWindow`` is what a user sees during a call: the client's name and what to keep in mind
(preferred channel, how they like to be handled, money terms in one line, open promises), a running
timer, the mood, and the note editor focused at once, so typing starts with no click. It can stay
on top of other windows (pin button). Ending the call (button or Ctrl+Return) saves the text with
its duration and mood and closes once that is written; the note's start is the contact that resets
the client's check-in cadence. Closing the window ends the call the same way; a call ended, closed
or quit with nothing typed and no mood (``started_by_mistake``) leaves no note and no contact.
Ctrl+Q quits from a call window as from the main window.

``NoteWindows`` is the wiring: Ctrl+Shift+C (``start_call``), the card's timeline
(``open_note`` as the main window's ``note_opener``), "save everything now", and quitting: one
last synchronous attempt for every unsaved text; what still cannot be written is kept in a
recovery file (``ui.autosave``), named in the log at once and in a message at every start until
the user deletes it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QToolButton, QVBoxLayout, QWidget
from typing_extensions import override

from ckbook.i18n import tr
from ckbook.services import dates
from ckbook.services.base import Changed
from ckbook.services.clients import client_detail
from ckbook.services.money import current_money_terms, money_not_discussed
from ckbook.services.notes import NoteRow, add_note, get_note
from ckbook.services.promises import promises_for_client
from ckbook.ui.autosave import DEBOUNCE_MS, MAX_WAIT_MS, Rescue, SaveWriter, recovery_files
from ckbook.ui.dialogs import grow_to_fit
from ckbook.ui.dialogs.choices import label, note_kind_title
from ckbook.ui.incident_dialog import UPSET_MOODS, CalmGuide
from ckbook.ui.note_editor import (
    NoteEditor,
    NoteWindow,
    delete_own_note,
    describe_due,
    mood_box,
    selected_mood,
)
from ckbook.ui.notebook import Notebook
from ckbook.ui.safe_text import heading_label, plain_label, plain_tooltip

log = logging.getLogger(__name__)

OPEN_PROMISES_SHOWN = 3


def attention_hints(client_id: int, notebook: Notebook) -> list[str]:
    """The lines to keep in mind during a call with this client (plain text)."""
    detail = client_detail(client_id, notebook.now())
    hints = [tr("Prefers: {channel}").format(channel=label("channel", detail.preferred_channel))]
    if detail.handling_notes.strip():
        handling = " ".join(detail.handling_notes.split())
        hints.append(tr("Handling: {notes}").format(notes=handling))
    terms = current_money_terms(client_id)
    hints.append(
        tr("Money: {terms}").format(terms=terms.one_line()) if terms else money_not_discussed()
    )
    promises = promises_for_client(client_id, include_closed=False)
    if promises:
        shown = "; ".join(
            f"{p.text} ({describe_due(p.due)})" if p.due else p.text
            for p in promises[:OPEN_PROMISES_SHOWN]
        )
        count = len(promises)
        more = count - OPEN_PROMISES_SHOWN
        if more > 0:
            line = tr("Open promises (%n): {promises} … and {more} more", "", count)
        else:
            line = tr("Open promises (%n): {promises}", "", count)
        hints.append(line.format(promises=shown, more=more))
    else:
        hints.append(tr("No open promises"))
    return hints


def note_title(note_id: int, notebook: Notebook) -> str:
    """How a recovery file names a note: "Call note — Ada Lovelace — Wed 18 Nov 2026 10:00"."""
    note = get_note(note_id)
    started = dates.absolute_moment(note.started_at, notebook.tz)
    return f"{note_kind_title(note.kind)} — {note.client_name} — {started}"


def recovery_notice(files: list[Path]) -> str:
    """The start-up message about text an earlier session could not save (plain text)."""
    shown = "\n".join(str(f) for f in files[:3])
    if len(files) > 3:
        more = len(files) - 3
        shown += "\n" + tr("… and %n more in the same folder", "", more)
    return tr(
        "Note text that an earlier session could not save is kept in:\n{files}\n"
        "Copy it back into its note, then delete the file."
    ).format(files=shown)


def format_duration(seconds: int) -> str:
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class CallWindow(QWidget):
    """One live call note; see the module docstring."""

    ended = Signal(int)  # note id, once the last save is written
    closed = Signal(int)  # note id, whenever the window goes away (ended or discarded)

    def __init__(
        self,
        notebook: Notebook,
        writer: SaveWriter,
        note: NoteRow,
        parent: QWidget | None = None,
        *,
        debounce_ms: int = DEBOUNCE_MS,
        max_wait_ms: int = MAX_WAIT_MS,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.notebook = notebook
        self.note_id = note.id
        self.client_id = note.client_id
        self._ending = False
        self._ended = False
        self.setWindowTitle(tr("Call — {client} — ckbook").format(client=note.client_name))

        self.client_label = heading_label(note.client_name, 1.25)
        self.hints_label = plain_label(wrap=True)
        self.hints_label.setAccessibleName(tr("What to keep in mind"))
        self.refresh_hints()

        self.clock = QElapsedTimer()  # monotonic: a clock change does not bend the duration
        self.clock.start()
        self.timer_label = plain_label(format_duration(0))
        self.timer_label.setAccessibleName(tr("Call duration"))
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._on_tick_timeout)
        self._tick.start()

        self.mood_box = mood_box()
        self.mood_box.currentIndexChanged.connect(self._on_mood_box_changed)
        self.pin_button = QToolButton()
        self.pin_button.setText(tr("On top"))
        self.pin_button.setCheckable(True)
        self.pin_button.setAccessibleName(tr("Keep on top"))
        self.pin_button.setToolTip(tr("Keep this call window on top of other windows"))
        self.pin_button.toggled.connect(self._on_pin_button_toggled)
        self.end_button = QPushButton(tr("End call"))
        self.end_button.setToolTip(tr("Save the note with its duration and close (Ctrl+Return)"))
        self.end_button.clicked.connect(self.end_call)

        top = QHBoxLayout()
        top.addWidget(self.client_label, 1)
        top.addWidget(self.timer_label)
        top.addWidget(self.pin_button)
        controls = QHBoxLayout()
        controls.addWidget(self.mood_box)
        controls.addStretch(1)
        controls.addWidget(self.end_button)

        self.editor = NoteEditor(
            notebook, writer, self, debounce_ms=debounce_ms, max_wait_ms=max_wait_ms
        )
        self.editor.load(note.id, note.body, note)
        # Shown the moment the mood turns upset, while the call is on: that is when it helps.
        self.calm_guide = CalmGuide()
        self.calm_guide.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.hints_label)
        layout.addWidget(self.calm_guide)
        layout.addWidget(self.editor, 1)
        layout.addLayout(controls)
        self.resize(640, 460)

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.end_call)
        self.editor.autosaver.saved.connect(self._on_autosaver_saved)
        self.editor.autosaver.status_changed.connect(self._on_autosaver_status_changed)
        self.set_on_top(True)

    # --- API ----------------------------------------------------------------------------------

    def elapsed_seconds(self) -> int:
        return int(self.clock.elapsed() // 1000)

    def refresh_hints(self) -> None:
        hints = self.notebook.attempt(attention_hints, self.client_id, self.notebook) or []
        self.hints_label.setText("\n".join(hints))
        self.hints_label.setToolTip(plain_tooltip("\n".join(hints)))

    def set_on_top(self, on: bool) -> None:
        if self.pin_button.isChecked() != on:
            self.pin_button.setChecked(on)  # toggled → _on_pin_button_toggled
        else:
            self._apply_on_top(on)

    def is_on_top(self) -> bool:
        return bool(self.windowFlags() & Qt.WindowType.WindowStaysOnTopHint)

    def end_call(self) -> None:
        """Save the text with duration and mood; the window closes once that is written."""
        if self._ended:
            return
        if self.started_by_mistake():
            self.close()  # closeEvent removes the empty note, as when the window is closed
            return
        if not self.editor.resolve_conflict():
            return  # changed elsewhere and not chosen yet: the call stays open with the text
        self._ending = True
        self._tick.stop()
        self.end_button.setEnabled(False)
        self.end_button.setText(tr("Saving…"))
        self.flush_final()
        if not self.editor.autosaver.dirty and not self.editor.autosaver.saving:
            self._finish()

    def started_by_mistake(self) -> bool:
        """Nothing typed and no mood chosen: ending the call or closing its window leaves no
        empty note and no false "last contact" behind."""
        return not self.editor.text().strip() and selected_mood(self.mood_box) is None

    def flush_final(self) -> None:
        """Queue the last save of the call: its text, duration and mood."""
        self.editor.flush(
            final=True,
            duration_seconds=self.elapsed_seconds(),
            mood=selected_mood(self.mood_box),
        )

    # --- slots --------------------------------------------------------------------------------

    def _on_tick_timeout(self) -> None:
        self.timer_label.setText(format_duration(self.elapsed_seconds()))

    def _on_mood_box_changed(self, _index: int) -> None:
        mood = selected_mood(self.mood_box)
        upset = mood in UPSET_MOODS
        self.calm_guide.setVisible(upset)
        if upset:
            # Room for the guide's wrapped lines (longer in some languages) rather than
            # squeezing them over each other.
            grow_to_fit(self)
        if mood is not None:
            self.editor.flush(mood=mood)
        self.editor.focus_editor()

    def _on_pin_button_toggled(self, on: bool) -> None:
        self._apply_on_top(on)

    def _on_autosaver_saved(self, _changes: object) -> None:
        if self._ending and not self.editor.autosaver.dirty:
            self._finish()

    def _on_autosaver_status_changed(self, _text: str) -> None:
        saver = self.editor.autosaver
        kept = saver.unsaved()
        # The last save failed: read from the saver's state, not from its words (translated).
        if self._ending and not saver.saving and kept is not None and kept.problem:
            # Stay open with the text; the autosaver retries, and the button tries again.
            self.end_button.setEnabled(True)
            self.end_button.setText(tr("End call"))
            self._ending = False

    def _apply_on_top(self, on: bool) -> None:
        visible = self.isVisible()
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, on)
        if visible:
            self.show()  # changing a window flag hides the window

    def _finish(self) -> None:
        self._ended = True
        self.ended.emit(self.note_id)
        self.close()

    # --- Qt -----------------------------------------------------------------------------------

    @override
    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        self.activateWindow()
        self.editor.focus_editor()

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        if self._ended:
            self.closed.emit(self.note_id)
            event.accept()
            return
        saver = self.editor.autosaver
        if self.started_by_mistake():
            saver.flush_and_wait(5.0)
            delete_own_note(self.notebook, self, self.note_id, saver.base)
            self._ended = True
            self.closed.emit(self.note_id)
            event.accept()
            return
        if not self.editor.resolve_conflict():
            event.ignore()  # the text stays; the status says it was changed elsewhere
            return
        self.flush_final()
        if saver.flush_and_wait(10.0):
            self._ended = True
            self.ended.emit(self.note_id)
            self.closed.emit(self.note_id)
            event.accept()
        else:
            event.ignore()  # the text stays on screen; the status says why


class NoteWindows:
    """Opens call windows and note windows, one per note, and saves them all on demand."""

    def __init__(
        self,
        notebook: Notebook,
        writer: SaveWriter,
        window: Any = None,
        *,
        pick_client: Callable[[], int | None] | None = None,
    ) -> None:
        self.notebook = notebook
        self.writer = writer
        self.window = window
        self._pick_client = pick_client
        self.open_windows: dict[int, CallWindow | NoteWindow] = {}
        # A note switched away from while its save failed, written later by the writer.
        writer.pending_saved.connect(self._on_writer_pending_saved)

    def install(self, window: Any) -> None:
        """Register with the main window's agreed hooks: its call-note action (which asks for the
        client and opens the card) and the card's timeline go through ``note_opener``; Ctrl+S
        also writes every open note."""
        self.window = window
        window.note_opener = self.open_note
        previous_save = window.handlers.get("save")

        def save() -> None:
            self.save_all()
            if previous_save is not None:
                previous_save()

        window.handlers["save"] = save

    def save_all(self) -> None:
        """Write every open note now (Ctrl+S); a note changed elsewhere offers the choice."""
        for widget in list(self.open_windows.values()):
            widget.editor.save_now()

    def end_all(self) -> bool:
        """Quitting (aboutToQuit, SIGTERM): calls still open end with their duration, and every
        pending text is written before the process goes. True when all of it was written."""
        for widget in list(self.open_windows.values()):
            if isinstance(widget, CallWindow) and not widget._ended:
                if widget.started_by_mistake():
                    widget.close()  # no empty note, no false contact (closeEvent)
                else:
                    widget.flush_final()
        return self.writer.flush_all()

    def shutdown(self) -> Rescue:
        """aboutToQuit: end open calls, write everything, stop the writer thread. Text that
        still cannot be written (disk full) goes to a recovery file; no one can answer a
        dialog while the application quits, so the log says where now, and the next start
        says it again."""
        self.end_all()
        rescue = self.writer.shutdown()
        if rescue.kept:
            log.error("%s", rescue.message())
        return rescue

    def _current_client(self) -> int | None:
        if self.window is not None and hasattr(self.window, "current_client_id"):
            current = self.window.current_client_id()
            if current is not None:
                return int(current)
        if self._pick_client is not None:
            return self._pick_client()
        from ckbook.ui.quick_switcher import ClientPicker

        return ClientPicker.ask(self.window, self.notebook)

    def start_call(self, client_id: int | None = None) -> CallWindow | None:
        """Ctrl+Shift+C: a call note with the open client (asks which client when none is)."""
        if client_id is None:
            client_id = self._current_client()
        if client_id is None:
            return None
        changed = self.notebook.run(add_note, client_id, self.notebook.now(), kind="call")
        if changed is None:
            return None
        note = get_note(changed.ids[0])
        call = CallWindow(self.notebook, self.writer, note)
        self._track(call, note.id)
        call.show()
        call.raise_()
        return call

    def open_note(self, note_id: int | None, client_id: int, kind: str = "other") -> QWidget | None:
        """The card's timeline: open a note, or start a new one of ``kind`` for the client."""
        if note_id is not None and note_id in self.open_windows:
            existing = self.open_windows[note_id]
            existing.show()
            existing.raise_()
            existing.activateWindow()
            return existing
        if note_id is None and kind == "call":
            return self.start_call(client_id)
        is_new = note_id is None
        if note_id is None:
            changed = self.notebook.run(add_note, client_id, self.notebook.now(), kind=kind)
            if changed is None:
                return None
            note_id = changed.ids[0]
        note = self.notebook.attempt(get_note, note_id)
        if note is None:
            return None
        note_window = NoteWindow(self.notebook, self.writer, note, is_new=is_new)
        self._track(note_window, note.id)
        note_window.show()
        note_window.raise_()
        return note_window

    def _track(self, widget: Any, note_id: int) -> None:
        self.open_windows[note_id] = widget
        if self.window is not None and hasattr(self.window, "action"):
            # Ctrl+Q quits from a call or note window too: the main window's own Quit action
            # (its shortcut is window-wide), whose quit ends open calls with their last save.
            widget.addAction(self.window.action("quit"))
        widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        widget.closed.connect(self._on_window_closed)

    def _on_window_closed(self, note_id: int) -> None:
        self.open_windows.pop(note_id, None)

    def _on_writer_pending_saved(self, changes: tuple[Changed, ...]) -> None:
        for change in changes:
            self.notebook.broadcast(change)


def install_notes(
    window: Any, notebook: Notebook, *, recovery_dir: Path | None = None
) -> NoteWindows:
    """Wire call mode and the note editor into the app: one writer thread for note text (its own
    connection per save), the window's hooks, a last flush when the app quits (recovery
    files in ``recovery_dir``, default ``<user data folder>/recovery``), and a message when an
    earlier session left one."""
    from PySide6.QtWidgets import QApplication

    from ckbook.ui.autosave import default_recovery_dir, note_text_saver

    folder = recovery_dir or default_recovery_dir()
    writer = SaveWriter(
        note_text_saver(notebook.clock),
        notebook.clock,
        own_connection=True,
        parent=window,
        recovery_dir=folder,
        location=notebook.location,
        describe=lambda note_id: note_title(note_id, notebook),
    )
    notes = NoteWindows(notebook, writer, window)
    notes.install(window)
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(notes.shutdown)
    found = recovery_files(folder)
    if found:
        # Once the window is up: the main window shows an error message as a plain-text box.
        QTimer.singleShot(0, lambda: notebook.message.emit("error", recovery_notice(found)))
    return notes
