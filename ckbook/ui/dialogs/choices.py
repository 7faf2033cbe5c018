"""The stored words shown to people: a client's status, attention level and channel, a pricing
model, a note's kind and mood, an incident's severity, a promise's status — and the formats of
the card's date fields.

What is stored stays English (the database, exports and the services compare these words); only
what is shown is translated. A combo box made by :func:`choice_box` shows the translated word and
keeps the stored one as its item data: read it with :func:`choice`, set it with
:func:`set_choice`, never through ``currentText``.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox

from ckbook.i18n import tr
from ckbook.services import vocabulary
from ckbook.services.money import pricing_label
from ckbook.store.models import PRICING_MODELS


def _labels(kind: str) -> dict[str, str]:
    if kind == "pricing":
        return {model: pricing_label(model) for model in PRICING_MODELS}
    return vocabulary.words(kind)


def note_kind_title(kind: str) -> str:
    """How a note of ``kind`` is called in a title: ``Call note`` / ``Gesprächsnotiz``."""
    return {
        "call": tr("Call note"),
        "meeting": tr("Meeting note"),
        "email": tr("Email note"),
        "message": tr("Message note"),
        "other": tr("Other note"),
    }.get(kind, tr("{kind} note").format(kind=capitalized(kind)))


def label(kind: str, value: str) -> str:
    """``value`` (a stored word of the list ``kind``) as shown; a word the list does not know
    (stored by a newer release) as it is."""
    return _labels(kind).get(value, value)


def capitalized(text: str) -> str:
    """``text`` with its first letter upper case (a word of a list at the start of a menu
    entry or title)."""
    return text[:1].upper() + text[1:]


def choice_box(kind: str, values: Iterable[str]) -> QComboBox:
    """A combo box showing ``values`` translated, each keeping its stored word as item data."""
    box = QComboBox()
    for value in values:
        box.addItem(label(kind, value), value)
    return box


def choice(box: QComboBox) -> str:
    """The stored word of the chosen item (its item data; the text when it has none)."""
    data = box.currentData()
    return data if isinstance(data, str) else box.currentText()


def set_choice(box: QComboBox, value: object) -> None:
    """Choose the item whose stored word is ``value`` (nothing changes when there is none)."""
    index = box.findData(value)
    if index >= 0:
        box.setCurrentIndex(index)


def date_edit_format() -> str:
    """The display format of a date field (Qt's format letters)."""
    return tr("dd MMM yyyy", "Qt date format of a date field")


def date_time_edit_format() -> str:
    """The display format of a date-and-time field (Qt's format letters)."""
    return tr("dd MMM yyyy HH:mm", "Qt format of a date and time field")
