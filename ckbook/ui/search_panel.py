"""Ctrl+F: one search over notes, promises and clients, with results as you type.

The query runs on a ``ui.worker.Worker`` with its own connection (RELIABILITY #6), ~150 ms after
the last key; only the newest query's answer is shown (a slower, older one is dropped), so typing
never waits for the database. Each hit names its client and shows the matching words in bold; Enter
or a click opens it in its card (``opened(SearchHit)``). Text that is not query syntax is read as
plain words (``services.search``), so there is no error to show.
"""

from __future__ import annotations

import enum
import logging
import time
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from ckbook.i18n import tr
from ckbook.services import dates, vocabulary
from ckbook.services.search import SearchHit, search
from ckbook.ui.row_models import RowListModel
from ckbook.ui.safe_text import plain_label
from ckbook.ui.worker import Worker

log = logging.getLogger(__name__)

DEBOUNCE_MS = 150
RESULT_LIMIT = 50


def kind_label(kind: str) -> str:
    """What a result is (``Note``), in the installed language."""
    labels = {
        "client": tr("Client", "search result"),
        "promise": tr("Promise", "search result"),
        "note": tr("Note", "search result"),
    }
    return labels.get(kind, kind)


def detail_label(detail: str) -> str:
    """A promise's status or a note's kind (stored in English), in the installed language."""
    promise_statuses = vocabulary.words("promise")
    if detail in promise_statuses:
        return promise_statuses[detail]
    return vocabulary.label("note kind", detail)


class Role(enum.IntEnum):
    HIT = Qt.ItemDataRole.UserRole + 1


def hit_title(hit: SearchHit, tz: Any = None) -> str:
    """``Note · Ada Lovelace · call · 18 Nov 2026`` — the first line of a result."""
    parts = [kind_label(hit.kind), hit.client_name]
    if hit.detail:
        parts.append(detail_label(hit.detail))
    if hit.when is not None:
        when = hit.when.astimezone(tz) if tz is not None else hit.when
        parts.append(dates.absolute_day(when.date()))
    return " · ".join(parts)


class SearchResultsModel(RowListModel[SearchHit]):
    """The hits of the latest search, as frozen rows."""

    def __init__(self, parent: QObject | None = None, tz: Any = None) -> None:
        super().__init__(parent)
        self._tz = tz

    def hit(self, row: int) -> SearchHit | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    @override
    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        hit = self._row_for(index)
        if hit is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{hit_title(hit, self._tz)}\n{hit.snippet}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return None  # the row shows everything; a tooltip would guess rich text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{hit_title(hit, self._tz)}: {hit.snippet}"
        if role == Role.HIT:
            return hit
        return None


class SearchHitDelegate(QStyledItemDelegate):
    """Two lines per hit: kind, client and date; then the snippet with matches in bold.

    Painted segment by segment with QPainter.drawText (plain text, never HTML), so nothing in a
    note can be read as markup."""

    PADDING = 4

    @override
    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        height = QFontMetrics(option.font).lineSpacing()
        return QSize(200, 2 * height + 3 * self.PADDING)

    @override
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        hit = index.data(Role.HIT)
        if not isinstance(hit, SearchHit):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QApplication.style()
        text = option.text
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        option.text = text
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        pen = palette.highlightedText().color() if selected else palette.text().color()
        rect: QRect = option.rect.adjusted(self.PADDING, self.PADDING, -self.PADDING, 0)
        base: QFont = option.font
        line_height = QFontMetrics(base).lineSpacing()
        painter.save()
        painter.setPen(pen)
        title_font = QFont(base)
        title_font.setBold(True)
        painter.setFont(title_font)
        title = QFontMetrics(title_font).elidedText(
            hit_title(hit, getattr(index.model(), "_tz", None)),
            Qt.TextElideMode.ElideRight,
            rect.width(),
        )
        painter.drawText(
            QRect(rect.left(), rect.top(), rect.width(), line_height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            title,
        )
        self._paint_snippet(painter, hit, base, rect, rect.top() + line_height + self.PADDING)
        painter.restore()

    def _paint_snippet(
        self, painter: QPainter, hit: SearchHit, base: QFont, rect: QRect, top: int
    ) -> None:
        bold = QFont(base)
        bold.setBold(True)
        snippet = " ".join(hit.snippet.split("\n"))
        segments: list[tuple[str, bool]] = []
        last = 0
        for start, end in hit.highlights:
            segments += [(snippet[last:start], False), (snippet[start:end], True)]
            last = end
        segments.append((snippet[last:], False))
        x = rect.left()
        right = rect.right()
        height = QFontMetrics(base).lineSpacing()
        for text, marked in segments:
            if not text or x >= right:
                continue
            font = bold if marked else base
            metrics = QFontMetrics(font)
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, right - x)
            painter.setFont(font)
            painter.drawText(
                QRect(x, top, right - x, height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                shown,
            )
            x += metrics.horizontalAdvance(shown)


def _timed_search(text: str) -> tuple[tuple[SearchHit, ...], float]:
    started = time.perf_counter()
    hits = tuple(search(text, RESULT_LIMIT, prefix_last=True))
    return hits, (time.perf_counter() - started) * 1000


class SearchWorker(QObject):
    """Runs searches on a ``Worker`` (its own connection per search); only the newest request
    counts (one waiting is replaced by a newer one)."""

    #: (generation, hits as a tuple of SearchHit, milliseconds taken)
    answered = Signal(int, object, float)
    #: (generation, what went wrong, worded for the user)
    failed = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = Worker("search", self)

    def request(self, generation: int, text: str) -> None:
        def answered(value: tuple[tuple[SearchHit, ...], float]) -> None:
            self.answered.emit(generation, *value)

        self._worker.run(
            _timed_search,
            text,
            lane="search",
            done=answered,
            failed=lambda failure: self.failed.emit(
                generation, tr("Search unavailable: {why}").format(why=failure.text)
            ),
        )

    def stop(self) -> None:
        self._worker.stop()


class _SearchField(QLineEdit):
    """Down moves into the results; Enter opens the current one."""

    move_down = Signal()

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.move_down.emit()
            return
        super().keyPressEvent(event)


class SearchPanel(QWidget):
    """The search page: a field, a status line, and the hits."""

    opened = Signal(object)  # SearchHit

    def __init__(
        self,
        worker: SearchWorker,
        parent: QWidget | None = None,
        *,
        tz: Any = None,
        debounce_ms: int = DEBOUNCE_MS,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self._generation = 0
        self._shown_generation = 0
        self._open_when_answered = False
        self._last_opened: tuple[SearchHit, float] | None = None
        self.last_query_ms: float | None = None

        self.field = _SearchField()
        self.field.setPlaceholderText(
            tr('Search notes, promises and clients — "a phrase", propos*')
        )
        self.field.setAccessibleName(tr("Search"))
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self._on_field_text_changed)
        self.field.returnPressed.connect(self._on_field_return_pressed)
        self.field.move_down.connect(self._on_field_move_down)
        self.status = plain_label()
        self.status.setAccessibleName(tr("Search status"))
        self.model = SearchResultsModel(self, tz=tz)
        self.results = QListView()
        self.results.setAccessibleName(tr("Search results"))
        self.results.setModel(self.model)
        self.results.setItemDelegate(SearchHitDelegate(self.results))
        self.results.setUniformItemSizes(True)
        self.results.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.results.activated.connect(self._on_results_activated)
        self.results.clicked.connect(self._on_results_activated)

        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self._on_debounce_timeout)
        worker.answered.connect(self._on_worker_answered)
        worker.failed.connect(self._on_worker_failed)

    def focus_field(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def refresh(self, *_changed: object) -> None:
        """Search again (the notebook changed, or the page is shown again): the hits shown stay
        true. A hidden page waits until it is shown."""
        if self.isVisible() and self.field.text().strip():
            self._generation += 1
            self._debounce.start()

    def hits(self) -> list[SearchHit]:
        return [h for row in range(self.model.rowCount()) if (h := self.model.hit(row))]

    @property
    def pending(self) -> bool:
        """A search was asked for and its answer has not been shown yet."""
        return self._debounce.isActive() or self._shown_generation != self._generation

    # --- slots --------------------------------------------------------------------------------

    def _on_field_text_changed(self, _text: str) -> None:
        self._generation += 1
        self._open_when_answered = False
        self._debounce.start()

    def _on_debounce_timeout(self) -> None:
        text = self.field.text()
        if not text.strip():
            self._shown_generation = self._generation
            self.model.set_rows([])
            self.status.setText("")
            return
        self.worker.request(self._generation, text)

    def _on_worker_answered(self, generation: int, hits: object, elapsed_ms: float) -> None:
        if generation != self._generation:
            return  # an older query; a newer one is on its way
        self._shown_generation = generation
        self.last_query_ms = elapsed_ms
        found = list(hits)  # type: ignore[call-overload]
        self.model.set_rows(found)
        if found:
            self.results.setCurrentIndex(self.model.index(0))
            count = len(found)
            self.status.setText(
                tr("%n+ found", "", count) if count >= RESULT_LIMIT else tr("%n found", "", count)
            )
        else:
            self.status.setText(tr("Nothing found"))
        if self._open_when_answered:
            self._open_when_answered = False
            self._open(0)

    def _on_worker_failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self._shown_generation = generation
        self.model.set_rows([])
        self.status.setText(message)

    def _on_field_return_pressed(self) -> None:
        if self.pending:
            # The answer to what is typed is not there yet: open its best hit when it comes.
            self._open_when_answered = True
            return
        index = self.results.currentIndex()
        self._open(index.row() if index.isValid() else 0)

    def _on_field_move_down(self) -> None:
        if self.model.rowCount():
            self.results.setFocus()
            if not self.results.currentIndex().isValid():
                self.results.setCurrentIndex(self.model.index(0))

    def _on_results_activated(self, index: QModelIndex) -> None:
        self._open(index.row())

    def _open(self, row: int) -> None:
        hit = self.model.hit(row)
        if hit is None:
            return
        now = time.monotonic()
        if self._last_opened and self._last_opened[0] == hit and now - self._last_opened[1] < 0.5:
            return  # a click that is also an activation (single-click styles) opens once
        self._last_opened = (hit, now)
        self.opened.emit(hit)


def open_hit(window: Any, hit: SearchHit) -> None:
    """Show a hit where it lives: the client's card, scrolled to the note or promise and with it
    selected (Enter there opens a note in its editor). A note the card cannot show opens in its
    editor instead."""
    window.open_client(hit.client_id)
    if hit.kind == "promise":
        window.card.select_promise(hit.id)
    elif (
        hit.kind == "note"
        and not window.card.select_note(hit.id)
        and window.note_opener is not None
    ):
        window.note_opener(hit.id, hit.client_id, hit.detail or "other")


def install_search(window: Any, notebook: Any) -> SearchPanel:
    """Wire Ctrl+F: a "search" page with its own search thread and connection."""
    worker = SearchWorker(parent=window)
    panel = SearchPanel(worker, tz=notebook.tz)
    window.add_page("search", tr("Search"), panel)

    def show() -> None:
        window.show_page("search")
        panel.focus_field()
        panel.refresh()

    window.handlers["search"] = show
    panel.opened.connect(lambda hit: open_hit(window, hit))
    notebook.changed.connect(panel.refresh)
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(worker.stop)
    return panel
