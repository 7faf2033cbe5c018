"""The quick switcher (Ctrl+K): type part of a name or organisation, Enter opens the card.

``ClientPicker.ask(parent, notebook) -> int | None`` is the reusable "which client?" prompt: other
features (a call note with no client open, …) call it and get a client id, or None when the user
pressed Escape.

Matching is fuzzy and cheap enough for 10,000 clients per keystroke: every typed word must match
the name or organisation, as a prefix of a word (best), anywhere (good), or as letters in order
(an abbreviation, "jsm" → "John Smith").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from ckbook.i18n import tr
from ckbook.services.clients import ClientName, client_names
from ckbook.ui.dialogs import run_modal
from ckbook.ui.notebook import Notebook
from ckbook.ui.row_models import RowListModel
from ckbook.ui.safe_text import plain_label

AnyIndex = QModelIndex | QPersistentModelIndex
CLIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_SHOWN = 50


def _in_order(needle: str, hay: str) -> int | None:
    """Where ``needle``'s letters appear in ``hay`` in order: the span they cover, or None."""
    position = -1
    start = -1
    for letter in needle:
        position = hay.find(letter, position + 1)
        if position < 0:
            return None
        if start < 0:
            start = position
    return position - start


def word_score(word: str, name: str, organisation: str) -> int | None:
    """How well one typed word matches (higher is better); None when it does not."""
    best: int | None = None
    for text, weight in ((name, 10), (organisation, 0)):
        if not text:
            continue
        if text.startswith(word):
            score = 400 + weight
        elif f" {word}" in text or f"-{word}" in text:
            score = 300 + weight
        elif word in text:
            score = 200 + weight
        else:
            span = _in_order(word, text)
            if span is None:
                continue
            score = 100 + weight - min(span, 90)
        best = score if best is None else max(best, score)
    return best


def fuzzy_rank(query: str, clients: Sequence[ClientName], limit: int = MAX_SHOWN) -> list[int]:
    """Indexes into ``clients`` of the best matches for ``query``, best first."""
    return SwitcherIndex(clients).rank(query, limit)


class SwitcherIndex:
    """The clients' names and organisations folded once per list (not per key and client), and
    the matches of the last query: typing on (each earlier word a prefix of the new one, words
    added) only looks again at what matched before, since a longer word matches less."""

    def __init__(self, clients: Sequence[ClientName]) -> None:
        self._keys = [(c.name.casefold(), c.organisation.casefold()) for c in clients]
        self._last_words: list[str] = []
        self._last_matches: list[int] | None = None

    def rank(self, query: str, limit: int = MAX_SHOWN) -> list[int]:
        words = query.casefold().split()
        if not words:
            self._last_words, self._last_matches = [], None
            return list(range(min(limit, len(self._keys))))
        candidates: Sequence[int] = range(len(self._keys))
        if self._last_matches is not None and _narrows(self._last_words, words):
            candidates = self._last_matches
        keys = self._keys
        scored: list[tuple[int, int]] = []
        for index in candidates:
            name, organisation = keys[index]
            total = 0
            for word in words:
                score = word_score(word, name, organisation)
                if score is None:
                    break
                total += score
            else:
                scored.append((-total, index))
        self._last_words, self._last_matches = words, [index for _, index in scored]
        scored.sort()
        return [index for _, index in scored[:limit]]


def _narrows(before: list[str], now: list[str]) -> bool:
    """Every match of ``now`` is a match of ``before``: each earlier word is a prefix of the word
    in its place (a prefix of a matching word matches too), and words were only added."""
    return len(now) >= len(before) and all(
        n.startswith(b) for b, n in zip(before, now, strict=False)
    )


class MatchModel(RowListModel[ClientName]):
    """The clients matching the typed text, best first."""

    @override
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        client = self._row_for(index)
        if client is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{client.name} — {client.organisation}" if client.organisation else client.name
        if role == CLIENT_ID_ROLE:
            return client.id
        return None


class _QueryEdit(QLineEdit):
    """Up and Down move through the matches while typing continues in the box."""

    def __init__(self, results: QListView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._results = results

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
            Qt.Key.Key_PageUp,
            Qt.Key.Key_PageDown,
        ):
            model = self._results.model()
            count = model.rowCount()
            if count:
                row = max(self._results.currentIndex().row(), 0)
                step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(event.key()), 0)
                if event.key() == Qt.Key.Key_PageUp:
                    step = -10
                elif event.key() == Qt.Key.Key_PageDown:
                    step = 10
                row = min(max(row + step, 0), count - 1)
                self._results.setCurrentIndex(model.index(row, 0))
            return
        super().keyPressEvent(event)


class QuickSwitcher(QDialog):
    """A small popup: a query box over the best matches."""

    def __init__(
        self,
        clients: Sequence[ClientName],
        parent: QWidget | None = None,
        title: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or tr("Go to client"))
        self.setModal(True)
        self.clients = list(clients)
        self._index = SwitcherIndex(self.clients)
        self.model = MatchModel(self)
        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setAccessibleName(tr("Matching clients"))
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setUniformItemSizes(True)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.query = _QueryEdit(self.results)
        self.query.setPlaceholderText(tr("Type part of a name or organisation — Enter opens"))
        self.query.setAccessibleName(tr("Find client"))
        self.hint = plain_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.hint)
        self.resize(520, 380)
        self.chosen: int | None = None
        self.query.textChanged.connect(self._on_query_text_changed)
        self.query.returnPressed.connect(self.accept)
        self.results.activated.connect(lambda _index: self.accept())
        self.results.clicked.connect(lambda _index: self.accept())
        self._on_query_text_changed("")

    def _on_query_text_changed(self, text: str) -> None:
        ranked = self._index.rank(text)
        self.model.set_rows([self.clients[i] for i in ranked])
        if ranked:
            self.results.setCurrentIndex(self.model.index(0, 0))
        if not self.clients:
            self.hint.setText(tr("No clients yet — Ctrl+N adds one."))
        elif not ranked:
            self.hint.setText(tr("No client matches."))
        else:
            self.hint.setText(tr("↑↓ choose · Enter open · Esc close"))

    @override
    def accept(self) -> None:
        index = self.results.currentIndex()
        if not index.isValid():
            return
        self.chosen = int(index.data(CLIENT_ID_ROLE))
        super().accept()


class ClientPicker:
    """Ask the user "which client?" with the quick switcher."""

    @classmethod
    def ask(
        cls, parent: QWidget | None, notebook: Notebook, title: str | None = None
    ) -> int | None:
        clients = notebook.attempt(client_names)
        if clients is None:
            return None
        return run_modal(QuickSwitcher(clients, parent, title), lambda d: d.chosen)
