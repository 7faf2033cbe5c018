"""Money terms on the card: the current agreement, a clear banner when there is none, a change
that records a new version, and the history of every version one click away."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import fields
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

from ckbook.i18n import tr
from ckbook.services import dates
from ckbook.services.base import Changed
from ckbook.services.money import (
    MoneyTermsInput,
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
from ckbook.ui.dialogs.choices import label
from ckbook.ui.dialogs.conflict import save_with_choice
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


def history_headers() -> tuple[str, ...]:
    """The history's column titles, in :class:`HistoryColumn` order."""
    return (tr("Version"), tr("Agreed on"), tr("What changed"), tr("Confirmed"),
            tr("Why it changed"))  # fmt: skip


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
            and 0 <= section < len(HistoryColumn)
        ):
            return history_headers()[section]
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
                    return tr("first terms: {terms}").format(terms=terms.one_line())
                return "; ".join(c.describe() for c in changes) or tr("nothing (agreed again)")
            if column == HistoryColumn.VERSION:
                return str(terms.version)
            if column == HistoryColumn.AGREED_ON:
                return _day(terms.agreed_on)
            if column == HistoryColumn.CONFIRMED:
                return tr("yes") if terms.confirmed_by_client else tr("no")
            if column == HistoryColumn.REASON:
                return terms.change_reason
        return None

    @staticmethod
    def _whole_terms(terms: MoneyTermsRow, changes: tuple[TermsChange, ...]) -> str:
        lines = [tr("Version {version}: {terms}").format(version=terms.version,
                                                        terms=terms.one_line())]  # fmt: skip
        if terms.scope_in:
            lines.append(tr("Scope in: {scope}").format(scope=" ".join(terms.scope_in.split())))
        if terms.scope_out:
            lines.append(tr("Scope out: {scope}").format(scope=" ".join(terms.scope_out.split())))
        lines.extend(tr("Changed: {change}").format(change=c.describe()) for c in changes)
        return "\n".join(lines)


class MoneySection(QWidget):
    def __init__(self, notebook: Notebook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notebook = notebook
        self.client_id: int | None = None
        self.client_name = ""
        self.current: MoneyTermsRow | None = None

        self.banner = plain_label(money_not_discussed())
        self.banner.setAccessibleName(tr("Money terms"))
        self.banner.setObjectName("moneyBanner")
        self.banner.setMargin(8)
        font = self.banner.font()
        font.setBold(True)
        self.banner.setFont(font)

        self._values: dict[str, QLabel] = {}
        self.details = QWidget()
        form = QFormLayout(self.details)
        form.setContentsMargins(0, 0, 0, 0)
        for key, title in (
            ("pricing", tr("Pricing")),
            ("budget", tr("Budget ceiling")),
            ("payment", tr("Payment terms")),
            ("deposit", tr("Deposit")),
            ("discount", tr("Discount promised")),
            ("scope_in", tr("Scope in")),
            ("scope_out", tr("Scope out")),
            ("agreed", tr("Agreed on")),
            ("version", tr("Version")),
        ):
            value = plain_label(wrap=True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(title)
            self._values[key] = value
            form.addRow(title, value)

        self.edit_button = QPushButton(icon("money"), tr("Record money terms…"))
        self.edit_button.setToolTip(tr("Record the money terms; a change makes a new version"))
        self.history_button = QPushButton(icon("history"), tr("History"))
        self.history_button.setCheckable(True)
        self.history_button.setToolTip(tr("Show every version of the money terms"))
        self.history_model = MoneyHistoryModel(self)
        self.history = QTableView()
        self.history.setModel(self.history_model)
        self.history.setAccessibleName(tr("Money terms history"))
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
        self.edit_button.setText(tr("Change terms…") if terms else tr("Record money terms…"))
        self.edit_button.setIcon(icon("edit" if terms else "money"))
        count = len(history)
        self.history_button.setText(tr("History (%n versions)", "", count))
        self.history_button.setEnabled(count > 0)
        if count == 0:
            self.history_button.setChecked(False)
        if terms is None:
            return
        currency = terms.currency
        pricing = label("pricing", terms.pricing_model)
        if terms.amount is None:
            self._values["pricing"].setText(tr("{pricing}, no amount").format(pricing=pricing))
        else:
            amount = format_money(terms.amount, currency)
            self._values["pricing"].setText(
                tr("{pricing}, {amount}").format(pricing=pricing, amount=amount)
            )
        self._values["budget"].setText(
            format_money(terms.budget_ceiling, currency)
            if terms.budget_ceiling is not None
            else "—"
        )
        days = terms.payment_terms_days
        self._values["payment"].setText(tr("%n days", "", days) if days is not None else "—")
        self._values["deposit"].setText(
            format_money(terms.deposit, currency) if terms.deposit is not None else "—"
        )
        discount = terms.discount or "—"
        if terms.discount_condition:
            discount = tr("{discount} — if {condition}").format(
                discount=discount, condition=terms.discount_condition
            )
        self._values["discount"].setText(discount)
        self._values["scope_in"].setText(terms.scope_in or "—")
        self._values["scope_out"].setText(terms.scope_out or "—")
        agreed = _day(terms.agreed_on)
        self._values["agreed"].setText(
            tr("{day}, confirmed by the client").format(day=agreed)
            if terms.confirmed_by_client
            else tr("{day}, not confirmed yet").format(day=agreed)
        )
        recorded = terms.created_at.astimezone(self.notebook.tz) if terms.created_at else None
        self._values["version"].setText(
            tr("{version}, recorded {day}").format(version=terms.version, day=_day(recorded))
            if recorded
            else str(terms.version)
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
        client_id, now = self.client_id, self.notebook.now()
        names = [f.name for f in fields(MoneyTermsInput) if f.name != "change_reason"]

        def save(base: MoneyTermsRow, changes: dict[str, object]) -> Changed:
            # The terms as shown (or as stored now, after a conflict) with this edit's fields.
            whole = {name: getattr(base, name) for name in names}
            merged = MoneyTermsInput(**{**whole, **changes, "change_reason": terms.change_reason})
            return set_money_terms(client_id, merged, now, based_on_version=base.version)

        # Based on the version shown: someone else's newer terms are merged field by field, or
        # offered side by side (``dialogs.conflict``).
        shown = self.current or MoneyTermsRow(pricing_model="", client_id=client_id)
        edit = {name: getattr(terms, name) for name in names}
        saved = save_with_choice(self.notebook, self, save, shown, edit)
        return saved is not None and saved.detail != "reloaded"

    def _on_history_button_toggled(self, shown: bool) -> None:
        self.history.setVisible(shown)
