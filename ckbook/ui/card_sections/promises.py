"""The promises checklist: tick = kept (a repeating promise moves on to its next occurrence); the
context menu closes a promise as broken or cancelled, renegotiates it (asking for the new due) or
edits its words and due (double-click too); due today shows orange, overdue red. "Add a promise"
reads the due (and a repeat rule) from the text as it is typed and shows what it understood before
saving."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QMenu,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from ckbook.i18n import tr
from ckbook.services import dates
from ckbook.services.base import Changed
from ckbook.services.due import Due
from ckbook.services.due_phrases import parse_due, read_due, restate_due
from ckbook.services.people import Person, me
from ckbook.services.promises import (
    PromiseRow,
    add_promise,
    close_promise,
    promises_for_client,
    renegotiate_promise,
    reopen_promise,
    undo_occurrence,
    update_promise,
)
from ckbook.services.recurrence import describe as describe_rule
from ckbook.services.rules import PromiseState
from ckbook.services.text import clean_line
from ckbook.ui import theme
from ckbook.ui.card_sections import RecordUndo, no_undo
from ckbook.ui.dialogs.choices import label
from ckbook.ui.dialogs.conflict import save_with_choice
from ckbook.ui.dialogs.edit_promise import EditPromiseDialog
from ckbook.ui.dialogs.renegotiate import RenegotiateDialog
from ckbook.ui.due_chip import due_chip
from ckbook.ui.icons import ICON_DIR
from ckbook.ui.notebook import Notebook
from ckbook.ui.row_models import RowListModel
from ckbook.ui.safe_text import plain_label, plain_tooltip

AnyIndex = QModelIndex | QPersistentModelIndex
PROMISE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATE_ROLE = Qt.ItemDataRole.UserRole + 2


def describe_promise(
    promise: PromiseRow, state: PromiseState, tz: tzinfo, person: Person | None = None
) -> str:
    """E.g. ``send the deck — due Wed 18 Nov 2026 (due today)`` or ``… — kept 18 Nov 2026``;
    in team mode ``· made by ada`` when someone else made it."""
    line = _describe(promise, state, tz)
    other = (person or me()).others(promise.author)
    if other:
        line = tr("{promise} · made by {name}").format(promise=line, name=other)
    return line


def _describe(promise: PromiseRow, state: PromiseState, tz: tzinfo) -> str:
    text = clean_line(promise.text)  # one line; no override stored earlier turns the due around
    if promise.status != "open":
        status = label("promise", promise.status)
        if promise.closed_at is None:
            return tr("{promise} — {status}").format(promise=text, status=status)
        closed = dates.absolute_day(promise.closed_at.astimezone(tz).date())
        return tr("{promise} — {status} {day}").format(promise=text, status=status, day=closed)
    if promise.due is None:
        return tr("{promise} — no due date").format(promise=text)
    due = promise.due.describe()
    if state == PromiseState.DUE_TODAY:
        line = tr("{promise} — due {due} (due today)").format(promise=text, due=due)
    elif state == PromiseState.OVERDUE:
        line = tr("{promise} — due {due} (overdue)").format(promise=text, due=due)
    else:
        line = tr("{promise} — due {due}").format(promise=text, due=due)
    if promise.recurrence:
        rule = describe_rule(promise.recurrence)
        line = tr("{promise} · repeats {rule}").format(promise=line, rule=rule)
    return line


def _marked(status: str) -> str:
    """What the status bar says once a promise is closed as ``status`` ({promise}: quoted)."""
    return {
        "kept": tr("Marked {promise} kept. Undo (Ctrl+Z) reopens it."),
        "broken": tr("Marked {promise} broken. Undo (Ctrl+Z) reopens it."),
        "cancelled": tr("Marked {promise} cancelled. Undo (Ctrl+Z) reopens it."),
    }.get(status, tr("Marked {promise} closed. Undo (Ctrl+Z) reopens it."))


def _marked_occurrence(status: str) -> str:
    """The same for one occurrence of a repeating promise."""
    return {
        "kept": tr("Marked {promise} kept this time; it repeats. Undo (Ctrl+Z) takes it back."),
        "broken": tr("Marked {promise} broken this time; it repeats. Undo (Ctrl+Z) takes it back."),
        "cancelled": tr(
            "Marked {promise} cancelled this time; it repeats. Undo (Ctrl+Z) takes it back."
        ),
    }.get(status, tr("Marked {promise} closed this time; it repeats. Undo (Ctrl+Z) takes it back."))


def _promise_undo(status: str) -> str:
    """What Undo names after closing a promise (the Edit menu: "Undo mark promise kept")."""
    return {
        "kept": tr("mark promise kept"),
        "broken": tr("mark promise broken"),
        "cancelled": tr("mark promise cancelled"),
    }.get(status, tr("close promise"))


def _occurrence_undo(status: str) -> str:
    return {
        "kept": tr("mark occurrence kept"),
        "broken": tr("mark occurrence broken"),
        "cancelled": tr("mark occurrence cancelled"),
    }.get(status, tr("close occurrence"))


class PromiseListModel(RowListModel[PromiseRow]):
    """A client's promises, open first (soonest due first), then closed ones."""

    #: The user ticked (True) or unticked (False) a promise: (promise id, kept?).
    tickRequested = Signal(int, bool)

    def __init__(self, now: Any, tz: tzinfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._now = now
        self._tz = tz
        self._states: list[PromiseState] = []
        self._person = me()

    @override
    def _rows_replaced(self) -> None:
        self._person = me()  # read once per load, not per painted cell
        now: datetime = self._now()
        self._states = [r.state(now, self._tz) for r in self._rows]

    def promise(self, row: int) -> PromiseRow:
        return self.row_at(row)

    @override
    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        promise = self._rows[index.row()]
        if promise.status in ("open", "kept"):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    @override
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        promise = self._row_for(index)
        if promise is None:
            return None
        state = self._states[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return describe_promise(promise, state, self._tz, self._person)
        if role == Qt.ItemDataRole.CheckStateRole:
            if promise.status not in ("open", "kept"):
                return None
            return Qt.CheckState.Checked if promise.status == "kept" else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole:
            return theme.promise_color(state)
        if role == Qt.ItemDataRole.FontRole and promise.status != "open":
            font = QFont()
            font.setStrikeOut(promise.status in ("broken", "cancelled", "renegotiated"))
            return font
        if role == PROMISE_ID_ROLE:
            return promise.id
        if role == STATE_ROLE:
            return str(state)
        return None

    @override
    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A tick asks for the promise to be kept (an untick reopens it); the list changes once
        the service has stored it and the change is broadcast."""
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.tickRequested.emit(self._rows[index.row()].id, checked)
        return False


class PromisesSection(QWidget):
    """The checklist and the "add a promise" line."""

    def __init__(
        self,
        notebook: Notebook,
        record_undo: RecordUndo = no_undo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.notebook = notebook
        self.record_undo = record_undo
        self.client_id: int | None = None

        self.add_edit = QLineEdit()
        # The example stays English: the due is read by an English grammar.
        self.add_edit.setPlaceholderText(
            tr("Add a promise (Ctrl+P), e.g. {example} — Enter saves").format(
                example="send the revised quote by Friday 3pm"
            )
        )
        self.add_edit.setAccessibleName(tr("Add a promise"))
        # The due understood, as a chip: click it to correct the due in words before saving.
        parts = due_chip()
        self.due_label, self.due_field, self.reword_button = parts.chip, parts.field, parts.reword
        self.due_label.setAccessibleName(tr("Due understood as"))
        self.due_label.clicked.connect(self._on_due_label_clicked)
        self.due_field.returnPressed.connect(self._on_due_field_return_pressed)
        self.reword_button.clicked.connect(self._on_reword_button_clicked)
        #: A due the user corrected in words: it wins over what the line's words say.
        self.corrected_due: Due | None = None
        self._reworded_text: str | None = None
        self.show_closed = QCheckBox(tr("Show closed"))
        self.show_closed.setChecked(True)
        self.model = PromiseListModel(notebook.now, notebook.tz, self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName(tr("Promises"))
        self.list.setObjectName("promiseList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.setUniformItemSizes(True)
        self.list.setMinimumHeight(120)
        self.empty = plain_label(tr("No promises yet."))

        line = QHBoxLayout()
        line.addWidget(self.add_edit, 1)
        line.addWidget(self.show_closed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(line)
        chip = QHBoxLayout()  # the chip as wide as its text
        chip.setContentsMargins(0, 0, 0, 0)
        chip.addWidget(self.due_label)
        chip.addWidget(self.due_field, 1)
        chip.addWidget(self.reword_button)
        chip.addStretch(1)
        layout.addLayout(chip)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)

        self.add_edit.textChanged.connect(self._on_add_edit_text_changed)
        self.add_edit.returnPressed.connect(self._on_add_edit_return_pressed)
        self.show_closed.toggled.connect(lambda _on: self.refresh())
        self.model.tickRequested.connect(self._on_model_tick_requested)
        self.list.customContextMenuRequested.connect(self._on_list_context_menu)
        self.list.doubleClicked.connect(self._on_list_double_clicked)
        self._on_add_edit_text_changed("")
        self.apply_theme()

    def apply_theme(self) -> None:
        """Tick boxes drawn the same in light and dark (some styles draw the empty box in the
        background colour on dark palettes)."""
        kept = ICON_DIR / "check-on.svg"
        if not kept.exists():
            return
        muted = theme.colors().muted
        self.list.setStyleSheet(
            "#promiseList::indicator { width: 14px; height: 14px; }"
            "#promiseList::indicator:unchecked"
            f" {{ border: 1px solid {muted}; border-radius: 3px; }}"
            f'#promiseList::indicator:checked {{ image: url("{kept.as_posix()}"); }}'
        )

    def show_client(self, client_id: int | None) -> None:
        if client_id != self.client_id:
            self.add_edit.clear()
            self._forget_correction()
        self.client_id = client_id
        self.refresh()

    def refresh(self) -> None:
        rows: list[PromiseRow] = []
        if self.client_id is not None:
            rows = (
                self.notebook.attempt(
                    promises_for_client, self.client_id, self.show_closed.isChecked()
                )
                or []
            )
        self.setEnabled(self.client_id is not None)
        selected = self.current_promise_id()
        self.model.set_rows(rows)
        self.empty.setVisible(not rows and self.client_id is not None)
        row = self.model.row_of(selected) if selected is not None else None
        if row is not None:
            self.list.setCurrentIndex(self.model.index(row, 0))

    def current_promise_id(self) -> int | None:
        index = self.list.currentIndex()
        return int(index.data(PROMISE_ID_ROLE)) if index.isValid() else None

    def select(self, promise_id: int) -> bool:
        """Make ``promise_id`` the current row, scrolled into view (showing closed promises
        when it is one); False when this client has no such promise."""
        row = self.model.row_of(promise_id)
        if row is None and not self.show_closed.isChecked():
            self.show_closed.setChecked(True)  # refreshes
            row = self.model.row_of(promise_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def focus_add(self) -> None:
        self.add_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.add_edit.selectAll()

    # -- adding ----------------------------------------------------------------------------
    def _reading(self, text: str) -> Any:
        return read_due(
            text, self.notebook.now(), self.notebook.tz,
            end_of_business=self.notebook.end_of_business(),
        )  # fmt: skip

    def _on_add_edit_text_changed(self, text: str) -> None:
        if not text.strip():
            self._forget_correction()
            self.due_label.setText(
                tr("The due is read from what you type, e.g. “{example}”.").format(
                    example="by Friday 3pm"
                )
            )
            self.due_label.setEnabled(False)
            return
        self.due_label.setEnabled(True)
        if self._reworded_text is not None and text != self._reworded_text:
            self.reword_button.hide()  # the offer was for the words as they were
        if self.corrected_due is not None:
            self.due_label.setText(
                tr("Due {due} (corrected)").format(due=self.corrected_due.describe())
            )
            self.due_label.setToolTip(tr("Corrected by you. Click to correct it again."))
            return
        reading = self._reading(text)
        if reading.due is None:
            self.due_label.setText(tr("No due date understood — saved without one."))
        else:
            due = reading.due.describe()
            if reading.recurrence:
                shown = tr("Due {due}, repeats {rule} (from “{phrase}”)").format(
                    due=due, rule=describe_rule(reading.recurrence), phrase=reading.phrase
                )
            else:
                shown = tr("Due {due} (from “{phrase}”)").format(due=due, phrase=reading.phrase)
            self.due_label.setText(f"{shown} — {reading.note}" if reading.note else shown)
        self.due_label.setToolTip(
            tr("Click to correct the due in words, e.g. “{example}”.").format(
                example="no, Thursday 5pm"
            )
        )

    def _on_due_label_clicked(self) -> None:
        self.due_field.clear()
        self.due_label.hide()
        self.due_field.show()
        self.due_field.setFocus()

    def _on_due_field_return_pressed(self) -> None:
        """Read the correction; then offer to restate the words of the line that named the old
        due, so the promise's text never contradicts its due."""
        now, tz = self.notebook.now(), self.notebook.tz
        try:
            due = parse_due(
                self.due_field.text(), now, tz, end_of_business=self.notebook.end_of_business()
            )
        except ValueError as exc:
            self.notebook.message.emit("warning", str(exc))
            return  # the field stays open with what was typed
        self.corrected_due = due
        self.due_field.hide()
        self.due_label.show()
        text = self.add_edit.text()
        self._on_add_edit_text_changed(text)
        restated = restate_due(text, due, now, tz, end_of_business=self.notebook.end_of_business())
        if restated is not None and restated != text:
            self._reworded_text = text
            self._restated = restated
            self.reword_button.setText(tr("Say it in the words too"))
            self.reword_button.setToolTip(
                plain_tooltip(tr("The promise would read: {text}").format(text=restated))
            )
            self.reword_button.show()
        self.add_edit.setFocus()

    def _on_reword_button_clicked(self) -> None:
        due = self.corrected_due
        self.reword_button.hide()
        self._reworded_text = None
        self.add_edit.setText(self._restated)
        self.corrected_due = due  # the words now say it; the correction still holds

    def _forget_correction(self) -> None:
        self.corrected_due = None
        self._reworded_text = None
        self.reword_button.hide()
        self.due_field.hide()
        self.due_label.show()

    def _on_add_edit_return_pressed(self) -> None:
        self.add_typed_promise()

    def add_typed_promise(self) -> int | None:
        """Save the typed promise with the due shown (the corrected one when the user corrected
        it); returns its id (None when not saved)."""
        text = self.add_edit.text().strip()
        if not text or self.client_id is None:
            return None
        now = self.notebook.now()
        reading = self._reading(text)
        corrected = self.corrected_due is not None
        result = self.notebook.run(
            add_promise,
            self.client_id,
            text,
            now,
            self.notebook.tz,
            due=self.corrected_due if corrected else reading.due,
            read_due_from_text=False,
            recurrence=None if corrected else reading.recurrence,
        )
        if result is None:
            return None  # the message says why; the text stays in the field
        self.add_edit.clear()
        return result.ids[0]

    # -- closing ---------------------------------------------------------------------------
    def _on_model_tick_requested(self, promise_id: int, kept: bool) -> None:
        if kept:
            self.close_as(promise_id, "kept")
        else:
            self.reopen(promise_id)

    def _quoted(self, promise_id: int) -> str:
        """The promise's text for a status message: “send the deck”, shortened when long."""
        row = self.model.row_of(promise_id)
        text = " ".join(self.model.promise(row).text.split()) if row is not None else tr("promise")
        short = text if len(text) <= 60 else text[:59].rstrip() + "…"
        return tr("“{text}”", "quotation marks").format(text=short)

    def _say(self, text: str) -> None:
        self.notebook.message.emit("info", text)  # the status bar: what the click did

    def _shown(self, promise_id: int) -> PromiseRow | None:
        """The promise as this card shows it: the version an edit here is based on."""
        row = self.model.row_of(promise_id)
        return self.model.promise(row) if row is not None else None

    def _save(
        self, promise_id: int, save: Callable[[Any, dict[str, object]], Changed],
        changes: dict[str, object], base: PromiseRow | None = None,
    ) -> Changed | None:  # fmt: skip
        """``save(base, changes)`` over ``base``, the promise as the user saw it (default: as
        shown now); another person's change meanwhile is merged, or offered side by side
        (``dialogs.conflict``)."""
        base = base or self._shown(promise_id)
        if base is None:
            return self.notebook.run(save, None, changes)
        return save_with_choice(self.notebook, self, save, base, changes)

    def close_as(self, promise_id: int, status: str) -> bool:
        quoted = self._quoted(promise_id)
        now = self.notebook.now()
        done = self._save(
            promise_id,
            lambda base, _c: close_promise(promise_id, status, now, base=base),
            {"status": status},
        )
        if done is None or done.detail == "reloaded":
            return False
        if len(done.ids) == 2:  # a repeating promise: that occurrence recorded, the next one due
            record_id = done.ids[1]
            self.record_undo(
                _occurrence_undo(status),
                lambda: self.notebook.run(undo_occurrence, promise_id, record_id),
            )
            self._say(_marked_occurrence(status).format(promise=quoted))
            return True
        self.record_undo(
            _promise_undo(status),
            lambda: self.notebook.run(reopen_promise, promise_id),
        )
        self._say(_marked(status).format(promise=quoted))
        return True

    def reopen(self, promise_id: int) -> bool:
        quoted = self._quoted(promise_id)
        done = self._save(
            promise_id,
            lambda base, _c: reopen_promise(promise_id, base=base),
            {"status": "open"},
        )
        if done is None or done.detail == "reloaded":
            return False
        self._say(tr("Reopened {promise}.").format(promise=quoted))
        return True

    def renegotiate(self, promise_id: int) -> bool:
        row = self.model.row_of(promise_id)
        if row is None:
            return False
        promise = self.model.promise(row)  # as the user sees it while the dialog is open
        due = RenegotiateDialog.ask(
            self,
            promise.text,
            promise.due,
            self.notebook.now(),
            self.notebook.tz,
            self.notebook.end_of_business(),
        )
        if due is None:
            return False
        quoted = self._quoted(promise_id)
        now = self.notebook.now()
        done = self._save(
            promise_id,
            lambda base, _c: renegotiate_promise(promise_id, due, now, base=base),
            {"status": "renegotiated"},
            promise,
        )
        if done is None or done.detail == "reloaded":
            return False
        self._say(
            tr("Renegotiated {promise}: now due {due}.").format(promise=quoted, due=due.describe())
        )
        return True

    def edit(self, promise_id: int) -> bool:
        """Edit the promise's words and due (typed in words); offers to change the words that
        named the old due so the text never contradicts the new one."""
        row = self.model.row_of(promise_id)
        if row is None:
            return False
        promise = self.model.promise(row)
        answer = EditPromiseDialog.ask(
            self,
            promise.text,
            promise.due,
            self.notebook.now(),
            self.notebook.tz,
            self.notebook.end_of_business(),
        )
        if answer is None or (answer.text, answer.due) == (promise.text, promise.due):
            return False
        # Based on the promise as the dialog showed it: a live refresh meanwhile moves the
        # list's row on, and saving over that would undo another person's change unseen.
        return self.apply_edit(promise_id, answer.text, answer.due, promise)

    def apply_edit(
        self, promise_id: int, text: str, due: Due | None, base: PromiseRow | None = None
    ) -> bool:
        quoted = self._quoted(promise_id)

        def save(base: PromiseRow | None, changes: dict[str, object]) -> Changed:
            new_due = changes.get("due")
            assert new_due is None or isinstance(new_due, Due)
            return update_promise(
                promise_id,
                text=changes.get("text"),  # type: ignore[arg-type]
                due=new_due,
                clear_due="due" in changes and new_due is None,
                base=base,
            )

        result = self._save(promise_id, save, {"text": text, "due": due}, base)
        if result is None or result.detail == "reloaded":
            return False
        if due is None:
            said = tr("Changed {promise}: now “{text}”, no due.").format(promise=quoted, text=text)
        else:
            said = tr("Changed {promise}: now “{text}”, {due}.").format(
                promise=quoted, text=text, due=due.describe()
            )
        self._say(said)
        return True

    def _on_list_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid() and self.model.promise(index.row()).status == "open":
            self.edit(self.model.promise(index.row()).id)

    def _on_list_context_menu(self, position: QPoint) -> None:
        index = self.list.indexAt(position)
        if not index.isValid():
            return
        menu = self.context_menu(self.model.promise(index.row()))
        menu.exec(self.list.viewport().mapToGlobal(position))
        menu.deleteLater()

    def context_menu(self, promise: PromiseRow) -> QMenu:
        menu = QMenu(self)
        if promise.status == "open":
            menu.addAction(tr("Kept")).triggered.connect(lambda: self.close_as(promise.id, "kept"))
            menu.addAction(tr("Broken")).triggered.connect(
                lambda: self.close_as(promise.id, "broken")
            )
            menu.addAction(tr("Renegotiated…")).triggered.connect(
                lambda: self.renegotiate(promise.id)
            )
            menu.addAction(tr("Edit words and due…")).triggered.connect(
                lambda: self.edit(promise.id)
            )
            menu.addAction(tr("Cancelled")).triggered.connect(
                lambda: self.close_as(promise.id, "cancelled")
            )
        elif promise.status in ("kept", "broken", "cancelled"):
            menu.addAction(tr("Reopen")).triggered.connect(lambda: self.reopen(promise.id))
        return menu
