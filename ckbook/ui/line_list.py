"""A section that lists a client's items one line each, as the card's care sections do: a count or
"nothing yet" beside an add button on top, then one ``ItemLine`` per item (its text, a detail line
under it, its buttons on the right), rebuilt by the section's ``refresh``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ckbook.services.base import Changed
from ckbook.ui import theme
from ckbook.ui.notebook import Notebook
from ckbook.ui.safe_text import plain_label


class ItemLine(QWidget):
    """One item: ``text`` (wrapped) over ``detail``, then the buttons."""

    def _lay_out(
        self, text: str, detail: str, tint: str | None, buttons: Iterable[QPushButton]
    ) -> None:
        self.text = plain_label(text, wrap=True)
        self.detail = plain_label(detail)
        if tint is not None:
            theme.tint(self.detail, tint)
        words = QVBoxLayout()
        words.setSpacing(0)
        words.addWidget(self.text)
        words.addWidget(self.detail)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addLayout(words, 1)
        for button in buttons:
            layout.addWidget(button)


LineT = TypeVar("LineT", bound=ItemLine)


class LineListSection(QWidget, Generic[LineT]):
    """``empty`` (the count, or what none means) and ``add_button`` on top, ``lines`` below.
    Subclasses fill ``lines`` in ``refresh`` through ``_show_lines`` and define the two slots."""

    def __init__(
        self,
        notebook: Notebook,
        empty_text: str,
        add_text: str,
        add_tip: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.notebook = notebook
        self.client_id: int | None = None
        self.lines: list[LineT] = []
        self.add_button = QPushButton(add_text)
        self.add_button.setToolTip(add_tip)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.empty = plain_label(empty_text)
        self.list_layout = QVBoxLayout()
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.empty, 1)
        top.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(self.list_layout)
        notebook.changed.connect(self._on_notebook_changed)

    def _clear_lines(self) -> None:
        for line in self.lines:
            self.list_layout.removeWidget(line)
            line.deleteLater()
        self.lines = []

    def _show_lines(self, lines: Iterable[LineT]) -> None:
        for line in lines:
            self.list_layout.addWidget(line)
            self.lines.append(line)

    def _on_add_button_clicked(self) -> None:
        raise NotImplementedError

    def _on_notebook_changed(self, changed: Changed) -> None:
        raise NotImplementedError
