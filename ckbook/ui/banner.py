"""The in-window reminder banner: the last way a reminder reaches the user when there is neither a
notification service nor a tray. It offers the same actions as a pop-up (Done, the snoozes, Open),
shows one reminder at a time with how many wait behind it, and shows all text as plain text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QToolButton, QVBoxLayout, QWidget

from ckbook.i18n import tr
from ckbook.ui.safe_text import plain_label


@dataclass(frozen=True)
class BannerItem:
    key: str
    title: str
    body: str
    #: (action key, button label) pairs; the key comes back in ``actionChosen``.
    actions: tuple[tuple[str, str], ...]


class ReminderBanner(QFrame):
    """A strip across the top of the window. Hidden while it has nothing to show."""

    actionChosen = Signal(str, str)  # key, action
    dismissed = Signal(str)  # key
    #: True when the banner has something to show, False when it went empty.
    visibilityChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(tr("Reminder"))
        self.setStyleSheet(
            "#reminderBanner { background: palette(highlight); border-radius: 4px; }"
            "#reminderBanner QLabel { color: palette(highlighted-text); }"
        )
        self._queue: list[BannerItem] = []
        self.title_label = plain_label(wrap=True)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.body_label = plain_label(wrap=True)
        self.count_label = plain_label()
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title_label)
        text.addWidget(self.body_label)
        self._buttons = QHBoxLayout()
        self._buttons.setSpacing(6)
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAccessibleName(tr("Dismiss reminder"))
        self.close_button.setToolTip(tr("Dismiss this reminder"))
        self.close_button.clicked.connect(self._on_close_clicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addLayout(text, 1)
        row.addWidget(self.count_label)
        row.addLayout(self._buttons)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    # --- API ----------------------------------------------------------------------------------

    def show_item(
        self, key: str, title: str, body: str, actions: Sequence[tuple[str, str]]
    ) -> None:
        """Queue a reminder; one with the same key replaces the queued one."""
        item = BannerItem(key, title, body, tuple(actions))
        self._queue = [queued for queued in self._queue if queued.key != key]
        self._queue.append(item)
        self._render()

    def remove(self, key: str) -> None:
        self._queue = [queued for queued in self._queue if queued.key != key]
        self._render()

    def current(self) -> BannerItem | None:
        return self._queue[0] if self._queue else None

    def pending(self) -> int:
        return len(self._queue)

    def button(self, action: str) -> QPushButton | None:
        for index in range(self._buttons.count()):
            item = self._buttons.itemAt(index)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QPushButton) and widget.property("action") == action:
                return widget
        return None

    # --- internals -----------------------------------------------------------------------------

    def _render(self) -> None:
        while (taken := self._buttons.takeAt(0)) is not None:
            widget = taken.widget()
            if widget is not None:
                widget.deleteLater()
        item = self.current()
        if item is None:
            self.hide()
            self.visibilityChanged.emit(False)
            return
        self.title_label.setText(item.title)
        self.body_label.setText(item.body)
        waiting = len(self._queue)
        self.count_label.setText(tr("1 of {count}").format(count=waiting) if waiting > 1 else "")

        for action, label in item.actions:
            button = QPushButton(label)
            button.setProperty("action", action)
            button.clicked.connect(lambda _=False, a=action: self._on_button_clicked(a))
            self._buttons.addWidget(button)
        self.count_label.setMinimumWidth(self.count_label.sizeHint().width())
        self.show()
        self.visibilityChanged.emit(True)

    def _on_button_clicked(self, action: str) -> None:
        item = self.current()
        if item is None:
            return
        self._queue.pop(0)
        self._render()
        self.actionChosen.emit(item.key, action)

    def _on_close_clicked(self) -> None:
        item = self.current()
        if item is None:
            return
        self._queue.pop(0)
        self._render()
        self.dismissed.emit(item.key)
