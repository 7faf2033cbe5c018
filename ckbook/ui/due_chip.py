"""The parts of a due shown as a chip, shared by the call note's promise lines and the card's
add-a-promise line: the chip (click to correct), the field that takes a correction in words, and
the offer to restate the line's words so its text never contradicts its due."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton

from ckbook.i18n import tr
from ckbook.ui.theme import CHIP_STYLE

#: Examples of a correction: the due grammar is English, so they are not translated.
CORRECTION_EXAMPLES = "no, Thursday 5pm · the 9th · 2026-11-20T19:30"


def correction_hint() -> str:
    return tr("e.g. {examples}").format(examples=CORRECTION_EXAMPLES)


@dataclass(frozen=True)
class DueChip:
    chip: QPushButton
    field: QLineEdit
    reword: QPushButton


def due_chip() -> DueChip:
    """A new chip (shown), correction field and reword offer (both hidden)."""
    chip = QPushButton()
    chip.setStyleSheet(CHIP_STYLE)
    chip.setCursor(Qt.CursorShape.PointingHandCursor)
    field = QLineEdit()
    field.setPlaceholderText(correction_hint())
    field.setAccessibleName(tr("Correct the due"))
    field.hide()
    reword = QPushButton()
    reword.setFlat(True)
    reword.setStyleSheet("text-align: left; padding: 1px 4px;")
    reword.hide()
    return DueChip(chip, field, reword)
