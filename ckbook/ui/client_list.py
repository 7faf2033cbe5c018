"""The client list: a table model over frozen ``ClientSummary`` rows, a filter proxy, and the view.

Smooth with 10,000 clients: rows are built by ``client_summaries`` in a few queries, never a query
per painted cell; sorting happens once in Python in the source model (the proxy forwards ``sort``)
rather than through hundreds of thousands of ``lessThan`` calls; the filter tests a precomputed
lowercase haystack per row. A change refreshes only the clients it names.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, tzinfo
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from ckbook import i18n
from ckbook.i18n import tr
from ckbook.services import dates, vocabulary
from ckbook.services.base import Changed
from ckbook.services.clients import ClientSummary, all_tags, client_summaries
from ckbook.services.rules import Health, PromiseState, promise_state
from ckbook.store.models import CLIENT_STATUSES
from ckbook.ui import theme
from ckbook.ui.notebook import Notebook
from ckbook.ui.safe_text import plain_label
from ckbook.ui.worker import Worker

AnyIndex = QModelIndex | QPersistentModelIndex


class Column(enum.IntEnum):
    NAME = 0
    ORGANISATION = 1
    HEALTH = 2
    LAST_CONTACT = 3
    NEXT_DUE = 4
    OPEN_PROMISES = 5


def headers() -> dict[Column, str]:
    """The columns' titles in the installed language."""
    return {
        Column.NAME: tr("Name"),
        Column.ORGANISATION: tr("Organisation"),
        Column.HEALTH: tr("Health"),
        Column.LAST_CONTACT: tr("Last contact"),
        Column.NEXT_DUE: tr("Next due"),
        Column.OPEN_PROMISES: tr("Open", "open promises (column)"),
    }


def header_tips() -> dict[Column, str]:
    return {
        Column.HEALTH: tr("Check-in health: on time, time to check in, overdue"),
        Column.NEXT_DUE: tr("When the next open promise is due"),
        Column.OPEN_PROMISES: tr("Open promises"),
    }


def status_label(status: str) -> str:
    """A client status (stored in English) as the list shows it."""
    return vocabulary.label("status", status)


def attention_label(level: str) -> str:
    """An attention level (stored in English) as the list shows it."""
    return vocabulary.label("attention", level)


class Role(enum.IntEnum):
    CLIENT_ID = Qt.ItemDataRole.UserRole + 1
    SUMMARY = Qt.ItemDataRole.UserRole + 2


_HEALTH_RANK = {Health.RED: 0, Health.YELLOW: 1, Health.GREEN: 2, Health.NONE: 3}


def haystack(row: ClientSummary) -> str:
    """What the filter box searches: name, organisation, emails, phones, tags — lowercased once."""
    return "\n".join((row.name, row.organisation, *row.emails, *row.phones, *row.tags)).lower()


def _sort_key(column: Column) -> Callable[[ClientSummary], Any]:
    if column == Column.ORGANISATION:
        return lambda r: (r.organisation == "", r.organisation.casefold(), r.name.casefold())
    if column == Column.HEALTH:
        return lambda r: (
            _HEALTH_RANK[r.health],
            r.checkin_due_at.timestamp() if r.checkin_due_at else 0.0,
            r.name.casefold(),
        )
    if column == Column.LAST_CONTACT:
        return lambda r: (
            r.last_contact.timestamp() if r.last_contact else float("-inf"),
            r.name.casefold(),
        )
    if column == Column.NEXT_DUE:
        return lambda r: (
            r.next_due is None,
            r.next_due.date if r.next_due else date.max,
            (r.next_due.time or time.max) if r.next_due else time.max,
            r.name.casefold(),
        )
    if column == Column.OPEN_PROMISES:
        return lambda r: (r.open_promises, r.name.casefold())
    return lambda r: (r.name.casefold(), r.id)


class ClientListModel(QAbstractTableModel):
    """The list's rows; sorted in place by ``sort`` (the proxy forwards to it)."""

    def __init__(
        self, now: Callable[[], datetime], tz: tzinfo, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._tz = tz
        self._headers = headers()
        self._header_tips = header_tips()

        self._rows: list[ClientSummary] = []
        self._haystacks: list[str] = []
        self._keys: list[Any] = []  # each row's sort key, for a changed row's binary search
        self._row_of: dict[int, int] = {}
        self._sort_column = Column.NAME
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._sorted = True

    # -- reading ---------------------------------------------------------------------------
    def summary(self, row: int) -> ClientSummary:
        return self._rows[row]

    def haystack(self, row: int) -> str:
        return self._haystacks[row]

    def row_of(self, client_id: int) -> int | None:
        return self._row_of.get(client_id)

    def client_ids(self) -> list[int]:
        return [r.id for r in self._rows]

    # -- writing ---------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[ClientSummary]) -> None:
        """Replace every row (first load, or after a change that names no client)."""
        self.beginResetModel()
        self._rows = sorted(rows, key=_sort_key(self._sort_column), reverse=self._descending)
        self._reindex()
        self.endResetModel()

    def update_rows(self, client_ids: Iterable[int], fresh: Sequence[ClientSummary]) -> None:
        """Refresh the rows of ``client_ids`` and nothing else: a changed row in place (moved to
        where the current sort puts it, when its sort key moved), a gone row removed, a new row
        inserted where it sorts. Never a reset nor a re-sort of every row: a change touching one
        client costs one row's signals and a binary search, at 10,000 rows as at 10."""
        by_id = {r.id: r for r in fresh}
        for client_id in dict.fromkeys(client_ids):
            row = self._row_of.get(client_id)
            summary = by_id.pop(client_id, None)
            if row is None and summary is not None:
                self._insert(summary)
            elif row is not None and summary is None:
                self._remove(row)
            elif row is not None and summary is not None:
                self._replace(row, summary)
        for summary in by_id.values():  # rows asked for under another id (never, but kept)
            if summary.id not in self._row_of:
                self._insert(summary)

    def _key_of(self, summary: ClientSummary) -> Any:
        return _sort_key(self._sort_column)(summary)

    def _insertion_row(self, key: Any, skip: int | None = None) -> int:
        """Where a row with sort ``key`` goes among the rows, counted without row ``skip`` (the
        row being moved): after every row that sorts before it or equal."""
        count = len(self._rows) - (skip is not None)
        low, high = 0, count
        while low < high:
            middle = (low + high) // 2
            other = self._keys[middle + 1 if skip is not None and middle >= skip else middle]
            if (other >= key) if self._descending else (other <= key):
                low = middle + 1
            else:
                high = middle
        return low

    def _insert(self, summary: ClientSummary) -> None:
        key = self._key_of(summary)
        row = self._insertion_row(key)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, summary)
        self._keys.insert(row, key)
        self._haystacks.insert(row, haystack(summary))
        self._renumber(row, len(self._rows))
        self.endInsertRows()

    def _remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._row_of[self._rows[row].id]
        del self._rows[row]
        del self._keys[row]
        del self._haystacks[row]
        self._renumber(row, len(self._rows))
        self.endRemoveRows()

    def _replace(self, row: int, summary: ClientSummary) -> None:
        key = self._key_of(summary)
        target = row if key == self._keys[row] else self._insertion_row(key, skip=row)
        if target != row:
            # Qt's move: the destination counts rows before the move (so one past, moving down).
            destination = target + 1 if target > row else target
            self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
            self._rows.insert(target, self._rows.pop(row))
            self._keys.insert(target, self._keys.pop(row))
            self._haystacks.insert(target, self._haystacks.pop(row))
            self._renumber(min(row, target), max(row, target) + 1)
            self.endMoveRows()
        if summary == self._rows[target]:
            return  # the same row again (a change that moved nothing this list shows)
        self._rows[target] = summary
        self._keys[target] = key
        self._haystacks[target] = haystack(summary)
        self.dataChanged.emit(self.index(target, 0), self.index(target, len(Column) - 1))

    def _renumber(self, first: int, last: int) -> None:
        for i in range(first, last):
            self._row_of[self._rows[i].id] = i

    def _reindex(self) -> None:
        key = _sort_key(self._sort_column)
        self._keys = [key(r) for r in self._rows]
        self._haystacks = [haystack(r) for r in self._rows]
        self._row_of = {r.id: i for i, r in enumerate(self._rows)}

    @property
    def _descending(self) -> bool:
        return self._sort_order == Qt.SortOrder.DescendingOrder

    # -- Qt --------------------------------------------------------------------------------
    @override
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    @override
    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[Column(section)]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tips.get(Column(section))
        if role == Qt.ItemDataRole.TextAlignmentRole and section == Column.OPEN_PROMISES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @override
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Role.CLIENT_ID:
            return row.id
        if role == Role.SUMMARY:
            return row
        if role == Qt.ItemDataRole.DecorationRole and column == Column.HEALTH:
            return theme.health_dot(row.health)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == Column.NEXT_DUE and row.next_due is not None:
                return theme.promise_color(self._due_state(row))
            if column == Column.HEALTH and row.health != Health.GREEN:
                return theme.health_color(row.health)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.OPEN_PROMISES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _due_state(self, row: ClientSummary) -> PromiseState:
        return promise_state("open", row.next_due, self._now(), self._tz)

    def _display(self, row: ClientSummary, column: int) -> str | None:
        if column == Column.NAME:
            return row.name
        if column == Column.ORGANISATION:
            return row.organisation
        if column == Column.HEALTH:
            return theme.health_text(row.health)
        if column == Column.LAST_CONTACT:
            if row.last_contact is None:
                return tr("never", "last contact")
            return dates.since_text(row.last_contact, self._now(), self._tz)
        if column == Column.NEXT_DUE:
            if row.next_due is None:
                return ""
            # Compact: the overdue colour says it is late (the tooltip says how).
            return dates.due_text(row.next_due, self._now(), self._tz, compact=True)
        if column == Column.OPEN_PROMISES:
            return str(row.open_promises)
        return None

    def _tooltip(self, row: ClientSummary, column: int) -> str | None:
        if column == Column.HEALTH:
            if row.checkin_due_at is None:
                return tr("No check-in cadence while {status}").format(
                    status=status_label(row.status)
                )
            today = self._now().astimezone(self._tz).date()
            day = row.checkin_due_at.astimezone(self._tz).date()
            due = dates.day_text(day, today, long=True)
            return tr("Check-in due {due} ({level} attention)").format(
                due=due, level=attention_label(row.attention_level)
            )
        if column == Column.NEXT_DUE and row.next_due is not None:
            return f"{row.next_due.describe()}: {theme.promise_state_text(self._due_state(row))}"
        return None

    @override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column):
            return
        if (column, order) == (self._sort_column, self._sort_order) and self._sorted:
            return  # the view asks twice per header click; the rows are already in this order
        self._sort_column = Column(column)
        self._sort_order = order
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        held = [(self._rows[i.row()].id, i.column()) for i in persistent]
        key = _sort_key(self._sort_column)
        keys = [key(r) for r in self._rows]
        order_of = sorted(range(len(keys)), key=keys.__getitem__, reverse=self._descending)
        self._rows = [self._rows[i] for i in order_of]
        self._keys = [keys[i] for i in order_of]
        self._haystacks = [self._haystacks[i] for i in order_of]
        self._row_of = {r.id: i for i, r in enumerate(self._rows)}
        self._sorted = True
        self.changePersistentIndexList(
            persistent, [self.index(self._row_of[cid], col) for cid, col in held]
        )
        self.layoutChanged.emit()


class ClientFilterProxy(QSortFilterProxyModel):
    """Filters by words typed (every word must appear), status and tag; sorting is forwarded to
    the source model, which sorts 10,000 rows once instead of through ``lessThan``."""

    def __init__(self, source: ClientListModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._words: tuple[str, ...] = ()
        self._status: str | None = None
        self._tag: str | None = None
        self.setSourceModel(source)

    def set_text(self, text: str) -> None:
        words = tuple(text.lower().split())
        if words != self._words:
            self._change_filter(lambda: setattr(self, "_words", words))

    def set_status(self, status: str | None) -> None:
        if status != self._status:
            self._change_filter(lambda: setattr(self, "_status", status))

    def set_tag(self, tag: str | None) -> None:
        if tag != self._tag:
            self._change_filter(lambda: setattr(self, "_tag", tag))

    def _change_filter(self, apply: Callable[[], None]) -> None:
        self.beginFilterChange()
        apply()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def filtering(self) -> bool:
        return bool(self._words or self._status or self._tag)

    @override
    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        source = self._source
        if self._status is not None or self._tag is not None:
            row = source.summary(source_row)
            if self._status is not None and row.status != self._status:
                return False
            if self._tag is not None and self._tag not in row.tags:
                return False
        if self._words:
            text = source.haystack(source_row)
            return all(word in text for word in self._words)
        return True

    @override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._source.sort(column, order)


class _FilterEdit(QLineEdit):
    """The filter box: Down moves into the list, Enter opens the first match."""

    stepIntoList = Signal()
    acceptFirst = Signal()

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.stepIntoList.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.acceptFirst.emit()
            return
        super().keyPressEvent(event)


#: Changes that never alter a list row and name no client.
_IGNORED_KINDS = frozenset({"reminder", "settings", "money", "search"})


def column_widths(metrics: QFontMetrics) -> dict[Column, tuple[int, int]]:
    """Each column's narrowest readable width in this font, and its share of spare room."""
    pad = metrics.height() * 3 // 4  # the cell's margins
    # Samples in the installed language: German words run longer.
    date = metrics.horizontalAdvance("28 Nov 2026") + pad
    late = tr("6 days late")
    due = max(metrics.horizontalAdvance(t) for t in ("28 Nov 17:30", late)) + pad
    health = max(metrics.horizontalAdvance(theme.health_text(h)) for h in Health)
    widths = {
        Column.NAME: (metrics.horizontalAdvance("Rosa Lovelace") + pad, 3),
        Column.ORGANISATION: (metrics.horizontalAdvance("Copper Studio") + pad, 2),
        Column.HEALTH: (health + 24 + pad, 0),  # dot and word
        Column.LAST_CONTACT: (date, 0),
        Column.NEXT_DUE: (due, 0),
        Column.OPEN_PROMISES: (0, 0),
    }
    # A column is never narrower than its title ("Letzter Kontakt" is longer than its dates).
    titles = headers()
    return {
        column: (max(width, metrics.horizontalAdvance(titles[column]) + pad), share)
        for column, (width, share) in widths.items()
    }


class ClientListView(QWidget):
    """Filter box, status and tag filters, and the sortable table; says which client is chosen."""

    clientSelected = Signal(int)
    #: Enter or double-click: the user wants to work with this client now.
    clientActivated = Signal(int)

    #: Every row was (re)built and is shown (a background load landed, or a reload was done).
    loaded = Signal()

    def __init__(
        self, notebook: Notebook, parent: QWidget | None = None, *, background: bool = False
    ) -> None:
        super().__init__(parent)
        self.notebook = notebook
        # ``background``: every row is built on a worker and lands in one model reset, so the
        # window paints at once at start (10,000 rows took ~0.6 s on the GUI thread).
        self._rows_worker = Worker("client-list", self) if background else None
        app = QApplication.instance()
        if self._rows_worker is not None and app is not None:
            app.aboutToQuit.connect(self._rows_worker.stop)  # done before the notebook closes
        self._wanted: int | None = None  # selected before the rows landed
        self.model = ClientListModel(notebook.now, notebook.tz, self)
        self.proxy = ClientFilterProxy(self.model, self)

        self.filter_edit = _FilterEdit()
        self.filter_edit.setPlaceholderText(tr("Filter: name, organisation, email, phone, tag"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(tr("Filter clients"))
        self.status_combo = QComboBox()
        self.status_combo.setAccessibleName(tr("Status filter"))
        self.status_combo.setToolTip(tr("Show only clients with this status"))
        self.status_combo.addItem(tr("All statuses"), None)
        for status in CLIENT_STATUSES:
            self.status_combo.addItem(status_label(status), status)
        self.tag_combo = QComboBox()
        self.tag_combo.setAccessibleName(tr("Tag filter"))
        self.tag_combo.setToolTip(tr("Show only clients with this tag"))
        self.tag_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.count_label = plain_label()
        self.count_label.setAccessibleName(tr("Clients shown"))

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(tr("Clients"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        self._column_widths = column_widths(self.fontMetrics())
        for column, (width, _share) in self._column_widths.items():
            header.resizeSection(column, width)
        # The columns share the list's width (the text columns take what is left) until the
        # user sizes one by hand; below their narrowest, the list scrolls sideways.
        self._fitting = False
        self.sized_by_hand = False
        header.sectionResized.connect(self._on_header_section_resized)
        self.table.viewport().installEventFilter(self)

        filters = QHBoxLayout()
        filters.addWidget(self.filter_edit, 1)
        filters.addWidget(self.status_combo)
        filters.addWidget(self.tag_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self.filter_edit.stepIntoList.connect(self._on_filter_edit_step_into_list)
        self.filter_edit.acceptFirst.connect(self._on_filter_edit_accept_first)
        self.status_combo.currentIndexChanged.connect(self._on_status_combo_changed)
        self.tag_combo.currentIndexChanged.connect(self._on_tag_combo_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.table.activated.connect(self._on_table_activated)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        notebook.changed.connect(self._on_notebook_changed)
        # Health and "due today" move with the clock even when nothing is written.
        self._tick = QTimer(self)
        self._tick.setInterval(15 * 60 * 1000)
        self._tick.timeout.connect(self.reload)
        self._tick.start()
        self.reload()

    # -- column widths -----------------------------------------------------------------------
    def fit_columns(self) -> None:
        """Share the list's width among the columns: each gets its narrowest width, the name and
        organisation share what is left."""
        if self.sized_by_hand:
            return
        header = self.table.horizontalHeader()
        room = self.table.viewport().width()
        visible = [c for c in self._column_widths if not header.isSectionHidden(c)]
        spare = room - sum(self._column_widths[c][0] for c in visible)
        shares = sum(self._column_widths[c][1] for c in visible) or 1
        self._fitting = True
        try:
            for column in visible:
                narrowest, share = self._column_widths[column]
                header.resizeSection(column, narrowest + max(0, spare) * share // shares)
        finally:
            self._fitting = False

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return False

    def restore_header(self, state: QByteArray, sized_by_hand: bool) -> bool:
        """Put back the header a session saved (order, sort, widths); its widths stay only when
        the user had sized a column by hand, else the columns fit the list again."""
        self._fitting = True
        try:
            restored = self.table.horizontalHeader().restoreState(state)
        finally:
            self._fitting = False
        self.sized_by_hand = sized_by_hand and restored
        return restored

    def _on_header_section_resized(self, _section: int, _old: int, _new: int) -> None:
        if not self._fitting:
            self.sized_by_hand = True  # a drag on the header: the user's widths from now on

    # -- public ----------------------------------------------------------------------------
    def reload(self) -> None:
        """Rebuild every row (first load, and after changes that name no client): on the worker
        when the view has one, else at once."""
        now, tz = self.notebook.now(), self.notebook.tz
        if self._rows_worker is not None:
            self._rows_worker.run(
                client_summaries,
                now,
                tz,
                lane="rows",
                done=self._show_rows,
                failed=lambda failure: self.notebook.message.emit(failure.level, failure.text),
            )
            return
        rows = self.notebook.attempt(client_summaries, now, tz)
        if rows is not None:
            self._show_rows(rows)

    @property
    def loading(self) -> bool:
        return self._rows_worker is not None and self._rows_worker.busy

    def _show_rows(self, rows: Sequence[ClientSummary]) -> None:
        current = self.current_client_id() or self._wanted
        self._wanted = None
        self.model.set_rows(rows)
        self._reload_tags()
        if current is not None:
            self.select_client(current)
        self._update_count()
        self.loaded.emit()

    def current_client_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        value = index.data(Role.CLIENT_ID)
        return int(value) if value is not None else None

    def select_client(self, client_id: int | None) -> bool:
        """Make ``client_id`` the current row (quietly); False when it is filtered out."""
        selection = self.table.selectionModel()
        if client_id is None:
            selection.clearCurrentIndex()
            selection.clearSelection()
            return False
        row = self.model.row_of(client_id)
        if row is None and self.loading:
            self._wanted = client_id  # selected once the rows land
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row is not None else None
        if index is None or not index.isValid():
            selection.clearSelection()
            return False
        if self.table.currentIndex().row() != index.row():
            blocked = selection.blockSignals(True)
            try:
                self.table.setCurrentIndex(index)
                selection.select(
                    index,
                    selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows,
                )
            finally:
                selection.blockSignals(blocked)
            self.table.viewport().update()
        self.table.scrollTo(index)
        return True

    def visible_client_ids(self) -> list[int]:
        return [
            int(self.proxy.index(r, 0).data(Role.CLIENT_ID)) for r in range(self.proxy.rowCount())
        ]

    # -- slots -----------------------------------------------------------------------------
    def _on_filter_edit_text_changed(self, text: str) -> None:
        self.proxy.set_text(text)

    def _on_status_combo_changed(self, _index: int) -> None:
        self.proxy.set_status(self.status_combo.currentData())

    def _on_tag_combo_changed(self, _index: int) -> None:
        self.proxy.set_tag(self.tag_combo.currentData())

    def _on_filter_edit_step_into_list(self) -> None:
        if self.proxy.rowCount() == 0:
            return
        self.table.setFocus()
        if not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def _on_filter_edit_accept_first(self) -> None:
        if self.proxy.rowCount() == 0:
            return
        index = self.table.currentIndex()
        if not index.isValid():
            index = self.proxy.index(0, 0)
            self.table.setCurrentIndex(index)
        self.clientActivated.emit(int(index.data(Role.CLIENT_ID)))

    def _on_table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.clientSelected.emit(int(current.data(Role.CLIENT_ID)))

    def _on_table_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.clientActivated.emit(int(index.data(Role.CLIENT_ID)))

    def _on_notebook_changed(self, changed: Changed) -> None:
        if changed.text_only:
            return  # a note's text: no column shows it
        if self.loading:
            self.reload()  # the rows on their way may predate this change: build them again
            return
        if changed.client_ids:
            fresh = self.notebook.attempt(
                client_summaries,
                self.notebook.now(),
                self.notebook.tz,
                client_ids=changed.client_ids,
            )
            if fresh is None:
                return
            current = self.current_client_id()
            self.model.update_rows(changed.client_ids, fresh)
            if changed.kind == "client":
                self._reload_tags()
            if current is not None:
                self.select_client(current)
            self._update_count()
        elif changed.kind not in _IGNORED_KINDS:
            self.reload()

    def _reload_tags(self) -> None:
        tags = self.notebook.attempt(all_tags) or []
        wanted = self.tag_combo.currentData()
        blocked = self.tag_combo.blockSignals(True)
        try:
            self.tag_combo.clear()
            self.tag_combo.addItem(tr("All tags"), None)
            for tag in tags:
                self.tag_combo.addItem(tag, tag)
            found = self.tag_combo.findData(wanted) if wanted is not None else 0
            self.tag_combo.setCurrentIndex(max(found, 0))
        finally:
            self.tag_combo.blockSignals(blocked)
        self.proxy.set_tag(self.tag_combo.currentData())

    def _update_count(self, *_args: object) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        if shown == total:
            self.count_label.setText(tr("%n clients", "", total))
        else:
            self.count_label.setText(
                tr("{shown} of %n clients", "", total).format(shown=i18n.format_number(shown))
            )
