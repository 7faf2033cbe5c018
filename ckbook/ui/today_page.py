"""The Today page: what needs us, section by section, and every row acts in place.

A row can be ticked done (a promise kept, a request answered, a check-in logged, an incident's next
step recorded), a request acknowledged, a reminder snoozed, its client's card opened, or a call
note started, from the buttons above the list, the row's context menu, or the keyboard:
Enter opens the card, Ctrl+D marks done, Ctrl+Shift+A acknowledges.

Snooze is the reminder's snooze (``ckbook.services.reminders.snooze``): the row leaves Today until
the snooze ends and the reminder fires again then. A promise's due is never moved by a snooze —
that would rewrite what was promised; renegotiating is done on the card.

The rows come from ``ckbook.services.today.today_report`` (a few set-based queries); the model
holds those frozen rows and paints from them only. The report is built on a worker thread with its
own connection (``TodayLoader``; RELIABILITY #6, #10), so the page paints at once — "Loading…" the
first time, the rows it has while a newer report is built — and only the newest report is shown.
"""

from __future__ import annotations

import difflib
import functools
import logging
from datetime import datetime, tzinfo

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QColor, QFont, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from ckbook.services.base import Changed, Kind
from ckbook.services.care import acknowledge_request, answer_request
from ckbook.services.notes import add_note
from ckbook.services.promises import close_promise, reopen_promise
from ckbook.services.reminder_rules import snooze_until
from ckbook.services.reminders import snooze
from ckbook.services.rules import Health
from ckbook.services.today import (
    SECTION_TITLES,
    RowKind,
    Section,
    TodayReport,
    TodayRow,
    reminder_for,
    today_report,
)
from ckbook.ui import theme
from ckbook.ui.card_sections import RecordUndo, no_undo
from ckbook.ui.notebook import Notebook
from ckbook.ui.safe_text import heading_label, plain_label, plain_tooltip
from ckbook.ui.worker import Worker

log = logging.getLogger(__name__)

_ModelIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_NO_PARENT = 0xFFFFFFFF  # internalId of a section header row
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_SECTION_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
#: Rows never have children: the view then skips asking each one.
_ROW_FLAGS = _SECTION_FLAGS | Qt.ItemFlag.ItemNeverHasChildren

#: Snooze choices offered (the reminders' own choices).
SNOOZE_CHOICES = (("15m", "15 minutes"), ("1h", "1 hour"), ("tomorrow", "Tomorrow morning"))

#: What "done" means for each kind of row, as the button and menu say it.
DONE_TEXT = {
    RowKind.PROMISE: "Kept",
    RowKind.REQUEST: "Answered",
    RowKind.CHECKIN: "Checked in",
    RowKind.INCIDENT: "Next step…",
}


#: Why a request row is greyed (its tooltip).
ACKNOWLEDGED_HINT = (
    "Greyed: acknowledged, so the client knows it arrived; the answer is still owed."
)
#: The When column is as wide as its longest text, within these bounds (px).
WHEN_WIDTH = (200, 440)


class Column:
    WHAT = 0
    CLIENT = 1
    WHEN = 2
    COUNT = 3


HEADERS = ("What", "Client", "When")
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the TodayRow (None on a section header)
SECTION_ROLE = Qt.ItemDataRole.UserRole + 2  # the Section's value


def _quoted(text: str, limit: int = 60) -> str:
    """A row's text for a status message: “send the deck”, shortened when long."""
    line = " ".join(text.split())
    return f"“{line if len(line) <= limit else line[: limit - 1].rstrip() + '…'}”"


class TodayModel(QAbstractItemModel):
    """Two levels: the non-empty sections, then their rows. Painted from frozen rows only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sections: list[tuple[Section, tuple[TodayRow, ...]]] = []

    def set_report(self, report: TodayReport) -> bool:
        """Show ``report``, changing only the rows that differ (a row kept, a promise added:
        one row's signals, not a reset the view lays out 3,000 rows again for). Returns True
        when the model was reset (the sections shown changed)."""
        fresh = [(s, rows) for s, rows in report.sections if rows]
        if [s for s, _ in fresh] != [s for s, _ in self._sections]:
            self.beginResetModel()
            self._sections = fresh
            self.endResetModel()
            return True
        for number, (section, rows) in enumerate(fresh):
            old = self._sections[number][1]
            if old != rows:
                self._update_section(number, section, old, rows)
        return False

    def _update_section(
        self, number: int, section: Section, old: tuple[TodayRow, ...], new: tuple[TodayRow, ...]
    ) -> None:
        parent = self.index(number, 0)
        shown = list(old)

        def store() -> None:
            self._sections[number] = (section, tuple(shown))

        matcher = difflib.SequenceMatcher(
            None, [(r.kind, r.subject_id) for r in old], [(r.kind, r.subject_id) for r in new],
            autojunk=False,
        )  # fmt: skip
        # From the end, so the positions of the earlier operations still hold.
        for op, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
            if op == "equal":
                for offset in range(i2 - i1):
                    if shown[i1 + offset] != new[j1 + offset]:
                        shown[i1 + offset] = new[j1 + offset]
                        store()
                        first = self.index(i1 + offset, 0, parent)
                        last = self.index(i1 + offset, Column.COUNT - 1, parent)
                        self.dataChanged.emit(first, last)
                continue
            if i2 > i1:
                self.beginRemoveRows(parent, i1, i2 - 1)
                del shown[i1:i2]
                store()
                self.endRemoveRows()
            if j2 > j1:
                self.beginInsertRows(parent, i1, i1 + j2 - j1 - 1)
                shown[i1:i1] = new[j1:j2]
                store()
                self.endInsertRows()
        self.dataChanged.emit(parent, self.index(number, Column.COUNT - 1))  # the count

    def row_at(self, index: _ModelIndex) -> TodayRow | None:
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return None
        section = index.internalId()
        if section >= len(self._sections):
            return None
        rows = self._sections[section][1]
        return rows[index.row()] if index.row() < len(rows) else None

    def section_index(self, section: Section) -> QModelIndex:
        for i, (key, _rows) in enumerate(self._sections):
            if key is section:
                return self.index(i, 0)
        return QModelIndex()

    def find(self, kind: RowKind, subject_id: int, section: Section | None = None) -> QModelIndex:
        for s, (key, rows) in enumerate(self._sections):
            if section is not None and key is not section:
                continue
            for r, row in enumerate(rows):
                if row.kind is kind and row.subject_id == subject_id:
                    return self.createIndex(r, 0, s)
        return QModelIndex()

    @override
    def index(self, row: int, column: int, parent: _ModelIndex = _ROOT) -> QModelIndex:
        if column < 0 or column >= Column.COUNT or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self._sections):
                return QModelIndex()
            return self.createIndex(row, column, _NO_PARENT)
        if parent.internalId() != _NO_PARENT or parent.column() != 0:
            return QModelIndex()
        if row >= len(self._sections[parent.row()][1]):
            return QModelIndex()
        return self.createIndex(row, column, parent.row())

    @override
    def parent(self, child: _ModelIndex = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == _NO_PARENT:
            return QModelIndex()
        return self.createIndex(child.internalId(), 0, _NO_PARENT)

    @override
    def rowCount(self, parent: _ModelIndex = _ROOT) -> int:
        if not parent.isValid():
            return len(self._sections)
        if parent.internalId() == _NO_PARENT and parent.column() == 0:
            return len(self._sections[parent.row()][1])
        return 0

    @override
    def columnCount(self, parent: _ModelIndex = _ROOT) -> int:
        return Column.COUNT

    @override
    def flags(self, index: _ModelIndex) -> Qt.ItemFlag:
        # The view asks for every row when it lays out: keep this a lookup.
        if not index.isValid():
            return _NO_FLAGS
        return _SECTION_FLAGS if index.internalId() == _NO_PARENT else _ROW_FLAGS

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < Column.COUNT
        ):
            return HEADERS[section]
        return None

    @override
    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if index.internalId() == _NO_PARENT:
            return self._section_data(index, role)
        row = self.row_at(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.text, row.client_name, row.when)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{row.client_name}: {row.text} — {row.when}"
            if row.flag == "acknowledged":
                tip += f"\n{ACKNOWLEDGED_HINT}"
            return plain_tooltip(tip)  # user text: never read as rich text
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and column != Column.CLIENT:
            return self._colour(row)
        if role == Qt.ItemDataRole.DecorationRole and column == Column.WHAT:
            if row.kind is RowKind.CHECKIN:
                return theme.health_dot(Health(row.flag))
            return None
        return None

    def _section_data(self, index: _ModelIndex, role: int) -> object:
        section, rows = self._sections[index.row()]
        if role == Qt.ItemDataRole.DisplayRole and index.column() == Column.WHAT:
            return f"{SECTION_TITLES[section]} ({len(rows)})"
        if role == Qt.ItemDataRole.FontRole and index.column() == Column.WHAT:
            font = QFont()
            font.setBold(True)
            return font
        if role == SECTION_ROLE:
            return section.value
        if role == Qt.ItemDataRole.AccessibleTextRole and index.column() == Column.WHAT:
            return f"{SECTION_TITLES[section]}: {len(rows)}"
        return None

    @staticmethod
    def _colour(row: TodayRow) -> QColor | None:
        palette = theme.colors()
        if row.flag in ("overdue", "critical"):
            return QColor(palette.overdue)
        if row.section is Section.DUE_TODAY:
            return QColor(palette.due_today)
        if row.flag == "acknowledged":
            return QColor(palette.muted)
        return None


class TodayLoader(QObject):
    """Builds Today's report on a ``Worker`` (its own connection); the newest request wins.

    ``request(now, tz)`` returns a generation number; ``loaded(generation, TodayReport)`` or
    ``failed(generation, text)`` answers it on the GUI thread. Requests made while a report is
    being built collapse into one more build, for the newest.
    """

    #: (generation, TodayReport) — frozen rows only cross the thread.
    loaded = Signal(int, object)
    #: (generation, what went wrong, worded for the user)
    failed = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self._worker = Worker("today", self)

    def request(self, now: datetime, tz: tzinfo) -> int:
        self._generation += 1
        generation = self._generation
        self._worker.run(
            today_report,
            now,
            tz,
            lane="report",
            done=lambda report: self.loaded.emit(generation, report),
            failed=lambda failure: self.failed.emit(
                generation, f"Today is not available: {failure.text}."
            ),
        )
        return generation

    @property
    def busy(self) -> bool:
        return self._worker.busy

    def wait(self, timeout: float = 10.0) -> None:
        """Let a build under way finish (before the database closes)."""
        self._worker.wait(timeout)

    def stop(self) -> None:
        """No more builds (the app is quitting); waits for one under way."""
        self._worker.stop()


class TodayPage(QWidget):
    """The page the window opens on. Emits requests the window fulfils (card, call note)."""

    open_client_requested = Signal(int)
    call_note_requested = Signal(int)
    incident_requested = Signal(int, int)  # client id, incident id
    refreshed = Signal()

    def __init__(
        self,
        notebook: Notebook,
        parent: QWidget | None = None,
        *,
        record_undo: RecordUndo = no_undo,
    ) -> None:
        super().__init__(parent)
        self.notebook = notebook
        self.record_undo = record_undo  # the window's undo stack: Ctrl+Z takes back a "Kept"
        self.report: TodayReport | None = None
        self._collapsed: set[Section] = set()
        self._asked = 0  # the newest report asked for
        self._shown = 0  # the one on screen
        # Not a child of the page: the worker may still hold it while the page is deleted.
        self.loader = TodayLoader()
        self.loader.loaded.connect(self._on_loader_loaded)
        self.loader.failed.connect(self._on_loader_failed)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.loader.stop)
        self.setObjectName("today_page")

        self.title = heading_label("Today", 1.5)
        self._show_date(notebook.now())
        self.summary = plain_label("Loading…", wrap=True)
        self.summary.setAccessibleName("Today summary")

        self.done_button = QPushButton("Done")
        self.ack_button = QPushButton("Acknowledge")
        self.snooze_button = QToolButton()
        self.snooze_button.setText("Snooze")
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.snooze_menu = QMenu(self.snooze_button)
        for choice, label in SNOOZE_CHOICES:
            action = self.snooze_menu.addAction(label)
            action.setData(choice)
        self.snooze_menu.triggered.connect(self._on_snooze_menu_triggered)
        self.snooze_button.setMenu(self.snooze_menu)
        self.card_button = QPushButton("Open card")
        self.call_button = QPushButton("Call note")
        tips = {
            self.done_button: "Mark the selected row done (Ctrl+D)",
            self.ack_button: "Tell the client their message arrived (Ctrl+Shift+A)",
            self.snooze_button: "Hide this row and its reminder until later",
            self.card_button: "Open this client's card (Enter)",
            self.call_button: "Start a call note with this client",
        }
        for button, tip in tips.items():
            button.setToolTip(tip)
            button.setAccessibleName(button.text())
        self.done_button.clicked.connect(self._on_done_button_clicked)
        self.ack_button.clicked.connect(self._on_ack_button_clicked)
        self.card_button.clicked.connect(self._on_card_button_clicked)
        self.call_button.clicked.connect(self._on_call_button_clicked)

        bar = QHBoxLayout()
        for button in (
            self.done_button,
            self.ack_button,
            self.snooze_button,
            self.card_button,
            self.call_button,
        ):
            bar.addWidget(button)
        bar.addStretch(1)

        self.model = TodayModel(self)
        self._when_widths: dict[str, int] = {}  # text → pixels, measured once each
        self.view = QTreeView()
        self.view.setAccessibleName("Today")
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.WHAT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Column.CLIENT, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.WHEN, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(Column.CLIENT, 200)
        header.resizeSection(Column.WHEN, 260)
        self.view.customContextMenuRequested.connect(self._on_view_context_menu)
        self.view.activated.connect(self._on_view_activated)
        self.view.collapsed.connect(self._on_view_collapsed)
        self.view.expanded.connect(self._on_view_expanded)
        self.view.selectionModel().currentChanged.connect(self._on_selection_current_changed)

        for keys, slot in (
            ("Ctrl+D", self._on_done_button_clicked),
            ("Ctrl+Shift+A", self._on_ack_button_clicked),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        # Coalesce bursts of changes into one rebuild; look again each minute (things turn due).
        self._stale = False  # changed while another page was shown
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        self._minute = QTimer(self)
        self._minute.setInterval(60_000)
        self._minute.timeout.connect(self._on_minute_timeout)
        self._minute.start()
        notebook.changed.connect(self._on_notebook_changed)
        self._update_buttons()
        self.refresh()

    # -- building ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Ask for a fresh report (built on the worker); ``refreshed`` says when it is shown.
        Until then the rows on screen stay, so the page never blocks or flickers."""
        self._asked = self.loader.request(self.notebook.now(), self.notebook.tz)

    @property
    def pending(self) -> bool:
        """A report was asked for and has not been shown yet."""
        return self._shown != self._asked

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        self.loader.wait()  # nothing reads the notebook once the page is gone
        super().closeEvent(event)

    def _on_loader_loaded(self, generation: int, report: object) -> None:
        if generation != self._asked:
            return  # an older report; the newer one is on its way
        self._shown = generation
        assert isinstance(report, TodayReport)
        self.show_report(report)

    def _on_loader_failed(self, generation: int, text: str) -> None:
        if generation != self._asked:
            return
        self._shown = generation
        self.summary.setText(text)
        self.notebook.message.emit("error", text)

    def show_report(self, report: TodayReport) -> None:
        """Show ``report``, keeping the selected row and collapsed sections."""
        current = self.current_row()
        position = self.view.currentIndex()
        where = (position.parent().row(), position.row()) if current is not None else None
        self.report = report
        if self.model.set_report(report):
            self.view.expandToDepth(0)  # one layout pass; a setExpanded per section laid out each
            for i in range(self.model.rowCount()):
                section = Section(self.model.index(i, 0).data(SECTION_ROLE))
                self.view.setFirstColumnSpanned(i, _ROOT, True)  # "Overdue promises (3)" in full
                if section in self._collapsed:
                    self.view.setExpanded(self.model.index(i, 0), False)
        self._fit_when_column(report)
        self._show_date(report.now)
        summary = report.summary()
        if report.snoozed:
            summary += f" · {report.snoozed} snoozed"
        self.summary.setText(summary)
        if current is not None:
            found = self.model.find(current.kind, current.subject_id, current.section)
            if not found.isValid():
                found = self.model.find(current.kind, current.subject_id)
            if not found.isValid() and where is not None:
                found = self._nearest(current.section, where[1])
            if found.isValid():
                self.view.setCurrentIndex(found)
        elif self.model.rowCount() and not self.model.row_at(self.view.currentIndex()):
            # Start on the first row, so the buttons and keys act at once.
            self.view.setCurrentIndex(self.model.index(0, 0, self.model.index(0, 0)))
        self._update_buttons()
        self.refreshed.emit()

    def _fit_when_column(self, report: TodayReport) -> None:
        """Widen When to its longest text ("received …, reply was due …"), within bounds; the
        What column, which stretches, gives up the room."""
        texts = {row.when for _section, rows in report.sections for row in rows}
        if not texts:
            return
        metrics = self.view.fontMetrics()
        widths = self._when_widths
        if len(widths) > 20_000:
            widths.clear()  # a cache, not a record: the texts move with the clock
        for text in texts - widths.keys():
            widths[text] = metrics.horizontalAdvance(text)
        widest = max(widths[text] for text in texts) + 24  # cell padding
        low, high = WHEN_WIDTH
        self.view.header().resizeSection(Column.WHEN, max(low, min(high, widest)))

    def _show_date(self, now: datetime) -> None:
        local = now.astimezone(self.notebook.tz)
        self.title.setText(f"Today — {local.strftime('%A %d %B')}")

    def _nearest(self, section: Section, row: int) -> QModelIndex:
        """After a row leaves (ticked, answered), the one that took its place, so the next
        Ctrl+D acts on the next row."""
        parent = self.model.section_index(section)
        if parent.isValid():
            count = self.model.rowCount(parent)
            return self.model.index(min(row, count - 1), 0, parent)
        return QModelIndex()

    def counts(self) -> dict[str, int]:
        return self.report.counts() if self.report else {}

    def current_row(self) -> TodayRow | None:
        return self.model.row_at(self.view.currentIndex())

    def current_client_id(self) -> int | None:
        """The selected row's client (what Ctrl+Shift+C and Ctrl+P act on here); None when no
        row is selected (a section heading, or nothing yet)."""
        row = self.current_row()
        return row.client_id if row is not None else None

    def focus_start(self) -> None:
        """Keyboard focus on the list, on a row, so Down, Enter and Ctrl+D act at once (the
        window calls this when it shows the page; a report still loading selects its first row
        when it arrives)."""
        if self.current_row() is None and self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0, self.model.index(0, 0)))
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def select(self, kind: RowKind, subject_id: int, section: Section | None = None) -> bool:
        """Make a row current (the keyboard and tests start from here)."""
        index = self.model.find(kind, subject_id, section)
        if index.isValid():
            self.view.setCurrentIndex(index)
        return index.isValid()

    # -- acting on a row -----------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.notebook.message.emit("info", text)  # the status bar: what the click did

    def mark_done(self, row: TodayRow) -> Changed | None:
        now = self.notebook.now()
        what = _quoted(row.text)
        if row.kind is RowKind.PROMISE:
            done = self.notebook.run(close_promise, row.subject_id, "kept", now)
            if done is not None:
                promise_id = row.subject_id
                self.record_undo(
                    "mark promise kept", lambda: self.notebook.run(reopen_promise, promise_id)
                )
                self._say(f"Kept {what} ({row.client_name}). Undo (Ctrl+Z) reopens it.")
            return done
        if row.kind is RowKind.REQUEST:
            done = self.notebook.run(answer_request, row.subject_id, now)
            if done is not None:
                self._say(f"Answered {what} ({row.client_name}).")
            return done
        if row.kind is RowKind.CHECKIN:
            done = self.notebook.run(
                add_note, row.client_id, now, kind="other", body="Checked in (from Today)."
            )
            if done is not None:
                self._say(f"Checked in with {row.client_name}: logged as a contact.")
            return done
        if row.kind is RowKind.INCIDENT:
            self.incident_requested.emit(row.client_id, row.subject_id)
            return None
        self.open_client_requested.emit(row.client_id)
        return None

    def acknowledge(self, row: TodayRow) -> Changed | None:
        if row.kind is not RowKind.REQUEST:
            return None
        done = self.notebook.run(acknowledge_request, row.subject_id, self.notebook.now())
        if done is not None:
            self._say(f"Acknowledged {_quoted(row.text)} ({row.client_name}); the answer is owed.")
        return done

    def snooze(self, row: TodayRow, choice: str) -> Changed | None:
        reminder = reminder_for(row, self.notebook.tz)
        if reminder is None:
            return None
        now, tz = self.notebook.now(), self.notebook.tz
        done = self.notebook.run(snooze, reminder, choice, now, tz)
        if done is not None:
            until = snooze_until(choice, now, tz).astimezone(tz)
            shown = until.strftime(
                "%H:%M" if until.date() == now.astimezone(tz).date() else "%a %H:%M"
            )
            what = _quoted(row.text) if row.kind is not RowKind.CHECKIN else "the check-in"
            self._say(f"Snoozed {what} ({row.client_name}) until {shown}.")
        return done

    def _can_done(self, row: TodayRow | None) -> bool:
        return row is not None and row.kind is not RowKind.MONEY

    def _update_buttons(self) -> None:
        row = self.current_row()
        self.done_button.setEnabled(self._can_done(row))
        self.done_button.setText(DONE_TEXT.get(row.kind, "Done") if row else "Done")
        self.done_button.setAccessibleName(self.done_button.text())
        self.ack_button.setEnabled(
            row is not None and row.kind is RowKind.REQUEST and row.flag != "acknowledged"
        )
        self.snooze_button.setEnabled(row is not None and row.can_snooze)
        self.card_button.setEnabled(row is not None)
        self.call_button.setEnabled(row is not None)

    # -- slots ---------------------------------------------------------------------------

    def _on_notebook_changed(self, changed: Changed) -> None:
        if changed.kind is Kind.SETTINGS or changed.text_only:
            return  # a note's text (a call-note autosave) shows in no Today row
        if self.window().isVisible() and not self.isVisible():
            # Another page is on screen (a call is typed with Clients open): build the report
            # when this page is shown again, not on every save meanwhile.
            self._stale = True
            return
        self._refresh_timer.start()

    @override
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self._refresh_timer.start()

    def _on_minute_timeout(self) -> None:
        if self.isVisible():
            self.refresh()

    def _on_selection_current_changed(self, *_args: object) -> None:
        self._update_buttons()

    def _on_done_button_clicked(self) -> None:
        row = self.current_row()
        if self._can_done(row):
            assert row is not None
            self.mark_done(row)

    def _on_ack_button_clicked(self) -> None:
        row = self.current_row()
        if row is not None:
            self.acknowledge(row)

    def _on_snooze_menu_triggered(self, action: QAction) -> None:
        row = self.current_row()
        if row is not None:
            self.snooze(row, str(action.data()))

    def _on_card_button_clicked(self) -> None:
        row = self.current_row()
        if row is not None:
            self.open_client_requested.emit(row.client_id)

    def _on_call_button_clicked(self) -> None:
        row = self.current_row()
        if row is not None:
            self.call_note_requested.emit(row.client_id)

    def _on_view_activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index)
        if row is None:
            return
        if row.kind is RowKind.INCIDENT:
            self.incident_requested.emit(row.client_id, row.subject_id)
        else:
            self.open_client_requested.emit(row.client_id)

    def _on_view_collapsed(self, index: QModelIndex) -> None:
        value = index.data(SECTION_ROLE)
        if value:
            self._collapsed.add(Section(value))

    def _on_view_expanded(self, index: QModelIndex) -> None:
        value = index.data(SECTION_ROLE)
        if value:
            self._collapsed.discard(Section(value))

    def _on_view_context_menu(self, point: QPoint) -> None:
        index = self.view.indexAt(point)
        row = self.model.row_at(index)
        if row is None:
            return
        self.view.setCurrentIndex(index)
        menu = self.build_row_menu(row)
        menu.exec(self.view.viewport().mapToGlobal(point))
        menu.deleteLater()

    def build_row_menu(self, row: TodayRow) -> QMenu:
        """The row's actions, the same as the buttons above the list."""
        menu = QMenu(self)
        if self._can_done(row):
            menu.addAction(DONE_TEXT.get(row.kind, "Done"), lambda: self.mark_done(row))
        if row.kind is RowKind.REQUEST and row.flag != "acknowledged":
            menu.addAction("Acknowledge", lambda: self.acknowledge(row))
        if row.can_snooze:
            sub = menu.addMenu("Snooze")
            for choice, label in SNOOZE_CHOICES:
                sub.addAction(label, functools.partial(self.snooze, row, choice))
        menu.addSeparator()
        menu.addAction("Open card", lambda: self.open_client_requested.emit(row.client_id))
        menu.addAction("Call note", lambda: self.call_note_requested.emit(row.client_id))
        return menu
