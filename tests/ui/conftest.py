"""UI fixtures: ``german`` here also puts Qt's own text (standard buttons, context menus) and
the default QLocale (number fields) into German, as the window's start does."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from ckbook import i18n
from ckbook.app import install_translations


@pytest.fixture
def german(german: None, qapp: QApplication) -> Iterator[None]:
    """The window in German for one test; English, and Qt's own text English, after it."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    installed = install_translations(qapp, "de")
    assert i18n.language() == "de" and len(installed) == 2, "Qt's or ckbook's German is missing"
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)
