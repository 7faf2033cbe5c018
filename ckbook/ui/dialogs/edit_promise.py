"""Editing a promise after it was captured: its words and its due, the due typed in words ("no,
Thursday 5pm") and shown as understood before saving. When the due changes and the text still
names the old one ("send it by Friday"), the dialog offers to change those words too, so the text
never contradicts the due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, tzinfo

from PySide6.QtWidgets import (
    QCheckBox,
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
from ckbook.services.due_phrases import END_OF_BUSINESS, due_in_words, parse_due, restate_due
from ckbook.ui.dialogs import grow_to_fit, run_modal
from ckbook.ui.safe_text import plain_label


@dataclass(frozen=True)
class PromiseEdit:
    text: str
    due: Due | None  # None: no due


class EditPromiseDialog(QDialog):
    def __init__(
        self,
        text: str,
        current: Due | None,
        now: datetime,
        tz: tzinfo,
        end_of_business: time = END_OF_BUSINESS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Edit promise"))
        self._now, self._tz, self._eob = now, tz, end_of_business
        self._current = current
        today = now.astimezone(tz).date()
        self.text_edit = QLineEdit(text)
        self.text_edit.setAccessibleName(tr("Promise"))
        self.due_edit = QLineEdit(due_in_words(current, today) if current else "")
        self.due_edit.setAccessibleName(tr("Due", "noun"))
        # The examples stay English: the due is read by an English grammar.
        self.due_edit.setPlaceholderText(
            tr("e.g. {examples}; empty: none").format(
                examples="no, Thursday 5pm; the 9th; 2026-12-01"
            )
        )
        hint_width = self.due_edit.fontMetrics().horizontalAdvance(self.due_edit.placeholderText())
        self.due_edit.setMinimumWidth(hint_width + 24)
        self.understood = plain_label(wrap=True)
        self.understood.setAccessibleName(tr("Understood as"))
        self.restate = QCheckBox()
        self.restate.setChecked(True)
        self.restate.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(tr("Promise"), self.text_edit)
        form.addRow(tr("Due", "noun"), self.due_edit)
        form.addRow(tr("Understood as"), self.understood)
        form.addRow(self.restate)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.due: Due | None = current
        self._valid = True
        self.text_edit.textChanged.connect(self._update)
        self.due_edit.textChanged.connect(self._update)
        self._update()

    def _restated(self) -> str | None:
        """The text with the old due's words replaced, when the due changed and they differ."""
        if self.due is None or self.due == self._current:
            return None
        text = self.text_edit.text()
        new = restate_due(text, self.due, self._now, self._tz, end_of_business=self._eob)
        return new if new is not None and new != text else None

    def _update(self) -> None:
        typed = self.due_edit.text()
        self._valid = True
        if not typed.strip():
            self.due = None
            self.understood.setText(tr("no due"))
        else:
            try:
                self.due = parse_due(typed, self._now, self._tz, end_of_business=self._eob)
            except ValueError as exc:
                self._valid = False
                self.understood.setText(tr("not understood: {problem}").format(problem=exc))
            else:
                self.understood.setText(self.due.describe())
        restated = self._restated() if self._valid else None
        self.restate.setVisible(restated is not None)
        if restated is not None:
            self.restate.setText(tr("Also change the text to “{text}”").format(text=restated))
        self.save_button.setEnabled(self._valid and bool(self.text_edit.text().strip()))
        grow_to_fit(self)

    def value(self) -> PromiseEdit:
        text = self.text_edit.text().strip()
        if not self.restate.isHidden() and self.restate.isChecked():
            text = (self._restated() or text).strip()
        return PromiseEdit(text, self.due)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        text: str,
        current: Due | None,
        now: datetime,
        tz: tzinfo,
        end_of_business: time = END_OF_BUSINESS,
    ) -> PromiseEdit | None:
        dialog = cls(text, current, now, tz, end_of_business, parent)
        return run_modal(dialog, lambda d: d.value())
