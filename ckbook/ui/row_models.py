"""The list model every list of frozen rows shares: the rows are replaced as a whole by
``set_rows`` (one model reset), found by id with ``row_of``, and read per index without a query.

Subclasses add ``data`` (and ``flags``/``setData`` when they need them) and a domain-named
accessor when their views read rows by position.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex
from typing_extensions import override

AnyIndex = QModelIndex | QPersistentModelIndex


class _HasId(Protocol):
    @property
    def id(self) -> int: ...


RowT = TypeVar("RowT", bound=_HasId)


class RowListModel(QAbstractListModel, Generic[RowT]):
    """A flat list of frozen rows that each carry an ``id``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []

    def set_rows(self, rows: Sequence[RowT]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._rows_replaced()
        self.endResetModel()

    def replace_row(self, fresh: RowT) -> bool:
        """Put ``fresh`` in place of the row with its id (one ``dataChanged``, no reset); False
        when no row has that id."""
        row = self.row_of(fresh.id)
        if row is None:
            return False
        self._rows[row] = fresh
        self._rows_replaced()
        self.dataChanged.emit(self.index(row, 0), self.index(row, 0))
        return True

    def _rows_replaced(self) -> None:
        """Hook for values derived from the rows, computed once per ``set_rows``."""

    def row_at(self, row: int) -> RowT:
        return self._rows[row]

    def row_of(self, row_id: int) -> int | None:
        for i, item in enumerate(self._rows):
            if item.id == row_id:
                return i
        return None

    def _row_for(self, index: AnyIndex) -> RowT | None:
        """The row behind ``index``, or None for an invalid or stale index."""
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        return self._rows[index.row()]

    @override
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)
