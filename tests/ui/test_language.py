"""The window's language: the environment's, installed before the first widget, with Qt's own
text (standard buttons) in the same language; English, loading nothing, by default."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from ckbook import i18n
from ckbook.app import install_translations


def test_qt_standard_buttons_read_german_under_german(german, qtbot):  # type: ignore[no-untyped-def]
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Abbrechen"


def test_the_start_follows_a_german_environment(qapp: QApplication, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.delenv("LC_ALL")
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    installed = install_translations(qapp)
    try:
        assert i18n.language() == "de" and len(installed) == 2
        assert i18n.format_number(1361.5, 2) == "1.361,50"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        i18n.uninstall()


@pytest.mark.parametrize("lang", ["C.UTF-8", "en_US.UTF-8", "fr_FR.UTF-8"])
def test_a_language_without_a_catalogue_shows_english(qapp: QApplication, monkeypatch, lang):  # type: ignore[no-untyped-def]
    monkeypatch.delenv("LC_ALL")
    monkeypatch.setenv("LANG", lang)
    try:
        assert install_translations(qapp) == []
        assert i18n.language() == "en" and i18n.tr("Cancel") == "Cancel"
    finally:
        i18n.uninstall()


def test_tests_run_in_english_whatever_the_developer_uses():
    assert i18n.system_language() == "en"
