"""Renegotiating a promise: the user types the new due in their own words and sees the date it
was understood as before anything is saved."""

from __future__ import annotations

from datetime import datetime, time, tzinfo

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ckbook.i18n import tr
from ckbook.services.due import Due
from ckbook.services.due_phrases import END_OF_BUSINESS, parse_due
from ckbook.ui.dialogs import grow_to_fit, run_modal
from ckbook.ui.safe_text import plain_label


class RenegotiateDialog(QDialog):
    def __init__(
        self,
        promise_text: str,
        current: Due | None,
        now: datetime,
        tz: tzinfo,
        parent: QWidget | None = None,
        end_of_business: time = END_OF_BUSINESS,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Renegotiate promise"))
        self._now = now
        self._tz = tz
        self._end_of_business = end_of_business
        self.due_edit = QLineEdit()
        self.due_edit.setAccessibleName(tr("New due"))
        # The examples stay English: the due is read by an English grammar.
        self.due_edit.setPlaceholderText(
            tr("e.g. {examples}").format(examples="next Friday 3pm, in 2 weeks, 2026-12-01")
        )
        # Room for the whole hint; the field, not the labels, takes any extra width.
        hint_width = self.due_edit.fontMetrics().horizontalAdvance(self.due_edit.placeholderText())
        self.due_edit.setMinimumWidth(hint_width + 24)
        self.understood = plain_label(wrap=True)
        self.understood.setAccessibleName(tr("Understood as"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Renegotiate"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(tr("Promise"), plain_label(promise_text, wrap=True))
        form.addRow(
            tr("Due until now"), plain_label(current.describe() if current else tr("no due"))
        )
        form.addRow(tr("New due"), self.due_edit)
        form.addRow(tr("Understood as"), self.understood)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.due: Due | None = None
        self.due_edit.textChanged.connect(self._on_due_edit_text_changed)
        self._on_due_edit_text_changed("")

    def _on_due_edit_text_changed(self, text: str) -> None:
        self.due = None
        if not text.strip():
            self.understood.setText(tr("type when it is due now"))
        else:
            try:
                self.due = parse_due(
                    text, self._now, self._tz, end_of_business=self._end_of_business
                )
            except ValueError as exc:
                self.understood.setText(tr("not understood: {problem}").format(problem=exc))
            else:
                self.understood.setText(self.due.describe())
        self.ok_button.setEnabled(self.due is not None)
        grow_to_fit(self)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        promise_text: str,
        current: Due | None,
        now: datetime,
        tz: tzinfo,
        end_of_business: time = END_OF_BUSINESS,
    ) -> Due | None:
        dialog = cls(promise_text, current, now, tz, parent, end_of_business)
        return run_modal(dialog, lambda d: d.due)
