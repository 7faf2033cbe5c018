"""The window under a German desktop: menus, actions, pages, the welcome page, pop-ups, the
tray's menu, Qt's own buttons and the user guide read German — and English again afterwards."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox

from ckbook import i18n, resources
from ckbook.services.clients import ClientInput, add_client
from ckbook.ui.banner import ReminderBanner
from ckbook.ui.main_window import MainWindow
from ckbook.ui.notifications import ReminderRouter
from ckbook.ui.welcome import DemoOpener, install_welcome


@pytest.fixture
def settings(tmp_path) -> QSettings:  # type: ignore[no-untyped-def]
    return QSettings(str(tmp_path / "ckbook.ini"), QSettings.Format.IniFormat)


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_the_window_built_under_german_reads_german(german, qtbot, notebook, settings, tmp_path):  # type: ignore[no-untyped-def]
    from ckbook.ui.care_card import install_care

    window = MainWindow(notebook, settings=settings)
    window.close_to_tray = True  # closing at teardown must not quit the test's application
    qtbot.addWidget(window)
    install_care(window, notebook)
    page = install_welcome(window, notebook, lambda: None, DemoOpener(lambda *_: None, tmp_path))
    assert menu_titles(window) == ["&Datei", "&Bearbeiten", "&Ansicht", "&Kunde", "&Hilfe"]
    assert window.action("new_client").text() == "&Neuer Kunde…"
    assert window.action("today").text() == "&Heute"
    assert (
        window.action("quit").toolTip() == "Alles speichern und beenden (Strg+Q)"
    )  # Qt writes keys the German way
    assert window.action("money_terms").text() == "&Konditionen…"
    assert page is not None and window.current_page() == "welcome"
    assert page.new_client.text() == "Ihren ersten Kunden hinzufügen"
    assert window.client_list.filter_edit.placeholderText().startswith("Filter: Name")
    header = window.client_list.model.headerData
    assert header(3, Qt.Orientation.Horizontal) == "Letzter Kontakt"
    notebook.run(add_client, ClientInput(name="Ada Lovelace"), notebook.now())
    assert window.current_page() == "today"
    assert window.client_list.count_label.text() == "1 Kunde"
    # every menu's accelerators are unique within it (German words, German letters)
    for menu in window.menus.values():
        keys = [
            a.text().split("&", 1)[1][0].lower()
            for a in menu.actions()
            if not a.isSeparator() and "&" in a.text()
        ]
        assert len(keys) == len(set(keys)), [a.text() for a in menu.actions()]


def test_a_pop_up_and_the_test_reminder_read_german(german, qtbot, notebook):  # type: ignore[no-untyped-def]
    banner = ReminderBanner()
    qtbot.addWidget(banner)
    router = ReminderRouter(notebook, banner, None)
    router.send_test()
    shown = banner.current()
    assert shown is not None
    assert shown.title == "ckbook-Testerinnerung"
    assert shown.body == "Erinnerungen erreichen Sie über ein Banner im ckbook-Fenster."
    assert [label for _key, label in shown.actions] == ["ckbook öffnen"]


def test_qt_buttons_and_the_user_guide_follow_the_language(german, qtbot):  # type: ignore[no-untyped-def]
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Close).text() == "Schließen"
    guide = resources.user_guide(i18n.language()).read_text("utf-8")
    assert guide.startswith("# ckbook in fünf Minuten")
    assert resources.user_guide("en").read_text("utf-8").startswith("# ckbook in five minutes")
    assert resources.user_guide("fr").read_text("utf-8").startswith("# ckbook in five minutes")


def test_after_german_the_next_window_is_english_again(qtbot, notebook, settings):  # type: ignore[no-untyped-def]
    window = MainWindow(notebook, settings=settings)
    window.close_to_tray = True
    qtbot.addWidget(window)
    assert menu_titles(window)[0] == "&File"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"
