"""Money terms on the card: the current agreement, a clear banner when there is none, a change
that records a new version, and the history of every version one click away."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from ckbook.services import dates
from ckbook.services.money import (
    MoneyTermsRow,
    TermsChange,
    current_money_terms,
    format_money,
    money_history,
    money_not_discussed,
    set_money_terms,
    terms_changes,
)
from ckbook.ui import theme
from ckbook.ui.dialogs.money_terms import MoneyTermsDialog
from ckbook.ui.icons import icon
from ckbook.ui.notebook import Notebook
from ckbook.ui.safe_text import plain_label, plain_tooltip

AnyIndex = QModelIndex | QPersistentModelIndex


class HistoryColumn(enum.IntEnum):
    """What changed is the table; each version's whole terms are its rows' tooltip."""

    VERSION = 0
    AGREED_ON = 1
    CHANGED = 2
    CONFIRMED = 3
    REASON = 4


HISTORY_HEADERS = ("Version", "Agreed on", "What changed", "Confirmed", "Why it changed")


def _day(value: object) -> str:
    return dates.absolute_day(value) if isinstance(value, date) else "—"


class MoneyHistoryModel(QAbstractTableModel):
    """Every version of a client's money terms, newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[MoneyTermsRow] = []
        self._changes: list[tuple[TermsChange, ...]] = []

    def set_rows(self, rows: Sequence[MoneyTermsRow]) -> None:
        """``rows`` newest first; each is compared with the version before it."""
        self.beginResetModel()
        self._rows = list(rows)
        self._changes = [
            terms_changes(self._rows[i + 1] if i + 1 < len(self._rows) else None, row)
            for i, row in enumerate(self._rows)
        ]
        self.endResetModel()

    def changes(self, row: int) -> tuple[TermsChange, ...]:
        return self._changes[row]

    def terms(self, row: int) -> MoneyTermsRow:
        return self._rows[row]

    @override
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    @override
    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HistoryColumn)

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(HISTORY_HEADERS)
        ):
            return HISTORY_HEADERS[section]
        return None

    @override
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        terms = self._rows[index.row()]
        column = index.column()
        changes = self._changes[index.row()]
        if column == HistoryColumn.CHANGED and any(c.about_discount for c in changes):
            # A discount promised, changed or dropped stands out: it is never to be forgotten.
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(theme.colors().due_today)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._whole_terms(terms, changes))  # RELIABILITY #1
        if role == Qt.ItemDataRole.DisplayRole:
            if column == HistoryColumn.CHANGED:
                if index.row() == len(self._rows) - 1:
                    return f"first terms: {terms.one_line()}"
                return "; ".join(c.describe() for c in changes) or "nothing (agreed again)"
            if column == HistoryColumn.VERSION:
                return str(terms.version)
            if column == HistoryColumn.AGREED_ON:
                return _day(terms.agreed_on)
            if column == HistoryColumn.CONFIRMED:
                return "yes" if terms.confirmed_by_client else "no"
            if column == HistoryColumn.REASON:
                return terms.change_reason
        return None

    @staticmethod
    def _whole_terms(terms: MoneyTermsRow, changes: tuple[TermsChange, ...]) -> str:
        lines = [f"Version {terms.version}: {terms.one_line()}"]
        if terms.scope_in:
            lines.append(f"Scope in: {' '.join(terms.scope_in.split())}")
        if terms.scope_out:
            lines.append(f"Scope out: {' '.join(terms.scope_out.split())}")
        lines.extend(f"Changed: {c.describe()}" for c in changes)
        return "\n".join(lines)


class MoneySection(QWidget):
    def __init__(self, notebook: Notebook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notebook = notebook
        self.client_id: int | None = None
        self.client_name = ""
        self.current: MoneyTermsRow | None = None

        self.banner = plain_label(money_not_discussed())
        self.banner.setAccessibleName("Money terms")
        self.banner.setObjectName("moneyBanner")
        self.banner.setMargin(8)
        font = self.banner.font()
        font.setBold(True)
        self.banner.setFont(font)

        self._values: dict[str, QLabel] = {}
        self.details = QWidget()
        form = QFormLayout(self.details)
        form.setContentsMargins(0, 0, 0, 0)
        for key, label in (
            ("pricing", "Pricing"),
            ("budget", "Budget ceiling"),
            ("payment", "Payment terms"),
            ("deposit", "Deposit"),
            ("discount", "Discount promised"),
            ("scope_in", "Scope in"),
            ("scope_out", "Scope out"),
            ("agreed", "Agreed on"),
            ("version", "Version"),
        ):
            value = plain_label(wrap=True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(label)
            self._values[key] = value
            form.addRow(label, value)

        self.edit_button = QPushButton(icon("money"), "Record money terms…")
        self.edit_button.setToolTip("Record the money terms; a change makes a new version")
        self.history_button = QPushButton(icon("history"), "History")
        self.history_button.setCheckable(True)
        self.history_button.setToolTip("Show every version of the money terms")
        self.history_model = MoneyHistoryModel(self)
        self.history = QTableView()
        self.history.setModel(self.history_model)
        self.history.setAccessibleName("Money terms history")
        self.history.verticalHeader().hide()
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Every column fits the card's width (no sideways scrolling to reach "Why it changed"):
        # the short ones take their content's width, the text ones share the rest and wrap.
        self.history.setWordWrap(True)
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.history.horizontalHeader()
        for column in HistoryColumn:
            fits = column in (HistoryColumn.CHANGED, HistoryColumn.REASON)
            header.setSectionResizeMode(
                column,
                QHeaderView.ResizeMode.Stretch if fits else QHeaderView.ResizeMode.ResizeToContents,
            )
        self.history.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.history.setMinimumHeight(110)
        self.history.hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.history_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        layout.addWidget(self.history)

        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.history_button.toggled.connect(self._on_history_button_toggled)
        self.apply_theme()

    def apply_theme(self) -> None:
        palette = theme.colors()
        self.banner.setStyleSheet(
            f"#moneyBanner {{ background: {palette.banner_bg}; color: {palette.banner_fg};"
            " border-radius: 4px; }"
        )

    def show_client(self, client_id: int | None, client_name: str = "") -> None:
        self.client_id = client_id
        self.client_name = client_name
        self.refresh()

    def refresh(self) -> None:
        if self.client_id is None:
            self.current = None
            self.history_model.set_rows([])
            self.setEnabled(False)
            return
        self.setEnabled(True)
        self.current = self.notebook.attempt(current_money_terms, self.client_id)
        history = self.notebook.attempt(money_history, self.client_id) or []
        self.history_model.set_rows(history)
        terms = self.current
        self.banner.setVisible(terms is None)
        self.details.setVisible(terms is not None)
        self.edit_button.setText("Change terms…" if terms else "Record money terms…")
        self.edit_button.setIcon(icon("edit" if terms else "money"))
        count = len(history)
        self.history_button.setText(f"History ({count} version{'s' if count != 1 else ''})")
        self.history_button.setEnabled(count > 0)
        if count == 0:
            self.history_button.setChecked(False)
        if terms is None:
            return
        currency = terms.currency
        amount = format_money(terms.amount, currency) if terms.amount is not None else "no amount"
        self._values["pricing"].setText(f"{terms.pricing_model}, {amount}")
        self._values["budget"].setText(
            format_money(terms.budget_ceiling, currency)
            if terms.budget_ceiling is not None
            else "—"
        )
        self._values["payment"].setText(
            f"{terms.payment_terms_days} days" if terms.payment_terms_days is not None else "—"
        )
        self._values["deposit"].setText(
            format_money(terms.deposit, currency) if terms.deposit is not None else "—"
        )
        discount = terms.discount or "—"
        if terms.discount_condition:
            discount += f" — if {terms.discount_condition}"
        self._values["discount"].setText(discount)
        self._values["scope_in"].setText(terms.scope_in or "—")
        self._values["scope_out"].setText(terms.scope_out or "—")
        confirmed = "confirmed by the client" if terms.confirmed_by_client else "not confirmed yet"
        self._values["agreed"].setText(f"{_day(terms.agreed_on)}, {confirmed}")
        recorded = terms.created_at.astimezone(self.notebook.tz) if terms.created_at else None
        self._values["version"].setText(
            f"{terms.version}" + (f", recorded {_day(recorded)}" if recorded else "")
        )

    def _on_edit_button_clicked(self) -> None:
        self.change_terms()

    def change_terms(self) -> bool:
        """Ask for the terms and record them as a new version; True when saved."""
        if self.client_id is None:
            return False
        today = self.notebook.now().astimezone(self.notebook.tz).date()
        terms = MoneyTermsDialog.ask(self, self.current, today, self.client_name)
        if terms is None:
            return False
        return (
            self.notebook.run(set_money_terms, self.client_id, terms, self.notebook.now())
            is not None
        )

    def _on_history_button_toggled(self, shown: bool) -> None:
        self.history.setVisible(shown)
