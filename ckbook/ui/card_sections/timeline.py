"""The timeline: a client's notes newest first (kind, when, duration, mood, in team mode who
wrote it, a line of the body), the selected note's Markdown body rendered safely below, and
opening a note to edit it.

Opening goes out as ``noteRequested(note_id, client_id, kind)`` (note_id 0 for a new note); the
main window hands it to the note editor, or shows the note read-only when there is none.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QMenu,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from ckbook.i18n import tr
from ckbook.services import dates
from ckbook.services.notes import NoteRow, get_note, notes_for_client
from ckbook.services.people import Person, me
from ckbook.store.models import NOTE_KINDS
from ckbook.ui.dialogs.choices import capitalized, label
from ckbook.ui.icons import icon
from ckbook.ui.notebook import Notebook
from ckbook.ui.row_models import RowListModel
from ckbook.ui.safe_text import SafeTextBrowser, plain_label

AnyIndex = QModelIndex | QPersistentModelIndex
NOTE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE = 200


def format_duration(seconds: int | None) -> str:
    if not seconds:
        return ""
    minutes = round(seconds / 60)
    if minutes < 60:
        return tr("{minutes} min").format(minutes=max(minutes, 1))
    return tr("{hours} h {minutes} min").format(hours=minutes // 60, minutes=f"{minutes % 60:02d}")


def written_by(author: str | None, person: Person) -> str:
    """Who wrote a note, as its heading says in team mode ("by ada", "by you"); "" on a
    notebook file, where everything is mine, and for a note of unknown author."""
    if not person.team or author is None:
        return ""
    return tr("by you") if author == person.name else tr("by {name}").format(name=author)


def note_heading(note: NoteRow, tz: tzinfo, person: Person | None = None) -> str:
    """E.g. ``call · Wed 18 Nov 2026 10:00 · 25 min · content`` (``· by ada`` in team mode)."""
    parts = [label("note kind", note.kind), dates.absolute_moment(note.started_at, tz)]
    duration = format_duration(note.duration_seconds)
    if duration:
        parts.append(duration)
    if note.mood:
        parts.append(label("mood", note.mood))
    author = written_by(note.author, person or me())
    if author:
        parts.append(author)
    return " · ".join(parts)


def first_line(body: str, limit: int = 120) -> str:
    for line in body.splitlines():
        text = line.strip().lstrip("#>*-+ ").strip()
        if text:
            return text if len(text) <= limit else text[: limit - 1] + "…"
    return ""


class NoteListModel(RowListModel[NoteRow]):
    """A client's notes, newest first: heading and the first line of the body."""

    def __init__(self, tz: tzinfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tz = tz
        self._person = me()

    @override
    def _rows_replaced(self) -> None:
        self._person = me()  # read once per load, not per painted cell

    def note(self, row: int) -> NoteRow:
        return self.row_at(row)

    @override
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        note = self._row_for(index)
        if note is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            line = first_line(note.body)
            heading = note_heading(note, self._tz, self._person)
            return f"{heading}\n{line}" if line else heading
        if role == NOTE_ID_ROLE:
            return note.id
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return note_heading(note, self._tz, self._person)
        return None


class TimelineSection(QWidget):
    #: (note id, or 0 for a new note; client id; note kind)
    noteRequested = Signal(int, int, str)

    def __init__(self, notebook: Notebook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notebook = notebook
        self.client_id: int | None = None
        self._limit: int | None = PAGE

        self.new_button = QToolButton()
        self.new_button.setText(tr("New note"))
        self.new_button.setIcon(icon("note-new"))
        self.new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.new_button.setToolTip(tr("Write a new note (choose its kind from the arrow)"))
        self.new_button.setAccessibleName(tr("New note"))
        kinds = QMenu(self.new_button)
        for kind in NOTE_KINDS:
            action = kinds.addAction(capitalized(label("note kind", kind)))
            action.triggered.connect(lambda _checked=False, k=kind: self.request_new(k))
        self.new_button.setMenu(kinds)
        self.new_button.clicked.connect(lambda: self.request_new("meeting"))
        self.open_button = QPushButton(icon("note"), tr("Open", "verb"))
        self.open_button.setToolTip(tr("Open the selected note (Enter)"))
        self.open_button.setEnabled(False)
        self.more_button = QPushButton(tr("Show older notes"))
        self.more_button.hide()
        self.empty = plain_label(tr("No notes yet."))

        self.model = NoteListModel(notebook.tz, self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName(tr("Notes, newest first"))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAlternatingRowColors(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setWordWrap(False)
        self.list.setUniformItemSizes(True)
        self.list.setSpacing(2)
        self.preview = SafeTextBrowser()
        self.preview.setAccessibleName(tr("Note"))
        self.preview.setPlaceholderText(tr("Choose a note to read it here."))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.list)
        split.addWidget(self.preview)
        split.setSizes([160, 160])
        split.setChildrenCollapsible(False)
        split.setMinimumHeight(300)

        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        bar.addWidget(self.open_button)
        bar.addStretch(1)
        bar.addWidget(self.more_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.empty)
        layout.addWidget(split, 1)

        self.list.selectionModel().currentRowChanged.connect(self._on_list_current_changed)
        self.list.activated.connect(self._on_list_activated)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.more_button.clicked.connect(self._on_more_button_clicked)

    def show_client(self, client_id: int | None) -> None:
        if client_id != self.client_id:
            self._limit = PAGE
        self.client_id = client_id
        self.refresh()

    def refresh(self) -> None:
        selected = self.current_note_id()
        notes: list[NoteRow] = []
        if self.client_id is not None:
            notes = self.notebook.attempt(notes_for_client, self.client_id, self._limit) or []
        self.setEnabled(self.client_id is not None)
        self.model.set_rows(notes)
        self.empty.setVisible(not notes and self.client_id is not None)
        self.more_button.setVisible(self._limit is not None and len(notes) >= self._limit)
        row = self.model.row_of(selected) if selected is not None else None
        if row is None and notes:
            row = 0
        if row is not None:
            self.list.setCurrentIndex(self.model.index(row, 0))
        else:
            self.preview.set_plain("")
            self.open_button.setEnabled(False)

    def update_notes(self, note_ids: tuple[int, ...]) -> None:
        """Show the new text of these notes (an autosave): only their rows change; a note not
        listed (an older page) needs nothing."""
        for note_id in note_ids:
            if self.model.row_of(note_id) is None:
                continue
            note = self.notebook.attempt(get_note, note_id)
            if note is None or not self.model.replace_row(note):
                continue
            if self.current_note_id() == note_id:
                self.preview.set_markdown(note.body)

    def current_note_id(self) -> int | None:
        index = self.list.currentIndex()
        return int(index.data(NOTE_ID_ROLE)) if index.isValid() else None

    def select(self, note_id: int) -> bool:
        """Make ``note_id`` the current note (its text in the preview), scrolled into view,
        loading older notes when it is not among the first page; False when this client has no
        such note."""
        row = self.model.row_of(note_id)
        if row is None and self._limit is not None:
            self._limit = None
            self.refresh()
            row = self.model.row_of(note_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def request_new(self, kind: str) -> None:
        if self.client_id is not None:
            self.noteRequested.emit(0, self.client_id, kind)

    def _on_list_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.preview.set_plain("")
            self.open_button.setEnabled(False)
            return
        self.preview.set_markdown(self.model.note(current.row()).body)
        self.open_button.setEnabled(True)

    def _on_list_activated(self, index: QModelIndex) -> None:
        if index.isValid() and self.client_id is not None:
            note = self.model.note(index.row())
            self.noteRequested.emit(note.id, note.client_id, note.kind)

    def _on_open_button_clicked(self) -> None:
        self._on_list_activated(self.list.currentIndex())

    def _on_more_button_clicked(self) -> None:
        self._limit = None
        self.refresh()
