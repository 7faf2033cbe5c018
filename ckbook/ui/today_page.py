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
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QColor, QFont, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from ckbook.i18n import format_number, tr
from ckbook.services import dates
from ckbook.services.agenda import my_today
from ckbook.services.base import Changed, Kind
from ckbook.services.care import acknowledge_request, answer_request
from ckbook.services.notes import add_note
from ckbook.services.promises import close_promise, reopen_promise
from ckbook.services.reminder_rules import snooze_until
from ckbook.services.reminders import snooze
from ckbook.services.rules import Health
from ckbook.services.today import (
    NoticeGroup,
    RowKind,
    Section,
    ShownRow,
    TodayReport,
    TodayRow,
    filter_words,
    reminder_for,
    row_matches,
    section_title,
    shown_rows,
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


def acknowledged_hint() -> str:
    """Why a request row is greyed (its tooltip)."""
    return tr("Greyed: acknowledged, so the client knows it arrived; the answer is still owed.")


def snooze_choices() -> tuple[tuple[str, str], ...]:
    """Snooze choices offered (the reminders' own choices), as the menu says them."""
    return (
        ("15m", tr("15 minutes")),
        ("1h", tr("1 hour")),
        ("tomorrow", tr("Tomorrow morning")),
    )


def done_text(kind: RowKind | None) -> str:
    """What "done" means for each kind of row, as the button and menu say it."""
    return (
        {
            RowKind.PROMISE: tr("Kept"),
            RowKind.REQUEST: tr("Answered"),
            RowKind.CHECKIN: tr("Checked in"),
            RowKind.INCIDENT: tr("Next step…"),
        }.get(kind, tr("Done"))
        if kind is not None
        else tr("Done")
    )


#: The When column is as wide as its longest text, within these bounds (px).
WHEN_WIDTH = (200, 440)


class Column:
    WHAT = 0
    CLIENT = 1
    WHEN = 2
    COUNT = 3


ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the TodayRow (None on a section header)
SECTION_ROLE = Qt.ItemDataRole.UserRole + 2  # the Section's value
GROUP_ROLE = Qt.ItemDataRole.UserRole + 3  # the NoticeGroup (None elsewhere)
#: Where the sections folded by hand are remembered (QSettings), by their values.
FOLDED_KEY = "today/folded"


def _names_preview(names: tuple[str, ...], shown: int = 3) -> str:
    """``Ada, Ben, Cleo and 6 more``: the first names of a group."""
    first = ", ".join(names[:shown])
    rest = len(names) - shown
    if rest <= 0:
        return first
    return tr("{names} and %n more", "", rest).format(names=first)


def _quoted(text: str, limit: int = 60) -> str:
    """A row's text for a status message: “send the deck”, shortened when long."""
    line = " ".join(text.split())
    return f"“{line if len(line) <= limit else line[: limit - 1].rstrip() + '…'}”"


def _row_key(row: ShownRow) -> tuple[str, object]:
    """What stays the same while a row changes: its kind and subject, or a group's section."""
    if isinstance(row, NoticeGroup):
        return ("group", row.section.value)
    return (row.kind.value, row.subject_id)


class TodayModel(QAbstractItemModel):
    """Two levels: the non-empty sections, then their rows (a grouped section's rows as one
    ``NoticeGroup`` row). Painted from frozen rows only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: (section, its rows, the rows shown for them)
        self._sections: list[tuple[Section, tuple[TodayRow, ...], tuple[ShownRow, ...]]] = []

    def set_report(self, report: TodayReport) -> bool:
        """Show ``report``, changing only the rows that differ (a row kept, a promise added:
        one row's signals, not a reset the view lays out 3,000 rows again for). Returns True
        when the model was reset (the sections shown changed)."""
        fresh = [(s, rows, shown_rows(s, rows)) for s, rows in report.sections if rows]
        if [s for s, _, _ in fresh] != [s for s, _, _ in self._sections]:
            self.beginResetModel()
            self._sections = fresh
            self.endResetModel()
            return True
        for number, (section, rows, shown) in enumerate(fresh):
            old_rows, old_shown = self._sections[number][1:]
            if old_shown != shown:
                self._update_section(number, section, old_shown, shown)
            if old_rows != rows:
                self._sections[number] = (section, rows, shown)
                self.dataChanged.emit(self.index(number, 0), self.index(number, Column.COUNT - 1))
        return False

    def _update_section(
        self, number: int, section: Section, old: tuple[ShownRow, ...], new: tuple[ShownRow, ...]
    ) -> None:
        parent = self.index(number, 0)
        shown = list(old)
        rows = self._sections[number][1]

        def store() -> None:
            self._sections[number] = (section, rows, tuple(shown))

        matcher = difflib.SequenceMatcher(
            None, [_row_key(r) for r in old], [_row_key(r) for r in new], autojunk=False
        )
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

    def shown_at(self, index: _ModelIndex) -> ShownRow | None:
        """The row or group at ``index`` (None on a section heading)."""
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return None
        section = index.internalId()
        if section >= len(self._sections):
            return None
        shown = self._sections[section][2]
        return shown[index.row()] if index.row() < len(shown) else None

    def group_at(self, index: _ModelIndex) -> NoticeGroup | None:
        shown = self.shown_at(index)
        return shown if isinstance(shown, NoticeGroup) else None

    def row_at(self, index: _ModelIndex) -> TodayRow | None:
        """The one row at ``index`` (None on a heading or a group)."""
        shown = self.shown_at(index)
        return shown if isinstance(shown, TodayRow) else None

    def shown_in(self, number: int) -> tuple[ShownRow, ...]:
        """What the ``number``th section shows under its heading."""
        return self._sections[number][2]

    def section_index(self, section: Section) -> QModelIndex:
        for i, (key, _rows, _shown) in enumerate(self._sections):
            if key is section:
                return self.index(i, 0)
        return QModelIndex()

    def find(self, kind: RowKind, subject_id: int, section: Section | None = None) -> QModelIndex:
        for s, (key, _rows, shown) in enumerate(self._sections):
            if section is not None and key is not section:
                continue
            for r, row in enumerate(shown):
                if isinstance(row, TodayRow) and row.kind is kind and row.subject_id == subject_id:
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
        if row >= len(self._sections[parent.row()][2]):
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
            return len(self._sections[parent.row()][2])
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
            return (tr("What"), tr("Client"), tr("When"))[section]
        return None

    @override
    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if index.internalId() == _NO_PARENT:
            return self._section_data(index, role)
        shown = self.shown_at(index)
        if isinstance(shown, NoticeGroup):
            return self._group_data(shown, index.column(), role)
        row = shown
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.text, row.client_name, row.when)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{row.client_name}: {row.text} — {row.when}"
            if row.flag == "acknowledged":
                tip += f"\n{acknowledged_hint()}"
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

    def _group_data(self, group: NoticeGroup, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == Column.WHAT:
                return group.text
            if column == Column.CLIENT:
                return _names_preview(group.client_names)
            return tr("Enter opens the list")
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(_names_preview(group.client_names, 20))
        if role == GROUP_ROLE:
            return group
        if role == Qt.ItemDataRole.FontRole and column == Column.WHAT:
            font = QFont()
            font.setUnderline(True)  # it opens something, like a link
            return font
        return None

    def _section_data(self, index: _ModelIndex, role: int) -> object:
        section, rows, _shown = self._sections[index.row()]
        if role == Qt.ItemDataRole.DisplayRole and index.column() == Column.WHAT:
            return tr("{title} ({count})").format(
                title=section_title(section), count=format_number(len(rows))
            )
        if role == Qt.ItemDataRole.FontRole and index.column() == Column.WHAT:
            font = QFont()
            font.setBold(True)
            return font
        if role == SECTION_ROLE:
            return section.value
        if role == Qt.ItemDataRole.AccessibleTextRole and index.column() == Column.WHAT:
            return tr("{title}: {count}").format(
                title=section_title(section), count=format_number(len(rows))
            )
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
            my_today,
            now,
            tz,
            lane="report",
            done=lambda report: self.loaded.emit(generation, report),
            failed=lambda failure: self.failed.emit(
                generation, tr("Today is not available: {reason}.").format(reason=failure.text)
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
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.notebook = notebook
        self.record_undo = record_undo  # the window's undo stack: Ctrl+Z takes back a "Kept"
        self.report: TodayReport | None = None
        #: Where the folded sections are remembered (the window's QSettings); None: not kept.
        self.settings = settings
        self._collapsed: set[Section] = self._folded_at_start()
        self._words: tuple[str, ...] = ()  # what the filter box looks for
        self._hiding = False  # some rows are hidden by the filter
        self.group_list: NoticeListDialog | None = None
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

        self.title = heading_label(tr("Today"), 1.5)
        self._show_date(notebook.now())
        self.summary = plain_label(tr("Loading…"), wrap=True)
        self.summary.setAccessibleName(tr("Today summary"))

        self.done_button = QPushButton(tr("Done"))
        self.ack_button = QPushButton(tr("Acknowledge"))
        self.snooze_button = QToolButton()
        self.snooze_button.setText(tr("Snooze"))
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.snooze_menu = QMenu(self.snooze_button)
        for choice, label in snooze_choices():
            action = self.snooze_menu.addAction(label)
            action.setData(choice)
        self.snooze_menu.triggered.connect(self._on_snooze_menu_triggered)
        self.snooze_button.setMenu(self.snooze_menu)
        self.card_button = QPushButton(tr("Open card"))
        self.call_button = QPushButton(tr("Call note"))
        tips = {
            self.done_button: tr("Mark the selected row done (Ctrl+D)"),
            self.ack_button: tr("Tell the client their message arrived (Ctrl+Shift+A)"),
            self.snooze_button: tr("Hide this row and its reminder until later"),
            self.card_button: tr("Open this client's card (Enter)"),
            self.call_button: tr("Start a call note with this client"),
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
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(tr("Filter by client or text (Ctrl+L)"))
        self.filter.setAccessibleName(tr("Filter Today"))
        self.filter.setToolTip(
            tr("Show only the rows whose client or text has these words; Esc clears")
        )
        self.filter.setMinimumWidth(160)
        self.filter.setMaximumWidth(320)
        self.filter.textChanged.connect(self._on_filter_text_changed)
        self.filter.installEventFilter(self)
        bar.addWidget(self.filter, 1)

        self.model = TodayModel(self)
        self._when_widths: dict[str, int] = {}  # text → pixels, measured once each
        self.view = QTreeView()
        self.view.setAccessibleName(tr("Today"))
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
            ("Ctrl+L", self._on_filter_key),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

        self.no_match = plain_label("", wrap=True)
        self.no_match.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addLayout(bar)
        layout.addWidget(self.no_match)
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
            self._restoring_folds = True  # not a fold by hand: nothing to remember
            self.view.expandToDepth(0)  # one layout pass; a setExpanded per section laid out each
            for i in range(self.model.rowCount()):
                section = Section(self.model.index(i, 0).data(SECTION_ROLE))
                self.view.setFirstColumnSpanned(i, _ROOT, True)  # "Overdue promises (3)" in full
                if section in self._collapsed:
                    self.view.setExpanded(self.model.index(i, 0), False)
            self._restoring_folds = False
        self._apply_filter()
        self._fit_when_column(report)
        self._show_date(report.now)
        summary = report.summary()
        if report.snoozed:
            snoozed = report.snoozed
            summary = tr("{summary} · %n snoozed", "", snoozed).format(summary=summary)
        self.summary.setText(summary)
        if current is not None:
            found = self.model.find(current.kind, current.subject_id, current.section)
            if not found.isValid():
                found = self.model.find(current.kind, current.subject_id)
            if not found.isValid() and where is not None:
                found = self._nearest(current.section, where[1])
            if found.isValid():
                self.view.setCurrentIndex(found)
        elif self.model.rowCount() and not self.model.shown_at(self.view.currentIndex()):
            # Start on the first row, so the buttons and keys act at once.
            self._select_first_shown()
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
        day = now.astimezone(self.notebook.tz).date()
        self.title.setText(tr("Today — {date}").format(date=dates.full_day(day)))

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
        if self.model.shown_at(self.view.currentIndex()) is None and self.model.rowCount():
            self._select_first_shown()
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
                    tr("mark promise kept"), lambda: self.notebook.run(reopen_promise, promise_id)
                )
                self._say(
                    tr("Kept {what} ({client}). Undo (Ctrl+Z) reopens it.").format(
                        what=what, client=row.client_name
                    )
                )
            return done
        if row.kind is RowKind.REQUEST:
            done = self.notebook.run(answer_request, row.subject_id, now)
            if done is not None:
                self._say(
                    tr("Answered {what} ({client}).").format(what=what, client=row.client_name)
                )
            return done
        if row.kind is RowKind.CHECKIN:
            done = self.notebook.run(
                add_note, row.client_id, now, kind="other", body=tr("Checked in (from Today).")
            )
            if done is not None:
                self._say(
                    tr("Checked in with {client}: logged as a contact.").format(
                        client=row.client_name
                    )
                )
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
            self._say(
                tr("Acknowledged {what} ({client}); the answer is owed.").format(
                    what=_quoted(row.text), client=row.client_name
                )
            )
        return done

    def snooze(self, row: TodayRow, choice: str) -> Changed | None:
        reminder = reminder_for(row, self.notebook.tz)
        if reminder is None:
            return None
        now, tz = self.notebook.now(), self.notebook.tz
        done = self.notebook.run(snooze, reminder, choice, now, tz)
        if done is not None:
            shown = dates.until_text(snooze_until(choice, now, tz), now, tz)
            what = _quoted(row.text) if row.kind is not RowKind.CHECKIN else tr("the check-in")
            self._say(
                tr("Snoozed {what} ({client}) until {when}.").format(
                    what=what, client=row.client_name, when=shown
                )
            )
        return done

    def _can_done(self, row: TodayRow | None) -> bool:
        return row is not None and row.kind is not RowKind.MONEY

    def _update_buttons(self) -> None:
        row = self.current_row()
        self.done_button.setEnabled(self._can_done(row))
        self.done_button.setText(done_text(row.kind if row else None))
        self.done_button.setAccessibleName(self.done_button.text())
        self.ack_button.setEnabled(
            row is not None and row.kind is RowKind.REQUEST and row.flag != "acknowledged"
        )
        self.snooze_button.setEnabled(row is not None and row.can_snooze)
        group = self.model.group_at(self.view.currentIndex())
        # On a grouped row the card button opens its list: the way to its clients by mouse too.
        self.card_button.setText(tr("Open list") if group is not None else tr("Open card"))
        self.card_button.setAccessibleName(self.card_button.text())
        self.card_button.setEnabled(row is not None or group is not None)
        self.call_button.setEnabled(row is not None)

    # -- slots ---------------------------------------------------------------------------

    def _on_notebook_changed(self, changed: Changed) -> None:
        if changed.text_only or (
            changed.kind is Kind.SETTINGS and "everyones_reminders" not in changed.detail
        ):
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
        group = self.model.group_at(self.view.currentIndex())
        if group is not None:
            self.open_group(group)
            return
        row = self.current_row()
        if row is not None:
            self.open_client_requested.emit(row.client_id)

    def _on_call_button_clicked(self) -> None:
        row = self.current_row()
        if row is not None:
            self.call_note_requested.emit(row.client_id)

    def _on_view_activated(self, index: QModelIndex) -> None:
        group = self.model.group_at(index)
        if group is not None:
            self.open_group(group)
            return
        row = self.model.row_at(index)
        if row is None:
            return
        if row.kind is RowKind.INCIDENT:
            self.incident_requested.emit(row.client_id, row.subject_id)
        else:
            self.open_client_requested.emit(row.client_id)

    def _on_view_collapsed(self, index: QModelIndex) -> None:
        value = index.data(SECTION_ROLE)
        if value and not self._restoring_folds:
            self._collapsed.add(Section(value))
            self._remember_folds()

    def _on_view_expanded(self, index: QModelIndex) -> None:
        value = index.data(SECTION_ROLE)
        if value and not self._restoring_folds:
            self._collapsed.discard(Section(value))
            self._remember_folds()

    # -- folding -------------------------------------------------------------------------

    _restoring_folds = False

    def _folded_at_start(self) -> set[Section]:
        """The sections folded when the page was last used (unknown values are skipped: a
        section a later ckbook removed, or a hand-edited file)."""
        if self.settings is None:
            return set()
        stored = self.settings.value(FOLDED_KEY, "")
        # An ini file reads "a,b" back as a list; the native formats keep the string.
        values = stored.split(",") if isinstance(stored, str) else stored
        known = {section.value: section for section in Section}
        if not isinstance(values, list):
            return set()
        return {known[value] for value in values if isinstance(value, str) and value in known}

    def _remember_folds(self) -> None:
        if self.settings is not None:
            self.settings.setValue(FOLDED_KEY, ",".join(sorted(s.value for s in self._collapsed)))

    @property
    def folded(self) -> frozenset[Section]:
        """The sections folded by hand (kept across reports and, with settings, restarts)."""
        return frozenset(self._collapsed)

    # -- the filter ----------------------------------------------------------------------

    def set_filter(self, text: str) -> None:
        """Show only the rows whose client or text has ``text``'s words (what typing in the
        filter box does)."""
        self.filter.setText(text)

    def _on_filter_text_changed(self, text: str) -> None:
        self._words = filter_words(text)
        self._apply_filter()

    def _on_filter_key(self) -> None:
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    def _apply_filter(self) -> None:
        """Hide the rows the filter does not keep (in the view: the model stays whole, so a
        new report still arrives as row changes), and the sections left with none."""
        words = self._words
        if not words and not self._hiding:
            self.no_match.hide()
            return  # nothing hidden, nothing to hide: a new report costs no pass over its rows
        self._hiding = bool(words)
        shown = 0
        for number in range(self.model.rowCount()):
            parent = self.model.index(number, 0)
            kept = 0
            for position, row in enumerate(self.model.shown_in(number)):
                keep = row_matches(row, words)
                kept += keep
                if self.view.isRowHidden(position, parent) == keep:
                    self.view.setRowHidden(position, parent, not keep)
            if self.view.isRowHidden(number, _ROOT) != (kept == 0):
                self.view.setRowHidden(number, _ROOT, kept == 0)
            shown += kept
        filtering = bool(words)
        self.no_match.setVisible(filtering and shown == 0 and self.model.rowCount() > 0)
        if filtering and shown == 0:
            self.no_match.setText(
                tr("Nothing on Today matches “{text}”.").format(text=self.filter.text().strip())
            )
        current = self.view.currentIndex()
        if filtering and current.isValid() and self._hidden(current):
            self._select_first_shown()

    def _hidden(self, index: QModelIndex) -> bool:
        parent = index.parent()
        return self.view.isRowHidden(index.row(), parent) or (
            parent.isValid() and self.view.isRowHidden(parent.row(), _ROOT)
        )

    def _select_first_shown(self) -> None:
        """The first row on screen becomes current: not one the filter hides, nor one in a
        folded section (making it current would unfold it); else the first heading shown."""
        heading = QModelIndex()
        for number in range(self.model.rowCount()):
            parent = self.model.index(number, 0)
            if self.view.isRowHidden(number, _ROOT):
                continue
            if not heading.isValid():
                heading = parent
            if not self.view.isExpanded(parent):
                continue
            for position in range(self.model.rowCount(parent)):
                if not self.view.isRowHidden(position, parent):
                    self.view.setCurrentIndex(self.model.index(position, 0, parent))
                    return
        self.view.setCurrentIndex(heading)

    def shown_rows_now(self) -> list[ShownRow]:
        """The rows on screen, in order (not hidden by the filter; folded ones count)."""
        result: list[ShownRow] = []
        for number in range(self.model.rowCount()):
            parent = self.model.index(number, 0)
            if self.view.isRowHidden(number, _ROOT):
                continue
            for position, row in enumerate(self.model.shown_in(number)):
                if not self.view.isRowHidden(position, parent):
                    result.append(row)
        return result

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.filter
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            key = event.key()
            if key == Qt.Key.Key_Escape and self.filter.text():
                self.filter.clear()  # Esc clears; a second Esc goes on to the list
                return True
            if key in (Qt.Key.Key_Escape, Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._hidden(self.view.currentIndex()) or not self.view.currentIndex().isValid():
                    self._select_first_shown()
                self.view.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)

    # -- a grouped row -------------------------------------------------------------------

    def open_group(self, group: NoticeGroup) -> NoticeListDialog:
        """The list of a group's clients; each opens its card."""
        if self.group_list is not None:
            self.group_list.close()
            self.group_list.deleteLater()
        rows = [row for row in group.rows if row_matches(row, self._words)] or list(group.rows)
        dialog = NoticeListDialog(group, tuple(rows), self)
        dialog.open_client.connect(self.open_client_requested)
        self.group_list = dialog
        dialog.show()
        return dialog

    def _on_view_context_menu(self, point: QPoint) -> None:
        index = self.view.indexAt(point)
        row = self.model.row_at(index)
        group = self.model.group_at(index)
        if row is None and group is None:
            return
        self.view.setCurrentIndex(index)
        if group is not None:
            menu = QMenu(self)
            menu.addAction(tr("Open list"), functools.partial(self.open_group, group))
        else:
            assert row is not None
            menu = self.build_row_menu(row)
        menu.exec(self.view.viewport().mapToGlobal(point))
        menu.deleteLater()

    def build_row_menu(self, row: TodayRow) -> QMenu:
        """The row's actions, the same as the buttons above the list."""
        menu = QMenu(self)
        if self._can_done(row):
            menu.addAction(done_text(row.kind), lambda: self.mark_done(row))
        if row.kind is RowKind.REQUEST and row.flag != "acknowledged":
            menu.addAction(tr("Acknowledge"), lambda: self.acknowledge(row))
        if row.can_snooze:
            sub = menu.addMenu(tr("Snooze"))
            for choice, label in snooze_choices():
                sub.addAction(label, functools.partial(self.snooze, row, choice))
        menu.addSeparator()
        menu.addAction(tr("Open card"), lambda: self.open_client_requested.emit(row.client_id))
        menu.addAction(tr("Call note"), lambda: self.call_note_requested.emit(row.client_id))
        return menu


class NoticeListDialog(QDialog):
    """The clients behind a grouped row ("9 clients without money terms"): Enter or a double
    click opens a client's card (the list stays, to go on with the next)."""

    open_client = Signal(int)

    def __init__(
        self, group: NoticeGroup, rows: tuple[TodayRow, ...], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        count = len(rows)
        self.setWindowTitle(section_title(group.section))
        self.heading = plain_label(group.text if count == len(group.rows) else shown_count(count))
        self.hint = plain_label(rows[0].text if rows else "", wrap=True)
        self.list = QListWidget()
        self.list.setAccessibleName(section_title(group.section))
        for row in rows:
            item = QListWidgetItem(row.client_name)  # item text is plain text
            item.setData(Qt.ItemDataRole.UserRole, row.client_id)
            item.setToolTip(plain_tooltip(f"{row.client_name} — {row.when}"))
            self.list.addItem(item)
        if rows:
            self.list.setCurrentRow(0)
        self.list.itemActivated.connect(self._on_list_item_activated)
        buttons = QDialogButtonBox()
        self.open_button = buttons.addButton(
            tr("Open card"), QDialogButtonBox.ButtonRole.ActionRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(420, 460)

    def client_ids(self) -> list[int]:
        return [
            int(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
        ]

    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        self.open_client.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _on_open_button_clicked(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._on_list_item_activated(item)


def shown_count(count: int) -> str:
    """How many of a group the filter kept."""
    return tr("%n clients match the filter", "", count)
