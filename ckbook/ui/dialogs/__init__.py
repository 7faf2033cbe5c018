"""Dialogs that ask the user for something; each exposes ``@classmethod ask(cls, parent, ...)``
returning the answer (or None when cancelled), so tests can monkeypatch it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QDialog, QSpinBox, QWidget

from ckbook.services.limits import Range

DialogT = TypeVar("DialogT", bound=QDialog)
AnswerT = TypeVar("AnswerT")


def run_modal(dialog: DialogT, answer: Callable[[DialogT], AnswerT]) -> AnswerT | None:
    """Run ``dialog`` modally: ``answer(dialog)`` once accepted, None when cancelled. The dialog
    is deleted afterwards either way (what every ``ask`` does)."""
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return answer(dialog)
        return None
    finally:
        dialog.deleteLater()


def spin_box(limit: Range, suffix: str = "") -> QSpinBox:
    """A number field bounded by the services' own range for it, so the window never offers a
    value the services would refuse (nor refuses one they accept)."""
    box = QSpinBox()
    box.setRange(limit.low, limit.high)
    if suffix:
        box.setSuffix(suffix)
    return box


def grow_to_fit(dialog: QWidget) -> None:
    """Grow ``dialog`` to the height its word-wrapped labels need now. A window's minimum size
    ignores the height a wrapped label needs at its width, so a label whose text just got longer
    (an error, a result) was cut off; call this after changing such a text."""
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()  # the labels' new heights, now rather than at the next event
    needed = dialog.heightForWidth(dialog.width())
    if needed > dialog.height():
        dialog.resize(dialog.width(), needed)


def split_list(text: str) -> tuple[str, ...]:
    """Split what a person types into a field of several values (commas, semicolons, lines)."""
    for separator in (";", "\n"):
        text = text.replace(separator, ",")
    return tuple(part.strip() for part in text.split(",") if part.strip())


def join_list(values: tuple[str, ...] | list[str]) -> str:
    return ", ".join(values)
